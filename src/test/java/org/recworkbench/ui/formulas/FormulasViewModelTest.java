package org.recworkbench.ui.formulas;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Derivation;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.ui.FxTestSupport.fx;

/** Every formula kind derives on a real dataset, and each result is the engine's own number. */
class FormulasViewModelTest {

    private final FxJobs jobs = new FxJobs();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private static Dataset shop() {
        SplittableRandom random = new SplittableRandom(9);
        DatasetBuilder b = new DatasetBuilder("shop", DatasetKind.EXPLICIT);
        String[] words = {"green", "garden", "hose", "blue", "kitchen", "pot", "red", "lamp"};
        for (int i = 0; i < 30; i++) {
            b.item("i" + i, words[i % 8] + " " + words[(i * 3 + 1) % 8], new String[] {"c" + i % 3},
                    words[(i + 2) % 8] + " " + words[(i + 5) % 8]);
        }
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 30; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private List<Derivation> derive(FormulasViewModel vm, FormulaKind kind) throws Exception {
        fx(() -> {
            vm.kindProperty().set(kind);
            vm.derivations().clear();
            vm.onCompute();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.derivations().isEmpty()
                || vm.messageProperty().get().startsWith("No ") || vm.messageProperty().get().contains("first"));
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(vm.derivations());
    }

    @Test
    void everyKindDerivesTheEnginesNumber() throws Exception {
        Dataset d = shop();
        SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
        SimpleObjectProperty<Model> tune = new SimpleObjectProperty<>();
        FormulasViewModel vm = fx(() -> new FormulasViewModel(jobs, data, tune));
        fx(() -> data.set(d));
        fx(() -> {
            vm.userProperty().set("u3");
            vm.itemProperty().set("i4");
            vm.otherProperty().set("i7");
            vm.measureProperty().set(Measure.PEARSON);
        });

        Derivation similarity = derive(vm, FormulaKind.SIMILARITY).get(0);
        assertThat(similarity.result()).isEqualTo(new Similarities(d, Orientation.ITEMS,
                SimilarityOptions.of(Measure.PEARSON)).pair(d.items().indexOf("i4"), d.items().indexOf("i7")).value());

        assertThat(derive(vm, FormulaKind.PREDICTION)).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Fit a model in Tune & Recommend first");

        int u = d.users().indexOf("u3");
        int i = d.items().indexOf("i4");
        for (FormulaKind kind : List.of(FormulaKind.USER_KNN, FormulaKind.ITEM_KNN, FormulaKind.BIAS, FormulaKind.MF,
                FormulaKind.IMPLICIT_ALS, FormulaKind.P3ALPHA, FormulaKind.RP3BETA, FormulaKind.HYBRID,
                FormulaKind.CONTENT)) {
            var algorithm = AlgorithmRegistry.require(kind.algorithm());
            Model m = algorithm.fit(d, algorithm.defaults(), Progress.NONE, Cancellation.NEVER);
            Derivation derived = derive(vm, kind).get(0);
            assertThat(derived.result()).as(kind.name()).isCloseTo(m.explain(u, i).derivation().result(),
                    within(1e-9));
        }

        fx(() -> vm.ratingProperty().set(5));
        Derivation sgd = derive(vm, FormulaKind.SGD_STEP).get(0);
        assertThat(sgd.title()).startsWith("One SGD step of biased MF on user u3, item i4, rating 5");
        assertThat(sgd.steps()).extracting(s -> s.title()).contains("Error", "New user bias", "New item factors");

        Derivation solve = derive(vm, FormulaKind.ALS_SOLVE).get(0);
        assertThat(solve.title()).startsWith("One ALS solve of user u3");
        assertThat(solve.steps()).extracting(s -> s.title()).contains("Left-hand side", "Right-hand side");

        Derivation nmf = derive(vm, FormulaKind.NMF_UPDATE).get(0);
        assertThat(nmf.title()).startsWith("One NMF multiplicative update of user u3");

        int rated = d.ratings().rowItem(d.ratings().rowStart(u));
        fx(() -> vm.itemProperty().set(d.items().id(rated)));
        Derivation bpr = derive(vm, FormulaKind.BPR_STEP).get(0);
        assertThat(bpr.title()).startsWith("One BPR step on user u3, positive item " + d.items().id(rated));
        fx(() -> vm.itemProperty().set("i4"));

        Derivation tfidf = derive(vm, FormulaKind.TFIDF_WEIGHT).get(0);
        assertThat(vm.terms()).isNotEmpty();
        assertThat(tfidf.title()).contains("\"" + vm.terms().get(0) + "\"").contains("i4");
        assertThat(tfidf.result()).isPositive();

        List<Derivation> losses = derive(vm, FormulaKind.LOSSES);
        assertThat(losses).hasSize(2);
        var mfAlgorithm = AlgorithmRegistry.require("biased-mf");
        Model mf = mfAlgorithm.fit(d, mfAlgorithm.defaults(), Progress.NONE, Cancellation.NEVER);
        double squared = 0;
        var r = d.ratings();
        for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
            double e = r.rowValue(p) - mf.predict(u, r.rowItem(p));
            squared += e * e;
        }
        assertThat(losses.get(0).result()).isCloseTo(squared / r.rowLength(u), within(1e-9));
        assertThat(losses.get(1).title()).startsWith("Binary cross-entropy of neural CF on user u3");
        assertThat(losses.get(1).result()).isPositive().isFinite();

        List<Derivation> metrics = derive(vm, FormulaKind.METRICS);
        assertThat(metrics).extracting(m -> m.title().split(" ")[0]).containsAnyOf("RMSE", "Precision@10");
    }

    @Test
    void aUsersMetricsInARunEndInTheValuesTheRunStored() throws Exception {
        Dataset d = shop();
        var algorithm = AlgorithmRegistry.require("item-knn");
        var experiment = new org.recworkbench.eval.Experiment("item-knn", algorithm.defaults().with("k", 10),
                org.recworkbench.eval.Splitters.parse("holdout:0.25"),
                org.recworkbench.eval.MetricSpec.parseList("rmse,mae,precision@5,recall@5,ndcg@5,auc"),
                org.recworkbench.eval.Relevance.explicit(4), org.recworkbench.eval.Candidates.FULL, 9);
        var run = experiment.run(d, Progress.NONE, Cancellation.NEVER);
        double[] precision = run.perUser().get("precision@5");
        int user = -1;
        for (int u = 0; u < precision.length && user < 0; u++) {
            user = Double.isNaN(precision[u]) ? -1 : u;
        }
        String id = d.users().id(user);
        SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
        FormulasViewModel vm = fx(() -> new FormulasViewModel(jobs, data, new SimpleObjectProperty<>()));
        fx(() -> data.set(d));
        fx(() -> vm.showUserMetrics(run, id));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("User "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.kindProperty().get()).isEqualTo(FormulaKind.METRICS);
        for (Derivation derivation : vm.derivations()) {
            String title = derivation.title();
            String key = title.startsWith("RMSE") ? "rmse" : title.startsWith("MAE") ? "mae"
                    : title.startsWith("Precision") ? "precision@5" : title.startsWith("Recall") ? "recall@5"
                    : title.startsWith("NDCG") ? "ndcg@5" : "auc";
            assertThat(derivation.result()).as(key).isCloseTo(run.perUser().get(key)[user], within(1e-12));
        }
        assertThat(vm.derivations()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theGalleryHoldsEverySeedExampleWithTheArticlesSlips() throws Exception {
        FormulasViewModel vm = fx(() -> new FormulasViewModel(jobs, new SimpleObjectProperty<>(),
                new SimpleObjectProperty<>()));
        fx(vm::onShowGallery);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.examples().size() == 19);
        assertThat(vm.examples().stream().filter(e -> !e.agrees()).count()).isEqualTo(16);
        var cosine = vm.examples().stream().filter(e -> e.id().equals("003-cosine-1")).findFirst().orElseThrow();
        assertThat(cosine.note()).contains("numerator should be 0.70, not 0.576");
        assertThat(cosine.computedResult()).isCloseTo(0.70 / (Math.sqrt(0.55) * Math.sqrt(0.90)), within(1e-12));
        assertThat(vm.exampleProperty().get()).isSameAs(vm.examples().get(0));
    }

    @Test
    void aDerivationSentFromAnotherViewIsShown() throws Exception {
        SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
        FormulasViewModel vm = fx(() -> new FormulasViewModel(jobs, data, new SimpleObjectProperty<>()));
        Derivation.Builder builder = Derivation.builder("sent");
        builder.step("one", "x", "1", 1);
        Derivation sent = builder.build();
        fx(() -> vm.show(sent, "a heatmap cell"));
        assertThat(vm.derivations()).containsExactly(sent);
        assertThat(vm.selectedProperty().get()).isSameAs(sent);
        assertThat(vm.messageProperty().get()).isEqualTo("From a heatmap cell");
    }
}
