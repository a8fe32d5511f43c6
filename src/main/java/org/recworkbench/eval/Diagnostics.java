package org.recworkbench.eval;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a fitted model does on one fold beyond the metrics: its rating errors and the popularity it recommends. */
public final class Diagnostics {

    /** Deciles of item popularity for the popularity-bias chart. */
    public static final int GROUPS = 10;

    private Diagnostics() {
    }

    /** One bin of predicted ratings: the mean actual rating of the test entries predicted in [from, to). */
    public record CalibrationBin(double from, double to, int count, double meanPredicted, double meanActual) {
    }

    /** Prediction errors (predicted − actual) of every covered test entry, and the calibration of the predictions. */
    public record RatingErrors(double[] errors, List<CalibrationBin> calibration) {

        /** Counts of errors in bins of the given width centred on multiples of it (…, −0.25..0.25, …). */
        public long[] histogram(double width, double limit) {
            int bins = (int) Math.round(2 * limit / width) + 1;
            long[] counts = new long[bins];
            for (double e : errors) {
                int b = (int) Math.round((Math.max(-limit, Math.min(limit, e)) + limit) / width);
                counts[Math.min(bins - 1, b)]++;
            }
            return counts;
        }
    }

    /**
     * @param recommendedShare share of all recommended slots that went to each popularity decile (0 = most popular)
     * @param meanRecommended  mean training interactions of a recommended item
     * @param meanCatalogue    mean training interactions of a catalogue item
     */
    public record PopularityBias(double[] recommendedShare, double meanRecommended, double meanCatalogue, int lists) {
    }

    public static RatingErrors ratingErrors(Fold fold, Model model, double binWidth) {
        RatingMatrix test = fold.test();
        double[] errors = new double[test.size()];
        double[] predictions = new double[test.size()];
        double[] actuals = new double[test.size()];
        int k = 0;
        for (int u = 0; u < test.userCount(); u++) {
            UserErrors e = UserErrors.of(model, test, u, true);
            for (int t = 0; t < e.entries(); t++) {
                if (!Double.isNaN(e.predicted()[t])) {
                    errors[k] = e.predicted()[t] - e.actual()[t];
                    predictions[k] = e.predicted()[t];
                    actuals[k] = e.actual()[t];
                    k++;
                }
            }
        }
        return new RatingErrors(Arrays.copyOf(errors, k), calibration(Arrays.copyOf(predictions, k),
                Arrays.copyOf(actuals, k), binWidth));
    }

    static List<CalibrationBin> calibration(double[] predicted, double[] actual, double width) {
        if (predicted.length == 0) {
            return List.of();
        }
        double min = Arrays.stream(predicted).min().orElseThrow();
        double max = Arrays.stream(predicted).max().orElseThrow();
        double start = Math.floor(min / width) * width;
        int bins = (int) Math.floor((max - start) / width) + 1;
        int[] count = new int[bins];
        double[] sumPredicted = new double[bins];
        double[] sumActual = new double[bins];
        for (int k = 0; k < predicted.length; k++) {
            int b = Math.min(bins - 1, (int) Math.floor((predicted[k] - start) / width));
            count[b]++;
            sumPredicted[b] += predicted[k];
            sumActual[b] += actual[k];
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new CalibrationBin(start + b * width, start + (b + 1) * width, count[b],
                        sumPredicted[b] / count[b], sumActual[b] / count[b]));
            }
        }
        return out;
    }

    /**
     * The top-n lists of every test user (training items excluded), and how their slots spread over the deciles of
     * item popularity in the training part: a popularity-neutral recommender would give each decile 10 %.
     */
    public static PopularityBias popularityBias(Fold fold, Model model, int n) {
        RatingMatrix train = fold.train().ratings();
        int items = train.itemCount();
        Integer[] byPopularity = new Integer[items];
        for (int i = 0; i < items; i++) {
            byPopularity[i] = i;
        }
        Arrays.sort(byPopularity, (a, b) -> a.equals(b) ? 0 : train.colLength(a) != train.colLength(b)
                ? Integer.compare(train.colLength(b), train.colLength(a)) : Integer.compare(a, b));
        int[] decile = new int[items];
        for (int rank = 0; rank < items; rank++) {
            decile[byPopularity[rank]] = (int) ((long) rank * GROUPS / items);
        }
        double catalogue = 0;
        for (int i = 0; i < items; i++) {
            catalogue += train.colLength(i);
        }
        long[] slots = new long[GROUPS];
        long total = 0;
        double popularity = 0;
        int lists = 0;
        boolean[] seen = new boolean[items];
        for (int u = 0; u < fold.test().userCount(); u++) {
            if (fold.test().rowLength(u) == 0) {
                continue;
            }
            for (int p = train.rowStart(u); p < train.rowStart(u) + train.rowLength(u); p++) {
                seen[train.rowItem(p)] = true;
            }
            ScoredItems top = ScoredItems.top(model.scoreAll(u), n, i -> seen[i]);
            for (int k = 0; k < top.size(); k++) {
                slots[decile[top.item(k)]]++;
                popularity += train.colLength(top.item(k));
                total++;
            }
            lists++;
            for (int p = train.rowStart(u); p < train.rowStart(u) + train.rowLength(u); p++) {
                seen[train.rowItem(p)] = false;
            }
        }
        double[] share = new double[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            share[g] = total == 0 ? 0 : (double) slots[g] / total;
        }
        return new PopularityBias(share, total == 0 ? Double.NaN : popularity / total,
                items == 0 ? Double.NaN : catalogue / items, lists);
    }
}
