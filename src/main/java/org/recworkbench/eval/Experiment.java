package org.recworkbench.eval;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.TrainingObserver;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Dataset + algorithm + parameters + split + metrics + seed. Holds the algorithm (a model factory), never a model:
 * every fold is fitted afresh on its own training part. Folds run one after another.
 */
public record Experiment(String algorithmId, ParamValues params, Splitter splitter, List<MetricSpec> metrics,
                         Relevance relevance, Candidates candidates, long seed) {

    public Experiment {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one metric");
        }
    }

    /**
     * The experiment that produced a stored run, to run it again exactly; {@code splitter} is the run's split,
     * resolved by the caller (a {@code test-dataset:NAME} split needs that dataset loaded).
     */
    public static Experiment of(RunResult run, Splitter splitter) {
        if (ExternalEvaluation.isExternal(run)) {
            throw new org.recworkbench.data.InvalidInputException("run " + run.runId() + " measured a recommendation "
                    + "list or predictions read from " + ExternalEvaluation.fileNames(run) + ", not a model to fit; "
                    + "evaluate that file again with evaluate --recommendations or --predictions (or runs --rerun "
                    + run.runId() + ")");
        }
        Algorithm<?> algorithm = AlgorithmRegistry.require(run.algorithm());
        List<String> assignments = new ArrayList<>();
        run.params().forEach((name, value) -> assignments.add(name + "=" + value));
        List<MetricSpec> metrics = new ArrayList<>();
        for (String key : run.metrics().keySet()) {
            metrics.add(MetricSpec.parse(key));
        }
        return new Experiment(run.algorithm(), ParamValues.parse(algorithm.params(), assignments), splitter, metrics,
                run.relevance(), run.candidates(), run.seed());
    }

    public Experiment withParams(ParamValues changed) {
        return new Experiment(algorithmId, changed, splitter, metrics, relevance, candidates, seed);
    }

    public Experiment withSplitter(Splitter other) {
        return new Experiment(algorithmId, params, other, metrics, relevance, candidates, seed);
    }

    public RunResult run(Dataset dataset, Progress progress, Cancellation cancellation) {
        return run(dataset, progress, cancellation, ExperimentListener.NONE);
    }

    public RunResult run(Dataset dataset, Progress progress, Cancellation cancellation, ExperimentListener listener) {
        return run(dataset, null, progress, cancellation, listener);
    }

    /**
     * Measures an already fitted model (a loaded model file) without refitting it: the splitter must train its
     * only fold on the model's whole dataset, as a given test set does.
     *
     * @throws IllegalArgumentException for a splitter that trains on anything else
     */
    public RunResult run(Model fitted, Progress progress, Cancellation cancellation) {
        return run(fitted.dataset(), fitted, progress, cancellation, ExperimentListener.NONE);
    }

    private RunResult run(Dataset dataset, Model fitted, Progress progress, Cancellation cancellation,
                          ExperimentListener listener) {
        HeavyWork.enter("Experiment.run " + algorithmId);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Algorithm<?> algorithm = AlgorithmRegistry.require(algorithmId);
        progress.report(0, "splitting " + dataset.name() + " (" + splitter.spec() + ")");
        List<Fold> folds = splitter.split(dataset, seed);
        FoldEvaluator evaluator = new FoldEvaluator(metrics, relevance, candidates, seed);
        List<FoldResult> results = new ArrayList<>();
        for (Fold fold : folds) {
            cancellation.throwIfCancelled();
            double from = (double) fold.index() / folds.size();
            double to = (fold.index() + 1.0) / folds.size();
            String label = folds.size() > 1 ? "fold " + (fold.index() + 1) + " of " + folds.size() + ": " : "";
            Progress fitting = observed(prefixed(progress.stage(from, from + (to - from) * 0.7), label + "fitting: "),
                    fold, listener);
            long fitStart = System.nanoTime();
            if (fitted != null && (folds.size() != 1 || fold.train() != dataset)) {
                throw new IllegalArgumentException("a fitted model can only be measured on a separate test dataset"
                        + " (its split " + splitter.spec() + " would train on part of the data)");
            }
            Model model = fitted != null ? fitted : algorithm.fit(fold.train(), params, fitting, cancellation);
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            Progress evaluating = prefixed(progress.stage(from + (to - from) * 0.7, to), label);
            FoldResult result = evaluator.evaluate(fold, model, fitSeconds, evaluating, cancellation);
            results.add(result);
            listener.foldDone(fold, model, result);
        }
        int users = dataset.userCount();
        Map<String, double[]> pooled = pool(metrics, results, users);
        Map<String, Summary> summaries = summarise(metrics, results, pooled);
        Map<String, String> paramText = new LinkedHashMap<>();
        for (ParamSpec spec : params.specs()) {
            paramText.put(spec.name(), String.valueOf(params.asMap().get(spec.name())));
        }
        progress.report(1, "done");
        return new RunResult(0, dataset.name(), DatasetChecksum.of(dataset), algorithmId, paramText,
                splitter.spec(), seed, relevance, candidates, summaries, results, pooled,
                users, (System.nanoTime() - start) / 1e9, startedAt, version());
    }

    /** A progress that also passes each training epoch, with the current model, to the listener. */
    private static Progress observed(Progress p, Fold fold, ExperimentListener listener) {
        if (listener == ExperimentListener.NONE) {
            return p;
        }
        final class Observed implements Progress, TrainingObserver {
            @Override
            public void report(double fraction, String message) {
                p.report(fraction, message);
            }

            @Override
            public void loss(int epoch, double loss) {
                p.loss(epoch, loss);
            }

            @Override
            public void epoch(int epoch, double loss, Supplier<Model> current) {
                listener.epoch(fold, epoch, loss, current);
            }
        }
        return new Observed();
    }

    private static Progress prefixed(Progress p, String prefix) {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                p.report(fraction, prefix + message);
            }

            @Override
            public void loss(int epoch, double loss) {
                p.loss(epoch, loss);
            }
        };
    }

    /** Each metric's per-user values of all folds, fold-major (see {@link RunResult#perUser()}). */
    static Map<String, double[]> pool(List<MetricSpec> metrics, List<FoldResult> results, int users) {
        Map<String, double[]> pooled = new LinkedHashMap<>();
        for (MetricSpec m : metrics) {
            if (results.stream().allMatch(r -> r.perUser().containsKey(m.key()))) {
                double[] all = new double[results.size() * users];
                for (int f = 0; f < results.size(); f++) {
                    System.arraycopy(results.get(f).perUser().get(m.key()), 0, all, f * users, users);
                }
                pooled.put(m.key(), all);
            }
        }
        return pooled;
    }

    /** Each metric's aggregate with its interval, in the order asked. */
    static Map<String, Summary> summarise(List<MetricSpec> metrics, List<FoldResult> results,
                                          Map<String, double[]> pooled) {
        RatingTotals totals = RatingTotals.EMPTY;
        for (FoldResult r : results) {
            totals = totals.plus(r.ratingTotals());
        }
        Map<String, Summary> out = new LinkedHashMap<>();
        for (MetricSpec m : metrics) {
            Summary s = switch (m.key()) {
                case "rmse" -> totals.rmse();
                case "mae" -> totals.mae();
                case "coverage" -> Summary.single(totals.coverage(), (int) totals.entries());
                default -> pooled.containsKey(m.key()) ? Summary.mean(pooled.get(m.key()))
                        : Summary.mean(results.stream().mapToDouble(r -> r.values().get(m.key())).toArray());
            };
            out.put(m.key(), s);
        }
        return out;
    }

    /** The application version from the jar manifest, or "development". */
    public static String version() {
        String v = Experiment.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
