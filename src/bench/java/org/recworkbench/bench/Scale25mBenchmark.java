package org.recworkbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.algo.linear.EaseAlgorithm;
import org.recworkbench.algo.mf.ImplicitAlsAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 21 §6: one machine at MovieLens-25M's size ({@link Ml25mShape}: 162,541 users × 59,047 items, 25,000,095
 * ratings) within -Xmx8g. Every figure is one cold shot or a few, as a user meets them: import the csv into a new
 * workspace, load the stored dataset, item-item cosine top-50, implicit ALS per iteration, EASE's refusal, and
 * user-kNN, whose neighbour pools are computed per user at this size.
 * {@code mvn -B -Pbench verify -Dbench.frameTiming.skip=true -Dbench.args=Scale25m}. The csv (678 MB) and a
 * workspace holding it are kept in target/bench-25m between runs.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class Scale25mBenchmark {

    private static final String NAME = "ml-25m-shape";

    /** The csv, written once. */
    @State(Scope.Benchmark)
    public static class Csv {
        Path file;
        Path folder;

        @Setup(Level.Trial)
        public void write() throws IOException {
            file = Ml25mShape.ratingsFile();
            folder = Files.createTempDirectory(file.getParent(), "import");
        }

        @TearDown(Level.Trial)
        public void remove() throws IOException {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A workspace holding the imported csv, imported once and kept. */
    @State(Scope.Benchmark)
    public static class Stored {
        Workspace workspace;

        @Setup(Level.Trial)
        public void open() throws IOException {
            Path csv = Ml25mShape.ratingsFile();
            Path db = csv.getParent().resolve("workspace");
            Path marker = csv.getParent().resolve("workspace.done");
            if (!Files.isRegularFile(marker)) {
                try (Workspace fresh = Workspace.open(db)) {
                    fresh.datasets().importFile(ImportRequest.of(NAME, ImportFormat.CSV, csv), Progress.NONE,
                            Cancellation.NEVER);
                }
                Files.writeString(marker, NAME);
            }
            workspace = Workspace.open(db);
        }

        @TearDown(Level.Trial)
        public void close() {
            workspace.close();
        }
    }

    /** The stored dataset in memory. */
    @State(Scope.Benchmark)
    public static class Loaded {
        Dataset dataset;

        @Setup(Level.Trial)
        public void load(Stored stored) {
            dataset = stored.workspace.datasets().load(NAME);
            printMemory("loaded dataset");
        }
    }

    /**
     * A fitted user- or item-kNN (defaults: cosine, k 30) under one neighbour rule, and a cursor over its users. At
     * this size user-kNN fits no pool (each user's comes from the user's row); item-kNN fits its top-100 pool.
     */
    @State(Scope.Benchmark)
    public static class FittedKnn {
        @Param({"user-knn", "item-knn"})
        String algorithm;
        @Param({"rated", "pool"})
        String neighbours;
        Model model;
        int user;

        @Setup(Level.Trial)
        public void fit(Loaded loaded) {
            Algorithm<?> a = AlgorithmRegistry.require(algorithm);
            long start = System.nanoTime();
            Model fitted = a.fit(loaded.dataset, a.defaults(), Progress.NONE, Cancellation.NEVER);
            System.out.printf("%n%s fit %.1f s (pair work of a fitted user pool: %.3g multiply-adds)%n", algorithm,
                    (System.nanoTime() - start) / 1e9, new Similarities(loaded.dataset, Orientation.USERS,
                            SimilarityOptions.of(Measure.COSINE)).pairWork());
            printMemory(algorithm + " fitted");
            model = fitted.withParams(fitted.params().with("neighbours", neighbours)).orElseThrow();
        }

        /** Users in steps of 7,919, so light and heavy users alike. */
        int nextUser() {
            user = (user + 7919) % model.dataset().userCount();
            return user;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public ImportedData importCsv(Csv csv) throws IOException {
        Path db = Files.createTempDirectory(csv.folder, "db").resolve("w");
        try (Workspace workspace = Workspace.open(db)) {
            ImportedData data = workspace.datasets().importFile(ImportRequest.of(NAME, ImportFormat.CSV, csv.file),
                    Progress.NONE, Cancellation.NEVER);
            if (data.summary().interactions() != Ml25mShape.RATINGS) {
                throw new IllegalStateException("imported " + data.summary().interactions());
            }
            return data;
        } finally {
            printMemory("after import");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Dataset load(Stored stored) {
        return stored.workspace.datasets().load(NAME);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SimilarityMatrix itemItemCosineTop50(Loaded loaded) {
        SimilarityMatrix top = new Similarities(loaded.dataset, Orientation.ITEMS,
                SimilarityOptions.of(Measure.COSINE)).topK(50, Progress.NONE, Cancellation.NEVER);
        printMemory("item-item top-50");
        return top;
    }

    /**
     * Implicit ALS for one and for two iterations (the difference is one iteration): with its defaults (32 factors,
     * Cholesky) and with issue 4's fast setting (64 factors, conjugate gradient, 3 steps).
     */
    @State(Scope.Benchmark)
    public static class AlsSetting {
        @Param({"defaults", "factors=64,solver=cg,cg-steps=3"})
        String setting;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public Model implicitAlsOneIteration(Loaded loaded, AlsSetting setting) {
        return implicitAls(loaded.dataset, setting.setting, 1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public Model implicitAlsTwoIterations(Loaded loaded, AlsSetting setting) {
        return implicitAls(loaded.dataset, setting.setting, 2);
    }

    private static Model implicitAls(Dataset dataset, String setting, int iterations) {
        ImplicitAlsAlgorithm a = new ImplicitAlsAlgorithm();
        List<String> params = new ArrayList<>(List.of("iterations=" + iterations));
        if (!setting.equals("defaults")) {
            params.addAll(List.of(setting.split(",")));
        }
        Model model = a.fit(dataset, ParamValues.parse(a.params(), params), Progress.NONE, Cancellation.NEVER);
        printMemory("implicit ALS " + setting + ", " + iterations + " iterations");
        return model;
    }

    /** EASE must refuse at once with its estimate (59,047² doubles), never start. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String easeRefused(Loaded loaded) {
        EaseAlgorithm ease = new EaseAlgorithm();
        try {
            ease.fit(loaded.dataset, ease.defaults(), Progress.NONE, Cancellation.NEVER);
        } catch (InvalidInputException refused) {
            System.out.printf("%nEASE REFUSED: %s%n", refused.getMessage());
            return refused.getMessage();
        }
        throw new IllegalStateException("ease was not refused on " + loaded.dataset.itemCount() + " items");
    }

    /**
     * One user's top-10. user-kNN: the user's row of similarities, then (rated) the k most similar raters of each
     * item or (pool) the first k among the 100 most similar users. item-kNN: (rated) a similarity row for every item
     * the user rated, or (pool) the fitted top-100 of each.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 10)
    public ScoredItems knnTop10OneUser(FittedKnn knn) {
        return knn.model.recommend(knn.nextUser(), 10);
    }

    private static void printMemory(String when) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%nHEAP %s: %.2f GiB used of %.2f GiB max%n", when,
                (runtime.totalMemory() - runtime.freeMemory()) / (double) (1L << 30),
                runtime.maxMemory() / (double) (1L << 30));
    }
}
