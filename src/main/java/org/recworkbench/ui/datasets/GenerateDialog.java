package org.recworkbench.ui.datasets;

import org.recworkbench.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.SyntheticSpec;

/** Name, size, density and seed of a synthetic dataset (a low-rank preference model; see the README). */
final class GenerateDialog extends Dialog<GenerateDialog.Generate> {

    record Generate(String name, SyntheticSpec spec) {
    }

    private final TextField name = new TextField("synthetic");
    private final TextField users = new TextField("1000");
    private final TextField items = new TextField("500");
    private final TextField density = new TextField("0.05");
    private final TextField seed = new TextField("42");
    private final TextField factors = new TextField("8");
    private final CheckBox implicit = new CheckBox(I18n.t("datasets.generate.implicit"));
    private final Label problem = new Label();

    GenerateDialog(Window owner) {
        initOwner(owner);
        setTitle(I18n.t("datasets.generate.title"));
        setHeaderText(I18n.t("datasets.generate.header"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label(I18n.t("datasets.generate.name")), name);
        grid.addRow(1, new Label(I18n.t("datasets.generate.users")), users);
        grid.addRow(2, new Label(I18n.t("datasets.generate.items")), items);
        grid.addRow(3, new Label(I18n.t("datasets.generate.density")), density);
        grid.addRow(4, new Label(I18n.t("datasets.generate.factors")), factors);
        grid.addRow(5, new Label(I18n.t("datasets.generate.seed")), seed);
        grid.add(implicit, 1, 6);
        grid.add(problem, 0, 7, 2, 1);
        problem.getStyleClass().add("text-danger");
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText(I18n.t("datasets.generate.ok"));
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                result();
            } catch (RuntimeException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? result() : null);
    }

    private Generate result() {
        if (name.getText().isBlank()) {
            throw new InvalidInputException(I18n.t("datasets.generate.noName"));
        }
        try {
            return new Generate(name.getText().strip(), new SyntheticSpec(Integer.parseInt(users.getText().strip()),
                    Integer.parseInt(items.getText().strip()), Double.parseDouble(density.getText().strip()),
                    Long.parseLong(seed.getText().strip()), Integer.parseInt(factors.getText().strip()),
                    implicit.isSelected()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(I18n.t("datasets.generate.badNumbers"));
        }
    }
}
