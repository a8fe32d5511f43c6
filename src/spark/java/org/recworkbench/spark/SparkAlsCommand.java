package org.recworkbench.spark;

import org.recworkbench.cli.DatabaseOption;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Fold;
import org.recworkbench.eval.FoldEvaluator;
import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spark-als}: ALS trained by Spark MLlib (local or on a cluster), brought back as a workbench model. */
@Command(name = "spark-als", description = "Train ALS with Spark MLlib (--master local[*] or spark://HOST:7077) on a"
        + " stored dataset and bring the factors back as the workbench's own als / implicit-als model")
public final class SparkAlsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--dataset", required = true, description = "Training dataset name")
    String dataset;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master URL (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--implicit", description = "Implicit feedback (confidence 1 + α·r)")
    boolean implicit;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "factors (10), iterations (10), lambda (0.1), alpha (1), seed (42)")
    List<String> params = List.of();

    @Option(names = "--test-dataset", paramLabel = "NAME", description = "Measure the model on this dataset's entries")
    String testDataset;

    @Option(names = "--out", paramLabel = "FILE.rwbm", description = "Save the model as a workbench model file: then"
            + " recommend, explain, evaluate and serve take it with --model, and the window opens it (File › Open"
            + " model…)")
    java.nio.file.Path modelOut;

    @Override
    public Integer call() {
        Map<String, String> p = parse(params);
        SparkAls.Settings settings = new SparkAls.Settings(master, implicit,
                integer(p, "factors", 10, 1, 1000), integer(p, "iterations", 10, 1, 1000),
                real(p, "lambda", 0.1, 0, 1e6), real(p, "alpha", 1, 0, 1e6), integer(p, "seed", 42, 0, Integer.MAX_VALUE));
        Dataset train;
        Dataset test = null;
        try (Workspace workspace = db.open()) {
            train = workspace.datasets().load(dataset);
            if (testDataset != null) {
                test = workspace.datasets().load(testDataset);
            }
        }
        SparkAls.Result result;
        try {
            result = SparkAls.train(train, settings);
        } catch (NoClassDefFoundError missing) {
            throw new InvalidInputException("spark-als needs Spark on the class path (" + missing.getMessage()
                    + " is missing): build with mvn -B -Pspark package and run java "
                    + "-cp \"target/recworkbench.jar:$(cat target/spark-classpath.txt)\" org.recworkbench.Launcher"
                    + " spark-als …");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Spark ALS (%s, %s): %d factors, %d iterations, λ %s, α %s; %d users × %d items in"
                        + " %.1f s; model %s%n", master, implicit ? "implicit" : "explicit", settings.factors(),
                settings.iterations(), settings.lambda(), settings.alpha(), train.userCount(), train.itemCount(),
                result.seconds(), result.model().algorithmId());
        if (modelOut != null) {
            org.recworkbench.export.ModelFile.save(result.model(), modelOut,
                    org.recworkbench.cli.Cli.Version.version());
            out.printf("Saved %s%n", modelOut);
        }
        if (test != null) {
            Fold fold = new GivenTestSet(test).split(train, settings.seed()).get(0);
            boolean explicit = train.kind() == DatasetKind.EXPLICIT && !implicit;
            List<MetricSpec> metrics = MetricSpec.parseList(explicit ? "rmse,ndcg@10,precision@10"
                    : "ndcg@10,precision@10");
            FoldResult r = new FoldEvaluator(metrics, train.kind() == DatasetKind.EXPLICIT ? Relevance.explicit(4)
                    : Relevance.implicit(), Candidates.FULL, settings.seed())
                    .evaluate(fold, result.model(), result.seconds(), Progress.NONE, Cancellation.NEVER);
            Map<String, Double> values = new LinkedHashMap<>(r.values());
            values.forEach((k, v) -> out.printf(Locale.ROOT, "%s %.4f%n", k, v));
        }
        out.flush();
        return 0;
    }

    private static Map<String, String> parse(List<String> assignments) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq).strip();
            if (eq < 0 || !List.of("factors", "iterations", "lambda", "alpha", "seed").contains(name)) {
                throw new InvalidInputException("spark-als: expected -p NAME=VALUE with NAME one of factors,"
                        + " iterations, lambda, alpha, seed; got \"" + a + "\"");
            }
            p.put(name, a.substring(eq + 1).strip());
        }
        return p;
    }

    private static int integer(Map<String, String> p, String name, int fallback, int min, int max) {
        String text = p.get(name);
        try {
            int v = text == null ? fallback : Integer.parseInt(text);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("spark-als: " + name + " must be an integer in [" + min + ", " + max
                    + "]; got " + text);
        }
    }

    private static double real(Map<String, String> p, String name, double fallback, double min, double max) {
        String text = p.get(name);
        try {
            double v = text == null ? fallback : Double.parseDouble(text);
            if (!(v >= min && v <= max)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("spark-als: " + name + " must be a number in [" + min + ", " + max
                    + "]; got " + text);
        }
    }
}
