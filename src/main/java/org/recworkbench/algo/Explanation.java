package org.recworkbench.algo;

import org.recworkbench.explain.Derivation;

import java.util.List;

/**
 * Why a model gives a user an item the score it gives: the exact numbers it used.
 *
 * @param score         the ranking score, as {@link Model#recommend} orders by (NaN when none)
 * @param prediction    the rating prediction (NaN when the model does not predict ratings or cannot here)
 * @param contributions the sources of the score, by signed amount, largest positive first (equal amounts keep the
 *                      order the model gave; NaN last)
 * @param derivation    the computation step by step, recorded while it ran
 */
public record Explanation(int user, int item, String algorithm, ParamValues params, double score,
                         double prediction, List<Contribution> contributions, Derivation derivation) {

    /** Signed amount, largest first; NaN after every number. */
    private static final java.util.Comparator<Contribution> LARGEST_FIRST = (a, b) -> {
        boolean na = Double.isNaN(a.amount());
        boolean nb = Double.isNaN(b.amount());
        return na || nb ? Boolean.compare(na, nb) : Double.compare(b.amount(), a.amount());
    };

    public Explanation {
        contributions = List.copyOf(contributions.stream().sorted(LARGEST_FIRST).toList());
    }
}
