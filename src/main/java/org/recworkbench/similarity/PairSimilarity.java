package org.recworkbench.similarity;

import org.recworkbench.explain.Derivation;

/**
 * The similarity of one pair.
 *
 * @param overlap    number of co-rated entries
 * @param derivation the worked computation, or null when it was not asked for
 */
public record PairSimilarity(int a, int b, double value, int overlap, Derivation derivation) {
}
