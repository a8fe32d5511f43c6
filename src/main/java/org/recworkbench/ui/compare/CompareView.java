package org.recworkbench.ui.compare;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.ui.common.AlgorithmCell;
import org.recworkbench.ui.common.ClippedText;
import org.recworkbench.ui.common.ParamsPopOver;
import org.recworkbench.ui.common.Views;

import java.util.Locale;

/** Thin view of {@link CompareViewModel}. */
public final class CompareView {

    @FXML
    private Button compareButton;
    @FXML
    private Label summaryLabel;
    @FXML
    private ComboBox<Algorithm<?>> leftAlgorithm;
    @FXML
    private Button leftParams;
    @FXML
    private TableView<CompareViewModel.Row> leftTable;
    @FXML
    private TableColumn<CompareViewModel.Row, Integer> leftRank;
    @FXML
    private TableColumn<CompareViewModel.Row, String> leftTitle;
    @FXML
    private TableColumn<CompareViewModel.Row, String> leftScore;
    @FXML
    private ComboBox<Algorithm<?>> rightAlgorithm;
    @FXML
    private Button rightParams;
    @FXML
    private TableView<CompareViewModel.Row> rightTable;
    @FXML
    private TableColumn<CompareViewModel.Row, Integer> rightRank;
    @FXML
    private TableColumn<CompareViewModel.Row, String> rightTitle;
    @FXML
    private TableColumn<CompareViewModel.Row, String> rightScore;
    @FXML
    private TextArea explanationArea;

    private final CompareViewModel viewModel;

    private CompareView(CompareViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(CompareViewModel viewModel) {
        return Views.load("compare/CompareView.fxml", new CompareView(viewModel));
    }

    @FXML
    private void initialize() {
        side(viewModel.left(), leftAlgorithm, leftParams, leftTable, leftRank, leftTitle, leftScore);
        side(viewModel.right(), rightAlgorithm, rightParams, rightTable, rightRank, rightTitle, rightScore);
        compareButton.setOnAction(e -> viewModel.onCompare());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        explanationArea.textProperty().bind(viewModel.explanationProperty());
    }

    private void side(CompareViewModel.Side side, ComboBox<Algorithm<?>> algorithm, Button params,
                      TableView<CompareViewModel.Row> table, TableColumn<CompareViewModel.Row, Integer> rank,
                      TableColumn<CompareViewModel.Row, String> title, TableColumn<CompareViewModel.Row, String> score) {
        algorithm.getItems().setAll(viewModel.algorithms());
        algorithm.setCellFactory(list -> new AlgorithmCell());
        algorithm.setButtonCell(new AlgorithmCell());
        algorithm.valueProperty().bindBidirectional(side.algorithmProperty());
        ParamsPopOver.attach(params, side.algorithmProperty(), side.paramsProperty(), side::setParam,
                side == viewModel.left() ? "left-" : "right-");
        table.setItems(side.rows());
        table.setPlaceholder(Placeholders.of(I18n.t("compare.placeholder")));
        // rank and score have a fixed range of widths (FXML); the title takes what is left
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        title.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.4g",
                c.getValue().score())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("only-here");
                if (!empty && item != null && item.onlyHere()) {
                    getStyleClass().add("only-here");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.onExplain(side,
                now));
        ClippedText.freeText(title);
        ClippedText.install(table);
        ClippedText.install(algorithm.getButtonCell());
    }

}
