package org.recworkbench.stream;

/**
 * Session-based scores from a user's recent items (newest first): item-kNN over the short-term profile,
 * s(c) = Σ_r d^r · sim(j_r, c) over the k nearest neighbours c of each recent item j_r, where r is the item's place
 * in the window (0 = newest) and d ≤ 1 fades older actions.
 */
public final class SessionScorer {

    private final ItemNeighbours neighbours;
    private final int k;
    private final double fade;

    public SessionScorer(ItemNeighbours neighbours, int k, double fade) {
        if (k < 1 || !(fade > 0 && fade <= 1)) {
            throw new IllegalArgumentException("k ≥ 1 and 0 < fade ≤ 1 expected");
        }
        this.neighbours = neighbours;
        this.k = k;
        this.fade = fade;
    }

    /** Scores over {@code items} items; NaN for items no recent item leads to. */
    public double[] scores(int[] recent, int items) {
        double[] scores = new double[items];
        java.util.Arrays.fill(scores, Double.NaN);
        double weight = 1;
        for (int j : recent) {
            for (int r = 0, n = Math.min(k, neighbours.neighbourCount(j)); r < n; r++) {
                int c = neighbours.neighbour(j, r);
                if (c < items) {
                    double s = scores[c];
                    scores[c] = (s == s ? s : 0) + weight * neighbours.similarityAt(j, r);
                }
            }
            weight *= fade;
        }
        return scores;
    }
}
