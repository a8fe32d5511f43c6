package org.recworkbench.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A metric to compute, by name and cut-off: {@code rmse}, {@code ndcg@10}, {@code auc} … Rating metrics and AUC
 * take no cut-off; ranking and beyond-accuracy metrics need one.
 */
public record MetricSpec(String name, int n) {

    public enum Group { RATING, RANKING, AUC, BEYOND }

    public static final List<String> RATING = List.of("rmse", "mae", "user-rmse", "user-mae", "coverage");
    public static final List<String> BEYOND = List.of("catalog-coverage", "gini", "popularity", "novelty", "ild",
            "personalisation");

    public MetricSpec {
        Group g = groupOf(name);
        if ((g == Group.RANKING || g == Group.BEYOND) && n < 1) {
            throw new IllegalArgumentException(name + " needs a cut-off, e.g. " + name + "@10");
        }
        if ((g == Group.RATING || g == Group.AUC) && n != 0) {
            throw new IllegalArgumentException(name + " takes no cut-off");
        }
    }

    public Group group() {
        return groupOf(name);
    }

    /** The ranking metric behind a {@link Group#RANKING} spec. */
    public RankingMetric rankingMetric() {
        for (RankingMetric m : RankingMetric.values()) {
            if (m.label().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException(name);
    }

    /** The key used in results and JSON, e.g. {@code precision@10}. */
    public String key() {
        return n == 0 ? name : name + "@" + n;
    }

    @Override
    public String toString() {
        return key();
    }

    private static Group groupOf(String name) {
        if (RATING.contains(name)) {
            return Group.RATING;
        }
        if (name.equals("auc")) {
            return Group.AUC;
        }
        if (BEYOND.contains(name)) {
            return Group.BEYOND;
        }
        for (RankingMetric m : RankingMetric.values()) {
            if (m.label().equals(name)) {
                return Group.RANKING;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; known: " + known());
    }

    public static String known() {
        List<String> names = new ArrayList<>(RATING);
        for (RankingMetric m : RankingMetric.values()) {
            names.add(m.label() + "@N");
        }
        names.add("auc");
        for (String b : BEYOND) {
            names.add(b + "@N");
        }
        return String.join(", ", names);
    }

    /** Lower values are better for errors, concentration and popularity; higher for everything else. */
    public static boolean lowerIsBetter(String key) {
        return List.of("rmse", "mae", "user-rmse", "user-mae", "gini", "popularity").contains(parse(key).name());
    }

    /** Parses {@code rmse,mae,precision@10,…}; duplicates are dropped, order kept. */
    public static List<MetricSpec> parseList(String text) {
        LinkedHashSet<MetricSpec> specs = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String s = part.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            specs.add(parse(s));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no metrics given; known: " + known());
        }
        return List.copyOf(specs);
    }

    public static MetricSpec parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int at = s.indexOf('@');
        if (at < 0) {
            return new MetricSpec(s, 0);
        }
        String cut = s.substring(at + 1);
        try {
            int n = Integer.parseInt(cut);
            if (n < 1 || n > 10_000) {
                throw new IllegalArgumentException("cut-off of " + text + " must be 1 to 10000");
            }
            return new MetricSpec(s.substring(0, at), n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cut + "' in " + text + " is not a whole number");
        }
    }

    /** The defaults: rating and ranking metrics for explicit data, ranking and beyond-accuracy for implicit. */
    public static List<MetricSpec> defaults(boolean explicit) {
        return parseList(explicit
                ? "rmse,mae,coverage,precision@10,recall@10,ndcg@10"
                : "precision@10,recall@10,ndcg@10,hit@10,map@10,auc,catalog-coverage@10,novelty@10");
    }
}
