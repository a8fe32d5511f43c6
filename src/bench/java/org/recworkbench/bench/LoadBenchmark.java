package org.recworkbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * DatasetLoader on the stored 1,000,000-rating dataset (target ≤ 1 s), and the memory the loaded dataset holds
 * (target ≤ 40 bytes per interaction), printed at the end of the trial: the exact bytes of the matrix arrays, and
 * the heap growth measured around a load after full collections (ids and catalogue included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class LoadBenchmark {

    private Path folder;
    private Workspace workspace;

    @Setup(Level.Trial)
    public void importOnce() throws IOException {
        folder = Files.createTempDirectory("rwb-bench");
        Path ratings = BenchFiles.millionRatings(folder);
        workspace = Workspace.open(folder.resolve("db"));
        workspace.datasets().importFile(ImportRequest.of("million", ImportFormat.CSV, ratings), Progress.NONE,
                Cancellation.NEVER);
    }

    @TearDown(Level.Trial)
    public void reportMemoryAndClose() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        long before = usedAfterGc(runtime);
        Dataset dataset = workspace.datasets().load("million");
        long after = usedAfterGc(runtime);
        int n = dataset.interactionCount();
        System.out.printf("%nMEMORY matrix arrays: %.2f bytes/interaction; heap growth for the whole dataset: %.2f"
                + " bytes/interaction (%d interactions, %d users, %d items)%n", (double) dataset.matrixBytes() / n,
                (double) (after - before) / n, n, dataset.userCount(), dataset.itemCount());
        workspace.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static long usedAfterGc(Runtime runtime) {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Benchmark
    public Dataset loadMillionRatings() {
        return workspace.datasets().load("million");
    }
}
