package org.recworkbench.algo.mf;

import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Reasons;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.List;

/** The dot product of a user and an item factor vector, step by step, with one contribution per factor. */
final class LatentExplanation {

    /** Factors listed in a derivation's substitution. */
    static final int SHOWN = 12;

    private LatentExplanation() {
    }

    /** Records p_u · q_i and returns it; adds one contribution per factor to {@code out}. */
    static double dot(double[] p, double[] q, String symbolP, String symbolQ, Derivation.Builder d,
                      List<Contribution> out) {
        double s = 0;
        List<Contribution> parts = new ArrayList<>();
        for (int f = 0; f < p.length; f++) {
            s += p[f] * q[f];
            parts.add(new Contribution(Reasons.FACTOR, Integer.toString(f + 1), "factor " + (f + 1),
                    Contribution.ordered(symbolP, p[f], symbolQ, q[f], "product", p[f] * q[f]), p[f] * q[f]));
        }
        if (d.recording()) {
            d.step(Words.phrase("mf.factorDot", String.valueOf(p.length)),
                    symbolP + " \\cdot " + symbolQ + " = \\sum_f " + symbolP + "_f \\, " + symbolQ + "_f",
                    Latex.sum(p.length, f -> Latex.num(p[f]) + " \\cdot " + Latex.term(q[f])), s);
        }
        out.addAll(parts);
        return s;
    }

    /** μ, b_u and b_i as contributions, so a biased model's explanation names them in words ({@link Reasons}). */
    static void biases(double mu, double userBias, double itemBias, List<Contribution> out) {
        out.add(new Contribution(Reasons.GLOBAL_MEAN, "mu", "global mean μ", Contribution.ordered("value", mu), mu));
        out.add(new Contribution(Reasons.USER_BIAS, "b_u", "user bias b_u", Contribution.ordered("value", userBias),
                userBias));
        out.add(new Contribution(Reasons.ITEM_BIAS, "b_i", "item bias b_i", Contribution.ordered("value", itemBias),
                itemBias));
    }
}
