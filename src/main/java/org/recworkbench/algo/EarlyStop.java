package org.recworkbench.algo;

import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Early stopping for the iterative trainers ({@code early-stop=N}): a seeded share of the training entries is held
 * out ({@link #holdOut}), never trained on, and watched after each epoch; training stops after N epochs without a
 * better watched value ({@link Patience}) and the model keeps the state of its best epoch. With N = 0 nothing is
 * held out and the trainer runs every epoch exactly as without the option.
 * <p>
 * Rating models watch the RMSE on the held-out ratings; ranking models watch {@link HeldOutAuc}: the AUC of each
 * held-out item against {@value #AUC_NEGATIVES} seeded draws of items its user never interacted with.
 */
public final class EarlyStop {

    /** The share of the training entries held out to watch. */
    public static final double SHARE = 0.1;

    /** Fewer training entries than this: nothing is held out and every epoch runs. */
    public static final int MIN_ENTRIES = 10;

    /** Items drawn per user, among those it never interacted with, for the held-out AUC. */
    public static final int AUC_NEGATIVES = 100;

    private static final long HOLD_OUT_SALT = 0xEA51L;
    private static final long NEGATIVES_SALT = 0xA0C5L;

    private EarlyStop() {
    }

    /**
     * The {@code early-stop} parameter: 0..100 epochs (or iterations) without improvement, default 0 (off).
     *
     * @param description what is held out and watched, starting "0 = every epoch; N = …"
     */
    public static ParamSpec param(String description) {
        return ParamSpec.integer("early-stop", "Early stop", description, 0, 100, 0);
    }

    /**
     * Which of a matrix's entries (CSR positions 0..n−1) an early stop watches and which it trains on.
     *
     * @param watched the held-out positions in their seeded order (empty: no early stop)
     * @param trained the other positions, increasing
     */
    public record HoldOut(int[] watched, int[] trained) {

        public boolean active() {
            return watched.length > 0;
        }

        /**
         * The matrix without the watched entries (same users and items, no timestamps); the matrix itself when
         * nothing is held out.
         */
        public RatingMatrix trainedPart(RatingMatrix r) {
            if (!active()) {
                return r;
            }
            int[] rowStart = new int[r.userCount() + 1];
            int[] items = new int[trained.length];
            float[] values = new float[trained.length];
            int u = 0;
            for (int t = 0; t < trained.length; t++) {
                int p = trained[t];
                while (p >= r.rowStart(u) + r.rowLength(u)) {
                    u++;
                }
                rowStart[u + 1]++;
                items[t] = r.rowItem(p);
                values[t] = r.rowValue(p);
            }
            for (int v = 0; v < r.userCount(); v++) {
                rowStart[v + 1] += rowStart[v];
            }
            return new RatingMatrix(r.userCount(), r.itemCount(), rowStart, items, values, null);
        }
    }

    /**
     * Holds out a seeded {@link #SHARE} of n entries when {@code patience} &gt; 0 and n ≥ {@link #MIN_ENTRIES}
     * (a Fisher–Yates shuffle of 0..n−1 by a generator seeded with {@code seed ^ 0xEA51}; the first tenth is
     * watched); otherwise watches nothing and trains on 0..n−1.
     */
    public static HoldOut holdOut(int n, int patience, long seed) {
        int[] order = new int[n];
        Arrays.setAll(order, p -> p);
        if (patience <= 0 || n < MIN_ENTRIES) {
            return new HoldOut(new int[0], order);
        }
        SplittableRandom random = new SplittableRandom(seed ^ HOLD_OUT_SALT);
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int held = (int) Math.round(SHARE * n);
        int[] trained = Arrays.copyOfRange(order, held, n);
        Arrays.sort(trained);
        return new HoldOut(Arrays.copyOfRange(order, 0, held), trained);
    }

    /**
     * The patience bookkeeping: remembers the best watched value, its epoch and a copy of the trainer's state then,
     * and says when N epochs have passed without a better one. A NaN value never counts as better.
     *
     * @param <S> the trainer's state (factors, weights)
     */
    public static final class Patience<S> {

        private final int patience;
        private final boolean higherIsBetter;
        private double best;
        private int bestEpoch = -1;
        private S kept;

        private Patience(int patience, boolean higherIsBetter) {
            this.patience = patience;
            this.higherIsBetter = higherIsBetter;
            this.best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }

        /** For an error such as RMSE. */
        public static <S> Patience<S> lowerIsBetter(int patience) {
            return new Patience<>(patience, false);
        }

        /** For a measure such as AUC. */
        public static <S> Patience<S> higherIsBetter(int patience) {
            return new Patience<>(patience, true);
        }

        /**
         * Records the watched value after {@code epoch} (0-based), copying the state when it is the best so far.
         *
         * @return true when training should stop: {@code patience} epochs have passed since the best one
         */
        public boolean stopAfter(int epoch, double value, Supplier<S> state) {
            if (higherIsBetter ? value > best : value < best) {
                best = value;
                bestEpoch = epoch;
                kept = state.get();
                return false;
            }
            return epoch - bestEpoch >= patience;
        }

        /** The state at the best epoch; null before any value was better than the start. */
        public S kept() {
            return kept;
        }

        /** The 0-based best epoch, −1 when none. */
        public int bestEpoch() {
            return bestEpoch;
        }

        public double best() {
            return best;
        }

        /**
         * The model a trainer returns: from the best epoch's state and loss curve when training stopped early (and
         * reported so), otherwise from {@code last} and the curve of the {@code run} epochs done.
         */
        public <M> M finish(Progress progress, String algorithm, String unit, int run, String measure, S last,
                            double[] losses, BiFunction<S, double[], M> model) {
            if (kept != null) {
                report(progress, algorithm, unit, run, measure);
                return model.apply(kept, Arrays.copyOf(losses, bestEpoch + 1));
            }
            return model.apply(last, Arrays.copyOf(losses, run));
        }

        /** Reports "algorithm: stopped after epoch 12, kept epoch 9 (held-out RMSE 0.9123)". */
        public void report(Progress progress, String algorithm, String unit, int run, String measure) {
            progress.report(1, String.format(Locale.ROOT, "%s: stopped after %s %d, kept %s %d (held-out %s %.4f)",
                    algorithm, unit, run, unit, bestEpoch + 1, measure, best));
        }
    }

    /** A score for a (user, item) pair; only its order within a user matters. */
    @FunctionalInterface
    public interface PairScorer {
        double score(int user, int item);
    }

    /**
     * The ranking measure the implicit models watch: for each user with held-out items, the share of (held-out item,
     * drawn item) pairs in which the held-out item scores higher (ties count half), averaged over those users
     * (Rendle et al. 2009's AUC). The drawn items are {@value #AUC_NEGATIVES} uniform draws, with replacement, of
     * items the user never interacted with in the whole training matrix, fixed by the seed, so every epoch is judged
     * on the same pairs.
     */
    public static final class HeldOutAuc {

        private final int[] users;
        private final int[][] positives;
        private final int[][] negatives;

        /**
         * @param r       the whole training matrix (held-out entries included, so they are never drawn)
         * @param watched the held-out positions of {@code r}
         */
        public HeldOutAuc(RatingMatrix r, int[] watched, long seed) {
            int[] sorted = watched.clone();
            Arrays.sort(sorted);
            int[] count = new int[r.userCount()];
            int[] owner = new int[sorted.length];
            int u = 0;
            for (int t = 0; t < sorted.length; t++) {
                while (sorted[t] >= r.rowStart(u) + r.rowLength(u)) {
                    u++;
                }
                owner[t] = u;
                count[u]++;
            }
            int kept = 0;
            for (int v = 0; v < count.length; v++) {
                if (count[v] > 0 && r.rowLength(v) < r.itemCount()) {
                    kept++;
                }
            }
            users = new int[kept];
            positives = new int[kept][];
            negatives = new int[kept][];
            SplittableRandom random = new SplittableRandom(seed ^ NEGATIVES_SALT);
            int slot = 0;
            int t = 0;
            for (int v = 0; v < count.length; v++) {
                if (count[v] == 0) {
                    continue;
                }
                int[] items = new int[count[v]];
                for (int c = 0; c < items.length; c++) {
                    items[c] = r.rowItem(sorted[t++]);
                }
                if (r.rowLength(v) == r.itemCount()) {
                    continue;
                }
                int[] drawn = new int[AUC_NEGATIVES];
                for (int c = 0; c < drawn.length; c++) {
                    int j;
                    do {
                        j = random.nextInt(r.itemCount());
                    } while (!Float.isNaN(r.value(v, j)));
                    drawn[c] = j;
                }
                users[slot] = v;
                positives[slot] = items;
                negatives[slot] = drawn;
                slot++;
            }
        }

        /** The users judged (those with a held-out item and an item they never interacted with). */
        public int userCount() {
            return users.length;
        }

        /** The mean per-user AUC under {@code scorer}; NaN when no user can be judged. */
        public double measure(PairScorer scorer) {
            double sum = 0;
            double[] drawn = new double[AUC_NEGATIVES];
            for (int s = 0; s < users.length; s++) {
                int u = users[s];
                for (int c = 0; c < drawn.length; c++) {
                    drawn[c] = scorer.score(u, negatives[s][c]);
                }
                double wins = 0;
                for (int i : positives[s]) {
                    double x = scorer.score(u, i);
                    for (double y : drawn) {
                        wins += x > y ? 1 : x == y ? 0.5 : 0;
                    }
                }
                sum += wins / ((double) positives[s].length * drawn.length);
            }
            return users.length == 0 ? Double.NaN : sum / users.length;
        }
    }
}
