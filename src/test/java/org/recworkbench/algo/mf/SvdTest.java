package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Truncated SVD by hand on a 3 × 4 matrix, and the subspace iteration against the SVD's defining equations. */
class SvdTest {

    private static final double N = Double.NaN;

    /** Users u1..u3, items i1..i4; i3 has no ratings. */
    private static final double[][] R = {
            {5, 3, N, 1},
            {4, N, N, 1},
            {1, 1, N, 5}};

    private static SvdAlgorithm.SvdModel fit(Dataset d, String... params) {
        SvdAlgorithm a = new SvdAlgorithm();
        return (SvdAlgorithm.SvdModel) a.fit(d, ParamValues.parse(a.params(), List.of(params)), Progress.NONE,
                Cancellation.NEVER);
    }

    @Test
    void itemMeanFilledRankOneByHand() {
        Dataset d = DatasetBuilder.fromMatrix("tiny", DatasetKind.EXPLICIT, R);
        SvdAlgorithm.SvdModel m = fit(d, "fill=item-mean", "rank=1");
        // item means (5+4+1)/3 = 10/3, (3+1)/2 = 2, none → μ = 21/8 = 2.625, (1+1+5)/3 = 7/3;
        // centred X = [[5/3, 1, 0, −4/3], [2/3, 0, 0, −4/3], [−7/3, −1, 0, 8/3]], ‖X‖_F² = 192/9 = 21.3333.
        // numpy.linalg.svd(X): σ = 4.55578357, 0.76037449, 0 (σ₁² + σ₂² = 20.7552 + 0.5782 = 21.3333 ✓)
        double[] sigma = m.computedSingularValues();
        assertThat(sigma[0]).isCloseTo(4.55578357, within(1e-7));
        assertThat(sigma[1]).isCloseTo(0.76037449, within(1e-7));
        assertThat(sigma[2]).isCloseTo(0, within(1e-6));
        assertThat(m.singularValues()).hasSize(1);
        // rank-1: u₁ = (0.5061994, 0.30171705, −0.80791645), v₁ = (0.64312729, 0.28845002, 0, −0.70935455);
        // r̂(u2, i2) = 2 + 0.30171705 · 4.55578357 · 0.28845002 = 2 + 0.39649116 = 2.39649116
        assertThat(m.predict(1, 1)).isCloseTo(2.39649116, within(1e-7));
        // the unrated item: μ + u·σ·0
        assertThat(m.predict(1, 2)).isCloseTo(2.625, within(1e-9));
        Explanation e = m.explain(1, 1);
        assertThat(e.prediction()).isCloseTo(2.39649116, within(1e-7));
        assertThat(e.derivation().toText()).contains("= 4.55578", "0.30172 · 4.55578 · 0.28845 = 0.39649", "= 2 + 0.39649 = 2.39649");
    }

    @Test
    void fullRankReproducesTheTrainingRatings() {
        Dataset d = DatasetBuilder.fromMatrix("tiny", DatasetKind.EXPLICIT, R);
        // rank 2 of a rank-2 centred matrix: every rated entry back exactly, e.g. r(u1, i4) = 7/3 − 4/3 = 1
        SvdAlgorithm.SvdModel m = fit(d, "fill=item-mean", "rank=3");
        RatingMatrix r = d.ratings();
        for (int u = 0; u < d.userCount(); u++) {
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                assertThat(m.predict(u, r.rowItem(p))).isCloseTo(r.rowValue(p), within(1e-10));
            }
        }
    }

    @Test
    void zeroFillIsThePlainSvdOfTheRatingMatrix() {
        Dataset d = DatasetBuilder.fromMatrix("tiny", DatasetKind.EXPLICIT, R);
        // numpy.linalg.svd([[5,3,0,1],[4,0,0,1],[1,1,0,5]]): σ = 7.55901548, 4.32614645, 1.77362394
        SvdAlgorithm.SvdModel m = fit(d, "fill=zero", "rank=1");
        double[] sigma = m.computedSingularValues();
        assertThat(sigma[0]).isCloseTo(7.55901548, within(1e-7));
        assertThat(sigma[1]).isCloseTo(4.32614645, within(1e-7));
        assertThat(sigma[2]).isCloseTo(1.77362394, within(1e-7));
    }

    @Test
    void subspaceIterationSatisfiesTheSingularEquations() {
        // a 50 × 80 sparse matrix and its transpose, 10 triplets out of 50: the block does not span the space, so it
        // iterates, on the Gram matrix of the rows (50 × 80) and of the columns (80 × 50)
        SplittableRandom random = new SplittableRandom(3);
        double[][] dense = new double[50][80];
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 80; c++) {
                if (random.nextDouble() < 0.2) {
                    dense[r][c] = random.nextGaussian() + (r % 3 == 0 ? 2 : 0);
                }
            }
        }
        double[][] transposed = new double[80][50];
        for (int r = 0; r < 50; r++) {
            for (int c = 0; c < 80; c++) {
                transposed[c][r] = dense[r][c];
            }
        }
        double[] sigma = checkTriplets(dense, 10, random);
        assertThat(checkTriplets(transposed, 10, random)).containsExactly(sigma, within(1e-6));
    }

    /** The k triplets of a dense matrix given as CSR satisfy X v = σ u, Xᵀ u = σ v, and σ_1 bounds ‖X x‖/‖x‖. */
    private static double[] checkTriplets(double[][] dense, int k, SplittableRandom random) {
        int rows = dense.length;
        int cols = dense[0].length;
        int[] rowStart = new int[rows + 1];
        int[] idx = new int[rows * cols];
        double[] val = new double[rows * cols];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = n;
            for (int c = 0; c < cols; c++) {
                if (dense[r][c] != 0) {
                    idx[n] = c;
                    val[n++] = dense[r][c];
                }
            }
        }
        rowStart[rows] = n;
        TruncatedSvd.Result svd = new TruncatedSvd(rows, cols, rowStart, idx, val).top(k, 1, Cancellation.NEVER);
        assertThat(svd.iterations()).isGreaterThan(1);
        for (int f = 0; f < k; f++) {
            if (f > 0) {
                assertThat(svd.sigma()[f]).isLessThanOrEqualTo(svd.sigma()[f - 1]);
            }
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int c = 0; c < cols; c++) {
                    s += dense[r][c] * svd.v()[c * k + f];
                }
                assertThat(s).isCloseTo(svd.sigma()[f] * svd.u()[r * k + f], within(1e-4));
            }
            for (int c = 0; c < cols; c++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += dense[r][c] * svd.u()[r * k + f];
                }
                assertThat(s).isCloseTo(svd.sigma()[f] * svd.v()[c * k + f], within(1e-4));
            }
        }
        for (int t = 0; t < 20; t++) {
            double[] x = new double[cols];
            double norm = 0;
            for (int c = 0; c < cols; c++) {
                x[c] = random.nextGaussian();
                norm += x[c] * x[c];
            }
            double image = 0;
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int c = 0; c < cols; c++) {
                    s += dense[r][c] * x[c];
                }
                image += s * s;
            }
            assertThat(Math.sqrt(image / norm)).isLessThanOrEqualTo(svd.sigma()[0] + 1e-9);
        }
        return svd.sigma();
    }

    @Test
    void foldInOfAKnownUsersRatingsGivesTheirPredictions() {
        Dataset d = LowRank.matrix(40, 30, 4);
        for (String fill : List.of("bias", "item-mean", "user-mean", "global-mean", "zero")) {
            SvdAlgorithm.SvdModel m = fit(d, "fill=" + fill, "rank=4");
            RatingMatrix r = d.ratings();
            for (int u = 0; u < 5; u++) {
                int len = r.rowLength(u);
                int[] items = new int[len];
                double[] values = new double[len];
                for (int t = 0; t < len; t++) {
                    items[t] = r.rowItem(r.rowStart(u) + t);
                    values[t] = r.rowValue(r.rowStart(u) + t);
                }
                FoldIn f = m.foldIn(new UserProfile(items, values)).orElseThrow();
                double[] scores = m.scoreAll(u);
                for (int i = 0; i < d.itemCount(); i++) {
                    assertThat(f.predictions()[i]).as("%s u%d i%d", fill, u, i).isCloseTo(scores[i], within(1e-6));
                }
            }
        }
    }

    @Test
    void theRankIsLiveUpToTheTripletsComputed() {
        Dataset d = LowRank.matrix(40, 30, 4);
        SvdAlgorithm.SvdModel m = fit(d, "rank=2", "max-rank=8");
        ParamValues three = m.params().with("rank", 3);
        Model rescored = m.withParams(three).orElseThrow();
        assertThat(((SvdAlgorithm.SvdModel) rescored).singularValues())
                .containsExactly(java.util.Arrays.copyOf(m.computedSingularValues(), 3));
        SvdAlgorithm.SvdModel refit = fit(d, "rank=3", "max-rank=8");
        assertThat(rescored.predict(3, 5)).isCloseTo(refit.predict(3, 5), within(1e-12));
        assertThat(m.withParams(m.params().with("rank", 9))).isEmpty();
        assertThat(m.withParams(m.params().with("fill", "zero"))).isEmpty();
    }

    @Test
    void isRegisteredAfterTheOtherMatrixFactorisations() {
        List<String> ids = AlgorithmRegistry.all().stream().map(a -> a.id()).toList();
        assertThat(ids.indexOf("svd")).isGreaterThan(ids.indexOf("bpr"));
    }
}
