package org.recworkbench.ui.evaluate;

import org.recworkbench.ui.common.I18n;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamType;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Diagnostics;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.ExperimentListener;
import org.recworkbench.eval.Fold;
import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.LearningCurve;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Splitters;
import org.recworkbench.eval.ValidationSplit;
import org.recworkbench.eval.Sweep;
import org.recworkbench.eval.SweepAxis;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobHandle;
import org.recworkbench.ui.common.JobRunner;
import org.recworkbench.ui.session.Session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The Evaluate view: experiments, sweeps and algorithm comparisons run from the window with progress, each recorded
 * in the run history, and the data of every chart — sweep lines with intervals, comparison bars, precision–recall
 * and NDCG@N curves, learning curves streamed while training, rating errors, calibration and popularity bias.
 */
public final class EvaluateViewModel {

    /** Training loss and validation metric after one epoch of the first fold. */
    public record EpochPoint(int epoch, double loss, double validation) {
    }

    /** Rating errors counted in one bin. */
    public record ErrorBin(double centre, long count) {
    }

    public static final double ERROR_BIN = 0.25;
    public static final double ERROR_LIMIT = 4;

    private final JobRunner jobs;
    private final Session session;
    private final ReadOnlyObjectProperty<Dataset> data;
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final StringProperty split = new SimpleStringProperty("holdout:0.2");
    private final StringProperty metrics = new SimpleStringProperty("");
    private final IntegerProperty seed = new SimpleIntegerProperty(42);
    private final StringProperty sweep = new SimpleStringProperty("k=5,10,20,40,80");
    private final StringProperty compare = new SimpleStringProperty("popular,bias,item-knn,biased-mf");
    private final ObservableList<RunResult> runs = FXCollections.observableArrayList();
    private final ObservableList<RunResult> sweepRuns = FXCollections.observableArrayList();
    private final ObservableList<EvaluateCharts.Line> sweepLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sweepParameter = new ReadOnlyStringWrapper("");
    private final ObservableList<RunResult> compareRuns = FXCollections.observableArrayList();
    private final ObservableList<EvaluateCharts.CurvePoint> curve = FXCollections.observableArrayList();
    private final ObservableList<EpochPoint> learning = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper validationMetric = new ReadOnlyStringWrapper("");
    /**
     * Sweeps measure on a validation part carved from each fold's training data (10 %) instead of the test, choose
     * there, and report the chosen setting on the test. Experiments and comparisons are reports: on the test.
     */
    private final BooleanProperty chooseOnValidation = new SimpleBooleanProperty(true);
    public static final double VALIDATION_FRACTION = 0.1;
    private final ObservableList<ErrorBin> errorBins = FXCollections.observableArrayList();
    private final ObservableList<Diagnostics.CalibrationBin> calibration = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Diagnostics.PopularityBias> popularity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private JobHandle running;
    private BiConsumer<RunResult, String> userMetricsSink = (run, user) -> { };
    private Supplier<String> currentUser = () -> "";

    /** Evaluates the session's dataset with the session's algorithm and parameters (shared with Tune & Recommend). */
    public EvaluateViewModel(Session session) {
        this.session = session;
        this.jobs = session.jobs();
        this.data = session.dataProperty();
        this.workspace = session.workspaceProperty();
        data.addListener((obs, old, now) -> {
            clearResults();
            if (now != null) {
                metrics.set(String.join(",", MetricSpec.defaults(now.kind() == DatasetKind.EXPLICIT).stream()
                        .map(MetricSpec::key).toList()));
                message.set(running == null ? "" : I18n.t("evaluate.stillRunning",
                        old == null ? I18n.t("evaluate.previousDataset") : old.name()));
            }
        });
    }

    /** Results belong to one dataset: another dataset starts with empty charts (its runs are in History). */
    private void clearResults() {
        runs.clear();
        sweepRuns.clear();
        sweepLines.clear();
        sweepParameter.set("");
        compareRuns.clear();
        curve.clear();
        learning.clear();
        errorBins.clear();
        calibration.clear();
        popularity.set(null);
    }

    /** Whether results computed on {@code d} may still be shown (the session has not moved to another dataset). */
    private boolean showing(Dataset d) {
        return data.get() == d;
    }

    /** The algorithms in chooser order: by family, then id. */
    public List<Algorithm<?>> algorithms() {
        List<Algorithm<?>> all = new ArrayList<>(AlgorithmRegistry.all());
        all.sort((a, b) -> a.family() != b.family() ? a.family().compareTo(b.family()) : a.id().compareTo(b.id()));
        return all;
    }

    private List<String> metricKeys() {
        List<String> keys = MetricSpec.parseList(metrics.get()).stream().map(MetricSpec::key).toList();
        if (keys.isEmpty()) {
            throw new InvalidInputException(I18n.t("evaluate.noMetric"));
        }
        return keys;
    }


    private Experiment experiment(Dataset d, Algorithm<?> a, ParamValues values, List<String> keys) {
        boolean explicit = d.kind() == DatasetKind.EXPLICIT;
        return new Experiment(a.id(), values, Splitters.parse(split.get()),
                MetricSpec.parseList(String.join(",", keys)), explicit ? Relevance.explicit(4) : Relevance.implicit(),
                Candidates.FULL, seed.get());
    }

    private RunResult save(RunResult run, List<String> keys) {
        RunResult kept = run.only(keys);
        Workspace open = workspace.get();
        return open == null ? kept : open.runs().save(kept);
    }

    /**
     * Runs the experiment (measuring the curves' cut-offs too), streams the first fold's learning curve, then
     * draws its rating errors, calibration and popularity bias; the run goes into the history.
     */
    public void onRunExperiment() {
        Dataset d = data.get();
        if (d == null || !idle()) {
            return;
        }
        Algorithm<?> a = session.algorithmProperty().get();
        try {
            List<String> keys = metricKeys();
            LinkedHashSet<String> all = new LinkedHashSet<>(keys);
            all.addAll(EvaluateCharts.curveMetrics());
            Experiment e = experiment(d, a, session.paramsFor(a), List.copyOf(all));
            learning.clear();
            errorBins.clear();
            calibration.clear();
            popularity.set(null);
            curve.clear();
            boolean explicit = d.kind() == DatasetKind.EXPLICIT;
            validationMetric.set(explicit ? I18n.t("evaluate.validationRmse") : I18n.t("evaluate.validationNdcg"));
            message.set(I18n.t("evaluate.evaluating", a.id()));
            boolean learns = LearningCurve.reportsEpochs(a);
            running = jobs.submit(I18n.t("evaluate.job.evaluate", a.id(), split.get()), (progress, cancel) -> {
                if (learns) {
                    LearningCurve.measure(e, d, VALIDATION_FRACTION, explicit, progress.stage(0, 0.3), cancel,
                            point -> Platform.runLater(() -> {
                                if (showing(d)) {
                                    validationMetric.set(point.measure().equals("rmse")
                                            ? I18n.t("evaluate.validationRmse") : I18n.t("evaluate.validationNdcg"));
                                    learning.add(new EpochPoint(point.epoch(), point.loss(), point.validation()));
                                }
                            }));
                }
                RunResult full = e.run(d, learns ? progress.stage(0.3, 1) : progress, cancel, new FirstFold(d, explicit));
                return new Pair(full, save(full, keys));
            }, pair -> {
                running = null;
                if (showing(d)) {
                    runs.add(0, pair.saved());
                    curve.setAll(EvaluateCharts.curve(pair.full()));
                }
                message.set(I18n.t("evaluate.evaluated", a.id(), summary(pair.saved(), keys))
                        + (pair.saved().runId() > 0 ? I18n.t("evaluate.runSuffix", String.valueOf(pair.saved().runId()))
                        : ""));
            }, this::failed, this::onCancelled);
        } catch (RuntimeException bad) {
            message.set(ErrorMessages.readable(bad));
        }
    }

    private record Pair(RunResult full, RunResult saved) {
    }

    /** Measures the first fold's diagnostics and posts them to the FX thread. */
    private final class FirstFold implements ExperimentListener {

        private final Dataset d;
        private final boolean explicit;

        FirstFold(Dataset d, boolean explicit) {
            this.d = d;
            this.explicit = explicit;
        }

        @Override
        public void foldDone(Fold fold, Model model, FoldResult result) {
            if (fold.index() != 0) {
                return;
            }
            Diagnostics.RatingErrors errors = explicit ? Diagnostics.ratingErrors(fold, model, 0.5) : null;
            Diagnostics.PopularityBias bias = Diagnostics.popularityBias(fold, model, 10);
            Platform.runLater(() -> {
                if (!showing(d)) {
                    return;
                }
                if (errors != null) {
                    long[] counts = errors.histogram(ERROR_BIN, ERROR_LIMIT);
                    List<ErrorBin> bins = new ArrayList<>();
                    for (int b = 0; b < counts.length; b++) {
                        bins.add(new ErrorBin(-ERROR_LIMIT + b * ERROR_BIN, counts[b]));
                    }
                    errorBins.setAll(bins);
                    calibration.setAll(errors.calibration());
                }
                popularity.set(bias);
            });
        }
    }

    /** Sweeps one numeric parameter (name=values, e.g. k=5,10,20 or lambda=0.001..10:log5); points stream in. */
    public void onRunSweep() {
        Dataset d = data.get();
        if (d == null || !idle()) {
            return;
        }
        Algorithm<?> a = session.algorithmProperty().get();
        try {
            String text = sweep.get().strip();
            ParamValues current = session.paramsFor(a);
            List<SweepAxis> axes = axes(a, current, text);
            List<String> names = axes.stream().map(SweepAxis::name).toList();
            String name = String.join(" × ", names);
            List<String> keys = metricKeys();
            Experiment onTest = experiment(d, a, current, keys);
            Sweep s = new Sweep(chooseOnValidation.get() && !(onTest.splitter() instanceof ValidationSplit)
                    ? onTest.withSplitter(new ValidationSplit(onTest.splitter(), VALIDATION_FRACTION)) : onTest,
                    axes);
            sweepRuns.clear();
            sweepLines.clear();
            sweepParameter.set(names.get(0) + (current.spec(names.get(0)).logScale() ? I18n.t("evaluate.logScale") : ""));
            int points = axes.stream().mapToInt(axis -> axis.values().size()).reduce(1, (x, y) -> x * y);
            message.set(I18n.t(axes.size() > 1 ? "evaluate.sweeping.grid" : "evaluate.sweeping", name,
                    String.valueOf(points)));
            running = jobs.submit(I18n.t("evaluate.job.sweep", a.id(), name), (progress, cancel) ->
                    s.run(d, progress, cancel, point -> {
                        RunResult saved = save(point, keys);
                        Platform.runLater(() -> {
                            if (!showing(d)) {
                                return;
                            }
                            sweepRuns.add(saved);
                            runs.add(0, saved);
                            sweepLines.setAll(EvaluateCharts.sweepLines(sweepRuns, names, keys));
                        });
                    }) , done -> {
                running = null;
                message.set(I18n.t("evaluate.swept", name, String.valueOf(done.size()), best(keys.get(0))));
                reportOnTest(d, s, done, keys);
            }, this::failed, this::onCancelled);
        } catch (RuntimeException bad) {
            message.set(ErrorMessages.readable(bad));
        }
    }

    /**
     * After a sweep on validation: the chosen setting fitted on the outer training part and measured on its test,
     * as a second job, recorded in the history beside the validation points.
     */
    private void reportOnTest(Dataset d, Sweep s, List<RunResult> points, List<String> keys) {
        if (!(s.base().splitter() instanceof ValidationSplit) || points.isEmpty()) {
            if (!points.isEmpty()) {
                message.set(message.get() + I18n.t("evaluate.onTestWarning"));
            }
            return;
        }
        String metric = keys.get(0);
        String swept = message.get();
        running = jobs.submit(I18n.t("evaluate.job.chosen"), (progress, cancel) -> {
            Sweep.Selection selection = s.select(d, points, metric, progress, cancel);
            return new Chosen(selection, save(selection.test(), keys));
        }, chosen -> {
            running = null;
            if (showing(d)) {
                runs.add(0, chosen.saved());
            }
            Map<String, String> changed = new LinkedHashMap<>();
            s.axes().forEach(axis -> changed.put(axis.name(), chosen.selection().chosen().params().get(axis.name())));
            message.set(I18n.t("evaluate.chosen", swept, metric, changed, summary(chosen.saved(), keys))
                    + (chosen.saved().runId() > 0 ? I18n.t("evaluate.runSuffix",
                    String.valueOf(chosen.saved().runId())) : ""));
        }, this::failed, this::onCancelled);
    }

    private record Chosen(Sweep.Selection selection, RunResult saved) {
    }

    /**
     * The axes typed in the sweep field: one ({@code k=5,10,20}) or a grid of two separated by a space or a semicolon
     * ({@code cf.k=10,20,40 alpha=0..1:5}); numeric parameters only, a component's ({@code cf.k}) included.
     */
    static List<SweepAxis> axes(Algorithm<?> a, ParamValues current, String text) {
        List<String> parts = java.util.Arrays.stream(text.strip().split("[;\\s]+")).filter(t -> !t.isEmpty())
                .toList();
        if (parts.isEmpty() || parts.size() > 2) {
            throw new InvalidInputException(I18n.t("evaluate.sweep.oneOrTwo"));
        }
        List<SweepAxis> axes = new ArrayList<>();
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(I18n.t("evaluate.sweep.bad", part));
            }
            String name = part.substring(0, eq).strip();
            ParamSpec spec = current.specs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new InvalidInputException(I18n.t("evaluate.sweep.noParam", a.id(), name,
                            String.join(", ", current.specs().stream().map(ParamSpec::name).toList()))));
            if (spec.type() != ParamType.INTEGER && spec.type() != ParamType.REAL) {
                throw new InvalidInputException(I18n.t("evaluate.sweep.numeric", name, spec.type()));
            }
            axes.add(SweepAxis.parse(spec, part.substring(eq + 1)));
        }
        if (axes.size() == 2 && axes.get(0).name().equals(axes.get(1).name())) {
            throw new InvalidInputException(I18n.t("evaluate.sweep.twice", axes.get(0).name()));
        }
        return axes;
    }

    /** "best ndcg@10 0.3971 at 60", in a grid "… at k = 60, alpha = 0.5"; every tied setting is listed. */
    private String best(String metric) {
        List<String> at = new ArrayList<>();
        double value = Double.NaN;
        for (EvaluateCharts.Line l : sweepLines) {
            if (!l.metric().equals(metric)) {
                continue;
            }
            for (int k : l.ties()) {
                value = l.points().get(k).y();
                String x = trim(l.points().get(k).x());
                at.add(l.group().isEmpty() ? x : sweepParameter.get().replace(I18n.t("evaluate.logScale"), "") + " = " + x + ", "
                        + l.group());
            }
        }
        return at.isEmpty() ? "" : I18n.t(at.size() > 1 ? "evaluate.bestAt.tie" : "evaluate.bestAt", metric,
                String.format(Locale.ROOT, "%.4f", value), String.join("; ", at));
    }

    private static String trim(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : String.format(Locale.ROOT, "%.4g", x);
    }

    /** Runs each listed algorithm (its defaults; the selected one with the parameters above) on the same split. */
    public void onCompareAlgorithms() {
        Dataset d = data.get();
        if (d == null || !idle()) {
            return;
        }
        try {
            List<String> keys = metricKeys();
            List<Experiment> experiments = new ArrayList<>();
            for (String id : compare.get().split("[,\\s]+")) {
                if (id.isBlank()) {
                    continue;
                }
                Algorithm<?> a = AlgorithmRegistry.require(id.strip());
                ParamValues values = a == session.algorithmProperty().get() ? session.paramsFor(a) : a.defaults();
                experiments.add(experiment(d, a, values, keys));
            }
            if (experiments.isEmpty()) {
                throw new InvalidInputException(I18n.t("evaluate.compare.none"));
            }
            compareRuns.clear();
            message.set(I18n.t("evaluate.comparing", String.valueOf(experiments.size())));
            running = jobs.submit(I18n.t("evaluate.job.compare", String.valueOf(experiments.size())), (progress, cancel) -> {
                List<RunResult> done = new ArrayList<>();
                for (int k = 0; k < experiments.size(); k++) {
                    Experiment e = experiments.get(k);
                    Progress stage = progress.stage((double) k / experiments.size(),
                            (k + 1.0) / experiments.size());
                    RunResult saved = save(e.run(d, (f, m) -> stage.report(f, e.algorithmId() + ": " + m), cancel),
                            keys);
                    done.add(saved);
                    Platform.runLater(() -> {
                        if (!showing(d)) {
                            return;
                        }
                        compareRuns.add(saved);
                        runs.add(0, saved);
                    });
                }
                return done;
            }, done -> {
                running = null;
                message.set(I18n.t("evaluate.compared", String.valueOf(done.size()), split.get()));
            }, this::failed, this::onCancelled);
        } catch (RuntimeException bad) {
            message.set(ErrorMessages.readable(bad));
        }
    }

    private boolean idle() {
        if (running != null) {
            message.set(I18n.t("evaluate.busy"));
            return false;
        }
        return true;
    }

    private void failed(Throwable failure) {
        running = null;
        message.set(ErrorMessages.readable(failure));
    }

    /** Where "derive a user's metrics" goes (the Formulas view), and who the shared selection's user is. */
    public void setUserMetricsSink(BiConsumer<RunResult, String> sink, Supplier<String> user) {
        this.userMetricsSink = sink;
        this.currentUser = user;
    }

    /** The user the dialog offers first: the one selected in Tune & Recommend. */
    public String suggestedUser() {
        return currentUser.get();
    }

    /** Opens the derivations of one user's metrics in this run's setting in the Formulas view. */
    public void onDeriveUserMetrics(RunResult run, String user) {
        if (run != null && user != null && !user.isBlank()) {
            userMetricsSink.accept(run, user.strip());
        }
    }

    /** Called by the job runner once a cancelled evaluation has stopped. */
    private void onCancelled() {
        running = null;
        message.set(I18n.t("formulas.cancelled"));
    }

    static String summary(RunResult r, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            double v = r.value(k);
            if (!Double.isNaN(v)) {
                parts.add(k + " " + String.format(Locale.ROOT, "%.4f", v));
            }
        }
        return String.join(", ", parts);
    }

    /** The comparison bars' data for the metrics asked for. */
    public Map<String, List<EvaluateCharts.Point>> bars() {
        return EvaluateCharts.bars(compareRuns, metricKeysOrEmpty());
    }

    public List<String> metricKeysOrEmpty() {
        try {
            return metricKeys();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public ObjectProperty<Algorithm<?>> algorithmProperty() {
        return session.algorithmProperty();
    }

    /** The chosen algorithm's parameters (the session's, shared with Tune & Recommend). */
    public ObservableValue<ParamValues> paramsProperty() {
        return session.paramsProperty();
    }

    public void setParam(String name, Object value) {
        session.setParam(name, value);
    }

    public StringProperty splitProperty() {
        return split;
    }

    public StringProperty metricsProperty() {
        return metrics;
    }

    /** Whether experiments and sweeps measure on a validation part instead of the test (see the field). */
    public BooleanProperty chooseOnValidationProperty() {
        return chooseOnValidation;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public StringProperty sweepProperty() {
        return sweep;
    }

    public StringProperty compareProperty() {
        return compare;
    }

    public ObservableList<RunResult> runs() {
        return runs;
    }

    public ObservableList<RunResult> sweepRuns() {
        return sweepRuns;
    }

    public ObservableList<EvaluateCharts.Line> sweepLines() {
        return sweepLines;
    }

    public ReadOnlyStringProperty sweepParameterProperty() {
        return sweepParameter.getReadOnlyProperty();
    }

    public ObservableList<RunResult> compareRuns() {
        return compareRuns;
    }

    public ObservableList<EvaluateCharts.CurvePoint> curve() {
        return curve;
    }

    public ObservableList<EpochPoint> learning() {
        return learning;
    }

    public ReadOnlyStringProperty validationMetricProperty() {
        return validationMetric.getReadOnlyProperty();
    }

    public ObservableList<ErrorBin> errorBins() {
        return errorBins;
    }

    public ObservableList<Diagnostics.CalibrationBin> calibration() {
        return calibration;
    }

    public ReadOnlyObjectProperty<Diagnostics.PopularityBias> popularityProperty() {
        return popularity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
