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
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.mf.ImplicitAlsAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4's implicit-ALS target: conjugate gradient (3 steps), 64 factors, on 10,000,000 interactions of 138,000
 * users × 20,000 items (MovieLens-20M's shape), ≤ 6 s per iteration within -Xmx4g. A fit of one iteration
 * (setup included) and one of three are measured. The SIMD kernels are used as the bench profile adds
 * jdk.incubator.vector; {@code -jvmArgsAppend -Drecworkbench.scalar=true} measures the scalar fallback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ImplicitAlsBenchmark {

    private Dataset data;

    @Setup(Level.Trial)
    public void build() {
        data = MovieLensShape.build(138_000, 20_000, 10_000_000, 20);
    }

    @Benchmark
    public Model cgThreeSteps64FactorsOneIteration() {
        return fit(1);
    }

    /** Three iterations in one fit: a third of this is the cost per iteration with the setup spread over three. */
    @Benchmark
    public Model cgThreeSteps64FactorsThreeIterations() {
        return fit(3);
    }

    private Model fit(int iterations) {
        ImplicitAlsAlgorithm a = new ImplicitAlsAlgorithm();
        return a.fit(data, ParamValues.parse(a.params(), List.of("factors=64", "iterations=" + iterations,
                "solver=cg", "cg-steps=3")), Progress.NONE, Cancellation.NEVER);
    }
}
