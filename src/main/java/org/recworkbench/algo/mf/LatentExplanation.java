package org.recworkbench.algo.mf;

import org.recworkbench.algo.Contribution;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The dot product of a user and an item factor vector, step by step, with one contribution per factor. */
final class LatentExplanation {

    /** Factors listed in a derivation's substitution. */
    static final int SHOWN = 12;

    private LatentExplanation() {
    }

    /** Records p_u · q_i and returns it; fills {@code out} with the factor contributions, largest first. */
    static double dot(double[] p, double[] q, String symbolP, String symbolQ, Derivation.Builder d,
                      List<Contribution> out) {
        double s = 0;
        List<Contribution> parts = new ArrayList<>();
        for (int f = 0; f < p.length; f++) {
            s += p[f] * q[f];
            parts.add(new Contribution("factor", Integer.toString(f + 1), "factor " + (f + 1),
                    Contribution.ordered(symbolP, p[f], symbolQ, q[f], "product", p[f] * q[f]), p[f] * q[f]));
        }
        if (d.recording()) {
            d.step("Dot product of the factor vectors (" + p.length + " factors)",
                    symbolP + " \\cdot " + symbolQ + " = \\sum_f " + symbolP + "_f \\, " + symbolQ + "_f",
                    Latex.sum(p.length, f -> Latex.num(p[f]) + " \\cdot " + Latex.term(q[f])), s);
        }
        parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.amount())));
        out.addAll(parts);
        return s;
    }
}
