package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Choosing on validation: the validation part comes out of the training data, never out of the test. */
class ValidationSplitTest {

    private static Set<Long> entries(RatingMatrix m) {
        Set<Long> out = new HashSet<>();
        for (int u = 0; u < m.userCount(); u++) {
            for (int p = m.rowStart(u); p < m.rowStart(u) + m.rowLength(u); p++) {
                out.add((long) u << 32 | m.rowItem(p));
            }
        }
        return out;
    }

    @Test
    void theValidationPartIsCarvedFromEachFoldsTrainingDataAndNeverTouchesItsTest() {
        Dataset data = SplittersTest.random(3, 60, 40, 0.3, false);
        Splitter outer = Splitters.parse("kfold:3");
        Splitter validation = Splitters.parse("kfold:3/validation:0.25");
        assertThat(validation).isEqualTo(new ValidationSplit(outer, 0.25));
        assertThat(validation.spec()).isEqualTo("kfold:3/validation:0.25");

        List<Fold> outerFolds = outer.split(data, 42);
        List<Fold> folds = validation.split(data, 42);
        assertThat(folds).hasSize(3);
        for (int f = 0; f < 3; f++) {
            Set<Long> outerTrain = entries(outerFolds.get(f).train().ratings());
            Set<Long> outerTest = entries(outerFolds.get(f).test());
            Set<Long> train = entries(folds.get(f).train().ratings());
            Set<Long> held = entries(folds.get(f).test());
            assertThat(held).doesNotContainAnyElementsOf(outerTest).doesNotContainAnyElementsOf(train);
            Set<Long> union = new HashSet<>(train);
            union.addAll(held);
            assertThat(union).isEqualTo(outerTrain);
            assertThat(held.size()).isEqualTo((int) Math.round(0.25 * outerTrain.size()));
        }
        // the same seed carves the same parts
        assertThat(entries(validation.split(data, 42).get(1).test())).isEqualTo(entries(folds.get(1).test()));
    }

    @Test
    void aSweepOnValidationChoosesThereAndReportsTheChoiceOnTheOuterTest() {
        Dataset data = SplittersTest.random(5, 80, 50, 0.3, false);
        var knn = AlgorithmRegistry.require("item-knn");
        Experiment base = new Experiment("item-knn", knn.defaults(), Splitters.parse("holdout:0.2/validation:0.1"),
                MetricSpec.parseList("rmse"), Relevance.explicit(4), Candidates.FULL, 42);
        Sweep sweep = new Sweep(base, List.of(SweepAxis.parse(knn.defaults().spec("k"), "2,8,32")));
        List<RunResult> points = sweep.run(data, Progress.NONE, Cancellation.NEVER, r -> { });
        assertThat(points).allSatisfy(r -> assertThat(r.split()).isEqualTo("holdout:0.2/validation:0.1"));

        Sweep.Selection s = sweep.select(data, points, "rmse", Progress.NONE, Cancellation.NEVER);
        double lowest = points.stream().mapToDouble(r -> r.value("rmse")).min().orElseThrow();
        assertThat(s.chosenOnValidation()).isTrue();
        assertThat(s.chosen().value("rmse")).isEqualTo(lowest);
        assertThat(s.test().split()).isEqualTo("holdout:0.2");
        assertThat(s.test().params()).isEqualTo(s.chosen().params());
        ParamValues chosen = ParamValues.parse(knn.params(), List.of("k=" + s.chosen().params().get("k")));
        RunResult direct = base.withParams(chosen).withSplitter(Splitters.parse("holdout:0.2")).run(data,
                Progress.NONE, Cancellation.NEVER);
        assertThat(s.test().value("rmse")).isEqualTo(direct.value("rmse"));
    }

    @Test
    void withoutValidationTheChoiceIsSaidToHaveLookedAtTheTest() {
        Dataset data = SplittersTest.random(5, 40, 30, 0.3, false);
        var knn = AlgorithmRegistry.require("item-knn");
        Experiment base = new Experiment("item-knn", knn.defaults(), Splitters.parse("holdout:0.2"),
                MetricSpec.parseList("rmse"), Relevance.explicit(4), Candidates.FULL, 42);
        Sweep sweep = new Sweep(base, List.of(SweepAxis.parse(knn.defaults().spec("k"), "2,8")));
        List<RunResult> points = sweep.run(data, Progress.NONE, Cancellation.NEVER, r -> { });
        Sweep.Selection s = sweep.select(data, points, "rmse", Progress.NONE, Cancellation.NEVER);
        assertThat(s.chosenOnValidation()).isFalse();
        assertThat(s.test()).isSameAs(s.chosen());
    }

    @Test
    void aRandomSearchDrawsDistinctCombinationsOfSeveralAxesTheSameForTheSameSeed() {
        var knn = AlgorithmRegistry.require("item-knn");
        Experiment base = new Experiment("item-knn", knn.defaults(), Splitters.parse("holdout:0.2"),
                MetricSpec.parseList("rmse"), Relevance.explicit(4), Candidates.FULL, 7);
        List<SweepAxis> axes = List.of(SweepAxis.parse(knn.defaults().spec("k"), "5,10,20,40"),
                SweepAxis.parse(knn.defaults().spec("shrinkage"), "0,10,100"),
                SweepAxis.parse(knn.defaults().spec("similarity"), "cosine,pearson"));
        List<ParamValues> points = new Sweep(base, axes, 10).points();
        assertThat(points).hasSize(10).doesNotHaveDuplicates();
        // the current setting (k 30, off the grid) is always tried first, so a search cannot lose to it
        assertThat(points.get(0)).isEqualTo(knn.defaults());
        assertThat(points.subList(1, 10)).allSatisfy(p -> {
            assertThat(List.of(5, 10, 20, 40)).contains(p.getInt("k"));
            assertThat(List.of(0.0, 10.0, 100.0)).contains(p.getDouble("shrinkage"));
        });
        assertThat(new Sweep(base, axes, 10).points()).isEqualTo(points);
        // a budget above the grid's 24 combinations draws each once, after the setting itself
        assertThat(new Sweep(base, axes, 50).points()).hasSize(25).doesNotHaveDuplicates();
        // a grid keeps to two axes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Sweep(base, axes))
                .hasMessageContaining("random:N");
    }

    @Test
    void aStoredValidationDatasetIsTakenOutOfTrainingAndNeverOverlapsTheTest() {
        Dataset data = SplittersTest.random(6, 40, 30, 0.3, false);
        Splitter outer = Splitters.parse("holdout:0.2");
        Fold fold = outer.split(data, 42).get(0);
        RatingMatrix train = fold.train().ratings();
        RatingMatrix test = fold.test();
        org.recworkbench.data.DatasetBuilder b = new org.recworkbench.data.DatasetBuilder("val",
                org.recworkbench.data.DatasetKind.EXPLICIT);
        // three training entries, one test entry, one unknown user and one pair nobody rated
        int added = 0;
        for (int u = 0; u < train.userCount() && added < 3; u++) {
            if (train.rowLength(u) > 1) {
                int p = train.rowStart(u);
                b.add(data.users().id(u), data.items().id(train.rowItem(p)), 5);
                added++;
            }
        }
        int tu = 0;
        while (test.rowLength(tu) == 0) {
            tu++;
        }
        b.add(data.users().id(tu), data.items().id(test.rowItem(test.rowStart(tu))), 1);
        b.add("stranger", data.items().id(0), 3);
        int nu = 0;
        int ni = -1;
        for (; ni < 0; nu++) {
            for (int i = 0; i < data.itemCount(); i++) {
                if (Float.isNaN(data.ratings().value(nu, i))) {
                    ni = i;
                    break;
                }
            }
        }
        nu--;
        b.add(data.users().id(nu), data.items().id(ni), 2);
        Dataset validation = b.build();

        ValidationSplit split = ValidationSplit.given(outer, validation);
        assertThat(split.spec()).isEqualTo("holdout:0.2/validation:dataset:val");
        Fold carved = split.split(data, 42).get(0);
        assertThat(carved.test().size()).as("3 from training + 1 new pair").isEqualTo(4);
        assertThat(carved.droppedTestEntries()).as("the test entry and the stranger").isEqualTo(2);
        assertThat(carved.trainSize()).isEqualTo(fold.trainSize() - 3);
        assertThat(entries(carved.test())).doesNotContainAnyElementsOf(entries(test))
                .doesNotContainAnyElementsOf(entries(carved.train().ratings()));
        // the validation values are the validation dataset's own
        assertThat(carved.test().value(nu, ni)).isEqualTo(2f);
        // a stored run's spec finds the dataset again
        Splitter again = Splitters.resolve(split.spec(), name -> name.equals("val") ? validation : null);
        assertThat(entries(again.split(data, 42).get(0).test())).isEqualTo(entries(carved.test()));
    }
}
