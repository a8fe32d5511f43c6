package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The learning curve trains without the validation carve and measures on it, never on the outer test part. */
class LearningCurveTest {

    @Test
    void eachEpochIsMeasuredOnTheValidationCarveAndTheLastEqualsTheFittedModelThere() {
        Dataset data = SplittersTest.random(9, 70, 45, 0.3, false);
        var mf = AlgorithmRegistry.require("biased-mf");
        ParamValues p = ParamValues.parse(mf.params(), List.of("epochs=5", "factors=4"));
        Experiment e = new Experiment("biased-mf", p, Splitters.parse("holdout:0.2"), MetricSpec.parseList("rmse"),
                Relevance.explicit(4), Candidates.FULL, 42);
        List<LearningCurve.Point> points = new ArrayList<>();
        LearningCurve.measure(e, data, 0.1, true, Progress.NONE, Cancellation.NEVER, points::add);

        assertThat(points).extracting(LearningCurve.Point::epoch).containsExactly(1, 2, 3, 4, 5);
        Fold carved = LearningCurve.validationFold(data, e.splitter(), 0.1, 42);
        Fold outer = e.splitter().split(data, 42).get(0);
        assertThat(carved.test().size()).isEqualTo((int) Math.round(0.1 * outer.trainSize()));
        // the carve's training part is the outer training part less the carve: the model never sees the test
        assertThat(carved.trainSize() + carved.test().size()).isEqualTo(outer.trainSize());

        Model fitted = mf.fit(carved.train(), p, Progress.NONE, Cancellation.NEVER);
        double onValidation = LearningCurve.validation(carved, fitted, true, Cancellation.NEVER);
        double onTest = LearningCurve.validation(outer, mf.fit(outer.train(), p, Progress.NONE, Cancellation.NEVER),
                true, Cancellation.NEVER);
        assertThat(points.get(4).validation()).isEqualTo(onValidation);
        assertThat(points.get(4).validation()).isNotEqualTo(onTest);
    }

    @Test
    void aSplitThatAlreadyMeasuresOnValidationIsNotCarvedTwice() {
        Dataset data = SplittersTest.random(4, 50, 30, 0.3, false);
        Splitter v = Splitters.parse("kfold:3/validation:0.2");
        assertThat(LearningCurve.validationFold(data, v, 0.1, 7).test().size())
                .isEqualTo(v.split(data, 7).get(0).test().size());
        assertThat(LearningCurve.reportsEpochs(AlgorithmRegistry.require("biased-mf"))).isTrue();
        assertThat(LearningCurve.reportsEpochs(AlgorithmRegistry.require("item-knn"))).isFalse();
        assertThat(LearningCurve.reportsEpochs(AlgorithmRegistry.require("implicit-als"))).isTrue();
    }

    @Test
    void alternatingLeastSquaresReportsEachIterationToo() {
        Dataset data = SplittersTest.random(2, 50, 30, 0.3, false);
        for (String id : List.of("als", "implicit-als")) {
            var a = AlgorithmRegistry.require(id);
            ParamValues p = a.defaults().with("iterations", 4);
            Experiment e = new Experiment(id, p, Splitters.parse("holdout:0.2"), MetricSpec.parseList("ndcg@10"),
                    Relevance.explicit(4), Candidates.FULL, 42);
            // ratings data: ALS predicts them (RMSE); implicit ALS only ranks, so its curve falls back to NDCG@10
            boolean explicit = id.equals("als");
            List<LearningCurve.Point> points = new ArrayList<>();
            LearningCurve.measure(e, data, 0.1, true, Progress.NONE, Cancellation.NEVER, points::add);
            assertThat(points).extracting(LearningCurve.Point::measure).containsOnly(explicit ? "rmse" : "ndcg@10");
            assertThat(points).as(id).extracting(LearningCurve.Point::epoch).containsExactly(1, 2, 3, 4);
            Fold carved = LearningCurve.validationFold(data, e.splitter(), 0.1, 42);
            Model fitted = a.fit(carved.train(), p, Progress.NONE, Cancellation.NEVER);
            assertThat(points.get(3).validation()).as(id)
                    .isEqualTo(LearningCurve.validation(carved, fitted, explicit, Cancellation.NEVER));
        }
    }
}
