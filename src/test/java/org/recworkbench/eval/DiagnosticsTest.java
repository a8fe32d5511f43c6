package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rating errors, calibration, popularity bias, and an experiment's listener hearing epochs and folds. */
class DiagnosticsTest {

    private static Dataset random(long seed, int users, int items) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetBuilder b = new DatasetBuilder("random", DatasetKind.EXPLICIT);
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                // popularity falls with the item index
                if (random.nextDouble() < 0.6 / (1 + i * 0.3)) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private static Model fit(String id, Dataset d) {
        var a = AlgorithmRegistry.require(id);
        return a.fit(d, a.defaults(), Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void theGlobalMeanMissesEveryRatingByItsDistanceFromTheMean() {
        // train: u0 rates i0 2 and i1 4 (mean 3); test: u0 rates i2 5 and u1 rates i0 1
        DatasetBuilder all = new DatasetBuilder("hand", DatasetKind.EXPLICIT);
        all.add("u0", "i0", 2).add("u0", "i1", 4).add("u1", "i2", 3);
        DatasetBuilder test = new DatasetBuilder("test", DatasetKind.EXPLICIT);
        test.add("u0", "i2", 5).add("u1", "i0", 1);
        Fold fold = new GivenTestSet(test.build()).split(all.build(), 1).get(0);
        Model mean = fit("global-mean", fold.train());
        Diagnostics.RatingErrors e = Diagnostics.ratingErrors(fold, mean, 0.5);
        // μ = (2 + 4 + 3) / 3 = 3; errors 3 − 5 = −2 and 3 − 1 = 2
        assertThat(e.errors()).containsExactlyInAnyOrder(-2.0, 2.0);
        assertThat(e.calibration()).hasSize(1);
        assertThat(e.calibration().get(0).meanPredicted()).isEqualTo(3.0);
        assertThat(e.calibration().get(0).meanActual()).isEqualTo(3.0);
        assertThat(e.calibration().get(0).count()).isEqualTo(2);
        // bins of 1 from −2 to 2: −2, −1, 0, 1, 2
        assertThat(e.histogram(1, 2)).containsExactly(1, 0, 0, 0, 1);
    }

    @Test
    void calibrationBinsAverageWhatFallsInThem() {
        var bins = Diagnostics.calibration(new double[] {1.1, 1.4, 2.2, 4.9}, new double[] {1, 2, 3, 5}, 0.5);
        // [1.0,1.5): 1.1, 1.4 → actual mean 1.5; [2.0,2.5): 3; [4.5,5.0): 5
        assertThat(bins).extracting(Diagnostics.CalibrationBin::count).containsExactly(2, 1, 1);
        assertThat(bins.get(0).meanActual()).isEqualTo(1.5);
        assertThat(bins.get(0).from()).isEqualTo(1.0);
        assertThat(bins.get(2).from()).isEqualTo(4.5);
    }

    @Test
    void popularRecommendsTheTopDecilesAndBiasTheirShare() {
        Dataset d = random(3, 200, 40);
        Fold fold = Splitters.parse("holdout:0.2").split(d, 7).get(0);
        Diagnostics.PopularityBias popular = Diagnostics.popularityBias(fold, fit("popular", fold.train()), 5);
        // 40 items: each decile holds 4 items; the 5 most popular left unseen come from the first deciles
        assertThat(popular.recommendedShare()[0] + popular.recommendedShare()[1]).isGreaterThan(0.9);
        assertThat(popular.meanRecommended()).isGreaterThan(popular.meanCatalogue());
        double sum = 0;
        for (double s : popular.recommendedShare()) {
            sum += s;
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(popular.lists()).isPositive();
    }

    @Test
    void bprAndNeuralCfReportEveryEpochWithTheirCurrentModel() {
        Dataset d = random(6, 50, 20);
        for (String id : List.of("bpr", "ncf")) {
            var algorithm = AlgorithmRegistry.require(id);
            Experiment e = new Experiment(id, algorithm.defaults().with("epochs", 3), Splitters.parse("holdout:0.2"),
                    MetricSpec.parseList("ndcg@5"), Relevance.implicit(), Candidates.FULL, 1);
            List<Integer> epochs = new ArrayList<>();
            e.run(d, Progress.NONE, Cancellation.NEVER, new ExperimentListener() {
                @Override
                public void epoch(Fold fold, int epoch, double loss, java.util.function.Supplier<Model> current) {
                    double[] scores = current.get().scoreAll(0);
                    assertThat(scores).hasSize(fold.train().itemCount());
                    assertThat(loss).isFinite();
                    epochs.add(epoch);
                }
            });
            assertThat(epochs).as(id).containsExactly(1, 2, 3);
        }
    }

    @Test
    void anExperimentTellsItsListenerEveryEpochAndFold() {
        Dataset d = random(5, 60, 20);
        var algorithm = AlgorithmRegistry.require("biased-mf");
        Experiment e = new Experiment("biased-mf", algorithm.defaults().with("epochs", 4),
                Splitters.parse("kfold:2"), MetricSpec.parseList("rmse"), Relevance.explicit(4), Candidates.FULL, 1);
        List<String> heard = new ArrayList<>();
        RunResult r = e.run(d, Progress.NONE, Cancellation.NEVER, new ExperimentListener() {
            @Override
            public void epoch(Fold fold, int epoch, double loss, java.util.function.Supplier<Model> current) {
                Model m = current.get();
                assertThat(m.predict(0, 0)).isFinite();
                heard.add("fold " + fold.index() + " epoch " + epoch);
            }

            @Override
            public void foldDone(Fold fold, Model model, FoldResult result) {
                heard.add("fold " + fold.index() + " done rmse " + (result.values().get("rmse") > 0));
            }
        });
        assertThat(heard).containsExactly("fold 0 epoch 1", "fold 0 epoch 2", "fold 0 epoch 3", "fold 0 epoch 4",
                "fold 0 done rmse true", "fold 1 epoch 1", "fold 1 epoch 2", "fold 1 epoch 3", "fold 1 epoch 4",
                "fold 1 done rmse true");
        assertThat(r.metrics().get("rmse").value()).isPositive();
    }
}
