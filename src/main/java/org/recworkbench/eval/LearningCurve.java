package org.recworkbench.eval;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.TrainingObserver;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A learning curve measured where it may be looked at: the model trains on the first fold's training part less a
 * validation carve (a fraction of it, as {@link ValidationSplit} draws it), and after every epoch the carve is
 * measured — RMSE for explicit data and a model that predicts ratings, NDCG@10 otherwise (implicit data, or a model
 * that only ranks, such as implicit ALS or BPR on ratings). The outer split's test part is never used, so choosing the
 * number of epochs from the curve does not fit the test.
 */
public final class LearningCurve {

    /** Training loss and the validation measure ({@code rmse} or {@code ndcg@10}) after one epoch. */
    public record Point(int epoch, double loss, double validation, String measure) {
    }

    private LearningCurve() {
    }

    /**
     * Whether the algorithm trains in epochs it reports: it declares {@code epochs} (SGD, BPR, NCF) or
     * {@code iterations} (ALS, implicit ALS).
     */
    public static boolean reportsEpochs(Algorithm<?> algorithm) {
        return algorithm.params().stream().map(ParamSpec::name)
                .anyMatch(name -> name.equals("epochs") || name.equals("iterations"));
    }

    /**
     * The fold the curve is measured on: the first fold of {@code split} with a {@code fraction} of its training
     * part carved off as validation (the split itself when it already measures on validation).
     */
    public static Fold validationFold(Dataset dataset, Splitter split, double fraction, long seed) {
        ValidationSplit carve = split instanceof ValidationSplit v ? v : new ValidationSplit(split, fraction);
        return carve.split(dataset, seed).get(0);
    }

    /** Fits the experiment's algorithm on the validation fold, passing each epoch's point as it comes. */
    public static void measure(Experiment experiment, Dataset dataset, double fraction, boolean explicit,
                               Progress progress, Cancellation cancellation, Consumer<Point> each) {
        Fold fold = validationFold(dataset, experiment.splitter(), fraction, experiment.seed());
        Algorithm<?> algorithm = AlgorithmRegistry.require(experiment.algorithmId());
        final class Observed implements Progress, TrainingObserver {
            @Override
            public void report(double done, String message) {
                progress.report(done, "learning curve: " + message);
            }

            @Override
            public void epoch(int epoch, double loss, Supplier<Model> current) {
                Model model = current.get();
                double rmse = explicit ? validation(fold, model, true, cancellation) : Double.NaN;
                each.accept(Double.isNaN(rmse)
                        ? new Point(epoch, loss, validation(fold, model, false, cancellation), "ndcg@10")
                        : new Point(epoch, loss, rmse, "rmse"));
            }
        }
        algorithm.fit(fold.train(), experiment.params(), new Observed(), cancellation);
    }

    /** RMSE on the fold's held-out entries (explicit data) or NDCG@10 at relevance ≥ 4 / any interaction. */
    public static double validation(Fold fold, Model model, boolean explicit, Cancellation cancellation) {
        List<MetricSpec> metric = MetricSpec.parseList(explicit ? "rmse" : "ndcg@10");
        FoldEvaluator evaluator = new FoldEvaluator(metric, explicit ? Relevance.explicit(4) : Relevance.implicit(),
                Candidates.FULL, 0);
        FoldResult r = evaluator.evaluate(fold, model, 0, Progress.NONE, cancellation);
        return r.values().get(metric.get(0).key());
    }
}
