package org.recworkbench.algo.mf;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Step;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImplicitAlsTest {

    private static Dataset clicks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[30][20];
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 20; i++) {
                boolean likes = (u % 3) == (i % 3);
                m[u][i] = random.nextDouble() < (likes ? 0.6 : 0.08) ? 1 + random.nextInt(4) : 0;
            }
        }
        return DatasetBuilder.fromMatrix("clicks", DatasetKind.IMPLICIT, m);
    }

    private static Model fit(Dataset d, String... params) {
        ImplicitAlsAlgorithm a = new ImplicitAlsAlgorithm();
        return a.fit(d, ParamValues.parse(a.params(), List.of(params)), Progress.NONE, Cancellation.NEVER);
    }

    private static ImplicitAlsAlgorithm.ImplicitAlsParams params(double alpha, String solver, int steps) {
        return new ImplicitAlsAlgorithm().bind(ParamValues.parse(new ImplicitAlsAlgorithm().params(),
                List.of("factors=4", "alpha=" + alpha, "confidence=linear", "solver=" + solver, "cg-steps=" + steps, "lambda=0.3")));
    }

    @Test
    void conjugateGradientMatchesTheExactSolveWithin1e6() {
        SplittableRandom random = new SplittableRandom(3);
        Factors y = Factors.gaussian(7, 4, 1, random);
        int[] items = {0, 2, 3, 6};
        float[] values = {1, 3, 2, 5};
        Factors exact = new Factors(1, 4);
        Factors cg = new Factors(1, 4);
        ImplicitAlsAlgorithm.ImplicitAlsParams p = params(2, "cholesky", 1);
        double[] gram = DenseSolver.gram(y, p.lambda());
        new ImplicitSolver(p, 4).solve(0, 4, t -> items[t], t -> values[t], y, null, gram, exact, 0);
        new ImplicitSolver(params(2, "cg", 8), 4).solve(0, 4, t -> items[t], t -> values[t], y,
                ImplicitSolver.single(y), gram, cg, 0);
        for (int f = 0; f < 4; f++) {
            assertThat(cg.values[f]).isCloseTo(exact.values[f], within(1e-6));
        }
        Factors three = new Factors(1, 4);
        new ImplicitSolver(params(2, "cg", 1), 4).solve(0, 4, t -> items[t], t -> values[t], y,
                ImplicitSolver.single(y), gram, three, 0);
        assertThat(Math.abs(three.values[0] - exact.values[0]) + Math.abs(three.values[1] - exact.values[1]))
                .as("one CG step is only an approximation").isGreaterThan(1e-6);
    }

    /**
     * A dense 600 × 5 matrix: each item's solve has 600 rows (above {@link ImplicitSolver#TRANSPOSE_UP_TO}, the
     * row-by-row passes), each user's 5 (the transposed block): with enough steps both converge to the exact solve.
     */
    @Test
    void bothConjugateGradientPathsConvergeToTheExactSolution() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] m = new double[600][5];
        for (double[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextInt(4);
            }
        }
        Dataset d = DatasetBuilder.fromMatrix("dense", DatasetKind.IMPLICIT, m);
        FactorModel exact = (FactorModel) fit(d, "factors=3", "iterations=1", "alpha=2", "solver=cholesky");
        FactorModel cg = (FactorModel) fit(d, "factors=3", "iterations=1", "alpha=2", "solver=cg", "cg-steps=20");
        assertThat(ImplicitSolver.TRANSPOSE_UP_TO).isBetween(5, 599);
        for (int v = 0; v < exact.items.values.length; v++) {
            assertThat(cg.items.values[v]).isCloseTo(exact.items.values[v], within(1e-4));
        }
        for (int v = 0; v < exact.users.values.length; v++) {
            assertThat(cg.users.values[v]).isCloseTo(exact.users.values[v], within(1e-3));
        }
    }

    /** The conjugate-gradient fit sums the loss from each solve's cached rows; it must equal the direct sum. */
    @Test
    void theLossGatheredDuringTheSolvesEqualsTheDirectLoss() {
        Dataset d = clicks(17);
        ImplicitAlsAlgorithm a = new ImplicitAlsAlgorithm();
        for (String iterations : List.of("1", "3")) {
            ParamValues values = ParamValues.parse(a.params(), List.of("factors=5", "iterations=" + iterations,
                    "solver=cg", "alpha=10"));
            FactorModel model = (FactorModel) a.fit(d, values, Progress.NONE, Cancellation.NEVER);
            double[] curve = model.lossCurve();
            double direct = ImplicitAlsAlgorithm.loss(d.ratings(), model.users, model.items, a.bind(values));
            assertThat(curve[curve.length - 1]).isCloseTo(direct, within(1e-6 * direct));
        }
    }

    @Test
    void alphaZeroIsUnweightedLeastSquaresOnTheZeroOneMatrix() {
        SplittableRandom random = new SplittableRandom(9);
        Factors y = Factors.gaussian(6, 3, 1, random);
        int[] items = {1, 4};
        float[] values = {3, 7};
        ImplicitAlsAlgorithm.ImplicitAlsParams p = params(0, "cholesky", 1);
        Factors x = new Factors(1, 3);
        new ImplicitSolver(p, 3).solve(0, 2, t -> items[t], t -> values[t], y, null,
                DenseSolver.gram(y, p.lambda()), x, 0);
        // independently: minimise Σ_i (p_i − x·y_i)² + λ‖x‖² over all six items, p = (0,1,0,0,1,0)
        RealMatrix ym = new Array2DRowRealMatrix(6, 3);
        for (int i = 0; i < 6; i++) {
            for (int f = 0; f < 3; f++) {
                ym.setEntry(i, f, y.values[i * 3 + f]);
            }
        }
        RealMatrix a = ym.transpose().multiply(ym);
        for (int f = 0; f < 3; f++) {
            a.addToEntry(f, f, p.lambda());
        }
        double[] expected = new CholeskyDecomposition(a).getSolver()
                .solve(ym.transpose().operate(new ArrayRealVector(new double[] {0, 1, 0, 0, 1, 0}))).toArray();
        for (int f = 0; f < 3; f++) {
            assertThat(x.values[f]).isCloseTo(expected[f], within(1e-10));
        }
    }

    @Test
    void confidenceIsOnePlusAlphaTimesTheValueOrItsLog() {
        ImplicitAlsAlgorithm.ImplicitAlsParams linear = params(40, "cholesky", 1);
        assertThat(linear.confidence(3)).isEqualTo(121);
        assertThat(linear.confidence(0)).isEqualTo(1);
        var log = new ImplicitAlsAlgorithm().bind(ParamValues.parse(new ImplicitAlsAlgorithm().params(),
                List.of("alpha=2", "confidence=log", "epsilon=0.5")));
        assertThat(log.confidence(3)).isCloseTo(1 + 2 * Math.log(1 + 3 / 0.5), within(1e-12));
        Model m = fit(clicks(1), "factors=4", "iterations=3", "alpha=10", "confidence=linear");
        UserProfile c = ((ImplicitAlsModel) m).confidences(0);
        assertThat(java.util.Arrays.stream(c.values()).boxed().toList())
                .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(11));
    }

    @Test
    void theDefaultsAreLogConfidenceAlpha3Lambda50ForEveryKindOfData() {
        ImplicitAlsAlgorithm a = new ImplicitAlsAlgorithm();
        ImplicitAlsAlgorithm.ImplicitAlsParams p = a.bind(a.defaults());
        assertThat(p.confidence()).isEqualTo(ImplicitAlsAlgorithm.Confidence.LOG);
        assertThat(p.alpha()).isEqualTo(3);
        assertThat(p.lambda()).isEqualTo(50);
        assertThat(p.epsilon()).isEqualTo(1);
        // a 1–5 rating: 1 + 3 ln 2 … 1 + 3 ln 6; an implicit 1 as a rating of 1; a quantity of 100 not 100 times heavier
        assertThat(p.confidence(1)).isCloseTo(1 + 3 * Math.log(2), within(1e-12));
        assertThat(p.confidence(5)).isCloseTo(1 + 3 * Math.log(6), within(1e-12));
        assertThat(p.confidence(100)).isCloseTo(1 + 3 * Math.log(101), within(1e-12));
    }

    @Test
    void lossFallsSameSeedRepeatsAndEachGroupScoresItsItemsHigher() {
        Dataset d = clicks(2);
        Model m = fit(d, "factors=6", "iterations=12", "alpha=10", "lambda=0.5");
        double[] losses = ((IterativeModel) m).lossCurve();
        for (int k = 1; k < losses.length; k++) {
            assertThat(losses[k]).isLessThanOrEqualTo(losses[k - 1] + 1e-12);
        }
        assertThat(fit(d, "factors=6", "iterations=12", "alpha=10", "lambda=0.5").scoreAll(4))
                .containsExactly(m.scoreAll(4));
        for (int u = 0; u < 6; u++) {
            double[] scores = m.scoreAll(u);
            double liked = 0;
            double other = 0;
            int likedCount = 0;
            for (int i = 0; i < scores.length; i++) {
                if (i % 3 == u % 3) {
                    liked += scores[i];
                    likedCount++;
                } else {
                    other += scores[i];
                }
            }
            assertThat(liked / likedCount).as("user %d", u)
                    .isGreaterThan(other / (scores.length - likedCount) + 0.1);
        }
    }

    @Test
    void huDecompositionAddsUpToTheScoreWithTheExactSolver() {
        Model m = fit(clicks(3), "factors=5", "iterations=6", "alpha=5");
        Explanation e = m.explain(2, 7);
        double sum = e.contributions().stream().mapToDouble(Contribution::amount).sum();
        assertThat(sum).isCloseTo(e.score(), within(1e-9));
        assertThat(e.derivation().result()).isEqualTo(e.score()).isEqualTo(m.scoreAll(2)[7]);
        Model cg = fit(clicks(3), "factors=5", "iterations=6", "alpha=5", "solver=cg", "cg-steps=2");
        Explanation approximate = cg.explain(2, 7);
        assertThat(approximate.derivation().steps()).extracting(Step::title)
                .contains("Residual of the conjugate-gradient solve");
    }
}
