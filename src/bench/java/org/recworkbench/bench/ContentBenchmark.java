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
import org.openjdk.jmh.annotations.Warmup;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DuplicatePolicy;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.InteractionsBuilder;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Issue 3's content target: TF-IDF fit on 4,000 items with short texts ≤ 0.5 s. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ContentBenchmark {

    private static final int ITEMS = 4000;
    private Dataset items;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> users = List.of("u1");
        List<String> itemIds = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            itemIds.add("i" + i);
        }
        InteractionsBuilder one = new InteractionsBuilder();
        one.add(0, 0, 5, RatingMatrix.NO_TIMESTAMP);
        items = new Dataset("texts", DatasetKind.EXPLICIT, IdIndex.of(users), IdIndex.of(itemIds),
                one.build(1, ITEMS, DuplicatePolicy.KEEP_LAST).matrix(), MovieLensShape.catalog(ITEMS, random));
    }

    @Benchmark
    public Model fitTfidf4000Items() {
        ContentTfidfAlgorithm algorithm = new ContentTfidfAlgorithm();
        return algorithm.fit(items, algorithm.defaults(), Progress.NONE, Cancellation.NEVER);
    }
}
