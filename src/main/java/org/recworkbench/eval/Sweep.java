package org.recworkbench.eval;

import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An experiment repeated over one parameter axis or a grid of two: one run per point, in order (the first axis
 * varies slowest), each handed to the listener as soon as it finishes.
 */
public record Sweep(Experiment base, List<SweepAxis> axes) {

    public Sweep {
        axes = List.copyOf(axes);
        if (axes.isEmpty() || axes.size() > 2) {
            throw new InvalidInputException("a sweep has one axis or a grid of two; got " + axes.size());
        }
        if (axes.size() == 2 && axes.get(0).name().equals(axes.get(1).name())) {
            throw new InvalidInputException("the two sweep axes are the same parameter: " + axes.get(0).name());
        }
    }

    /** The parameter values of every point, in run order. */
    public List<ParamValues> points() {
        List<ParamValues> points = new ArrayList<>();
        SweepAxis first = axes.get(0);
        for (Object a : first.values()) {
            ParamValues p = base.params().with(first.name(), a);
            if (axes.size() == 1) {
                points.add(p);
            } else {
                for (Object b : axes.get(1).values()) {
                    points.add(p.with(axes.get(1).name(), b));
                }
            }
        }
        return points;
    }

    public List<RunResult> run(Dataset dataset, Progress progress, Cancellation cancellation,
                               Consumer<RunResult> onPoint) {
        return run(dataset, progress, cancellation, onPoint, ExperimentListener.NONE);
    }

    public List<RunResult> run(Dataset dataset, Progress progress, Cancellation cancellation,
                               Consumer<RunResult> onPoint, ExperimentListener listener) {
        HeavyWork.enter("Sweep.run " + base.algorithmId());
        List<ParamValues> points = points();
        List<RunResult> results = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            cancellation.throwIfCancelled();
            String label = "point " + (k + 1) + " of " + points.size() + ": ";
            Progress stage = progress.stage((double) k / points.size(), (k + 1.0) / points.size());
            Progress labelled = (fraction, message) -> stage.report(fraction, label + message);
            RunResult r = base.withParams(points.get(k)).run(dataset, labelled, cancellation, listener);
            results.add(r);
            onPoint.accept(r);
        }
        return results;
    }

    /**
     * The setting a sweep chooses and what it gives on test. On a {@link ValidationSplit} the points were measured
     * on validation data: the best of them (by {@code metric}; the first of a tie) is fitted again on the outer
     * split's training part and measured on its test part. Otherwise the points were measured on the test part
     * itself and {@code test} is the chosen point: the choice then looked at the test, which the report says.
     */
    public record Selection(RunResult chosen, RunResult test, boolean chosenOnValidation) {
    }

    public Selection select(Dataset dataset, List<RunResult> points, String metric, Progress progress,
                            Cancellation cancellation) {
        RunResult best = null;
        boolean lower = MetricSpec.lowerIsBetter(metric);
        for (RunResult r : points) {
            double v = r.value(metric);
            if (!Double.isNaN(v) && (best == null || (lower ? v < best.value(metric) : v > best.value(metric)))) {
                best = r;
            }
        }
        if (best == null) {
            throw new InvalidInputException("no point of the sweep measured " + metric);
        }
        if (!(base.splitter() instanceof ValidationSplit validation)) {
            return new Selection(best, best, false);
        }
        ParamValues chosen = points().get(points.indexOf(best));
        RunResult test = base.withParams(chosen).withSplitter(validation.outer()).run(dataset, progress,
                cancellation);
        return new Selection(best, test, true);
    }
}
