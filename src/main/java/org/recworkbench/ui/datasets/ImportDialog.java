package org.recworkbench.ui.datasets;

import org.recworkbench.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Choose a file and format; for generic CSV also the delimiter, header and which column is the user, item,
 * rating and time, with a live preview of the first rows. Returns the import request.
 */
final class ImportDialog extends Dialog<ImportRequest> {

    private final TextField file = new TextField();
    private final TextField items = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<ImportFormat> format = new ComboBox<>();
    private final TextField delimiter = new TextField(",");
    private final CheckBox header = new CheckBox(I18n.t("datasets.import.header"));
    private final CheckBox implicit = new CheckBox(I18n.t("datasets.import.implicit"));
    private final List<ComboBox<String>> roles = List.of(new ComboBox<>(), new ComboBox<>(), new ComboBox<>(),
            new ComboBox<>());
    private final TableView<List<String>> preview = new TableView<>();
    private final Label problem = new Label();
    private ImportPreview current;

    ImportDialog(Window owner, Path initial) {
        initOwner(owner);
        setTitle(I18n.t("datasets.import.title"));
        setHeaderText(I18n.t("datasets.import.header.text"));
        format.getItems().setAll(ImportFormat.values());
        format.setValue(ImportFormat.CSV);
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ImportFormat f) {
                return f == null ? "" : I18n.orElse("datasets.format." + f.cliName(), f.description());
            }

            @Override
            public ImportFormat fromString(String s) {
                return null;
            }
        });
        header.setSelected(true);
        file.setId("importFile");
        name.setId("importName");
        preview.setId("importPreview");
        preview.setPrefHeight(150);
        preview.setMinHeight(100);
        preview.getStyleClass().add("dense");
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        preview.setPlaceholder(Placeholders.of(I18n.t("datasets.import.previewEmpty")));
        problem.getStyleClass().add("text-danger");
        problem.setWrapText(true);

        Button browse = new Button(I18n.t("datasets.import.browse"));
        browse.setOnAction(e -> choose(file, I18n.t("datasets.import.chooseFile")).ifPresent(this::useFile));
        Button browseItems = new Button(I18n.t("datasets.import.browse"));
        browseItems.setOnAction(e -> choose(items, I18n.t("datasets.import.chooseItems")));

        // labels keep their whole text; the fields and choosers take the rest of the width
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labelColumn = new ColumnConstraints();
        labelColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fieldColumn = new ColumnConstraints();
        fieldColumn.setHgrow(Priority.ALWAYS);
        fieldColumn.setFillWidth(true);
        grid.getColumnConstraints().setAll(labelColumn, fieldColumn);
        int row = 0;
        grid.addRow(row++, label(I18n.t("datasets.import.file")), grow(new HBox(6, file, browse), file));
        grid.addRow(row++, label(I18n.t("datasets.import.format")), wide(format));
        grid.addRow(row++, label(I18n.t("datasets.import.name")), name);
        grid.addRow(row++, label(I18n.t("datasets.import.itemFile")), grow(new HBox(6, items, browseItems), items));
        FlowPane csvOptions = new FlowPane(12, 6, delimiter, header, implicit);
        csvOptions.setAlignment(Pos.CENTER_LEFT);
        header.setMinWidth(Region.USE_PREF_SIZE);
        implicit.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row++, label(I18n.t("datasets.import.delimiter")), csvOptions);
        // the four column roles two to a row: the dialog then fits a 700 px high screen
        String[] ids = {"user", "item", "rating", "time"};
        String[] labels = {I18n.t("datasets.import.userColumn"), I18n.t("datasets.import.itemColumn"),
                I18n.t("datasets.import.ratingColumn"), I18n.t("datasets.import.timeColumn")};
        GridPane roleGrid = new GridPane();
        roleGrid.setHgap(8);
        roleGrid.setVgap(6);
        for (int r = 0; r < 4; r++) {
            roles.get(r).setId("role-" + ids[r]);
            roles.get(r).setMinWidth(200);
            roles.get(r).setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(roles.get(r), Priority.ALWAYS);
            roleGrid.add(label(labels[r]), (r % 2) * 2, r / 2);
            roleGrid.add(roles.get(r), (r % 2) * 2 + 1, r / 2);
        }
        grid.add(roleGrid, 0, row++, 2, 1);
        file.setPrefColumnCount(32);
        delimiter.setPrefColumnCount(3);
        delimiter.setMinWidth(Region.USE_PREF_SIZE);
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browseItems.setMinWidth(Region.USE_PREF_SIZE);
        setResizable(true);
        VBox content = new VBox(10, grid, new Label(I18n.t("datasets.import.preview")), preview, problem);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText(I18n.t("datasets.import.ok"));

        format.valueProperty().addListener((obs, old, now) -> refresh());
        delimiter.textProperty().addListener((obs, old, now) -> refresh());
        header.selectedProperty().addListener((obs, old, now) -> refresh());
        file.setOnAction(e -> useFile(Path.of(file.getText().strip())));
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                request();
            } catch (RuntimeException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? request() : null);
        if (initial != null) {
            useFile(initial);
        }
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox grow(HBox box, TextField field) {
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static <T extends Region> T wide(T control) {
        control.setMaxWidth(Double.MAX_VALUE);
        return control;
    }

    private java.util.Optional<Path> choose(TextField target, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        File chosen = chooser.showOpenDialog(getOwner());
        if (chosen == null) {
            return java.util.Optional.empty();
        }
        target.setText(chosen.getPath());
        return java.util.Optional.of(chosen.toPath());
    }

    void useFile(Path path) {
        file.setText(path.toString());
        if (name.getText().isBlank()) {
            String base = path.getFileName().toString();
            name.setText(base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base);
        }
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.equals("u.data")) {
            format.setValue(ImportFormat.MOVIELENS_100K);
        } else if (lower.equals("ratings.dat")) {
            format.setValue(ImportFormat.MOVIELENS_1M);
        } else if (lower.contains("retail")) {
            format.setValue(ImportFormat.ONLINE_RETAIL);
        }
        refresh();
    }

    private void refresh() {
        boolean csv = format.getValue() == ImportFormat.CSV;
        roles.forEach(r -> r.setDisable(!csv));
        delimiter.setDisable(!csv);
        header.setDisable(!csv);
        implicit.setDisable(!csv);
        problem.setText("");
        String path = file.getText().strip();
        if (path.isEmpty()) {
            return;
        }
        try {
            current = ImportPreview.read(Path.of(path), csv ? delimiter.getText() : format.getValue()
                    == ImportFormat.MOVIELENS_100K ? "\t" : ",", csv && header.isSelected());
        } catch (IOException | RuntimeException e) {
            current = null;
            preview.getColumns().clear();
            preview.getItems().clear();
            problem.setText(I18n.t("datasets.import.cannotRead", path, e.getMessage()));
            return;
        }
        preview.getColumns().clear();
        for (int c = 0; c < current.columns().size(); c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(current.columns().get(c));
            // a header never shows cut: at least its text's width plus the header's padding
            column.setMinWidth(new javafx.scene.text.Text(current.columns().get(c)).getLayoutBounds().getWidth() * 1.25
                    + 28);
            column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(
                    index < cell.getValue().size() ? cell.getValue().get(index) : ""));
            preview.getColumns().add(column);
        }
        preview.getItems().setAll(current.rows());
        List<String> choices = new java.util.ArrayList<>(List.of(I18n.t("datasets.import.none")));
        choices.addAll(current.columns());
        for (int r = 0; r < 4; r++) {
            ComboBox<String> box = roles.get(r);
            String before = box.getValue();
            box.getItems().setAll(choices);
            box.setValue(before != null && choices.contains(before) ? before
                    : r < current.columns().size() ? current.columns().get(r) : I18n.t("datasets.import.none"));
        }
    }

    private int column(ComboBox<String> box) {
        return current == null || box.getValue() == null ? -1 : current.columns().indexOf(box.getValue());
    }

    ImportRequest request() {
        String path = file.getText().strip();
        if (path.isEmpty()) {
            throw new InvalidInputException(I18n.t("datasets.import.noFile"));
        }
        List<String> columns = null;
        if (format.getValue() == ImportFormat.CSV && current != null) {
            int user = column(roles.get(0));
            int item = column(roles.get(1));
            if (user < 0 || item < 0) {
                throw new InvalidInputException(I18n.t("datasets.import.noColumns"));
            }
            columns = current.mapping(user, item, column(roles.get(2)), column(roles.get(3)));
        }
        String itemsPath = items.getText().strip();
        return new ImportRequest(name.getText(), format.getValue(), Path.of(path),
                itemsPath.isEmpty() ? null : Path.of(itemsPath), columns, delimiter.getText(),
                format.getValue() == ImportFormat.CSV && header.isSelected(),
                format.getValue() == ImportFormat.CSV && implicit.isSelected(), null, false);
    }
}
