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
public record Sweep(Experiment base, List<SweepAxis> axes, int randomBudget) {

    /** The most axes a random search takes (a grid takes two). */
    public static final int MAX_RANDOM_AXES = 8;

    /**
     * @param randomBudget 0 for the whole grid (one axis or two); otherwise a random search: this many distinct
     *                     points drawn uniformly from the axes' values (any number of axes up to
     *                     {@link #MAX_RANDOM_AXES}), in a fixed order for the experiment's seed
     */
    public Sweep {
        axes = List.copyOf(axes);
        if (randomBudget < 0 || randomBudget > 10_000) {
            throw new InvalidInputException("a random search takes 1 to 10000 points; got " + randomBudget);
        }
        int most = randomBudget > 0 ? MAX_RANDOM_AXES : 2;
        if (axes.isEmpty() || axes.size() > most) {
            throw new InvalidInputException(randomBudget > 0 ? "a random search has 1 to " + MAX_RANDOM_AXES
                    + " axes; got " + axes.size() : "a sweep has one axis or a grid of two (a random search, "
                    + "--search random:N, takes more); got " + axes.size());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SweepAxis axis : axes) {
            if (!names.add(axis.name())) {
                throw new InvalidInputException("two sweep axes are the same parameter: " + axis.name());
            }
        }
    }

    public Sweep(Experiment base, List<SweepAxis> axes) {
        this(base, axes, 0);
    }

    /** The parameter values of every point, in run order. */
    public List<ParamValues> points() {
        return randomBudget > 0 ? randomPoints() : gridPoints();
    }

    /**
     * Up to {@code randomBudget} distinct combinations: first the base setting itself (so a search can only
     * confirm or beat what is set now), then each axis' value drawn uniformly and independently (seeded by the
     * experiment's seed); fewer when the grid has fewer points.
     */
    private List<ParamValues> randomPoints() {
        long gridSize = 1;
        for (SweepAxis axis : axes) {
            gridSize = Math.min(Long.MAX_VALUE / 1024, gridSize * axis.values().size());
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(base.seed() ^ 0x5EA4C4L);
        java.util.LinkedHashSet<ParamValues> drawn = new java.util.LinkedHashSet<>();
        drawn.add(base.params());
        boolean baseOnGrid = axes.stream().allMatch(axis -> axis.values().contains(base.params().asMap()
                .get(axis.name())));
        int wanted = (int) Math.min(randomBudget, gridSize + (baseOnGrid ? 0 : 1));
        for (long attempt = 0; drawn.size() < wanted && attempt < 100L * wanted + 1000; attempt++) {
            ParamValues p = base.params();
            for (SweepAxis axis : axes) {
                p = p.with(axis.name(), axis.values().get(random.nextInt(axis.values().size())));
            }
            drawn.add(p);
        }
        return new ArrayList<>(drawn);
    }

    private List<ParamValues> gridPoints() {
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
        ParamValues chosen = base.params();
        for (var e : best.params().entrySet()) {
            chosen = chosen.with(e.getKey(), chosen.spec(e.getKey()).parse(e.getValue()));
        }
        RunResult test = base.withParams(chosen).withSplitter(validation.outer()).run(dataset, progress,
                cancellation);
        return new Selection(best, test, true);
    }
}
