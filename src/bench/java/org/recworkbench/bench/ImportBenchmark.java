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
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ImportFormat;
import org.recworkbench.store.importer.ImportRequest;
import org.recworkbench.store.importer.ImportedData;
import org.recworkbench.store.importer.Importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole imports (parse, validate, build CSR/CSC, store rows and packed arrays, commit) into a fresh H2 file
 * database per iteration, and the parse alone for comparison. Targets: 1,000,000 csv ratings ≤ 3 s from a cold JVM
 * ({@code -Dbench.args="ImportBenchmark.*Million -wi 0 -i 1 -f 5"}: each fork's one shot is cold); the full Online
 * Retail file ≤ 10 s. With the default warm-up the measured shots are the steady state of a running window.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class ImportBenchmark {

    private Path folder;
    private Path ratings;
    private Workspace workspace;

    @Setup(Level.Trial)
    public void writeInput() throws IOException {
        folder = Files.createTempDirectory("rwb-bench");
        ratings = BenchFiles.millionRatings(folder);
    }

    @Setup(Level.Iteration)
    public void freshDatabase() throws IOException {
        Path db = Files.createTempDirectory(folder, "db").resolve("bench");
        workspace = Workspace.open(db);
    }

    @TearDown(Level.Iteration)
    public void closeDatabase() {
        workspace.close();
    }

    @TearDown(Level.Trial)
    public void removeFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public ImportedData importMillionCsvRatings() {
        ImportedData data = workspace.datasets().importFile(
                ImportRequest.of("million", ImportFormat.CSV, ratings), Progress.NONE, Cancellation.NEVER);
        if (data.summary().interactions() != BenchFiles.INTERACTIONS) {
            throw new IllegalStateException("expected 1,000,000 interactions, got " + data.summary().interactions());
        }
        return data;
    }

    /** The same file parsed into memory without touching the database: the floor an import cannot beat. */
    @Benchmark
    public ImportedData parseMillionCsvRatings() {
        return Importer.parse(ImportRequest.of("million", ImportFormat.CSV, ratings), Progress.NONE,
                Cancellation.NEVER);
    }

    @Benchmark
    public ImportedData importFullOnlineRetail() {
        return workspace.datasets().importFile(
                ImportRequest.of("retail", ImportFormat.ONLINE_RETAIL, BenchFiles.onlineRetail()), Progress.NONE,
                Cancellation.NEVER);
    }
}
