package org.recworkbench.ui.evaluate;

import org.recworkbench.ui.common.EngineText;
import org.recworkbench.ui.common.I18n;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.layout.Region;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.recworkbench.ui.common.Placeholders;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.eval.Diagnostics;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.ValidationSplit;
import org.recworkbench.ui.common.ClippedText;
import org.recworkbench.ui.common.ParamsPopOver;
import org.recworkbench.ui.common.AlgorithmCell;
import org.recworkbench.ui.common.BandLineChart;
import org.recworkbench.ui.common.ChartLegends;
import org.recworkbench.ui.common.ChartSupport;
import org.recworkbench.ui.common.ErrorBarChart;
import org.recworkbench.ui.common.Views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Thin view over {@link EvaluateViewModel}: the form, one chart per tab, the runs of this session. */
public final class EvaluateView {

    @FXML
    private ComboBox<Algorithm<?>> algorithmBox;
    @FXML
    private Button paramsButton;
    @FXML
    private CheckBox validationBox;
    @FXML
    private Spinner<Integer> seedSpinner;
    @FXML
    private TextField splitField;
    @FXML
    private CheckComboBox<String> metricsBox;
    @FXML
    private TextField sweepField;
    @FXML
    private TextField compareField;
    @FXML
    private TabPane chartTabs;
    @FXML
    private StackPane sweepHolder;
    @FXML
    private StackPane compareHolder;
    @FXML
    private StackPane prHolder;
    @FXML
    private StackPane ndcgHolder;
    @FXML
    private StackPane learningHolder;
    @FXML
    private StackPane errorsHolder;
    @FXML
    private StackPane popularityHolder;
    @FXML
    private TableView<RunResult> runsTable;
    @FXML
    private Label messageLabel;

    private final EvaluateViewModel viewModel;
    private final BandLineChart sweepChart = new BandLineChart(axis(I18n.t("evaluate.axis.parameter")),
            axis(I18n.t("evaluate.axis.value")));
    private final ComboBox<String> sweepMetricBox = new ComboBox<>();
    private final ErrorBarChart compareChart = new ErrorBarChart(new CategoryAxis(),
            axis(I18n.t("evaluate.axis.value")));
    private final LineChart<Number, Number> prChart = new LineChart<>(axis(I18n.t("evaluate.axis.recallN")),
            axis(I18n.t("evaluate.axis.precisionN")));
    private final LineChart<Number, Number> ndcgChart = new LineChart<>(axis("N"), axis("NDCG@N"));
    private final LineChart<Number, Number> lossChart = new LineChart<>(axis(I18n.t("evaluate.axis.epoch")),
            axis(I18n.t("evaluate.axis.trainingLoss")));
    private final LineChart<Number, Number> validationChart = new LineChart<>(axis(I18n.t("evaluate.axis.epoch")),
            axis(I18n.t("evaluate.axis.validation")));
    private final BarChart<String, Number> errorChart = new BarChart<>(category(I18n.t("evaluate.axis.error")),
            axis(I18n.t("evaluate.axis.testEntries")));
    private final LineChart<Number, Number> calibrationChart = new LineChart<>(axis(I18n.t("evaluate.axis.meanPredicted")),
            axis(I18n.t("evaluate.axis.meanActual")));
    private final BarChart<String, Number> popularityChart = new BarChart<>(category(
            I18n.t("evaluate.axis.decile")), axis(I18n.t("evaluate.axis.share")));

    private EvaluateView(EvaluateViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent load(EvaluateViewModel viewModel) {
        return Views.load("evaluate/EvaluateView.fxml", new EvaluateView(viewModel));
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        return a;
    }

    private static CategoryAxis category(String label) {
        CategoryAxis a = new CategoryAxis();
        a.setLabel(label);
        return a;
    }

    @FXML
    private void initialize() {
        algorithmBox.getItems().setAll(viewModel.algorithms());
        algorithmBox.setCellFactory(list -> new AlgorithmCell());
        algorithmBox.setButtonCell(AlgorithmCell.compact());
        algorithmBox.valueProperty().bindBidirectional(viewModel.algorithmProperty());
        ParamsPopOver.attach(paramsButton, viewModel.algorithmProperty(), viewModel.paramsProperty(),
                viewModel::setParam, "evaluate-");
        seedSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE,
                viewModel.seedProperty().get()));
        seedSpinner.valueProperty().addListener((obs, old, now) -> viewModel.seedProperty().set(now == null ? 42 : now));
        splitField.textProperty().bindBidirectional(viewModel.splitProperty());
        validationBox.selectedProperty().bindBidirectional(viewModel.chooseOnValidationProperty());
        validationBox.setTooltip(new javafx.scene.control.Tooltip(I18n.t("evaluate.validation.tip",
                String.valueOf(Math.round(EvaluateViewModel.VALIDATION_FRACTION * 100)))));
        MetricChoices.bind(metricsBox, viewModel.metricsProperty());
        sweepField.textProperty().bindBidirectional(viewModel.sweepProperty());
        compareField.textProperty().bindBidirectional(viewModel.compareProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());

        // one metric at a time on its own axis: RMSE moving 0.9465 → 0.9152 must not look flat beside NDCG
        sweepMetricBox.setId("sweepMetric");
        sweepMetricBox.valueProperty().addListener((obs, old, now) -> showSweep());
        Label metricLabel = new Label(I18n.t("evaluate.metric"));
        metricLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox sweepBar = new HBox(8, metricLabel, sweepMetricBox);
        sweepBar.setAlignment(Pos.CENTER_LEFT);
        sweepBar.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(sweepMetricBox.getItems()));
        sweepBar.managedProperty().bind(sweepBar.visibleProperty());
        StackPane sweepPlot = place(sweepChart, "sweepChart", "sweep",
                I18n.t("evaluate.hint.sweep"));
        VBox.setVgrow(sweepPlot, Priority.ALWAYS);
        sweepHolder.getChildren().add(new VBox(4, sweepBar, sweepPlot));
        compareHolder.getChildren().add(place(compareChart, "compareChart", "algorithms",
                I18n.t("evaluate.hint.compare")));
        prHolder.getChildren().add(place(prChart, "prChart", "precision-recall",
                I18n.t("evaluate.hint.pr", String.valueOf(EvaluateCharts.CURVE_MAX_N))));
        ndcgHolder.getChildren().add(place(ndcgChart, "ndcgChart", "ndcg-at-n",
                I18n.t("evaluate.hint.ndcg")));
        StackPane loss = place(lossChart, "lossChart", "training-loss",
                I18n.t("evaluate.hint.loss"));
        StackPane validation = place(validationChart, "validationChart", "validation",
                I18n.t("evaluate.hint.validation"));
        VBox learning = new VBox(4, loss, validation);
        VBox.setVgrow(loss, Priority.ALWAYS);
        VBox.setVgrow(validation, Priority.ALWAYS);
        learningHolder.getChildren().add(learning);
        StackPane errorsPlot = place(errorChart, "errorChart", "rating-errors",
                I18n.t("evaluate.hint.errors"));
        StackPane calibrationPlot = place(calibrationChart, "calibrationChart", "calibration",
                I18n.t("evaluate.hint.calibration"));
        HBox errors = new HBox(4, errorsPlot, calibrationPlot);
        HBox.setHgrow(errorsPlot, Priority.ALWAYS);
        HBox.setHgrow(calibrationPlot, Priority.ALWAYS);
        errorsHolder.getChildren().add(errors);
        // wide bars: one per bin, touching, instead of hairlines
        errorChart.setCategoryGap(1);
        errorChart.setBarGap(0);
        popularityHolder.getChildren().add(place(popularityChart, "popularityChart", "popularity-bias",
                I18n.t("evaluate.hint.popularity")));
        compareChart.setTitle(I18n.t("evaluate.title.compare"));
        prChart.setTitle(I18n.t("evaluate.title.pr", String.valueOf(EvaluateCharts.CURVE_MAX_N)));
        ndcgChart.setTitle("NDCG@N");
        errorChart.setTitle(I18n.t("evaluate.title.errors"));
        calibrationChart.setTitle(I18n.t("evaluate.title.calibration"));
        lossChart.setTitle(I18n.t("evaluate.title.loss"));

        viewModel.sweepLines().addListener((ListChangeListener<EvaluateCharts.Line>) c -> showSweep());
        viewModel.compareRuns().addListener((ListChangeListener<RunResult>) c -> showComparison());
        viewModel.curve().addListener((ListChangeListener<EvaluateCharts.CurvePoint>) c -> showCurves());
        viewModel.learning().addListener((ListChangeListener<EvaluateViewModel.EpochPoint>) c -> showLearning());
        viewModel.errorBins().addListener((ListChangeListener<EvaluateViewModel.ErrorBin>) c -> showErrors());
        viewModel.calibration().addListener((ListChangeListener<Diagnostics.CalibrationBin>) c -> showCalibration());
        viewModel.popularityProperty().addListener((obs, old, now) -> showPopularity(now));
        buildRunsTable();
    }

    private static void prepare(XYChart<?, ?> chart, String id, String fileName) {
        chart.setId(id);
        chart.setAnimated(false);
        ChartSupport.install(chart, fileName);
    }

    /** The chart ready to show: id, export menu, legend entries that hide their series, a hint while empty. */
    private static StackPane place(XYChart<?, ?> chart, String id, String fileName, String hint) {
        prepare(chart, id, fileName);
        ChartLegends.toggleOnClick(chart);
        return ChartLegends.withHint(chart, hint);
    }

    private void showSweep() {
        List<String> metrics = viewModel.sweepLines().stream().map(EvaluateCharts.Line::metric).distinct().toList();
        if (!sweepMetricBox.getItems().equals(metrics)) {
            String chosen = sweepMetricBox.getValue();
            sweepMetricBox.getItems().setAll(metrics);
            sweepMetricBox.setValue(metrics.contains(chosen) ? chosen : metrics.isEmpty() ? null : metrics.get(0));
            return; // the value listener draws
        }
        List<EvaluateCharts.Line> lines = viewModel.sweepLines().stream()
                .filter(l -> l.metric().equals(sweepMetricBox.getValue())).toList();
        if (lines.isEmpty()) {
            sweepChart.getData().clear();
            return;
        }
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        XYChart.Series<Number, Number> best = new XYChart.Series<>();
        for (EvaluateCharts.Line line : lines) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            for (EvaluateCharts.Point p : line.points()) {
                s.getData().add(BandLineChart.point(p.x(), p.y(), p.low(), p.high()));
            }
            series.add(s);
            for (int k : line.ties()) {
                EvaluateCharts.Point p = line.points().get(k);
                best.getData().add(new XYChart.Data<>(p.x(), p.y()));
            }
        }
        boolean tied = best.getData().size() > 1;
        best.setName(tied ? I18n.t("evaluate.best.tie", String.valueOf(best.getData().size())) : I18n.t("evaluate.best"));
        series.add(best);
        sweepChart.getData().setAll(series);
        String metric = lines.get(0).metric();
        String parameter = viewModel.sweepParameterProperty().get();
        ((NumberAxis) sweepChart.getXAxis()).setLabel(parameter);
        ((NumberAxis) sweepChart.getYAxis()).setLabel(metric);
        boolean onValidation = !viewModel.sweepRuns().isEmpty()
                && ValidationSplit.measuresValidation(viewModel.sweepRuns().get(0).split());
        sweepChart.setTitle(I18n.t("evaluate.title.sweep", metric,
                I18n.t(onValidation ? "evaluate.onValidation" : "evaluate.onTest"), parameter,
                I18n.t(EvaluateCharts.lowerIsBetter(metric) ? "evaluate.lowerBetter" : "evaluate.higherBetter"),
                tied ? I18n.t("evaluate.tied") : ""));
        if (best.getNode() != null) {
            best.getNode().setStyle("-fx-stroke: transparent;");
        }
        for (XYChart.Data<Number, Number> d : best.getData()) {
            if (d.getNode() != null) {
                d.getNode().setStyle("-fx-background-color: gold, black; -fx-background-insets: 0, 3;"
                        + " -fx-padding: 7px; -fx-shape: \"M5,0 L6.2,3.6 L10,3.6 L6.9,5.9 L8.1,9.5 L5,7.3 L1.9,9.5"
                        + " L3.1,5.9 L0,3.6 L3.8,3.6 Z\";");
            }
        }
    }

    private void showComparison() {
        Map<String, List<EvaluateCharts.Point>> bars = viewModel.bars();
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (int k = 0; k < viewModel.compareRuns().size(); k++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(viewModel.compareRuns().get(k).algorithm());
            for (Map.Entry<String, List<EvaluateCharts.Point>> e : bars.entrySet()) {
                EvaluateCharts.Point p = e.getValue().get(k);
                if (!Double.isNaN(p.y())) {
                    s.getData().add(ErrorBarChart.bar(e.getKey(), p.y(), p.low(), p.high()));
                }
            }
            all.add(s);
        }
        compareChart.getData().setAll(all);
    }

    private void showCurves() {
        XYChart.Series<Number, Number> pr = new XYChart.Series<>();
        pr.setName(I18n.t("evaluate.series.pr", String.valueOf(viewModel.curve().size())));
        XYChart.Series<Number, Number> ndcg = new XYChart.Series<>();
        ndcg.setName("NDCG@N");
        for (EvaluateCharts.CurvePoint p : viewModel.curve()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.recall(), p.precision());
            d.setExtraValue("N = " + p.n());
            pr.getData().add(d);
            ndcg.getData().add(new XYChart.Data<>(p.n(), p.ndcg()));
        }
        prChart.getData().setAll(List.of(pr));
        ndcgChart.getData().setAll(List.of(ndcg));
    }

    private void showLearning() {
        XYChart.Series<Number, Number> loss = new XYChart.Series<>();
        loss.setName(I18n.t("evaluate.axis.trainingLoss"));
        XYChart.Series<Number, Number> validation = new XYChart.Series<>();
        validation.setName(viewModel.validationMetricProperty().get());
        for (EvaluateViewModel.EpochPoint p : viewModel.learning()) {
            loss.getData().add(new XYChart.Data<>(p.epoch(), p.loss()));
            if (!Double.isNaN(p.validation())) {
                validation.getData().add(new XYChart.Data<>(p.epoch(), p.validation()));
            }
        }
        lossChart.getData().setAll(List.of(loss));
        validationChart.getData().setAll(List.of(validation));
        // measured on a tenth of the first fold's training part, trained on the rest: never on the test
        validationChart.setTitle(I18n.t("evaluate.title.validation", viewModel.validationMetricProperty().get()));
    }

    private void showErrors() {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(I18n.t("evaluate.axis.testEntries"));
        for (EvaluateViewModel.ErrorBin b : viewModel.errorBins()) {
            s.getData().add(new XYChart.Data<>(String.format(Locale.ROOT, "%+.2f", b.centre()), b.count()));
        }
        errorChart.getData().setAll(List.of(s));
    }

    private void showCalibration() {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(I18n.t("evaluate.series.calibration"));
        XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
        diagonal.setName(I18n.t("evaluate.series.perfect"));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Diagnostics.CalibrationBin b : viewModel.calibration()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(b.meanPredicted(), b.meanActual());
            d.setExtraValue(I18n.t("evaluate.entries", String.valueOf(b.count())));
            s.getData().add(d);
            lo = Math.min(lo, Math.min(b.meanPredicted(), b.meanActual()));
            hi = Math.max(hi, Math.max(b.meanPredicted(), b.meanActual()));
        }
        if (lo <= hi) {
            diagonal.getData().add(new XYChart.Data<>(lo, lo));
            diagonal.getData().add(new XYChart.Data<>(hi, hi));
        }
        calibrationChart.getData().setAll(List.of(s, diagonal));
    }

    private void showPopularity(Diagnostics.PopularityBias bias) {
        if (bias == null) {
            popularityChart.getData().clear();
            return;
        }
        XYChart.Series<String, Number> recommended = new XYChart.Series<>();
        recommended.setName(I18n.t("evaluate.series.recommended"));
        XYChart.Series<String, Number> catalogue = new XYChart.Series<>();
        catalogue.setName(I18n.t("evaluate.series.catalogue"));
        for (int g = 0; g < Diagnostics.GROUPS; g++) {
            String label = Integer.toString(g + 1);
            recommended.getData().add(new XYChart.Data<>(label, bias.recommendedShare()[g]));
            catalogue.getData().add(new XYChart.Data<>(label, 1.0 / Diagnostics.GROUPS));
        }
        popularityChart.getData().setAll(List.of(recommended, catalogue));
        popularityChart.setTitle(I18n.t("evaluate.title.popularity",
                String.format(Locale.ROOT, "%.1f", bias.meanRecommended()),
                String.format(Locale.ROOT, "%.1f", bias.meanCatalogue())));
    }

    private void buildRunsTable() {
        runsTable.setItems(viewModel.runs());
        runsTable.setPlaceholder(Placeholders.of(I18n.t("evaluate.runs.placeholder")));
        column("run", I18n.t("evaluate.col.run"), r -> r.runId() > 0 ? Long.toString(r.runId()) : "");
        column("algorithm", I18n.t("evaluate.col.algorithm"), RunResult::algorithm);
        column("parameters", I18n.t("evaluate.col.parameters"), r -> EngineText.paramSummary(r.paramSummary()));
        column("measured on", I18n.t("evaluate.col.measuredOn"), r -> ValidationSplit.measuresValidation(r.split())
                ? I18n.t("evaluate.validation") : I18n.t("evaluate.test"));
        column("split", I18n.t("evaluate.col.split"), r -> I18n.t("evaluate.splitSeed", r.split(), String.valueOf(r.seed())));
        column("metrics", I18n.t("evaluate.col.metrics"), r -> {
            List<String> parts = new ArrayList<>();
            r.metrics().forEach((k, s) -> parts.add(String.format(Locale.ROOT, "%s %.4f%s", k, s.value(),
                    Double.isNaN(s.low()) ? "" : String.format(Locale.ROOT, " [%.4f, %.4f]", s.low(), s.high()))));
            return String.join("   ", parts);
        });
        column("seconds", I18n.t("evaluate.col.seconds"), r -> String.format(Locale.ROOT, "%.1f", r.seconds()));
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ClippedText.install(runsTable);
        MenuItem derive = new MenuItem(I18n.t("evaluate.derive.menu"));
        derive.setOnAction(e -> deriveUserMetrics());
        runsTable.setContextMenu(new ContextMenu(derive));
        runsTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                deriveUserMetrics();
            }
        });
    }

    /** Asks which user (the selected one by default) and shows their metrics in this run, worked out. */
    private void deriveUserMetrics() {
        RunResult run = runsTable.getSelectionModel().getSelectedItem();
        if (run == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(
                viewModel.suggestedUser());
        ask.setTitle(I18n.t("evaluate.derive.title"));
        ask.setHeaderText(I18n.t("evaluate.derive.header", run.runId() > 0 ? String.valueOf(run.runId()) : "",
                run.algorithm(), run.split()));
        ask.setContentText(I18n.t("evaluate.derive.user"));
        if (runsTable.getScene() != null) {
            ask.initOwner(runsTable.getScene().getWindow());
        }
        ask.showAndWait().ifPresent(user -> viewModel.onDeriveUserMetrics(run, user));
    }

    private void column(String id, String header, Function<RunResult, String> value) {
        String title = id;
        TableColumn<RunResult, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // run, algorithm and seconds are never cut; parameters, split and metrics are free text (cut, with a tooltip)
        switch (title) {
            case "run" -> width(c, 50, 50, 70);
            case "algorithm" -> width(c, 110, 100, 160);
            case "seconds" -> width(c, 84, 84, 110);
            case "parameters" -> width(c, 240, 110, Double.MAX_VALUE);
            case "measured on" -> width(c, 124, 124, 140);
            case "split" -> width(c, 150, 80, Double.MAX_VALUE);
            default -> width(c, 560, 120, Double.MAX_VALUE);
        }
        if (c.getMaxWidth() == Double.MAX_VALUE) {
            ClippedText.freeText(c);
        }
        if (title.equals("run") || title.equals("seconds")) {
            c.getStyleClass().add("numeric");
        }
        runsTable.getColumns().add(c);
    }

    private static void width(TableColumn<?, ?> column, double pref, double min, double max) {
        column.setPrefWidth(pref);
        column.setMinWidth(min);
        column.setMaxWidth(max);
    }

    @FXML
    private void onRunExperiment() {
        viewModel.onRunExperiment();
        chartTabs.getSelectionModel().select(4);
    }

    @FXML
    private void onRunSweep() {
        viewModel.onRunSweep();
        chartTabs.getSelectionModel().select(0);
    }

    @FXML
    private void onCompare() {
        viewModel.onCompareAlgorithms();
        chartTabs.getSelectionModel().select(1);
    }
}
