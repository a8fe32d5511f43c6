package org.recworkbench.ui.tune;

import org.recworkbench.ui.common.I18n;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.Rating;
import org.controlsfx.control.SearchableComboBox;
import org.recworkbench.data.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: rate a few items in one click each (stars on the dataset's scale; a tick for implicit data); the
 * most popular items are listed, any other can be found by title or id in the search box above them. The result is
 * the new user's profile (items and values).
 */
final class NewUserDialog extends Dialog<NewUserDialog.Profile> {

    record Profile(int[] items, double[] values) {
    }

    /** One item that can be rated, and the stars (0: none) or tick given to it. */
    static final class Choice {
        final int item;
        final String title;
        final IntegerProperty stars = new SimpleIntegerProperty(0);
        final BooleanProperty clicked = new SimpleBooleanProperty(false);

        Choice(int item, String title) {
            this.item = item;
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final TableView<Choice> table = new TableView<>();

    NewUserDialog(Window owner, Dataset data, List<Integer> offered, boolean explicit) {
        initOwner(owner);
        StarScale scale = StarScale.of(data);
        setTitle(I18n.t("tune.newUser.title"));
        setHeaderText(explicit ? I18n.t("tune.newUser.header.explicit", scale.describe())
                : I18n.t("tune.newUser.header.implicit"));
        Map<Integer, Choice> byItem = new LinkedHashMap<>();
        for (int item = 0; item < data.itemCount(); item++) {
            String t = data.catalog().title(item);
            String id = data.items().id(item);
            byItem.put(item, new Choice(item, t.isEmpty() ? id : t + "  (" + id + ")"));
        }
        table.setId("newUserTable");
        table.setEditable(true);
        TableColumn<Choice, String> title = new TableColumn<>(I18n.t("tune.newUser.item"));
        title.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title));
        title.setPrefWidth(300);
        if (explicit) {
            TableColumn<Choice, Number> rating = new TableColumn<>(I18n.t("tune.newUser.rating.column"));
            rating.setCellValueFactory(c -> c.getValue().stars);
            rating.setCellFactory(c -> new StarCell(scale));
            rating.setPrefWidth(scale.stars() * 26.0 + 24);
            table.getColumns().setAll(List.of(title, rating));
        } else {
            TableColumn<Choice, Boolean> clicked = new TableColumn<>(I18n.t("tune.newUser.clicked"));
            clicked.setCellValueFactory(c -> c.getValue().clicked);
            clicked.setCellFactory(CheckBoxTableCell.forTableColumn(clicked));
            clicked.setPrefWidth(90);
            table.getColumns().setAll(List.of(title, clicked));
        }
        for (int item : offered) {
            table.getItems().add(byItem.get(item));
        }
        table.setPrefHeight(360);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        SearchableComboBox<Choice> search = new SearchableComboBox<>();
        search.setId("newUserSearch");
        search.getItems().setAll(byItem.values());
        search.setPromptText(I18n.t("tune.newUser.search", String.valueOf(byItem.size())));
        search.setMaxWidth(Double.MAX_VALUE);
        search.valueProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                add(picked);
                Platform.runLater(() -> search.setValue(null));
            }
        });
        getDialogPane().setContent(new VBox(8, search, new Label(I18n.t("tune.newUser.popularOf", data.name())),
                table));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResizable(true);
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            List<Choice> rated = table.getItems().stream()
                    .filter(c -> explicit ? c.stars.get() > 0 : c.clicked.get()).toList();
            int[] items = rated.stream().mapToInt(c -> c.item).toArray();
            double[] values = rated.stream().mapToDouble(c -> explicit ? scale.value(c.stars.get()) : 1).toArray();
            return new Profile(items, values);
        });
    }

    /** Puts an item found by search at the top of the list (or selects it if listed) to be rated. */
    void add(Choice choice) {
        if (!table.getItems().contains(choice)) {
            table.getItems().add(0, choice);
        }
        table.getSelectionModel().select(choice);
        table.scrollTo(choice);
    }

    TableView<Choice> table() {
        return table;
    }

    /** One click on a star rates the row's item; a click on the star already given clears it. */
    private static final class StarCell extends TableCell<Choice, Number> {

        private final Rating rating;
        private Choice bound;
        private boolean updating;
        private int before;

        StarCell(StarScale scale) {
            rating = new Rating(scale.stars(), 0);
            rating.setPartialRating(false);
            rating.setUpdateOnHover(false);
            rating.getStyleClass().add("new-user-rating");
            rating.ratingProperty().addListener((obs, old, now) -> {
                if (!updating && bound != null) {
                    bound.stars.set((int) Math.round(now.doubleValue()));
                }
            });
            rating.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> before = bound == null ? 0 : bound.stars.get());
            rating.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                Choice clickedOn = bound;
                int previous = before;
                Platform.runLater(() -> {
                    if (clickedOn != null && previous > 0 && clickedOn.stars.get() == previous
                            && (int) Math.round(rating.getRating()) == previous) {
                        clickedOn.stars.set(0);
                    }
                });
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Number stars, boolean empty) {
            super.updateItem(stars, empty);
            bound = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                    : getTableView().getItems().get(getIndex());
            if (bound == null) {
                setGraphic(null);
                return;
            }
            updating = true;
            try {
                rating.setRating(stars == null ? 0 : stars.doubleValue());
            } finally {
                updating = false;
            }
            setGraphic(rating);
        }
    }
}
