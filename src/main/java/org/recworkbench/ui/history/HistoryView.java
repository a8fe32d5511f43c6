package org.recworkbench.ui.history;

import org.recworkbench.ui.common.I18n;
import javafx.scene.control.SplitPane;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.ui.common.ClippedText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.recworkbench.eval.Significance;
import org.recworkbench.ui.common.ChartSupport;
import org.recworkbench.ui.common.ErrorBarChart;
import org.recworkbench.ui.common.Views;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Thin view of {@link HistoryViewModel}. */
public final class HistoryView {

    @FXML
    private TextField filterField;
    @FXML
    private Button refreshButton;
    @FXML
    private Button rerunButton;
    @FXML
    private Button compareButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button exportUsersButton;
    @FXML
    private TableView<RunRow> runsTable;
    @FXML
    private TableColumn<RunRow, Long> idColumn;
    @FXML
    private TableColumn<RunRow, String> startedColumn;
    @FXML
    private TableColumn<RunRow, String> datasetColumn;
    @FXML
    private TableColumn<RunRow, String> algorithmColumn;
    @FXML
    private TableColumn<RunRow, String> paramsColumn;
    @FXML
    private TableColumn<RunRow, String> splitColumn;
    @FXML
    private TableColumn<RunRow, String> metricsColumn;
    @FXML
    private TableColumn<RunRow, String> secondsColumn;
    @FXML
    private TableView<Significance.MetricComparison> comparisonTable;
    @FXML
    private TableColumn<Significance.MetricComparison, String> metricColumn;
    @FXML
    private TableColumn<Significance.MetricComparison, String> aColumn;
    @FXML
    private TableColumn<Significance.MetricComparison, String> bColumn;
    @FXML
    private TableColumn<Significance.MetricComparison, String> differenceColumn;
    @FXML
    private TableColumn<Significance.MetricComparison, String> tColumn;
    @FXML
    private TableColumn<Significance.MetricComparison, String> wilcoxonColumn;
    @FXML
    private TableColumn<Significance.MetricComparison, String> effectColumn;
    @FXML
    private ErrorBarChart comparisonChart;
    @FXML
    private Label messageLabel;

    private final HistoryViewModel viewModel;

    private HistoryView(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(HistoryViewModel viewModel) {
        return Views.load("history/HistoryView.fxml", new HistoryView(viewModel));
    }

    @FXML
    private void initialize() {
        ChartSupport.install(comparisonChart, "run-comparison");
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        runsTable.setItems(viewModel.visibleRuns());
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsTable.setPlaceholder(Placeholders.of(I18n.t("history.noRuns")));
        column(idColumn, RunRow::id);
        column(startedColumn, RunRow::started);
        column(datasetColumn, RunRow::dataset);
        column(algorithmColumn, RunRow::algorithm);
        column(paramsColumn, RunRow::params);
        column(splitColumn, r -> r.split() + " · " + r.seed());
        column(metricsColumn, RunRow::metrics);
        column(secondsColumn, r -> String.format(Locale.ROOT, "%.2f", r.seconds()));

        refreshButton.setOnAction(e -> viewModel.onRefresh());
        rerunButton.setOnAction(e -> viewModel.onRerun(runsTable.getSelectionModel().getSelectedItem()));
        compareButton.setOnAction(e -> {
            List<RunRow> selected = List.copyOf(runsTable.getSelectionModel().getSelectedItems());
            if (selected.size() == 2) {
                // A is the older run, B the newer
                RunRow a = selected.get(0).id() < selected.get(1).id() ? selected.get(0) : selected.get(1);
                viewModel.onCompare(a, a == selected.get(0) ? selected.get(1) : selected.get(0));
            }
        });
        compareButton.disableProperty().bind(javafx.beans.binding.Bindings.size(
                runsTable.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        rerunButton.disableProperty().bind(runsTable.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.disableProperty().bind(runsTable.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.setOnAction(e -> confirmDelete());
        exportButton.setOnAction(e -> export());
        exportUsersButton.disableProperty().bind(runsTable.getSelectionModel().selectedItemProperty().isNull());
        exportUsersButton.setOnAction(e -> {
            RunRow row = runsTable.getSelectionModel().getSelectedItem();
            File file = saveAs(I18n.t("history.exportUsers.title", row.id()), "run-" + row.id() + "-users.csv");
            if (file != null) {
                viewModel.onExportPerUser(row, file.toPath());
            }
        });
        messageLabel.textProperty().bind(viewModel.messageProperty());

        metricColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().metric()));
        aColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(withInterval(comparedRun(true),
                c.getValue().metric())));
        bColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(withInterval(comparedRun(false),
                c.getValue().metric())));
        differenceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(number(c.getValue().difference())));
        tColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(p(c.getValue().tTestP())));
        wilcoxonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(p(c.getValue().wilcoxonP())));
        effectColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(number(c.getValue().effectSize())));
        comparisonTable.setPlaceholder(Placeholders.of(I18n.t("history.comparePlaceholder")));
        viewModel.comparisonProperty().addListener((obs, old, now) -> showComparison(now));
        viewModel.onRefresh();
        // numbers, times and ids keep their width (FXML); parameters, split and metrics are cut with a tooltip
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        SplitPane.setResizableWithParent(comparisonTable, false);
        ClippedText.install(runsTable);
        ClippedText.install(comparisonTable);
    }

    private static <T> void column(TableColumn<RunRow, T> column, Function<RunRow, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void showComparison(Significance.Comparison c) {
        comparisonTable.getItems().setAll(c == null ? List.of() : c.metrics());
        comparisonChart.getData().clear();
        if (c == null) {
            return;
        }
        XYChart.Series<String, Number> a = new XYChart.Series<>();
        a.setName(I18n.t("history.seriesA", c.a().runId(), c.a().algorithm()));
        XYChart.Series<String, Number> b = new XYChart.Series<>();
        b.setName(I18n.t("history.seriesB", c.b().runId(), c.b().algorithm()));
        for (Significance.MetricComparison m : c.metrics()) {
            if (!Double.isNaN(m.a()) && !Double.isNaN(m.b())) {
                a.getData().add(bar(c.a(), m.metric(), m.a()));
                b.getData().add(bar(c.b(), m.metric(), m.b()));
            }
        }
        comparisonChart.getData().setAll(List.of(a, b));
    }

    /** The run's value with its 95% interval as a whisker. */
    private static XYChart.Data<String, Number> bar(org.recworkbench.eval.RunResult run, String metric, double value) {
        org.recworkbench.eval.Summary s = run.metrics().get(metric);
        return s == null ? new XYChart.Data<>(metric, value) : ErrorBarChart.bar(metric, value, s.low(), s.high());
    }

    private void confirmDelete() {
        List<RunRow> selected = List.copyOf(runsTable.getSelectionModel().getSelectedItems());
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.t(selected.size() == 1 ? "history.delete.one"
                : "history.delete", String.valueOf(selected.size())),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(runsTable.getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.onDelete(selected));
    }

    private org.recworkbench.eval.RunResult comparedRun(boolean a) {
        Significance.Comparison c = viewModel.comparisonProperty().get();
        return c == null ? null : a ? c.a() : c.b();
    }

    /** "0.1234 [0.1100, 0.1368]", or the value alone when the metric has no interval. */
    private static String withInterval(org.recworkbench.eval.RunResult run, String metric) {
        org.recworkbench.eval.Summary s = run == null ? null : run.metrics().get(metric);
        if (s == null) {
            return "n/a";
        }
        return number(s.value()) + (Double.isNaN(s.low()) ? "" : " [" + number(s.low()) + ", " + number(s.high())
                + "]");
    }

    private void export() {
        List<RunRow> rows = runsTable.getSelectionModel().getSelectedItems().isEmpty()
                ? List.copyOf(viewModel.visibleRuns()) : List.copyOf(runsTable.getSelectionModel().getSelectedItems());
        File file = saveAs(I18n.t("history.export.title"), "runs.csv");
        if (file != null) {
            viewModel.onExport(rows, file.toPath());
        }
    }

    private File saveAs(String title, String name) {
        return org.recworkbench.ui.common.FileDialogs.saveCsv(runsTable.getScene().getWindow(), title, name);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? I18n.t("common.na") : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String p(double p) {
        return Double.isNaN(p) ? I18n.t("common.na") : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p)
                : String.format(Locale.ROOT, "%.4f", p);
    }
}
