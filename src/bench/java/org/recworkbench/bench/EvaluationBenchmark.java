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
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Splitters;
import org.recworkbench.export.AtomicFile;
import org.recworkbench.export.RecommendationExport;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's targets on the MovieLens-1M shape: 5-fold cross-validation of item-kNN end to end (split, five fits,
 * rating and ranking metrics for every user) ≤ 30 s, and a CSV of the top 10 for all 6,040 users from item-kNN,
 * fit included, ≤ 10 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class EvaluationBenchmark {

    private Dataset data;
    private Path out;

    @Setup(Level.Trial)
    public void build() throws IOException {
        data = MovieLensShape.build();
        out = Files.createTempFile("recommendations", ".csv");
    }

    @Benchmark
    public RunResult itemKnnFiveFoldCrossValidation() {
        Algorithm<?> itemKnn = AlgorithmRegistry.require("item-knn");
        Experiment e = new Experiment("item-knn", itemKnn.defaults(), Splitters.parse("kfold:5"),
                MetricSpec.parseList("rmse,mae,coverage,precision@10,recall@10,ndcg@10"), Relevance.explicit(4),
                Candidates.FULL, 42);
        return e.run(data, Progress.NONE, Cancellation.NEVER);
    }

    @Benchmark
    public long exportTopTenForAllUsers() throws IOException {
        Algorithm<?> itemKnn = AlgorithmRegistry.require("item-knn");
        Model model = itemKnn.fit(data, itemKnn.defaults(), Progress.NONE, Cancellation.NEVER);
        int[] users = new int[data.userCount()];
        for (int u = 0; u < users.length; u++) {
            users[u] = u;
        }
        AtomicFile.write(out, w -> RecommendationExport.write(model, users, 10, false, w, Progress.NONE,
                Cancellation.NEVER));
        return Files.size(out);
    }
}
