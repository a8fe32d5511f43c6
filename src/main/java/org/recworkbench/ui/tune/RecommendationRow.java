package org.recworkbench.ui.tune;

/**
 * One line of the top-N list.
 *
 * @param movement ranks gained since the previous list (positive: moved up), 0 when unchanged; {@link #NEW} when
 *                 the item was not in the previous list, {@link #FIRST} when there was no previous list
 * @param source   where the item came from: "model", or for a new user's list also "content" or "popular" (the
 *                 labels of the live recommendation service)
 */
public record RecommendationRow(int rank, int item, String itemId, String title, double score, String why,
                                int movement, String source) {

    public static final int NEW = Integer.MAX_VALUE;
    public static final int FIRST = Integer.MIN_VALUE;
    public static final String MODEL = "model";

    /** A line of the fitted model's own list. */
    public RecommendationRow(int rank, int item, String itemId, String title, double score, String why,
                             int movement) {
        this(rank, item, itemId, title, score, why, movement, MODEL);
    }

    /** ▲3, ▼1, "new" or blank. */
    public String movementText() {
        if (movement == FIRST || movement == 0) {
            return "";
        }
        if (movement == NEW) {
            return org.recworkbench.ui.common.I18n.t("common.movement.new");
        }
        return movement > 0 ? "▲" + movement : "▼" + -movement;
    }
}
