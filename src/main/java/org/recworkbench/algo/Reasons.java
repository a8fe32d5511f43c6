package org.recworkbench.algo;

import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An explanation in a few words: the Tune view's Why column and explanation text, the recommendations CSV's
 * {@code explanation} column and the service all call this class, so they say the same thing. The reason named
 * first is the strongest positive contribution (a global mean is a starting point, not a reason, and is named only
 * when nothing else is there).
 */
public final class Reasons {

    /** Kinds with a phrase of their own; models use these for the contributions they describe. */
    public static final String GLOBAL_MEAN = "global mean";
    public static final String USER_BIAS = "user bias";
    public static final String ITEM_BIAS = "item bias";
    public static final String FACTOR = "factor";
    public static final String COMPONENT = "component";
    public static final String NEIGHBOUR_ITEM = "neighbour item";
    public static final String NEIGHBOUR_USER = "neighbour user";
    /** A user's mean rating (values: mean, ratings). */
    public static final String USER_MEAN = "user mean";
    /** An item's (possibly damped) mean rating (values: mean, ratings). */
    public static final String ITEM_MEAN = "item mean";
    /** A seeded random score (values: seed). */
    public static final String RANDOM = "random";
    /** Slope One: an item the user rated and the mean deviation to it (values: deviation, rating, support). */
    public static final String DEVIATION = "deviation";

    private Reasons() {
    }

    /** The strongest positive reason in words, e.g. "similar to Star Wars (1977): you rated it 5, s = 0.42 (+2.10)". */
    public static String why(Explanation e) {
        Contribution c = strongest(e.contributions());
        return c == null ? e.derivation().title() : phrase(c, e);
    }

    /** {@link #why} followed by the next largest contributions, at most {@code n} in all, joined by "; ". */
    public static String summary(Explanation e, int n) {
        Contribution first = strongest(e.contributions());
        if (first == null) {
            return e.derivation().title();
        }
        List<String> parts = new ArrayList<>();
        parts.add(phrase(first, e));
        for (Contribution c : e.contributions()) {
            if (parts.size() >= n) {
                break;
            }
            if (c != first && !GLOBAL_MEAN.equals(c.kind())) {
                parts.add(phrase(c, e));
            }
        }
        return String.join("; ", parts);
    }

    /**
     * The contribution a reason names: the largest positive one that is not a global mean; else the largest of the
     * others (all are negative); else the first; null when there is none.
     */
    public static Contribution strongest(List<Contribution> contributions) {
        Contribution best = null;
        for (Contribution c : contributions) {
            if (GLOBAL_MEAN.equals(c.kind())) {
                continue;
            }
            if (c.amount() > 0 && (best == null || c.amount() > best.amount())) {
                best = c;
            }
        }
        if (best != null) {
            return best;
        }
        for (Contribution c : contributions) {
            if (!GLOBAL_MEAN.equals(c.kind())) {
                return c;
            }
        }
        return contributions.isEmpty() ? null : contributions.get(0);
    }

    /** One contribution in words, with its amount. */
    public static String phrase(Contribution c, Explanation e) {
        String amount = " (" + signed(c.amount()) + ")";
        return switch (c.kind()) {
            case NEIGHBOUR_ITEM -> Words.t("reason.neighbourItem", c.label(), plain(c.values().get("rating")),
                    plain(c.values().get("similarity")), amount);
            case NEIGHBOUR_USER -> Words.t("reason.neighbourUser", c.label(), plain(c.values().get("rating")),
                    plain(c.values().get("similarity")), amount);
            case GLOBAL_MEAN -> Words.t("reason.globalMean", plain(c.amount()));
            case USER_BIAS -> Words.t(c.amount() >= 0 ? "reason.userBiasAbove" : "reason.userBiasBelow",
                    signed(c.amount()));
            case ITEM_BIAS -> Words.t(c.amount() >= 0 ? "reason.itemBiasAbove" : "reason.itemBiasBelow",
                    signed(c.amount()));
            case FACTOR -> Words.t("reason.factor", c.id(), signed(first(c)), signed(second(c)), signed(c.amount()));
            case COMPONENT -> Words.t("reason.component", c.id(), plain(c.amount()), plain(e.score()),
                    c.label().startsWith(c.id() + ": ") ? " (" + c.label().substring(c.id().length() + 2) + ")" : "");
            case USER_MEAN -> Words.t("reason.userMean", plain(c.values().get("mean")),
                    plain(c.values().get("ratings")));
            case ITEM_MEAN -> c.values().getOrDefault("damping", 0.0) > 0
                    ? Words.t("reason.itemMeanDamped", plain(c.values().get("mean")), plain(c.values().get("ratings")),
                    plain(c.values().get("damping")))
                    : Words.t("reason.itemMean", plain(c.values().get("mean")), plain(c.values().get("ratings")));
            case RANDOM -> Words.t("reason.random", plain(c.amount()), plain(c.values().get("seed")));
            case DEVIATION -> Words.t("reason.deviation", c.label(), plain(c.values().get("rating")),
                    plain(c.values().get("support")), signed(c.values().get("deviation")), amount);
            case "term" -> Words.t("reason.term", c.label(), amount);
            default -> Words.t("reason.other", kindName(c.kind()), c.label(), amount);
        };
    }

    /** A contribution's kind in the engine's language when the bundles name it ("rated item"), else as it is. */
    private static String kindName(String kind) {
        String key = "reason.kind." + kind.replace(' ', '-');
        return Words.has(key) ? Words.t(key) : kind;
    }

    private static double first(Contribution c) {
        return c.values().values().stream().findFirst().orElse(Double.NaN);
    }

    private static double second(Contribution c) {
        return c.values().values().stream().skip(1).findFirst().orElse(Double.NaN);
    }

    /** A number with a sign: "+2.41", "-0.17", "+0.0042". */
    public static String signed(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return (v >= 0 ? "+" : "-") + plain(Math.abs(v));
    }

    /** A number in a few digits: "4", "0.42", "0.0042", "n/a". */
    public static String plain(Double v) {
        if (v == null || Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e6) {
            return Long.toString((long) (double) v);
        }
        String s = a >= 0.1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.2g", v);
        return s.contains("e") ? s : s.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
