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
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.SimilarityHeatmap;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.similarity.Subsets;

import java.util.concurrent.TimeUnit;

/**
 * Issue 7's heatmap target: 300 × 300 item similarities of MovieLens-1M-shaped data, computed and ordered by
 * clustering, ≤ 1 s after the selection (the Similarity view then draws one 300 × 300 image).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class HeatmapBenchmark {

    private Dataset dataset;

    @Setup(Level.Trial)
    public void build() {
        dataset = MovieLensShape.build();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public SimilarityHeatmap popular300ItemsCosineClustered() {
        int[] subset = Subsets.mostPopularItems(dataset, 300);
        return SimilarityHeatmap.build(dataset, Orientation.ITEMS, SimilarityOptions.of(Measure.COSINE), subset,
                HeatmapOrder.CLUSTERED, Cancellation.NEVER);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public SimilarityHeatmap active300UsersPearsonClustered() {
        int[] subset = Subsets.mostActiveUsers(dataset, 300);
        return SimilarityHeatmap.build(dataset, Orientation.USERS, SimilarityOptions.of(Measure.PEARSON), subset,
                HeatmapOrder.CLUSTERED, Cancellation.NEVER);
    }
}
