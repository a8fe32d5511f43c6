package org.recworkbench.ui.tune;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.Reasons;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.eval.Candidates;
import org.recworkbench.job.Progress;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Splitters;
import org.recworkbench.explain.Derivation;
import org.recworkbench.export.AtomicFile;
import org.recworkbench.export.ListFilter;
import org.recworkbench.export.ModelFile;
import org.recworkbench.export.RecommendationExport;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobHandle;
import org.recworkbench.ui.common.JobRunner;
import org.recworkbench.ui.session.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Tune & Recommend: an algorithm with its parameters, a user, their history and top-N list. Parameters the fitted
 * model can absorb without refitting ({@code rescoreOnly}: kNN's k, the hybrid's alpha, MMR's λ) re-score at once;
 * any other change marks the model stale until {@link #onFit()}.
 */
public final class TuneViewModel {

    private final JobRunner jobs;
    private final Session session;
    private final BooleanProperty fitNeeded = new SimpleBooleanProperty(false);
    private final IntegerProperty listLength = new SimpleIntegerProperty(10);
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<RecommendationRow> recommendations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Derivation> derivation =
            new ReadOnlyObjectWrapper<>();
    private BiConsumer<Derivation, String> formulaSink = (d, from) -> { };
    private final ReadOnlyStringWrapper selectedItem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper("");
    private final SplittableRandom random = new SplittableRandom();
    private JobHandle fitting;
    private int fits;
    private int coldStarts;
    /** The ranks movements are measured against: the list before the current change or gesture. */
    private Map<Integer, Integer> lastRanks = Map.of();
    private int lastRankedUser = -1;
    /** The ranks of the list on screen. */
    private Map<Integer, Integer> shownRanks = Map.of();
    /** True while a slider is being dragged: the lists in between keep the list before the drag as their base. */
    private boolean adjusting;

    /** True while an opened model's algorithm and parameters are applied: they must not start a fit. */
    private boolean opening;

    public TuneViewModel(Session session) {
        this.session = session;
        this.jobs = session.jobs();
        session.dataProperty().addListener((obs, old, now) -> {
            score.set("");
            lastRankedUser = -1;
            showHistory();
            if (now != null) {
                onFit();
            } else {
                showList();
            }
        });
        session.selectedDatasetProperty().addListener((obs, old, now) -> score.set(""));
        session.algorithmProperty().addListener((obs, old, now) -> {
            if (now != null) {
                score.set("");
                session.setModel(null);
                fitNeeded.set(true);
                showList();
                onFit();
            }
        });
        session.paramsProperty().addListener((obs, old, now) -> paramsChanged(old, now));
        session.userProperty().addListener((obs, old, now) -> {
            showHistory();
            showList();
        });
        listLength.addListener((obs, old, now) -> showList());
    }

    /** The algorithms in chooser order: by family, then id. */
    public List<Algorithm<?>> algorithms() {
        return Session.algorithms();
    }

    /**
     * A gesture on a parameter (a slider drag) starts or ends. While it lasts, the movement marks of every re-scored
     * list compare with the list before it began, so the marks left when it ends show what the whole drag changed.
     */
    public void setAdjusting(boolean now) {
        if (adjusting && !now) {
            // the next change compares with what the drag left on screen
            lastRanks = shownRanks;
        }
        adjusting = now;
    }

    /** Sets one parameter of the current algorithm (the session remembers it; see {@link #paramsChanged}). */
    public void setParam(String name, Object value) {
        session.setParam(name, value);
    }

    /**
     * Whoever changed the parameters (this view, Evaluate, a reset): re-scores at once when the fitted model allows
     * it, otherwise marks it for refitting.
     */
    private void paramsChanged(ParamValues old, ParamValues changed) {
        Model current = model();
        if (changed == null || current == null
                || !current.algorithmId().equals(session.algorithmProperty().get().id())) {
            fitNeeded.set(true);
            return;
        }
        if (changed.equals(current.params())) {
            fitNeeded.set(fitting != null);
            return;
        }
        String name = changedName(old, changed);
        if (fitting == null) {
            var rescored = current.withParams(changed);
            if (rescored.isPresent()) {
                session.setModel(rescored.get());
                fitNeeded.set(false);
                showList();
                message.set(I18n.t("tune.rescored", name, String.valueOf(changed.asMap().get(name))));
                return;
            }
        }
        fitNeeded.set(true);
        message.set(I18n.t("tune.changed", name));
    }

    private static String changedName(ParamValues old, ParamValues now) {
        if (old != null && old.specs().equals(now.specs())) {
            for (var entry : now.asMap().entrySet()) {
                if (!entry.getValue().equals(old.asMap().get(entry.getKey()))) {
                    return entry.getKey();
                }
            }
        }
        return I18n.t("tune.aParameter");
    }

    private Model model() {
        return session.modelProperty().get();
    }

    public void onResetParams() {
        Algorithm<?> a = session.algorithmProperty().get();
        session.setParams(a, a.defaults());
    }

    /** Fits the current algorithm and parameters in the background (cancelling a fit still running). */
    public void onFit() {
        Dataset d = session.dataProperty().get();
        Algorithm<?> a = session.algorithmProperty().get();
        if (d == null || a == null || opening) {
            return;
        }
        if (fitting != null) {
            fitting.cancel();
        }
        ParamValues p = session.paramsFor(a);
        message.set(I18n.t("tune.fitting", a.id()));
        int forUser = user().get();
        int n = listLength.get();
        // The first list and its explanations are computed here too, so the FX thread only shows them.
        fitting = jobs.submit(I18n.t("tune.job.fit", a.id(), d.name()), (progress, cancel) -> {
            Model fitted = a.fit(d, p, progress, cancel);
            return new FitAndList(fitted, TopList.of(fitted, forUser, n, cancel));
        }, done -> {
            fitting = null;
            fits++;
            session.setModel(done.model());
            fitNeeded.set(!p.equals(session.paramsFor(a)));
            message.set(I18n.t(fitNeeded.get() ? "tune.fitted.changed" : "tune.fitted", a.id()));
            if (done.list() != null && done.list().user() == user().get() && n == listLength.get()) {
                showList(done.list());
            } else {
                showList();
            }
        }, failure -> {
            fitting = null;
            fail(failure);
        }, () -> {
            fitting = null;
            message.set(I18n.t("tune.fitCancelled"));
        });
    }

    /** Writes the fitted model to a model file in the background (README, "Models as files"). */
    public void onSaveModel(Path target) {
        Model m = model();
        if (m == null) {
            message.set(I18n.t("tune.needModel"));
            return;
        }
        jobs.submit(I18n.t("tune.job.saveModel", m.algorithmId(), target.getFileName().toString()),
                (progress, cancel) -> {
                    ModelFile.save(m, target, org.recworkbench.eval.Experiment.version());
                    return target;
                }, path -> {
                    message.set(I18n.t("tune.model.saved", m.algorithmId(), path));
                    onExported.accept(path);
                }, this::fail);
    }

    /**
     * Loads a model file fitted on the current dataset in the background and makes it the fitted model: the
     * algorithm and parameters follow the file, nothing is refitted here (a model stored as its recipe is refitted
     * by the load itself). A file of another dataset or a damaged one is refused with its message.
     */
    public void onOpenModel(Path file) {
        Dataset d = session.dataProperty().get();
        if (d == null) {
            message.set(I18n.t("tune.model.needDataset"));
            return;
        }
        int forUser = user().get();
        int n = listLength.get();
        jobs.submit(I18n.t("tune.job.openModel", file.getFileName().toString()), (progress, cancel) -> {
            Model loaded = ModelFile.load(file, d, progress, cancel);
            return new FitAndList(loaded, TopList.of(loaded, forUser, n, cancel));
        }, done -> {
            if (session.dataProperty().get() != d) {
                return;
            }
            if (fitting != null) {
                fitting.cancel();
            }
            Model loaded = done.model();
            Algorithm<?> a = AlgorithmRegistry.require(loaded.algorithmId());
            opening = true;
            try {
                session.algorithmProperty().set(a);
                session.setParams(a, loaded.params());
            } finally {
                opening = false;
            }
            session.setModel(loaded);
            fitNeeded.set(false);
            message.set(I18n.t("tune.model.opened", file.getFileName().toString(), a.id()));
            if (done.list() != null && done.list().user() == user().get() && n == listLength.get()) {
                showList(done.list());
            } else {
                showList();
            }
        }, this::fail);
    }

    public void onRandomUser() {
        Dataset d = session.dataProperty().get();
        if (d != null && d.userCount() > 0) {
            user().set(random.nextInt(d.userCount()));
        }
    }

    /** Selects the user with this id; false when there is none. */
    public boolean onFindUser(String id) {
        Dataset d = session.dataProperty().get();
        int index = d == null ? -1 : d.users().indexOf(id.strip());
        if (index >= 0) {
            user().set(index);
            return true;
        }
        message.set(I18n.t("tune.noSuchUser", id.strip()));
        return false;
    }

    /**
     * Cold start: a new user who rated or clicked a few items (or none) gets recommendations without a refit, from
     * a live recommendation service on the fitted model that takes their ratings as events: popular items while
     * there are none, content-based items below the service's cold-start threshold (when the catalogue has text),
     * then the model's own fold-in. Each row says which. Runs in the background.
     */
    public void onNewUser(int[] items, double[] values) {
        Model m = model();
        if (m == null) {
            message.set(I18n.t("tune.needModel"));
            return;
        }
        Dataset d = m.dataset();
        user().set(-1);
        List<HistoryRow> rated = new ArrayList<>();
        for (int k = 0; k < items.length; k++) {
            rated.add(new HistoryRow(d.items().id(items[k]), d.catalog().title(items[k]), values[k]));
        }
        history.setAll(rated);
        lastRankedUser = -1;
        recommendations.clear();
        explanation.set("");
        derivation.set(null);
        int n = listLength.get();
        message.set(I18n.t("tune.newUser.asking", m.algorithmId()));
        jobs.interactive(this, I18n.t("tune.job.newUser", I18n.t(items.length == 1 ? "tune.newUser.rating"
                        : "tune.newUser.ratings", String.valueOf(items.length))),
                (progress, cancel) -> ColdStart.of(m, items, values, n), cold -> {
                    if (model() == m && user().get() < 0) {
                        recommendations.setAll(cold.rows());
                        message.set(cold.message());
                    }
                    coldStarts++;
                }, failure -> {
                    coldStarts++;
                    fail(failure);
                }, () -> coldStarts++);
    }

    /** How many new-user lists have been worked out (shown, or failed): the tests wait for it. */
    public int coldStartCount() {
        return coldStarts;
    }

    /** The items most users interacted with, for the new-user dialog to offer first. */
    public List<Integer> popularItems(int n) {
        Dataset d = session.dataProperty().get();
        if (d == null) {
            return List.of();
        }
        return IntStream.range(0, d.itemCount()).boxed()
                .sorted((a, b) -> Integer.compare(d.ratings().colLength(b), d.ratings().colLength(a)))
                .limit(n).toList();
    }

    /** Explains one recommended item: the contributions, then the derivation, as text. */
    public void onExplain(RecommendationRow row) {
        Model m = model();
        selectedItem.set(row == null ? "" : row.title().isEmpty() ? row.itemId() : row.title());
        if (m == null || row == null || user().get() < 0) {
            explanation.set("");
            derivation.set(null);
            return;
        }
        Explanation e = m.explain(user().get(), row.item());
        explanation.set(explanationText(m, user().get(), row.item(), e));
        derivation.set(e.derivation());
    }

    public static String explanationText(Model m, int user, int item) {
        return explanationText(m, user, item, m.explain(user, item));
    }

    private static String explanationText(Model m, int user, int item, Explanation e) {
        Dataset d = m.dataset();
        StringBuilder b = new StringBuilder();
        b.append(d.catalog().title(item).isEmpty() ? d.items().id(item) : d.catalog().title(item))
                .append(I18n.t("tune.explain.forUser", d.users().id(user))).append('\n');
        b.append(Double.isNaN(e.prediction()) ? I18n.t("tune.explain.score", number(e.score()))
                : I18n.t("tune.explain.scorePredicted", number(e.score()), number(e.prediction()))).append('\n');
        if (!e.contributions().isEmpty()) {
            b.append(I18n.t("tune.explain.why")).append(Reasons.why(e)).append('\n');
            b.append('\n').append(I18n.t("tune.explain.contributions")).append('\n');
            for (Contribution c : e.contributions()) {
                b.append("  ").append(Reasons.phrase(c, e)).append('\n');
            }
        }
        b.append('\n').append(e.derivation().toText());
        return b.toString();
    }

    /** A quick holdout evaluation of the current setting (20%, seed 42), recorded in the run history. */
    public void onScore() {
        Dataset d = session.dataProperty().get();
        Algorithm<?> a = session.algorithmProperty().get();
        Workspace open = session.workspaceProperty().get();
        if (d == null || a == null) {
            return;
        }
        boolean explicit = d.kind() == DatasetKind.EXPLICIT;
        Experiment e = new Experiment(a.id(), session.paramsProperty().get(), Splitters.parse("holdout:0.2"),
                MetricSpec.parseList(explicit ? "rmse,ndcg@10" : "ndcg@10"),
                explicit ? Relevance.explicit(4) : Relevance.implicit(), Candidates.FULL, 42);
        score.set(I18n.t("tune.scoring"));
        jobs.submit(I18n.t("tune.job.score", a.id()), (progress, cancel) -> {
            RunResult r = e.run(d, progress, cancel);
            return open == null ? r : open.runs().save(r);
        }, r -> score.set(scoreText(r)), failure -> {
            score.set("");
            fail(failure);
        });
    }

    private Consumer<Path> onExported = path -> { };

    /** Told of every file an export wrote, after the message line says so (the shell shows a pop-up). */
    public void setOnExported(Consumer<Path> onExported) {
        this.onExported = onExported == null ? path -> { } : onExported;
    }

    /** Writes the top-N of every user (with an explanation column when asked) as CSV, atomically. */
    public void onExportAll(Path target, boolean explain) {
        onExportAll(target, new ExportOptionsDialog.Options(listLength.get(), explain, ListFilter.UNSEEN));
    }

    /** The same with the export dialog's choices: N, explanations, seen items, a category. */
    public void onExportAll(Path target, ExportOptionsDialog.Options options) {
        Model m = model();
        if (m == null) {
            message.set(I18n.t("tune.needModel"));
            return;
        }
        int n = options.n();
        boolean explain = options.explain();
        ListFilter filter = options.filter();
        int[] users = new int[m.dataset().userCount()];
        for (int u = 0; u < users.length; u++) {
            users[u] = u;
        }
        // the file must match what is on screen: parameters changed since the fit are fitted first
        Algorithm<?> a = session.algorithmProperty().get();
        ParamValues current = session.paramsFor(a);
        boolean refit = !m.algorithmId().equals(a.id()) || !m.params().equals(current);
        jobs.submit(I18n.t(refit ? "tune.job.refitExport" : "tune.job.export", String.valueOf(n),
                String.valueOf(users.length)), (progress, cancel) -> {
            Model exported = refit ? a.fit(m.dataset(), current, progress.stage(0, 0.5), cancel) : m;
            Progress writing = refit ? progress.stage(0.5, 1) : progress;
            AtomicFile.write(target, w -> RecommendationExport.write(exported, users, n, explain, filter, w, writing,
                    cancel));
            return target;
        }, path -> {
            message.set(I18n.t(refit ? "tune.export.refitted" : "common.export.wroteFile", path)
                    + (filter == ListFilter.UNSEEN ? "" : I18n.t("tune.export.filter", describe(filter))));
            onExported.accept(path);
        }, this::fail);
    }

    /** Writes the list on screen (the selected user's top-N with explanations) as CSV, atomically. */
    public void onExportList(Path target) {
        Model m = model();
        int u = user().get();
        if (m == null || u < 0) {
            message.set(I18n.t("tune.needModelAndUser"));
            return;
        }
        int n = listLength.get();
        jobs.submit(I18n.t("tune.job.exportList", m.dataset().users().id(u)), (progress, cancel) -> {
            AtomicFile.write(target, w -> RecommendationExport.write(m, new int[] {u}, n, true, w, progress,
                    cancel));
            return target;
        }, path -> {
            message.set(I18n.t("common.export.wroteFile", path));
            onExported.accept(path);
        }, this::fail);
    }

    /** What an export's filter kept, in the window's language (the engine's {@code describe()} is English). */
    static String describe(ListFilter filter) {
        String items = I18n.t(filter.includeSeen() ? "tune.export.filter.all" : "tune.export.filter.unseen");
        return filter.category() == null ? items : I18n.t("tune.export.filter.category", items, filter.category());
    }

    static String scoreText(RunResult r) {
        StringBuilder b = new StringBuilder();
        double rmse = r.value("rmse");
        if (!Double.isNaN(rmse)) {
            b.append(String.format(Locale.ROOT, "RMSE %.4f · ", rmse));
        }
        String ndcg = String.format(Locale.ROOT, "%.4f", r.value("ndcg@10"));
        return b.append(r.runId() > 0 ? I18n.t("tune.scoreText.run", ndcg, String.valueOf(r.runId()))
                : I18n.t("tune.scoreText", ndcg)).toString();
    }

    private void showHistory() {
        Dataset d = session.dataProperty().get();
        int u = user().get();
        if (d == null || u < 0) {
            history.clear();
            return;
        }
        RatingMatrix r = d.ratings();
        List<HistoryRow> rows = new ArrayList<>();
        for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
            int item = r.rowItem(p);
            rows.add(new HistoryRow(d.items().id(item), d.catalog().title(item), r.rowValue(p)));
        }
        rows.sort((a, b) -> Double.compare(b.value(), a.value()));
        history.setAll(rows);
    }

    /**
     * Recomputes the top-N list, marking how each item moved since the previous list of the same user: at once on
     * datasets small enough for a list to take milliseconds (so sliders re-score live), otherwise on the interactive
     * lane, where a newer request supersedes an older one, the window stays responsive and the job can be cancelled.
     */
    private void showList() {
        Model m = model();
        int u = user().get();
        int n = listLength.get();
        if (m == null || u < 0 || u >= m.dataset().userCount()) {
            recommendations.clear();
            explanation.set("");
            derivation.set(null);
            return;
        }
        if (m.dataset().interactionCount() <= liveListInteractions) {
            showList(TopList.of(m, u, n));
            return;
        }
        if (u != lastRankedUser) {
            // another user's list must not stand under this user's name while theirs is worked out
            recommendations.clear();
            explanation.set("");
            derivation.set(null);
        }
        jobs.interactive(listKey, I18n.t("tune.job.list", String.valueOf(n), m.dataset().users().id(u)),
                (progress, cancel) -> TopList.of(m, u, n, cancel), list -> {
                    if (model() == m && user().get() == u && listLength.get() == n) {
                        showList(list);
                    }
                }, this::fail);
    }

    /**
     * Up to this many interactions a top-N list is computed on the FX thread (MovieLens-1M's size: a k change
     * re-scores and explains a list in a few milliseconds there); above it, in the background.
     */
    static final int LIVE_LIST_INTERACTIONS = 2_000_000;
    private int liveListInteractions = LIVE_LIST_INTERACTIONS;
    private final Object listKey = new Object();

    /** Tests: treat datasets above this many interactions as big. */
    void setLiveListLimit(int interactions) {
        liveListInteractions = interactions;
    }

    private void showList(TopList list) {
        Dataset d = list.model().dataset();
        ScoredItems top = list.top();
        int u = list.user();
        boolean sameUser = u == lastRankedUser;
        List<RecommendationRow> rows = new ArrayList<>(top.size());
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int k = 0; k < top.size(); k++) {
            int item = top.item(k);
            ranks.put(item, k + 1);
            Integer before = lastRanks.get(item);
            int movement = !sameUser ? RecommendationRow.FIRST : before == null ? RecommendationRow.NEW
                    : before - (k + 1);
            rows.add(new RecommendationRow(k + 1, item, d.items().id(item), d.catalog().title(item), top.score(k),
                    list.reasons()[k], movement));
        }
        shownRanks = ranks;
        if (!adjusting || !sameUser) {
            lastRanks = ranks;
            lastRankedUser = u;
        }
        recommendations.setAll(rows);
    }

    private record FitAndList(Model model, TopList list) {
    }

    /** A user's top-N with the one-line reason of each item: plain data, computable off the FX thread. */
    private record TopList(Model model, int user, ScoredItems top, String[] reasons) {
        /** Null when the user is not in the model's dataset. */
        static TopList of(Model m, int u, int n) {
            return of(m, u, n, Cancellation.NEVER);
        }

        /** Abandoned when cancelled (a newer request, or Cancel in the status bar), even in the middle of a list. */
        static TopList of(Model m, int u, int n, Cancellation cancel) {
            if (u < 0 || u >= m.dataset().userCount()) {
                return null;
            }
            ScoredItems top = m.recommend(u, n, cancel);
            String[] reasons = new String[top.size()];
            for (int k = 0; k < reasons.length; k++) {
                cancel.throwIfCancelled();
                reasons[k] = TuneViewModel.why(m, u, top.item(k));
            }
            return new TopList(m, u, top, reasons);
        }
    }

    /** The strongest positive reason in a few words, as the CSV export names it ({@link Reasons#why}). */
    static String why(Model m, int user, int item) {
        return Reasons.why(m.explain(user, item));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4g", v);
    }

    private void fail(Throwable failure) {
        message.set(ErrorMessages.readable(failure));
    }

    public ReadOnlyObjectProperty<Dataset> dataProperty() {
        return session.dataProperty();
    }

    public ObjectProperty<Algorithm<?>> algorithmProperty() {
        return session.algorithmProperty();
    }

    public ObservableValue<ParamValues> paramsProperty() {
        return session.paramsProperty();
    }

    public ReadOnlyObjectProperty<Model> modelProperty() {
        return session.modelProperty();
    }

    public ReadOnlyBooleanProperty fitNeededProperty() {
        return fitNeeded;
    }

    public IntegerProperty userProperty() {
        return session.userProperty();
    }

    private IntegerProperty user() {
        return session.userProperty();
    }

    public IntegerProperty listLengthProperty() {
        return listLength;
    }

    public ObservableList<String> userIds() {
        return session.userIds();
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public ObservableList<RecommendationRow> recommendations() {
        return recommendations;
    }

    /** The derivation of the explained item's score, rendered beside the contributions. */
    public ReadOnlyObjectProperty<Derivation> derivationProperty() {
        return derivation.getReadOnlyProperty();
    }

    /** Where "Open in Formulas" sends the derivation (the shell shows the Formulas view). */
    public void setFormulaSink(BiConsumer<Derivation, String> sink) {
        this.formulaSink = sink;
    }

    public void onOpenInFormulas() {
        if (derivation.get() != null) {
            formulaSink.accept(derivation.get(), I18n.t("tune.formulaSource", selectedItem.get()));
        }
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The item last clicked in the list (shared selection, shown in the window's header). */
    public ReadOnlyStringProperty selectedItemProperty() {
        return selectedItem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** How many fits have finished: the tests check that moving k does not add one. */
    public int fitCount() {
        return fits;
    }

    /** Shows a loaded dataset: its most active user, and a fit of the current algorithm. */
    public void useDataset(Dataset d) {
        session.useDataset(d);
    }
}
