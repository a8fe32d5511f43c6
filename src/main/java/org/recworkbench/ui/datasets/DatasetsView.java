package org.recworkbench.ui.datasets;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.ui.common.ClippedText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.recworkbench.ui.common.Views;

import java.util.List;
import java.util.function.Function;

/** Thin view over {@link DatasetsViewModel}: binds the table and the message line. */
public final class DatasetsView {

    @FXML
    private TableView<DatasetRow> table;
    @FXML
    private TableColumn<DatasetRow, Object> nameColumn;
    @FXML
    private TableColumn<DatasetRow, Object> kindColumn;
    @FXML
    private TableColumn<DatasetRow, Object> usersColumn;
    @FXML
    private TableColumn<DatasetRow, Object> itemsColumn;
    @FXML
    private TableColumn<DatasetRow, Object> interactionsColumn;
    @FXML
    private TableColumn<DatasetRow, Object> densityColumn;
    @FXML
    private TableColumn<DatasetRow, Object> createdColumn;
    @FXML
    private Label message;
    @FXML
    private javafx.scene.control.Button importButton;
    @FXML
    private javafx.scene.control.Button generateButton;
    @FXML
    private javafx.scene.control.Button renameButton;
    @FXML
    private javafx.scene.control.Button deleteButton;
    @FXML
    private javafx.scene.control.Button emptyImportButton;
    @FXML
    private javafx.scene.control.Button emptyGenerateButton;

    private final DatasetsViewModel viewModel;

    private DatasetsView(DatasetsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    private Parent root;

    public static Parent load(DatasetsViewModel viewModel) {
        return create(viewModel).root();
    }

    /** The view with its controller, for callers that also open its dialogs (Ctrl+O, a dropped file). */
    public static DatasetsView create(DatasetsViewModel viewModel) {
        DatasetsView view = new DatasetsView(viewModel);
        view.root = Views.load("datasets/DatasetsView.fxml", view);
        return view;
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bind(nameColumn, DatasetRow::name);
        bind(kindColumn, DatasetRow::kind);
        bindCount(usersColumn, DatasetRow::users);
        bindCount(itemsColumn, DatasetRow::items);
        bindCount(interactionsColumn, DatasetRow::interactions);
        bind(densityColumn, DatasetRow::density);
        bind(createdColumn, DatasetRow::created);
        table.setItems(viewModel.rows());
        message.textProperty().bind(viewModel.messageProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.onSelect(row));
        viewModel.selectedProperty().addListener((obs, old, info) -> selectRow(info));
        selectRow(viewModel.selectedProperty().get());
        ClippedText.install(table);
        ClippedText.install(message);
        // until the workspace opens, the actions that need it are disabled and say why (Refresh stays: it retries)
        for (javafx.scene.control.Button b : List.of(importButton, generateButton, renameButton, deleteButton,
                emptyImportButton, emptyGenerateButton)) {
            b.disableProperty().bind(viewModel.unavailableReasonProperty().isNotNull());
            javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
            why.textProperty().bind(viewModel.unavailableReasonProperty());
            // a disabled control shows no tooltip of its own: the reason also stands in the message line
            b.tooltipProperty().bind(javafx.beans.binding.Bindings.when(viewModel.unavailableReasonProperty()
                    .isNotNull()).then(why).otherwise((javafx.scene.control.Tooltip) null));
        }
    }

    private void selectRow(org.recworkbench.store.DatasetInfo info) {
        if (info == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        table.getItems().stream().filter(r -> r.info().id() == info.id()).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    private static void bind(TableColumn<DatasetRow, Object> column, Function<DatasetRow, Object> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /** Sorts by the number, shows it with thousands separators. */
    private static void bindCount(TableColumn<DatasetRow, Object> column, Function<DatasetRow, Integer> value) {
        bind(column, value::apply);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DatasetRow.count((Integer) item));
            }
        });
    }

    @FXML
    private void onRefresh() {
        viewModel.onRefresh();
    }

    @FXML
    private void onImport() {
        openImport(null);
    }

    /** Opens the import dialog, optionally on a file (a file dropped onto the window). */
    public void openImport(java.nio.file.Path file) {
        new ImportDialog(table.getScene().getWindow(), file).showAndWait().ifPresent(viewModel::onImport);
    }

    @FXML
    private void onGenerate() {
        new GenerateDialog(table.getScene().getWindow()).showAndWait()
                .ifPresent(g -> viewModel.onGenerate(g.name(), g.spec()));
    }

    @FXML
    private void onRename() {
        org.recworkbench.store.DatasetInfo selected = viewModel.selectedProperty().get();
        if (selected == null) {
            return;
        }
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(selected.name());
        dialog.initOwner(table.getScene().getWindow());
        dialog.setTitle(I18n.t("datasets.rename.title"));
        dialog.setHeaderText(I18n.t("datasets.rename.header", selected.name()));
        dialog.showAndWait().filter(n -> !n.isBlank() && !n.strip().equals(selected.name()))
                .ifPresent(n -> viewModel.onRename(selected, n));
    }

    @FXML
    private void onDelete() {
        org.recworkbench.store.DatasetInfo selected = viewModel.selectedProperty().get();
        if (selected == null) {
            return;
        }
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, I18n.t("datasets.delete.confirm", selected.name(),
                DatasetRow.count(selected.interactions())), javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(table.getScene().getWindow());
        confirm.setHeaderText(I18n.t("datasets.delete.header"));
        confirm.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals)
                .ifPresent(ok -> viewModel.onDelete(selected));
    }
}
