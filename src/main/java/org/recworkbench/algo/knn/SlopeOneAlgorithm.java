package org.recworkbench.algo.knn;

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
import org.recworkbench.algo.Reasons;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Weighted Slope One (Lemire &amp; Maclachlan 2005). For every ordered item pair (j, i) it keeps the sum of the
 * differences r_uj − r_ui over the users S_ji who rated both and their number c_ji = |S_ji|, in two dense n × n
 * arrays (a double sum and an int count: 12 bytes per pair, 34 MB for MovieLens 100K's 1,682 items). The mean
 * deviation is dev_ji = sum_ji / c_ji, and
 * <pre>
 *   r̂_uj = Σ_{i ∈ I_u, c_ji ≥ m} (dev_ji + r_ui) · c_ji / Σ_{i ∈ I_u, c_ji ≥ m} c_ji
 * </pre>
 * with m the minimum support. When no item the user rated reaches it, the prediction is the user's mean rating (the
 * global mean for a user without ratings). The ranking score is the prediction; predictions are not clipped to the
 * rating scale.
 */
public final class SlopeOneAlgorithm extends AbstractAlgorithm<SlopeOneAlgorithm.SlopeOneParams>
        implements org.recworkbench.algo.Restorable {

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        int n = dataset.itemCount();
        int cells = Math.multiplyExact(n, n);
        return new SlopeOneModel(dataset, values, bind(values).minSupport(), state.doubles("sums", cells),
                state.ints("support", cells), state.singleDouble("total"), state.ints("count", 1)[0],
                state.singleDouble("global-mean"));
    }


    public static final String ID = "slope-one";
    /** Bytes per item pair: the double sum of differences and the int support. */
    static final int BYTES_PER_PAIR = 12;
    /** The most items an n × n array can hold: n² must stay below 2³¹ − 1. */
    static final int LARGEST_MATRIX_ITEMS = 46_340;

    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("min-support", "Minimum support", "Deviations from fewer users who rated both items"
                    + " are not used", 1, 1000, 1),
            ParamSpec.integer("max-items", "Item limit", "Refuse catalogues larger than this (the deviations take 12"
                    + " bytes per item pair)", 1, LARGEST_MATRIX_ITEMS, 10000));

    /** @param minSupport m ≥ 1; @param maxItems the largest catalogue accepted */
    public record SlopeOneParams(int minSupport, int maxItems) implements Params {
        public SlopeOneParams {
            if (minSupport < 1 || maxItems < 1) {
                throw new InvalidInputException("Invalid slope-one parameters: min-support ≥ 1, max-items ≥ 1; got "
                        + minSupport + ", " + maxItems);
            }
        }
    }

    public SlopeOneAlgorithm() {
        super(ID, Family.NEIGHBOURHOOD, "Weighted Slope One: the mean rating differences between item pairs, added"
                + " to the user's ratings and weighted by how many users rated both", PARAMS);
    }

    @Override
    public SlopeOneParams bind(ParamValues values) {
        return new SlopeOneParams(values.getInt("min-support"), values.getInt("max-items"));
    }

    /** Memory (bytes) the deviations of n items take. */
    static double bytesNeeded(int n) {
        return (double) BYTES_PER_PAIR * n * n;
    }

    /** Refuses, with the memory estimate, a catalogue over max-items, over what an array indexes, or over the heap. */
    static void requireAffordable(int n, int maxItems, long availableHeap) {
        String needs = "slope-one on " + n + " items needs " + size(bytesNeeded(n)) + " for its " + n + " × " + n
                + " deviations";
        if (n > maxItems) {
            throw new InvalidInputException(needs + "; the limit is " + maxItems + " items (max-items)");
        }
        if (n > LARGEST_MATRIX_ITEMS) {
            throw new InvalidInputException(needs + ", more entries than Java can index; slope-one works on at most "
                    + LARGEST_MATRIX_ITEMS + " items (filter the catalogue to its most popular items)");
        }
        if (bytesNeeded(n) > availableHeap) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s, but only %.1f GiB of memory is free"
                    + " (start with a larger -Xmx, or filter the catalogue to fewer items)", needs,
                    availableHeap / (double) (1L << 30)));
        }
    }

    /** "4.5 GiB", or "46 MiB" below a GiB. */
    private static String size(double bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (1L << 20));
    }

    private static long availableHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    @Override
    public Model fit(Dataset train, SlopeOneParams params, Progress progress, Cancellation cancellation) {
        int n = train.itemCount();
        requireAffordable(n, params.maxItems(), availableHeap());
        RatingMatrix r = train.ratings();
        double[] sums = new double[n * n];
        int[] support = new int[n * n];
        double total = 0;
        int users = train.userCount();
        for (int u = 0; u < users; u++) {
            if ((u & 63) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) u / Math.max(1, users), "Slope One: deviations, user " + u + " of " + users);
            }
            int start = r.rowStart(u);
            int end = start + r.rowLength(u);
            for (int p = start; p < end; p++) {
                int j = r.rowItem(p);
                double rj = r.rowValue(p);
                total += rj;
                int row = j * n;
                for (int q = start; q < end; q++) {
                    if (q != p) {
                        int i = r.rowItem(q);
                        sums[row + i] += rj - r.rowValue(q);
                        support[row + i]++;
                    }
                }
            }
        }
        progress.report(1, "Slope One: deviations of " + n + " items done");
        double mu = r.size() == 0 ? Double.NaN : total / r.size();
        return new SlopeOneModel(train, values(params), params.minSupport(), sums, support, total, r.size(), mu);
    }

    private static final class SlopeOneModel extends BaseModel implements org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return new org.recworkbench.algo.ModelState().putDoubles("sums", sums).putInts("support", support)
                    .putDouble("total", total).putInts("count", new int[] {count}).putDouble("global-mean", mu);
        }

        private final int minSupport;
        private final int n;
        /** sums[j·n + i] = Σ_{u ∈ S_ji} (r_uj − r_ui). */
        private final double[] sums;
        /** support[j·n + i] = c_ji = |S_ji|. */
        private final int[] support;
        private final double total;
        private final int count;
        private final double mu;

        SlopeOneModel(Dataset dataset, ParamValues params, int minSupport, double[] sums, int[] support, double total,
                      int count, double mu) {
            super(dataset, ID, params);
            this.minSupport = minSupport;
            this.n = dataset.itemCount();
            this.sums = sums;
            this.support = support;
            this.total = total;
            this.count = count;
            this.mu = mu;
        }

        /**
         * The prediction for item j from the ratings (items, values) of one user; the one computation behind scores,
         * predictions, fold-in and explanations.
         *
         * @param parts receives one contribution per item used, or null
         */
        private double predict(int[] items, double[] values, int j, Derivation.Builder d, List<Contribution> parts) {
            int row = j * n;
            double numerator = 0;
            long weight = 0;
            boolean recording = d.recording();
            List<String> terms = recording ? new ArrayList<>() : null;
            List<String> supports = recording ? new ArrayList<>() : null;
            List<double[]> used = parts != null ? new ArrayList<>() : null;
            for (int t = 0; t < items.length; t++) {
                int i = items[t];
                int c = support[row + i];
                if (c < minSupport) {
                    continue;
                }
                double dev = sums[row + i] / c;
                double term = (dev + values[t]) * c;
                numerator += term;
                weight += c;
                if (recording) {
                    terms.add("(" + Latex.num(dev) + " + " + Latex.num(values[t]) + ") \\cdot " + c);
                    supports.add(Integer.toString(c));
                }
                if (used != null) {
                    used.add(new double[] {i, dev, values[t], c, term});
                }
            }
            if (weight == 0) {
                return fallback(values, d, parts);
            }
            if (recording) {
                d.step(Words.phrase("slope.items", String.valueOf(minSupport)),
                        "\\sum_{i \\in R_j(u)} (\\mathrm{dev}_{j,i} + r_{ui}) \\, c_{j,i}, \\quad \\mathrm{dev}_{j,i} = "
                                + "\\frac{1}{c_{j,i}} \\sum_{v \\in S_{j,i}} (r_{vj} - r_{vi})",
                        String.join(" + ", terms), numerator);
                d.step(Words.phrase("slope.support"), "\\sum_{i \\in R_j(u)} c_{j,i}, \\quad c_{j,i} = |S_{j,i}|",
                        String.join(" + ", supports), weight);
            }
            double prediction = numerator / weight;
            if (used != null) {
                for (double[] x : used) {
                    int i = (int) x[0];
                    parts.add(new Contribution(Reasons.DEVIATION, itemId(i), itemLabel(i), Contribution.ordered(
                            "deviation", x[1], "rating", x[2], "support", x[3]), x[4] / weight));
                }
            }
            return d.step(Words.phrase("slope.title"),
                    "\\hat{r}_{uj} = \\frac{\\sum_i (\\mathrm{dev}_{j,i} + r_{ui}) \\, c_{j,i}}{\\sum_i c_{j,i}}",
                    "\\frac{" + Latex.num(numerator) + "}{" + weight + "}", prediction);
        }

        /** No deviation to use: the user's mean rating, or the global mean for a user without ratings. */
        private double fallback(double[] values, Derivation.Builder d, List<Contribution> parts) {
            if (values.length == 0) {
                double value = d.step(Words.phrase("slope.globalMean"),
                        "\\hat{r}_{uj} = \\mu = \\frac{1}{|R|} \\sum r", "\\frac{" + Latex.num(total) + "}{" + count
                                + "}", mu);
                if (parts != null) {
                    parts.add(new Contribution(Reasons.GLOBAL_MEAN, "mu", "global mean μ (no deviation, no ratings)",
                            Contribution.ordered("value", value), value));
                }
                return value;
            }
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double value = d.step(Words.phrase("slope.userMean", String.valueOf(minSupport)), "\\hat{r}_{uj} = \\bar{r}_u = \\frac{1}{|I_u|} \\sum_{i \\in I_u} r_{ui}",
                    "\\frac{" + Latex.num(sum) + "}{" + values.length + "}", sum / values.length);
            if (parts != null) {
                parts.add(new Contribution(Reasons.USER_MEAN, "mean", "the user's mean rating (no deviation to use)",
                        Contribution.ordered("mean", value, "ratings", values.length), value));
            }
            return value;
        }

        private int[] itemsOf(int user) {
            RatingMatrix r = dataset().ratings();
            int[] items = new int[r.rowLength(user)];
            for (int t = 0; t < items.length; t++) {
                items[t] = r.rowItem(r.rowStart(user) + t);
            }
            return items;
        }

        private double[] valuesOf(int user) {
            RatingMatrix r = dataset().ratings();
            double[] values = new double[r.rowLength(user)];
            for (int t = 0; t < values.length; t++) {
                values[t] = r.rowValue(r.rowStart(user) + t);
            }
            return values;
        }

        private double[] all(int[] items, double[] values) {
            double[] scores = new double[n];
            for (int j = 0; j < n; j++) {
                scores[j] = predict(items, values, j, Derivation.Builder.NONE, null);
            }
            return scores;
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            return all(itemsOf(user), valuesOf(user));
        }

        @Override
        public double predict(int user, int item) {
            checkUser(user);
            checkItem(item);
            return predict(itemsOf(user), valuesOf(user), item, Derivation.Builder.NONE, null);
        }

        /** Direct: the same prediction from the profile's ratings. */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            double[] scores = all(profile.items(), profile.values());
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("slope.title"), user, item);
            List<Contribution> parts = new ArrayList<>();
            double value = predict(itemsOf(user), valuesOf(user), item, d, parts);
            return explanation(user, item, value, value, parts, d.build());
        }
    }
}
