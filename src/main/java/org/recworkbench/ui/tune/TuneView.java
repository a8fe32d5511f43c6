package org.recworkbench.ui.tune;

import org.recworkbench.ui.common.EngineText;
import org.recworkbench.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import org.controlsfx.control.SearchableComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Latex;
import org.recworkbench.ui.common.AlgorithmCell;
import org.recworkbench.ui.common.ClippedText;
import org.recworkbench.ui.common.DerivationPane;
import org.recworkbench.ui.common.ParamPanel;
import org.recworkbench.ui.common.Views;

import java.util.Locale;

/** Thin view of {@link TuneViewModel}: the parameter panel is generated from the algorithm's parameter specs. */
public final class TuneView {

    @FXML
    private VBox algorithmPanel;
    @FXML
    private HBox userPanel;
    @FXML
    private Tab historyTab;
    @FXML
    private StackPane derivationHolder;
    @FXML
    private Button openInFormulasButton;
    @FXML
    private ComboBox<Algorithm<?>> algorithmChooser;
    @FXML
    private Label algorithmDescription;
    @FXML
    private VBox paramPanel;
    @FXML
    private Button fitButton;
    @FXML
    private Button resetButton;
    @FXML
    private Button scoreButton;
    @FXML
    private Label scoreLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private SearchableComboBox<String> userChooser;
    @FXML
    private Button randomUserButton;
    @FXML
    private Button newUserButton;
    @FXML
    private Label historyTitle;
    @FXML
    private TableView<HistoryRow> historyTable;
    @FXML
    private TableColumn<HistoryRow, String> historyItem;
    @FXML
    private TableColumn<HistoryRow, String> historyTitleColumn;
    @FXML
    private TableColumn<HistoryRow, String> historyValue;
    @FXML
    private Spinner<Integer> listLength;
    @FXML
    private TableView<RecommendationRow> recommendationTable;
    @FXML
    private TableColumn<RecommendationRow, Integer> rankColumn;
    @FXML
    private TableColumn<RecommendationRow, String> moveColumn;
    @FXML
    private TableColumn<RecommendationRow, String> titleColumn;
    @FXML
    private TableColumn<RecommendationRow, String> scoreColumn;
    @FXML
    private TableColumn<RecommendationRow, String> sourceColumn;
    @FXML
    private TableColumn<RecommendationRow, String> whyColumn;
    @FXML
    private TextArea explanationArea;

    private final TuneViewModel viewModel;
    private boolean updating;

    private TuneView(TuneViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(TuneViewModel viewModel) {
        return Views.load("tune/TuneView.fxml", new TuneView(viewModel));
    }

    @FXML
    private void initialize() {
        algorithmChooser.getItems().setAll(viewModel.algorithms());
        algorithmChooser.setCellFactory(list -> new AlgorithmCell());
        algorithmChooser.setButtonCell(AlgorithmCell.compact());
        algorithmChooser.getSelectionModel().select(viewModel.algorithmProperty().get());
        algorithmChooser.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.algorithmProperty().get()) {
                viewModel.algorithmProperty().set(now);
            }
        });
        viewModel.algorithmProperty().addListener((obs, old, now) -> {
            algorithmChooser.setValue(now);
            algorithmDescription.setText(now == null ? "" : EngineText.description(now));
        });
        algorithmDescription.setText(EngineText.description(viewModel.algorithmProperty().get()));
        ParamPanel params = new ParamPanel(viewModel.algorithmProperty(), viewModel.paramsProperty(),
                viewModel::setParam, "");
        params.setOnAdjusting(viewModel::setAdjusting);
        paramPanel.getChildren().setAll(params.root());

        fitButton.setOnAction(e -> viewModel.onFit());
        fitButton.textProperty().bind(Bindings.when(viewModel.fitNeededProperty())
                .then(I18n.t("tune.fitChanged")).otherwise(I18n.t("tune.fitButton")));
        resetButton.setOnAction(e -> viewModel.onResetParams());
        scoreButton.setOnAction(e -> viewModel.onScore());
        scoreLabel.textProperty().bind(viewModel.scoreProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());

        userChooser.setItems(viewModel.userIds());
        userChooser.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !updating) {
                viewModel.onFindUser(now);
            }
        });
        viewModel.userProperty().addListener((obs, old, now) -> showUser(now.intValue()));
        showUser(viewModel.userProperty().get());
        viewModel.history().addListener((ListChangeListener<HistoryRow>) c -> showUser(viewModel.userProperty()
                .get()));
        randomUserButton.setOnAction(e -> viewModel.onRandomUser());
        newUserButton.setOnAction(e -> {
            var d = viewModel.dataProperty().get();
            if (d == null) {
                return;
            }
            new NewUserDialog(newUserButton.getScene().getWindow(), d, viewModel.popularItems(40),
                    d.kind() == DatasetKind.EXPLICIT).showAndWait()
                    .ifPresent(p -> viewModel.onNewUser(p.items(), p.values()));
        });

        historyTable.setItems(viewModel.history());
        historyItem.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemId()));
        historyTitleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title() == null
                || c.getValue().title().isEmpty() ? c.getValue().itemId() : c.getValue().title()));
        historyValue.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Latex.num(c.getValue().value())));
        historyTable.setPlaceholder(Placeholders.of(I18n.t("tune.noUser")));
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recommendationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        listLength.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100,
                viewModel.listLengthProperty().get()));
        listLength.valueProperty().addListener((obs, old, now) -> viewModel.listLengthProperty().set(now));

        recommendationTable.setItems(viewModel.recommendations());
        recommendationTable.setPlaceholder(Placeholders.of(I18n.t("tune.placeholder")));
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        moveColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().movementText()));
        titleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title().isEmpty()
                ? c.getValue().itemId() : c.getValue().title()));
        scoreColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.4g",
                c.getValue().score())));
        sourceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                I18n.orElse("common.source." + c.getValue().source(), c.getValue().source())));
        whyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().why()));
        recommendationTable.setRowFactory(table -> new MovementRow());
        recommendationTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.onExplain(now));
        explanationArea.textProperty().bind(viewModel.explanationProperty());
        DerivationPane derivation = new DerivationPane();
        derivation.setId("tuneDerivation");
        derivation.derivationProperty().bind(viewModel.derivationProperty());
        derivationHolder.getChildren().add(derivation);
        openInFormulasButton.disableProperty().bind(viewModel.derivationProperty().isNull());
        layout();
    }

    /** Side panels keep their width as the window grows or shrinks; titles and reasons show cut text in tooltips. */
    private void layout() {
        SplitPane.setResizableWithParent(algorithmPanel, false);
        ClippedText.freeText(historyTitleColumn, titleColumn, whyColumn);
        ClippedText.install(historyTable);
        ClippedText.install(recommendationTable);
        ClippedText.install(algorithmChooser.getButtonCell());
    }

    private void showUser(int user) {
        updating = true;
        try {
            userChooser.setValue(user < 0 ? null : viewModel.userIds().get(user));
            historyTab.setText(user < 0 ? I18n.t("tune.historyTab")
                    : I18n.t("tune.historyTab.count", String.valueOf(viewModel.history().size())));
            historyTitle.setText(user < 0 ? I18n.t("tune.historyTab") : I18n.t("tune.historyOf",
                    viewModel.userIds().get(user), String.valueOf(viewModel.history().size())));
        } finally {
            updating = false;
        }
    }

    /** Marks rows that moved up or down or are new since the previous list. */
    private static final class MovementRow extends TableRow<RecommendationRow> {
        @Override
        protected void updateItem(RecommendationRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("moved-up", "moved-down", "moved-new");
            if (empty || item == null || item.movement() == RecommendationRow.FIRST || item.movement() == 0) {
                return;
            }
            getStyleClass().add(item.movement() == RecommendationRow.NEW ? "moved-new"
                    : item.movement() > 0 ? "moved-up" : "moved-down");
        }
    }

    @FXML
    private void onOpenInFormulas() {
        viewModel.onOpenInFormulas();
    }
}
