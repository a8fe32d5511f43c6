package org.recworkbench.data;

/**
 * Parameters of a synthetic dataset.
 *
 * @param density  target share of the user × item matrix that is filled, in (0, 1]
 * @param factors  rank of the latent preference model
 * @param implicit counts of purchases instead of 1–5 ratings
 */
public record SyntheticSpec(int users, int items, double density, long seed, int factors, boolean implicit) {

    public SyntheticSpec {
        if (users < 1) {
            throw new InvalidInputException("Invalid number of users: " + users + " (expected at least 1)");
        }
        if (items < 2) {
            throw new InvalidInputException("Invalid number of items: " + items + " (expected at least 2)");
        }
        if (!(density > 0 && density <= 1)) {
            throw new InvalidInputException("Invalid density: " + density + " (expected a value in (0, 1])");
        }
        if (factors < 1 || factors > 100) {
            throw new InvalidInputException("Invalid number of factors: " + factors + " (expected 1..100)");
        }
    }

    public static SyntheticSpec of(int users, int items, double density, long seed) {
        return new SyntheticSpec(users, items, density, seed, 8, false);
    }

    public long expectedInteractions() {
        return Math.round(density * users * (double) items);
    }
}
