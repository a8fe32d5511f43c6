package org.recworkbench.eval;

/**
 * Which items a user's list is drawn from: every item the user has not seen in training (full ranking), or the
 * user's relevant test items plus {@code negatives} items sampled from those they never interacted with (faster,
 * and optimistic: results are labelled).
 */
public record Candidates(int negatives) {

    public static final Candidates FULL = new Candidates(0);

    public Candidates {
        if (negatives < 0) {
            throw new IllegalArgumentException("sampled negatives must be ≥ 0");
        }
    }

    public static Candidates sampled(int negatives) {
        if (negatives < 1) {
            throw new IllegalArgumentException("sampled candidates need at least one negative");
        }
        return new Candidates(negatives);
    }

    public boolean full() {
        return negatives == 0;
    }

    public String describe() {
        return full() ? "all unseen items" : negatives + " sampled negatives per user";
    }
}
