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
import org.openjdk.jmh.infra.Blackhole;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.knn.ItemKnnAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.concurrent.TimeUnit;

/**
 * Issue 3's kNN targets on MovieLens-1M-shaped data: item-item cosine top-50 ≤ 1.2 s, user-user ≤ 3 s, top-10 for
 * one user ≤ 2 ms, for all users ≤ 5 s, re-scoring one user after a k change ≤ 5 ms.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class KnnBenchmark {

    private Dataset dataset;
    private Model itemKnn;
    private Model mmr;
    private int user;
    private int k = 20;

    @Setup(Level.Trial)
    public void build() {
        dataset = MovieLensShape.build();
        ItemKnnAlgorithm algorithm = new ItemKnnAlgorithm();
        itemKnn = algorithm.fit(dataset, algorithm.defaults().with("k", 30), Progress.NONE, Cancellation.NEVER);
        var diversity = new org.recworkbench.algo.rerank.MmrAlgorithm();
        mmr = diversity.fit(dataset, diversity.defaults(), Progress.NONE, Cancellation.NEVER);
        if (itemKnn.withParams(itemKnn.params().with("k", 20)).isEmpty()) {
            throw new IllegalStateException("changing k must not refit");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SimilarityMatrix itemItemCosineTop50() {
        return new Similarities(dataset, Orientation.ITEMS, SimilarityOptions.of(Measure.COSINE))
                .topK(50, Progress.NONE, Cancellation.NEVER);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SimilarityMatrix userUserCosineTop50() {
        return new Similarities(dataset, Orientation.USERS, SimilarityOptions.of(Measure.COSINE))
                .topK(50, Progress.NONE, Cancellation.NEVER);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Object itemKnnTop10OneUser() {
        user = (user + 1) % dataset.userCount();
        return itemKnn.recommend(user, 10);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void itemKnnTop10AllUsers(Blackhole sink) {
        for (int u = 0; u < dataset.userCount(); u++) {
            sink.consume(itemKnn.recommend(u, 10));
        }
    }

    /** MMR over item-kNN's 100 best candidates, rating-cosine diversity: the cost of re-ranking one list. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public Object mmrTop10OneUser() {
        user = (user + 1) % dataset.userCount();
        return mmr.recommend(user, 10);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Object rescoreOneUserAfterKChange() {
        k = k == 20 ? 40 : 20;
        user = (user + 1) % dataset.userCount();
        ParamValues changed = itemKnn.params().with("k", k);
        return itemKnn.withParams(changed).orElseThrow().recommend(user, 10);
    }

    /**
     * What the Tune view does on the FX thread when the k slider moves (issue 6: list updated ≤ 100 ms after the
     * slider stops): the re-scored model, the top 10 of the selected user and a "why" (an explanation) for each.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Object tuneViewListAfterKChange() {
        k = k == 20 ? 40 : 20;
        user = (user + 1) % dataset.userCount();
        Model rescored = itemKnn.withParams(itemKnn.params().with("k", k)).orElseThrow();
        var top = rescored.recommend(user, 10);
        Object[] why = new Object[top.size()];
        for (int r = 0; r < top.size(); r++) {
            why[r] = rescored.explain(user, top.item(r));
        }
        return why;
    }
}
