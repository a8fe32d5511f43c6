package org.recworkbench.ui.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.compare.CompareViewModel;
import org.recworkbench.ui.evaluate.EvaluateViewModel;
import org.recworkbench.ui.formulas.FormulasViewModel;
import org.recworkbench.ui.tune.TuneViewModel;
import org.testfx.util.WaitForAsyncUtils;

import java.util.SplittableRandom;
import java.util.prefs.Preferences;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** One session holds what the views share; parameters survive algorithm switches, results do not survive datasets. */
class SessionTest {

    private static final Algorithm<?> ITEM_KNN = AlgorithmRegistry.require("item-knn");
    private static final Algorithm<?> BIAS = AlgorithmRegistry.require("bias");

    private FxJobs jobs;
    private Session session;
    private TuneViewModel tune;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        jobs = new FxJobs();
        session = fx(() -> new Session(jobs));
        tune = fx(() -> new TuneViewModel(session));
    }

    @AfterEach
    void stop() throws Exception {
        jobs.shutdownAndWait(30, TimeUnit.SECONDS);
    }

    private static Dataset ratings(String name, long seed) {
        DatasetBuilder b = new DatasetBuilder(name, DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(seed);
        for (int u = 0; u < 50; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private void idle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> jobs.jobs().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void parametersAreRememberedPerAlgorithmAcrossSwitches() throws Exception {
        fx(() -> tune.useDataset(ratings("a", 1)));
        idle();
        fx(() -> {
            tune.setParam("k", 100);
            tune.setParam("normalise", "z-score");
        });
        fx(() -> session.algorithmProperty().set(BIAS));
        idle();
        assertThat(tune.paramsProperty().getValue()).isEqualTo(BIAS.defaults());
        fx(() -> session.algorithmProperty().set(ITEM_KNN));
        idle();

        assertThat(tune.paramsProperty().getValue().getInt("k")).isEqualTo(100);
        assertThat(tune.paramsProperty().getValue().getChoice("normalise")).isEqualTo("z-score");
        assertThat(tune.modelProperty().get().params().getInt("k")).as("the refit uses them").isEqualTo(100);
        fx(tune::onResetParams);
        assertThat(session.paramsFor(ITEM_KNN)).isEqualTo(ITEM_KNN.defaults());
    }

    @Test
    void parametersSetInOneRunAreOfferedAgainInTheNext() throws Exception {
        Preferences node = Preferences.userRoot().node("org/recworkbench/test/session-"
                + java.util.UUID.randomUUID());
        try {
            fx(() -> {
                session.rememberIn(node);
                session.setParam(ITEM_KNN, "k", 100);
                session.setParam(ITEM_KNN, "shrinkage", 12.5);
                session.setParam(BIAS, "lambda-user", 3.123456789);
            });
            Session next = fx(() -> new Session(jobs));
            fx(() -> next.rememberIn(node));
            assertThat(next.paramsFor(ITEM_KNN)).isEqualTo(session.paramsFor(ITEM_KNN));
            assertThat(next.paramsFor(BIAS)).isEqualTo(session.paramsFor(BIAS));
            fx(() -> session.setParams(ITEM_KNN, ITEM_KNN.defaults()));
            assertThat(node.get("item-knn", null)).isNull();
            node.put("bias", "no-such-parameter=3");
            Session third = fx(() -> new Session(jobs));
            fx(() -> third.rememberIn(node));
            assertThat(third.paramsFor(BIAS)).isEqualTo(BIAS.defaults());
        } finally {
            node.removeNode();
        }
    }

    @Test
    void aParameterSetInEvaluateIsTheOneTuneShowsAndFitsWith() throws Exception {
        EvaluateViewModel evaluate = fx(() -> new EvaluateViewModel(session));
        fx(() -> tune.useDataset(ratings("a", 1)));
        idle();
        int fits = tune.fitCount();
        fx(() -> evaluate.setParam("k", 7));
        assertThat(tune.paramsProperty().getValue().getInt("k")).isEqualTo(7);
        assertThat(tune.modelProperty().get().params().getInt("k")).as("k is live: re-scored, no refit")
                .isEqualTo(7);
        assertThat(tune.fitCount()).isEqualTo(fits);
        fx(() -> evaluate.setParam("similarity", "pearson"));
        assertThat(tune.fitNeededProperty().get()).isTrue();
    }

    @Test
    void resultsOfTheOldDatasetAreClearedWhenTheDatasetChanges() throws Exception {
        EvaluateViewModel evaluate = fx(() -> new EvaluateViewModel(session));
        CompareViewModel compare = fx(() -> new CompareViewModel(session, tune.listLengthProperty()));
        FormulasViewModel formulas = fx(() -> new FormulasViewModel(jobs, session.dataProperty(),
                session.modelProperty()));
        fx(() -> tune.useDataset(ratings("ml100k", 1)));
        idle();
        fx(tune::onScore);
        fx(evaluate::onRunExperiment);
        fx(compare::onCompare);
        fx(formulas::onCompute);
        idle();
        assertThat(tune.scoreProperty().get()).startsWith("RMSE");
        assertThat(evaluate.runs()).hasSize(1);
        assertThat(compare.left().rows()).isNotEmpty();
        assertThat(formulas.derivations()).isNotEmpty();

        fx(() -> tune.useDataset(ratings("ml1m", 2)));
        assertThat(tune.scoreProperty().get()).isEmpty();
        assertThat(evaluate.runs()).isEmpty();
        assertThat(evaluate.curve()).isEmpty();
        assertThat(compare.left().rows()).isEmpty();
        assertThat(compare.comparisonProperty().get()).isNull();
        assertThat(formulas.derivations()).isEmpty();
        idle();
        assertThat(tune.modelProperty().get().dataset().name()).isEqualTo("ml1m");
    }

    @Test
    void theFirstUserIsTheMostActiveWithAtMostAThousandInteractions() {
        DatasetBuilder b = new DatasetBuilder("activity", DatasetKind.EXPLICIT);
        int[] counts = {12, 1500, 999, 1000, 400};
        for (int u = 0; u < counts.length; u++) {
            for (int i = 0; i < counts[u]; i++) {
                b.add("u" + u, "i" + i, 1 + (i % 5));
            }
        }
        assertThat(Session.mostActiveUser(b.build())).as("u3: 1,000 interactions; u1's 1,500 pass").isEqualTo(3);
        DatasetBuilder heavy = new DatasetBuilder("heavy", DatasetKind.EXPLICIT);
        for (int u = 0; u < 2; u++) {
            for (int i = 0; i < 1001 + u; i++) {
                heavy.add("u" + u, "i" + i, 3);
            }
        }
        assertThat(Session.mostActiveUser(heavy.build())).as("all above: the least active").isZero();
    }
}
