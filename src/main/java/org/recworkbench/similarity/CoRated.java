package org.recworkbench.similarity;

/**
 * The co-rated entries of one pair of vectors, kept only when a derivation is being recorded, so its steps can
 * show the terms of each sum.
 *
 * @param labels external ids of the shared entries
 * @param a      a's (transformed) values on them
 * @param b      b's (transformed) values on them
 */
record CoRated(String[] labels, double[] a, double[] b) {
}
