package org.recworkbench.ui.formulas;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.PairwiseStepExplainable;
import org.recworkbench.algo.SgdExplainable;
import org.recworkbench.algo.UserSolveExplainable;
import org.recworkbench.algo.content.ContentModel;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Fold;
import org.recworkbench.eval.FoldEvaluator;
import org.recworkbench.eval.Losses;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Splitters;
import org.recworkbench.examples.ExampleResult;
import org.recworkbench.examples.SeedExamples;
import org.recworkbench.explain.Derivation;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.ui.common.JobRunner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The Formulas view: derivations computed on the user's own data — chosen freely (a formula, users, items) or sent
 * here from a recommendation's "why", a heatmap cell or an evaluation row. Each is produced by the engine code that
 * computes the number.
 */
public final class FormulasViewModel {

    /** Holdout fraction and seed of the evaluation whose per-user metrics are derived. */
    static final String METRIC_SPLIT = "holdout:0.2";
    static final long METRIC_SEED = 42;
    static final int METRIC_N = 10;
    /** Seed of the draw of a BPR step's negative item. */
    static final long NEGATIVE_SEED = 42;

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Dataset> data;
    private final ReadOnlyObjectProperty<Model> tuneModel;
    private final ObjectProperty<FormulaKind> kind = new SimpleObjectProperty<>(FormulaKind.SIMILARITY);
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty other = new SimpleStringProperty("");
    private final ObjectProperty<Orientation> orientation = new SimpleObjectProperty<>(Orientation.ITEMS);
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(Measure.COSINE);
    private final DoubleProperty shrinkage = new SimpleDoubleProperty(0);
    private final DoubleProperty rating = new SimpleDoubleProperty(5);
    private final StringProperty term = new SimpleStringProperty("");
    private final ObservableList<String> terms = FXCollections.observableArrayList();
    private final ObservableList<Derivation> derivations = FXCollections.observableArrayList();
    private final ObjectProperty<Derivation> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<String, Model> fitted = new HashMap<>();
    private final ObservableList<ExampleResult> examples = FXCollections.observableArrayList();
    private final ObjectProperty<ExampleResult> example = new SimpleObjectProperty<>();
    private boolean examplesRequested;
    /** Counts derivations sent here from other views; the view brings its first tab forward on each. */
    private final IntegerProperty arrivals = new SimpleIntegerProperty();
    private final SplittableRandom random = new SplittableRandom();
    private Dataset cachedFor;
    /** A new derivation supersedes the one still computing. */
    private final Object deriving = new Object();
    private int derivationRequests;

    public FormulasViewModel(JobRunner jobs, ReadOnlyObjectProperty<Dataset> data, ReadOnlyObjectProperty<Model> tuneModel) {
        this.jobs = jobs;
        this.data = data;
        this.tuneModel = tuneModel;
        data.addListener((obs, old, now) -> {
            fitted.clear();
            cachedFor = now;
            // a derivation of another dataset's numbers must not stay on screen
            derivations.clear();
            selected.set(null);
            terms.clear();
            message.set(now == null ? "" : I18n.t("formulas.choose", now.name()));
            if (now != null && now.userCount() > 0 && now.itemCount() > 1) {
                user.set(now.users().id(0));
                item.set(now.items().id(0));
                other.set(now.items().id(1));
            }
        });
    }

    /** Shows a derivation sent from another view (a recommendation's "why", a heatmap cell, an evaluation row). */
    public void show(Derivation derivation, String from) {
        derivations.setAll(derivation);
        selected.set(derivation);
        message.set(I18n.t("formulas.from", from));
        arrivals.set(arrivals.get() + 1);
    }

    /** Derives the chosen formula in the background (fitting the model it needs first, once per dataset). */
    public void onCompute() {
        Dataset d = data.get();
        if (d == null) {
            message.set(I18n.t("formulas.noDataset"));
            return;
        }
        FormulaKind k = kind.get();
        Request r = new Request(k, user.get().strip(), item.get().strip(), other.get().strip(), orientation.get(),
                measure.get(), shrinkage.get(), rating.get(), term.get() == null ? "" : term.get().strip(),
                tuneModel.get());
        message.set(I18n.t("formulas.deriving", k));
        int request = ++derivationRequests;
        jobs.interactive(deriving, I18n.t("formulas.job.derive", k), (progress, cancel) -> derive(d, r, progress, cancel),
                derived -> {
            List<Derivation> result = derived.derivations();
            if (derived.terms() != null) {
                terms.setAll(derived.terms());
            }
            derivations.setAll(result);
            selected.set(result.isEmpty() ? null : result.get(0));
            message.set(result.isEmpty() ? I18n.t("formulas.nothing") : result.size() == 1 ? result.get(0).title()
                    : I18n.t("formulas.many", String.valueOf(result.size())));
        }, failure -> message.set(ErrorMessages.readable(failure)), () -> cancelled(request));
    }

    private void cancelled(int request) {
        if (request == derivationRequests) {
            message.set(I18n.t("formulas.cancelled"));
        }
    }

    private record Request(FormulaKind kind, String user, String item, String other, Orientation orientation,
                           Measure measure, double shrinkage, double rating, String term, Model tuneModel) {
    }

    /** The derivations, and for TF-IDF the item's terms to choose from. */
    private record Derived(List<Derivation> derivations, List<String> terms) {
    }

    private Derived derive(Dataset d, Request r, Progress progress, Cancellation cancel) {
        if (r.kind() == FormulaKind.TFIDF_WEIGHT) {
            ContentModel m = (ContentModel) model(d, r.kind().algorithm(), progress, cancel);
            int i = itemIndex(d, r.item());
            List<String> itemTerms = m.termsOf(i);
            String t = r.term().isEmpty() || !itemTerms.contains(r.term()) ? itemTerms.stream().findFirst()
                    .orElseThrow(() -> new InvalidInputException(I18n.t("formulas.noTerms", r.item()))) : r.term();
            return new Derived(List.of(m.explainTermWeight(i, t)), itemTerms);
        }
        return new Derived(deriveFor(d, r, progress, cancel), null);
    }

    private List<Derivation> deriveFor(Dataset d, Request r, Progress progress, Cancellation cancel) {
        return switch (r.kind()) {
            case SIMILARITY -> {
                boolean items = r.orientation() == Orientation.ITEMS;
                int a = items ? itemIndex(d, r.item()) : userIndex(d, r.user());
                int b = items ? itemIndex(d, r.other()) : userIndex(d, r.other());
                yield List.of(new Similarities(d, r.orientation(), SimilarityOptions.of(r.measure())
                        .withShrinkage(r.shrinkage())).explain(a, b).derivation());
            }
            case PREDICTION -> {
                Model m = r.tuneModel();
                if (m == null || m.dataset() != d) {
                    throw new InvalidInputException(I18n.t("formulas.needModel"));
                }
                yield List.of(m.explain(userIndex(d, r.user()), itemIndex(d, r.item())).derivation());
            }
            case SGD_STEP -> {
                Model m = model(d, r.kind().algorithm(), progress, cancel);
                yield List.of(((SgdExplainable) m).explainStep(userIndex(d, r.user()), itemIndex(d, r.item()),
                        r.rating()));
            }
            case ALS_SOLVE, NMF_UPDATE -> List.of(((UserSolveExplainable) model(d, r.kind().algorithm(), progress, cancel))
                    .explainUserSolve(userIndex(d, r.user())));
            case BPR_STEP -> List.of(((PairwiseStepExplainable) model(d, r.kind().algorithm(), progress, cancel))
                    .explainStep(userIndex(d, r.user()), itemIndex(d, r.item()), NEGATIVE_SEED));
            case METRICS -> metrics(d, userIndex(d, r.user()), r.tuneModel(), progress, cancel);
            case LOSSES -> losses(d, userIndex(d, r.user()), progress, cancel);
            default -> {
                Model m = model(d, r.kind().algorithm(), progress, cancel);
                yield List.of(m.explain(userIndex(d, r.user()), itemIndex(d, r.item())).derivation());
            }
        };
    }

    /** The user's RMSE, MAE, precision, recall, NDCG and AUC in a holdout evaluation of the Tune algorithm. */
    private List<Derivation> metrics(Dataset d, int u, Model tune, Progress progress, Cancellation cancel) {
        Algorithm<?> algorithm = tune == null ? AlgorithmRegistry.require("item-knn")
                : AlgorithmRegistry.require(tune.algorithmId());
        ParamValues params = tune == null ? algorithm.defaults() : tune.params();
        boolean explicit = d.kind().label().equals("explicit");
        return userMetrics(d, u, algorithm, params, METRIC_SPLIT, METRIC_SEED,
                explicit ? Relevance.explicit(4) : Relevance.implicit(), Candidates.FULL, METRIC_N, progress, cancel);
    }

    /**
     * MSE of biased MF on the user's ratings (the training data it was fitted on), and the binary cross-entropy of
     * neural CF on up to ten of the user's items (label 1) and as many items they never touched (label 0, drawn
     * with seed 42): the two losses these models minimise.
     */
    private List<Derivation> losses(Dataset d, int u, Progress progress, Cancellation cancel) {
        RatingMatrix r = d.ratings();
        int n = r.rowLength(u);
        if (n == 0) {
            throw new InvalidInputException(I18n.t("formulas.noInteractions", d.users().id(u)));
        }
        Model mf = model(d, "biased-mf", progress.stage(0, 0.5), cancel);
        double[] y = new double[n];
        double[] predicted = new double[n];
        for (int k = 0; k < n; k++) {
            int item = r.rowItem(r.rowStart(u) + k);
            y[k] = r.rowValue(r.rowStart(u) + k);
            predicted[k] = mf.predict(u, item);
        }
        Derivation.Builder mse = Derivation.builder("MSE of biased MF on the " + n + " ratings of user "
                + d.users().id(u) + " (the data it was fitted on)");
        Losses.meanSquaredError(y, predicted, mse);
        Model ncf = model(d, "ncf", progress.stage(0.5, 1), cancel);
        double[] scores = ncf.scoreAll(u);
        int positives = Math.min(10, n);
        boolean[] seen = new boolean[d.itemCount()];
        for (int k = 0; k < n; k++) {
            seen[r.rowItem(r.rowStart(u) + k)] = true;
        }
        List<Integer> unseen = new ArrayList<>();
        for (int i = 0; i < d.itemCount(); i++) {
            if (!seen[i]) {
                unseen.add(i);
            }
        }
        Collections.shuffle(unseen, new Random(42));
        int negatives = Math.min(positives, unseen.size());
        double[] labels = new double[positives + negatives];
        double[] probabilities = new double[positives + negatives];
        for (int k = 0; k < positives; k++) {
            labels[k] = 1;
            probabilities[k] = scores[r.rowItem(r.rowStart(u) + k)];
        }
        for (int k = 0; k < negatives; k++) {
            probabilities[positives + k] = scores[unseen.get(k)];
        }
        Derivation.Builder bce = Derivation.builder("Binary cross-entropy of neural CF on user " + d.users().id(u)
                + ": " + positives + " of their items (y = 1) and " + negatives + " unseen items (y = 0)");
        Losses.binaryCrossEntropy(labels, probabilities,
                Losses.Reduction.MEAN, bce);
        return List.of(mse.build(), bce.build());
    }

    /** One user's metric derivations in the first fold of an evaluation set up like this. */
    private static List<Derivation> userMetrics(Dataset d, int u, Algorithm<?> algorithm, ParamValues params,
                                                String split, long seed, Relevance relevance, Candidates candidates,
                                                int n, Progress progress, Cancellation cancel) {
        Fold fold = Splitters.parse(split).split(d, seed).get(0);
        if (u >= fold.test().userCount() || fold.test().rowLength(u) == 0) {
            throw new InvalidInputException(I18n.t("formulas.noTestEntries", d.users().id(u), split,
                    String.valueOf(seed)));
        }
        Model m = algorithm.fit(fold.train(), params, progress, cancel);
        FoldEvaluator evaluator = new FoldEvaluator(MetricSpec.defaults(d.kind().label().equals("explicit")),
                relevance, candidates, seed);
        return evaluator.explainUser(fold, m, u, n).derivations();
    }

    /**
     * Derives one user's metrics in the setting of a run from the Evaluate view or the history (its algorithm,
     * parameters, split, seed, relevance and candidates; the first fold), then shows them here.
     */
    public void showUserMetrics(RunResult run, String userId) {
        Dataset d = data.get();
        if (d == null || !d.name().equals(run.dataset())) {
            message.set(I18n.t("formulas.loadDataset", run.dataset()));
            return;
        }
        Algorithm<?> algorithm = AlgorithmRegistry.require(run.algorithm());
        List<String> assignments = new ArrayList<>();
        run.params().forEach((name, value) -> assignments.add(name + "=" + value));
        ParamValues params = ParamValues.parse(algorithm.params(), assignments);
        int n = run.metrics().keySet().stream().map(MetricSpec::parse).mapToInt(MetricSpec::n).filter(k -> k > 0)
                .findFirst().orElse(METRIC_N);
        kind.set(FormulaKind.METRICS);
        user.set(userId);
        arrivals.set(arrivals.get() + 1);
        message.set(I18n.t("formulas.derivingUser", userId, String.valueOf(run.runId())));
        int request = ++derivationRequests;
        jobs.interactive(deriving, I18n.t("formulas.job.user", userId), (progress, cancel) ->
                new Derived(userMetrics(d, userIndex(d, userId), algorithm, params, run.split(), run.seed(),
                        run.relevance(), run.candidates(), n, progress, cancel), null), derived -> {
            derivations.setAll(derived.derivations());
            selected.set(derived.derivations().isEmpty() ? null : derived.derivations().get(0));
            message.set(I18n.t("formulas.userInRun", userId, run.runId() > 0 ? run.runId() + " " : "",
                    run.algorithm(), run.split(), String.valueOf(run.seed())));
        }, failure -> message.set(ErrorMessages.readable(failure)), () -> cancelled(request));
    }

    private Model model(Dataset d, String algorithmId, Progress progress, Cancellation cancel) {
        synchronized (fitted) {
            Model m = fitted.get(algorithmId);
            if (m != null && m.dataset() == d) {
                return m;
            }
        }
        Algorithm<?> a = AlgorithmRegistry.require(algorithmId);
        Model m = a.fit(d, a.defaults(), progress, cancel);
        synchronized (fitted) {
            if (cachedFor == d) {
                fitted.put(algorithmId, m);
            }
        }
        return m;
    }

    private static int userIndex(Dataset d, String id) {
        int u = d.users().indexOf(id);
        if (u < 0) {
            throw new InvalidInputException(I18n.t("formulas.noUser", id, d.name()));
        }
        return u;
    }

    private static int itemIndex(Dataset d, String id) {
        int i = d.items().indexOf(id);
        if (i < 0) {
            throw new InvalidInputException(I18n.t("formulas.noItem", id, d.name()));
        }
        return i;
    }

    /** A random user with at least one interaction. */
    public void onRandomUser() {
        Dataset d = data.get();
        if (d != null && d.userCount() > 0) {
            for (int tries = 0; tries < 100; tries++) {
                int u = random.nextInt(d.userCount());
                if (d.ratings().rowLength(u) > 0) {
                    user.set(d.users().id(u));
                    return;
                }
            }
        }
    }

    /** A random item with at least one interaction (for the pair kinds, the second one too). */
    public void onRandomItem() {
        Dataset d = data.get();
        if (d == null || d.itemCount() == 0) {
            return;
        }
        item.set(d.items().id(randomItem(d)));
        if (orientation.get() == Orientation.ITEMS) {
            other.set(d.items().id(randomItem(d)));
        } else if (d.userCount() > 0) {
            other.set(d.users().id(random.nextInt(d.userCount())));
        }
    }

    private int randomItem(Dataset d) {
        for (int tries = 0; tries < 100; tries++) {
            int i = random.nextInt(d.itemCount());
            if (d.ratings().colLength(i) > 0) {
                return i;
            }
        }
        return 0;
    }

    /** Computes the seed articles' worked examples (once) for the gallery. */
    public void onShowGallery() {
        if (examplesRequested) {
            return;
        }
        examplesRequested = true;
        jobs.interactive(this, I18n.t("gallery.job"), (progress, cancel) ->
                SeedExamples.evaluateAll(), all -> {
            examples.setAll(all);
            if (!all.isEmpty()) {
                example.set(all.get(0));
            }
        }, failure -> {
            examplesRequested = false;
            message.set(ErrorMessages.readable(failure));
        }, () -> examplesRequested = false);
    }

    public ReadOnlyIntegerProperty arrivalsProperty() {
        return arrivals;
    }

    public ObservableList<ExampleResult> examples() {
        return examples;
    }

    public ObjectProperty<ExampleResult> exampleProperty() {
        return example;
    }

    public ObjectProperty<FormulaKind> kindProperty() {
        return kind;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty itemProperty() {
        return item;
    }

    public StringProperty otherProperty() {
        return other;
    }

    public ObjectProperty<Orientation> orientationProperty() {
        return orientation;
    }

    public ObjectProperty<Measure> measureProperty() {
        return measure;
    }

    public DoubleProperty shrinkageProperty() {
        return shrinkage;
    }

    public DoubleProperty ratingProperty() {
        return rating;
    }

    public StringProperty termProperty() {
        return term;
    }

    public ObservableList<String> terms() {
        return terms;
    }

    public ObservableList<Derivation> derivations() {
        return derivations;
    }

    public ObjectProperty<Derivation> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
