package org.recworkbench.eval;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Measures one fitted model on one fold's test entries. */
public final class FoldEvaluator {

    private final List<MetricSpec> metrics;
    private final Relevance relevance;
    private final Candidates candidates;
    private final long seed;

    public FoldEvaluator(List<MetricSpec> metrics, Relevance relevance, Candidates candidates, long seed) {
        this.metrics = List.copyOf(metrics);
        this.relevance = relevance;
        this.candidates = candidates;
        this.seed = seed;
    }

    public FoldResult evaluate(Fold fold, Model model, double fitSeconds, Progress progress,
                               Cancellation cancellation) {
        long start = System.nanoTime();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, double[]> perUser = new HashMap<>();
        RatingTotals totals = needs(MetricSpec.Group.RATING) ? rating(fold, model, values, perUser)
                : RatingTotals.EMPTY;
        int[] ranked = {0, 0};
        if (needs(MetricSpec.Group.RANKING) || needs(MetricSpec.Group.AUC) || needs(MetricSpec.Group.BEYOND)) {
            ranked = ranking(fold, model, values, perUser, progress, cancellation);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (MetricSpec m : metrics) {
            ordered.put(m.key(), values.getOrDefault(m.key(), Double.NaN));
        }
        return new FoldResult(fold.index(), ordered, perUser, totals, ranked[0], ranked[1], fold.trainSize(),
                fold.testSize(), fold.coldUsers(), fold.coldItems(), fold.coldTestEntries(), fold.droppedTestEntries(),
                fitSeconds, seconds);
    }

    private boolean needs(MetricSpec.Group group) {
        return metrics.stream().anyMatch(m -> m.group() == group);
    }

    private int maxCutoff() {
        int n = 0;
        for (MetricSpec m : metrics) {
            n = Math.max(n, m.n());
        }
        return n;
    }

    private RatingTotals rating(Fold fold, Model model, Map<String, Double> values, Map<String, double[]> perUser) {
        RatingMatrix test = fold.test();
        int users = test.userCount();
        double[] userRmse = nans(users);
        double[] userMae = nans(users);
        double[] userCoverage = nans(users);
        long entries = 0;
        long covered = 0;
        double sumError = 0;
        double sumSquared = 0;
        double sumFourth = 0;
        double sumAbsolute = 0;
        for (int u = 0; u < users; u++) {
            int n = test.rowLength(u);
            if (n == 0) {
                continue;
            }
            UserErrors errors = UserErrors.of(model, test, u, false);
            entries += n;
            int userCovered = errors.covered();
            covered += userCovered;
            sumError += errors.sumError();
            sumFourth += errors.sumFourth();
            sumSquared += errors.sumSquared();
            sumAbsolute += errors.sumAbsolute();
            userCoverage[u] = (double) userCovered / n;
            if (userCovered > 0) {
                userRmse[u] = errors.rmse();
                userMae[u] = errors.mae();
            }
        }
        RatingTotals totals = new RatingTotals(entries, covered, sumError, sumSquared, sumFourth, sumAbsolute);
        values.put("rmse", totals.rmse().value());
        values.put("mae", totals.mae().value());
        values.put("coverage", totals.coverage());
        values.put("user-rmse", Summary.mean(userRmse).value());
        values.put("user-mae", Summary.mean(userMae).value());
        perUser.put("user-rmse", userRmse);
        perUser.put("user-mae", userMae);
        perUser.put("rmse", userRmse);
        perUser.put("mae", userMae);
        perUser.put("coverage", userCoverage);
        return totals;
    }

    /** @return {users ranked, test users without a relevant item} */
    private int[] ranking(Fold fold, Model model, Map<String, Double> values, Map<String, double[]> perUser,
                          Progress progress, Cancellation cancellation) {
        RatingMatrix test = fold.test();
        RatingMatrix train = fold.train().ratings();
        int users = test.userCount();
        int items = test.itemCount();
        int maxN = Math.max(1, maxCutoff());
        Map<String, double[]> per = new LinkedHashMap<>();
        for (MetricSpec m : metrics) {
            if (m.group() != MetricSpec.Group.RATING) {
                per.put(m.key(), nans(users));
            }
        }
        List<int[]> lists = new ArrayList<>();
        int rankedUsers = 0;
        int withoutRelevant = 0;
        boolean[] excluded = new boolean[items];
        boolean[] isRelevant = new boolean[items];
        double[] gainOf = new double[items];
        for (int u = 0; u < users; u++) {
            if ((u & 63) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) u / users, "evaluating user " + (u + 1) + " of " + users);
            }
            int n = test.rowLength(u);
            if (n == 0) {
                continue;
            }
            UserList user = userList(u, model, train, test, maxN, excluded, isRelevant, gainOf);
            if (user == null) {
                withoutRelevant++;
                continue;
            }
            rankedUsers++;
            for (MetricSpec m : metrics) {
                switch (m.group()) {
                    case RANKING -> per.get(m.key())[u] = m.rankingMetric().of(user.list(), m.n());
                    case AUC -> per.get(m.key())[u] = auc(user.scores(), user.candidates(), isRelevant);
                    case BEYOND -> per.get(m.key())[u] = perUserBeyond(m, user.top(), train);
                    default -> { }
                }
            }
            lists.add(user.top().items());
            clear(excluded, train, test, u);
            for (int p = test.rowStart(u), end = p + n; p < end; p++) {
                isRelevant[test.rowItem(p)] = false;
                gainOf[test.rowItem(p)] = 0;
            }
        }
        for (MetricSpec m : metrics) {
            if (m.group() == MetricSpec.Group.RATING) {
                continue;
            }
            double value = switch (m.name()) {
                case "catalog-coverage" -> BeyondAccuracy.catalogCoverage(truncate(lists, m.n()), items);
                case "gini" -> BeyondAccuracy.gini(truncate(lists, m.n()), items);
                case "personalisation" -> BeyondAccuracy.personalisation(truncate(lists, m.n()), m.n(), items);
                default -> Summary.mean(per.get(m.key())).value();
            };
            values.put(m.key(), value);
            if (!List.of("catalog-coverage", "gini", "personalisation").contains(m.name())) {
                perUser.put(m.key(), per.get(m.key()));
            }
        }
        progress.report(1, "evaluated " + rankedUsers + " users");
        return new int[] {rankedUsers, withoutRelevant};
    }

    /** One user's ranked top list as the metrics see it, with the scores and candidates behind it. */
    record UserList(RankedList list, ScoredItems top, double[] scores, int[] candidates) {
    }

    /**
     * Builds user u's list: marks the relevant test items (and their gains) in the scratch arrays, the items the
     * user cannot be recommended in {@code excluded}, and ranks the rest. Null when u has no relevant test item;
     * the caller resets the scratch arrays after the user.
     */
    private UserList userList(int u, Model model, RatingMatrix train, RatingMatrix test, int maxN, boolean[] excluded,
                              boolean[] isRelevant, double[] gainOf) {
        int n = test.rowLength(u);
        int relevantCount = 0;
        for (int p = test.rowStart(u), end = p + n; p < end; p++) {
            if (relevance.relevant(test.rowValue(p))) {
                relevantCount++;
            }
        }
        if (relevantCount == 0) {
            return null;
        }
        double[] idealGains = new double[relevantCount];
        int g = 0;
        for (int p = test.rowStart(u), end = p + n; p < end; p++) {
            int item = test.rowItem(p);
            if (relevance.relevant(test.rowValue(p))) {
                isRelevant[item] = true;
                gainOf[item] = relevance.gain(test.rowValue(p));
                idealGains[g++] = gainOf[item];
            }
        }
        Arrays.sort(idealGains);
        reverse(idealGains);
        int[] candidateItems = candidateItems(u, train, test, excluded, test.itemCount());
        double[] scores = model.scoreAll(u);
        ScoredItems top = ScoredItems.top(scores, maxN, item -> excluded[item]);
        boolean[] relevantAtRank = new boolean[top.size()];
        double[] gains = new double[top.size()];
        for (int k = 0; k < top.size(); k++) {
            relevantAtRank[k] = isRelevant[top.item(k)];
            gains[k] = relevantAtRank[k] ? gainOf[top.item(k)] : 0;
        }
        return new UserList(new RankedList(relevantAtRank, gains, idealGains), top, scores, candidateItems);
    }

    /**
     * One user's list and test errors evaluated by the same code as {@link #evaluate}, for the derivations of their
     * metrics (see {@link UserReport}). Null list when the user has no relevant test item.
     */
    public UserReport explainUser(Fold fold, Model model, int u, int n) {
        RatingMatrix train = fold.train().ratings();
        RatingMatrix test = fold.test();
        int items = test.itemCount();
        boolean[] isRelevant = new boolean[items];
        UserList list = userList(u, model, train, test, Math.max(1, n), new boolean[items], isRelevant,
                new double[items]);
        boolean[] candidateRelevant = null;
        double[] candidateScores = null;
        if (list != null) {
            candidateRelevant = new boolean[list.candidates().length];
            candidateScores = new double[list.candidates().length];
            for (int k = 0; k < candidateRelevant.length; k++) {
                candidateRelevant[k] = isRelevant[list.candidates()[k]];
                candidateScores[k] = list.scores()[list.candidates()[k]];
            }
        }
        return new UserReport(fold.train(), u, n, UserErrors.of(model, test, u, true), list, candidateScores,
                candidateRelevant, auc(list == null ? new double[0] : list.scores(),
                list == null ? new int[0] : list.candidates(), isRelevant));
    }

    /**
     * Marks in {@code excluded} the items the user cannot be recommended and returns the candidates: all items
     * not seen in training, or the relevant test items plus sampled never-seen items.
     */
    private int[] candidateItems(int u, RatingMatrix train, RatingMatrix test, boolean[] excluded, int items) {
        for (int p = train.rowStart(u), end = p + train.rowLength(u); p < end; p++) {
            excluded[train.rowItem(p)] = true;
        }
        if (candidates.full()) {
            int[] list = new int[items - train.rowLength(u)];
            int k = 0;
            for (int i = 0; i < items; i++) {
                if (!excluded[i]) {
                    list[k++] = i;
                }
            }
            return list;
        }
        // sampled: exclude everything, then let in the relevant test items and the sampled negatives
        boolean[] interacted = new boolean[items];
        for (int p = train.rowStart(u), end = p + train.rowLength(u); p < end; p++) {
            interacted[train.rowItem(p)] = true;
        }
        int[] relevantItems = relevantTestItems(u, test);
        for (int p = test.rowStart(u), end = p + test.rowLength(u); p < end; p++) {
            interacted[test.rowItem(p)] = true;
        }
        int pool = 0;
        for (boolean b : interacted) {
            pool += b ? 0 : 1;
        }
        int take = Math.min(candidates.negatives(), pool);
        int[] never = new int[pool];
        for (int i = 0, k = 0; i < items; i++) {
            if (!interacted[i]) {
                never[k++] = i;
            }
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + u);
        for (int k = 0; k < take; k++) {
            int j = k + random.nextInt(pool - k);
            int t = never[k];
            never[k] = never[j];
            never[j] = t;
        }
        Arrays.fill(excluded, true);
        int[] list = new int[relevantItems.length + take];
        System.arraycopy(relevantItems, 0, list, 0, relevantItems.length);
        System.arraycopy(never, 0, list, relevantItems.length, take);
        for (int item : list) {
            excluded[item] = false;
        }
        return list;
    }

    private int[] relevantTestItems(int u, RatingMatrix test) {
        return java.util.stream.IntStream.range(test.rowStart(u), test.rowStart(u) + test.rowLength(u))
                .filter(p -> relevance.relevant(test.rowValue(p))).map(test::rowItem).toArray();
    }

    /** Resets {@code excluded} after a user (all false). */
    private void clear(boolean[] excluded, RatingMatrix train, RatingMatrix test, int u) {
        if (!candidates.full()) {
            Arrays.fill(excluded, false);
            return;
        }
        for (int p = train.rowStart(u), end = p + train.rowLength(u); p < end; p++) {
            excluded[train.rowItem(p)] = false;
        }
    }

    private static double auc(double[] scores, int[] candidateItems, boolean[] isRelevant) {
        double[] s = new double[candidateItems.length];
        boolean[] r = new boolean[candidateItems.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = scores[candidateItems[k]];
            r[k] = isRelevant[candidateItems[k]];
        }
        return Auc.of(s, r);
    }

    private static double perUserBeyond(MetricSpec m, ScoredItems top, RatingMatrix train) {
        int[] list = Arrays.copyOf(top.items(), Math.min(m.n(), top.size()));
        return switch (m.name()) {
            case "popularity" -> BeyondAccuracy.popularity(list, train);
            case "novelty" -> BeyondAccuracy.novelty(list, train);
            case "ild" -> BeyondAccuracy.intraListDiversity(list, train);
            default -> Double.NaN;
        };
    }

    private static List<int[]> truncate(List<int[]> lists, int n) {
        List<int[]> out = new ArrayList<>(lists.size());
        for (int[] l : lists) {
            out.add(l.length <= n ? l : Arrays.copyOf(l, n));
        }
        return out;
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    private static void reverse(double[] v) {
        for (int a = 0, b = v.length - 1; a < b; a++, b--) {
            double t = v[a];
            v[a] = v[b];
            v[b] = t;
        }
    }
}
