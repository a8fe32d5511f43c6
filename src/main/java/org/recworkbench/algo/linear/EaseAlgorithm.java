package org.recworkbench.algo.linear;

import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DSubmatrixD1;
import org.ejml.dense.block.MatrixMult_DDRB;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.TriangularSolver_DDRB;
import org.ejml.dense.block.decomposition.chol.CholeskyOuterForm_DDRB;
import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * EASE (Steck 2019): with X the binary user-item matrix, P = (XᵀX + λI)⁻¹ and B = I − P · diag(1/diag(P)), i.e.
 * B_ij = −P_ij / P_jj off the diagonal and B_jj = 0; the score of item j for user u is Σ_{i∈I_u} B_ij. Dense in the
 * number of items, so catalogues over max-items, over the largest matrix Java can index ({@value
 * #LARGEST_MATRIX_ITEMS} items) or over the free heap are refused with an estimate.
 */
public final class EaseAlgorithm extends AbstractAlgorithm<EaseAlgorithm.EaseParams>
        implements org.recworkbench.algo.Restorable {

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        int n = dataset.itemCount();
        return new EaseModel(dataset, values, state.floats("weights", Math.multiplyExact(n, n)),
                state.doubles("p-diagonal", -1));
    }


    public static final String ID = "ease";
    /** Sustained double-precision throughput assumed for the time estimate (this machine, one core). */
    static final double FLOPS = 2e9;

    public record EaseParams(double lambda, int maxItems) implements Params {
        public EaseParams {
            if (!(lambda > 0) || maxItems < 1) {
                throw new InvalidInputException("Invalid ease parameters: λ > 0, max-items ≥ 1");
            }
        }
    }

    public EaseAlgorithm() {
        super(ID, Family.LINEAR, "EASE: closed-form item-item weights B = I − P·diag(1/diag P), P = (XᵀX + λI)⁻¹",
                List.of(ParamSpec.real("lambda", "λ", "L2 regularisation of the item weights", 1, 100000, 500, 1)
                                .withLogScale(),
                        ParamSpec.integer("max-items", "Item limit", "Refuse catalogues larger than this", 1, 100000,
                                20000)));
    }

    @Override
    public EaseParams bind(ParamValues v) {
        return new EaseParams(v.getDouble("lambda"), v.getInt("max-items"));
    }

    /**
     * The most items one n×n matrix can hold: Java arrays (and EJML's matrices) are indexed by int, so n² must stay
     * below 2³¹ − 1 whatever max-items allows.
     */
    static final int LARGEST_MATRIX_ITEMS = 46_340;

    /** Memory (bytes) an n-item fit needs: two n×n double matrices and the n×n float weights. */
    static double bytesNeeded(int n) {
        return 2.0 * 8 * n * (double) n + 4.0 * n * (double) n;
    }

    /** Memory (bytes) and time (seconds) an n-item fit needs: two n×n double matrices, ~n³ flops. */
    public static String estimate(int n) {
        double seconds = (double) n * n * n / FLOPS;
        return String.format(Locale.ROOT, "%.1f GiB and about %.0f s", bytesNeeded(n) / (1L << 30), seconds);
    }

    /** The heap this JVM can still give: its maximum less what is in use now. */
    static long availableHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Refuses, with the estimate, a fit that max-items allows but that cannot run: more items than an n×n matrix
     * can index, or more memory than the heap has left.
     */
    static void requireAffordable(int n, int maxItems, long availableHeap) {
        if (n > maxItems) {
            throw new InvalidInputException("ease on " + n + " items needs " + estimate(n) + "; the limit is "
                    + maxItems + " items (max-items)");
        }
        if (n > LARGEST_MATRIX_ITEMS) {
            throw new InvalidInputException("ease on " + n + " items needs " + estimate(n) + "; its " + n + " × " + n
                    + " matrices hold more entries than Java can index, so ease works on at most "
                    + LARGEST_MATRIX_ITEMS + " items (filter the catalogue to its most popular items)");
        }
        if (bytesNeeded(n) > availableHeap) {
            throw new InvalidInputException(String.format(Locale.ROOT, "ease on %d items needs %s, but only %.1f GiB"
                    + " of memory is free (start with a larger -Xmx, or filter the catalogue to fewer items)", n,
                    estimate(n), availableHeap / (double) (1L << 30)));
        }
    }

    @Override
    public Model fit(Dataset train, EaseParams params, Progress progress, Cancellation cancellation) {
        int n = train.itemCount();
        requireAffordable(n, params.maxItems(), availableHeap());
        RatingMatrix r = train.ratings();
        progress.report(0, "EASE: Gram matrix of " + n + " items");
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        double[] gd = g.data;
        for (int u = 0; u < train.userCount(); u++) {
            if ((u & 255) == 0) {
                cancellation.throwIfCancelled();
            }
            int start = r.rowStart(u);
            int len = r.rowLength(u);
            // items of a row are ascending: fill the upper triangle only, then mirror
            for (int a = start; a < start + len; a++) {
                int rowOffset = r.rowItem(a) * n;
                for (int b = a; b < start + len; b++) {
                    gd[rowOffset + r.rowItem(b)] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                gd[j * n + i] = gd[i * n + j];
            }
        }
        for (int i = 0; i < n; i++) {
            gd[i * n + i] += params.lambda();
        }
        cancellation.throwIfCancelled();
        progress.report(0.2, "EASE: inverting " + n + " × " + n);
        double[] pd = inverse(g, n, cancellation);
        float[] b = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // pd holds the upper triangle of the symmetric P
                double pij = i <= j ? pd[i * n + j] : pd[j * n + i];
                b[i * n + j] = i == j ? 0f : (float) (-pij / pd[j * n + j]);
            }
        }
        double[] diagonal = new double[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = pd[j * n + j];
        }
        progress.report(1, "EASE: done");
        return new EaseModel(train, values(params), b, diagonal);
    }

    /**
     * The upper triangle of G⁻¹ for symmetric positive-definite G: the Cholesky factor L, its inverse M = L⁻¹ and
     * P = Mᵀ M, all with EJML's blocked routines; the product skips the zero blocks of the triangular M. About n³
     * flops in all, a third of inverting through n triangular solves.
     */
    static double[] inverse(DMatrixRMaj g, int n, Cancellation cancellation) {
        DMatrixRBlock block = new DMatrixRBlock(n, n);
        MatrixOps_DDRB.convert(g, block);
        CholeskyOuterForm_DDRB cholesky = new CholeskyOuterForm_DDRB(true);
        if (!cholesky.decompose(block)) {
            throw new IllegalStateException("XᵀX + λI is not positive definite");
        }
        DMatrixRBlock lower = cholesky.getT(null);
        block = null;
        cancellation.throwIfCancelled();
        DMatrixRBlock inverse = new DMatrixRBlock(n, n, lower.blockLength);
        TriangularSolver_DDRB.invert(lower.blockLength, false, new DSubmatrixD1(lower), new DSubmatrixD1(inverse),
                null);
        // P = Mᵀ M block column by block column: M[k][j] = 0 for k < j, so column block J only needs rows from j0
        int bl = lower.blockLength;
        DMatrixRBlock product = new DMatrixRBlock(n, n, bl);
        for (int j0 = 0; j0 < n; j0 += bl) {
            int j1 = Math.min(n, j0 + bl);
            MatrixMult_DDRB.multTransA(bl, new DSubmatrixD1(inverse, j0, n, 0, j1),
                    new DSubmatrixD1(inverse, j0, n, j0, j1), new DSubmatrixD1(product, 0, j1, j0, j1));
            if ((j0 / bl & 7) == 0) {
                cancellation.throwIfCancelled();
            }
        }
        double[] p = MatrixOps_DDRB.convert(product, (DMatrixRMaj) null).data;
        return p;
    }

    /** A fitted EASE model: the dense item-item weights. */
    public static final class EaseModel extends BaseModel implements org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return new org.recworkbench.algo.ModelState().putFloats("weights", weights)
                    .putDoubles("p-diagonal", pDiagonal);
        }

        private final float[] weights;
        private final double[] pDiagonal;
        private final int n;

        EaseModel(Dataset dataset, ParamValues values, float[] weights, double[] pDiagonal) {
            super(dataset, ID, values);
            this.weights = weights;
            this.pDiagonal = pDiagonal;
            this.n = dataset.itemCount();
        }

        /** B_ij: how much having item i adds to the score of item j. */
        public double weight(int i, int j) {
            return weights[i * n + j];
        }

        private double[] scores(int[] items) {
            double[] scores = new double[n];
            for (int i : items) {
                int offset = i * n;
                for (int j = 0; j < n; j++) {
                    scores[j] += weights[offset + j];
                }
            }
            return scores;
        }

        private static int[] itemsOf(RatingMatrix r, int user) {
            int[] items = new int[r.rowLength(user)];
            for (int t = 0; t < items.length; t++) {
                items[t] = r.rowItem(r.rowStart(user) + t);
            }
            return items;
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            return scores(itemsOf(dataset().ratings(), user));
        }

        @Override
        public double predict(int user, int item) {
            return Double.NaN;
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            int[] items = itemsOf(dataset().ratings(), user);
            double score = scoreAll(user)[item];
            List<Contribution> parts = new ArrayList<>();
            for (int i : items) {
                parts.add(new Contribution("rated item", itemId(i), itemLabel(i),
                        Contribution.ordered("B_ij", weight(i, item)), weight(i, item)));
            }
            parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.amount())));
            Derivation.Builder d = derivation(Words.t("ease.title"), user, item);
            d.step(Words.phrase("ease.diagonal"), "P_{jj}, \\; P = (X^\\top X + \\lambda I)^{-1}",
                    Latex.num(pDiagonal[item]), pDiagonal[item]);
            d.step(Words.phrase("ease.weights"), "B_{ij} = -P_{ij} / P_{jj}, \\; B_{jj} = 0",
                    Latex.list(items.length, t -> itemId(items[t]) + ": " + Latex.num(weight(items[t], item))),
                    Double.NaN);
            d.step(Words.phrase("ials.score"), "s_{uj} = \\sum_{i \\in I_u} B_{ij}",
                    Latex.sum(items.length, t -> Latex.num(weight(items[t], item))), score);
            return explanation(user, item, score, Double.NaN, parts, d.build());
        }

        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            double[] scores = scores(profile.items());
            double[] none = new double[n];
            java.util.Arrays.fill(none, Double.NaN);
            return Optional.of(new FoldIn(profile, scores, none));
        }
    }
}
