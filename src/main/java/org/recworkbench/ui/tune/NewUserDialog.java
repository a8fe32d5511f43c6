package org.recworkbench.ui.tune;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.recworkbench.data.Dataset;

import java.util.ArrayList;
import java.util.List;

/** Cold start: rate a few of the most popular items; the result is the new user's profile (items and values). */
final class NewUserDialog extends Dialog<NewUserDialog.Profile> {

    record Profile(int[] items, double[] values) {
    }

    /** One offered item and the rating given to it ("" for none). */
    static final class Choice {
        final int item;
        final String title;
        final SimpleStringProperty rating = new SimpleStringProperty("");

        Choice(int item, String title) {
            this.item = item;
            this.title = title;
        }
    }

    NewUserDialog(Window owner, Dataset data, List<Integer> offered, boolean explicit) {
        initOwner(owner);
        setTitle("New user");
        setHeaderText(explicit ? "Rate a few items (1–5); leave the others empty (none: the popular list)"
                : "Mark the items the new user clicked or bought (1); none: the popular list");
        TableView<Choice> table = new TableView<>();
        table.setId("newUserTable");
        table.setEditable(true);
        TableColumn<Choice, String> title = new TableColumn<>("Item");
        title.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title));
        title.setPrefWidth(280);
        TableColumn<Choice, String> rating = new TableColumn<>(explicit ? "Your rating" : "Clicked");
        rating.setCellValueFactory(c -> c.getValue().rating);
        rating.setCellFactory(ComboBoxTableCell.forTableColumn(explicit ? new String[] {"", "1", "2", "3", "4", "5"}
                : new String[] {"", "1"}));
        rating.setPrefWidth(110);
        table.getColumns().setAll(List.of(title, rating));
        List<Choice> choices = new ArrayList<>();
        for (int item : offered) {
            String t = data.catalog().title(item);
            choices.add(new Choice(item, t.isEmpty() ? data.items().id(item) : t));
        }
        table.getItems().setAll(choices);
        table.setPrefHeight(360);
        getDialogPane().setContent(new VBox(8, new Label("The most popular items of " + data.name()), table));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            List<Choice> rated = choices.stream().filter(c -> !c.rating.get().isEmpty()).toList();
            int[] items = rated.stream().mapToInt(c -> c.item).toArray();
            double[] values = rated.stream().mapToDouble(c -> Double.parseDouble(c.rating.get())).toArray();
            return new Profile(items, values);
        });
    }
}
