package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.EarlyStopRuns;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix factorisations' early stop watches a held-out tenth of the training data (biased MF and ALS: RMSE on the
 * ratings; implicit ALS and BPR: AUC of the interactions) and keeps its best epoch.
 */
class EarlyStopTest {

    /** Noisy ratings of a few taste groups: many factors and little regularisation overfit them quickly. */
    private static Dataset noisy() {
        DatasetBuilder b = new DatasetBuilder("noisy", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(21);
        for (int u = 0; u < 80; u++) {
            for (int i = 0; i < 60; i++) {
                if (random.nextDouble() < 0.25) {
                    double taste = (u % 3 == i % 3) ? 4 : 2;
                    b.add("u" + u, "i" + i, Math.max(1, Math.min(5, Math.round(taste + random.nextGaussian()))));
                }
            }
        }
        return b.build();
    }

    private static IterativeModel fit(Dataset d, String... assignments) {
        var mf = AlgorithmRegistry.require("biased-mf");
        List<String> all = new ArrayList<>(List.of("factors=40", "epochs=200", "learning-rate=0.03",
                "reg-factors=0", "reg-bias=0"));
        all.addAll(List.of(assignments));
        ParamValues p = ParamValues.parse(mf.params(), all);
        return (IterativeModel) mf.fit(d, p, Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void anOverfittingRunStopsEarlyAndKeepsItsBestEpoch() {
        Dataset d = noisy();
        IterativeModel full = fit(d);
        IterativeModel stopped = fit(d, "early-stop=3");
        assertThat(full.lossCurve()).hasSize(200);
        assertThat(stopped.lossCurve().length).isLessThan(200).isGreaterThan(0);
        // the same seed and no early stop trains exactly as before the option existed
        assertThat(fit(d, "early-stop=0").lossCurve()).containsExactly(full.lossCurve());
        assertThat(((Model) stopped).params().getInt("early-stop")).isEqualTo(3);
    }

    @Test
    void alsStopsOnTheHeldOutRmseAndZeroTrainsAsBefore() {
        EarlyStopRuns.assertStopsEarlyAndZeroTrainsAsBefore("als", noisy(), 40,
                List.of("factors=40", "iterations=40", "lambda=0.001"), 3);
    }

    @Test
    void implicitAlsStopsOnTheHeldOutAucAndZeroTrainsAsBefore() {
        EarlyStopRuns.assertStopsEarlyAndZeroTrainsAsBefore("implicit-als", EarlyStopRuns.clustered(), 30,
                List.of("factors=3", "lambda=10", "iterations=30"), 3);
    }

    @Test
    void implicitAlsExplanationShowsWhatTheHeldOutItemsLeaveUnexplained() {
        Model m = EarlyStopRuns.fit("implicit-als", EarlyStopRuns.clustered(),
                List.of("factors=3", "lambda=10", "iterations=30", "early-stop=3")).model();
        assertThat(m.explain(0, 1).derivation().toText()).contains("held out for the early stop");
    }

    @Test
    void bprStopsOnTheHeldOutAucAndZeroTrainsAsBefore() {
        EarlyStopRuns.assertStopsEarlyAndZeroTrainsAsBefore("bpr", EarlyStopRuns.clustered(), 200,
                List.of("factors=40", "epochs=200", "learning-rate=0.1", "regularisation=0"), 3);
    }
}
