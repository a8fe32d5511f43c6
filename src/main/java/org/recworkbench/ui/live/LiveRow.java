package org.recworkbench.ui.live;

import org.recworkbench.stream.RecommendationService;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the selected user's live top-N.
 *
 * @param source   where the item came from: model, session, content or popular
 * @param movement ranks gained since the previous list of the same user (positive: up), 0 when unchanged;
 *                 {@link #NEW} when the item was not in it, {@link #FIRST} when there was no previous list
 */
public record LiveRow(int rank, String itemId, String title, double score, String source, String why, int movement) {

    public static final int NEW = Integer.MAX_VALUE;
    public static final int FIRST = Integer.MIN_VALUE;

    /** ▲2, ▼1, "new" or blank. */
    public String movementText() {
        if (movement == FIRST || movement == 0) {
            return "";
        }
        if (movement == NEW) {
            return org.recworkbench.ui.common.I18n.t("common.movement.new");
        }
        return movement > 0 ? "▲" + movement : "▼" + -movement;
    }

    /** The rows of a list, each item's movement measured against {@code before} (ids, best first; null: none). */
    public static List<LiveRow> of(List<RecommendationService.Item> items, List<String> before) {
        List<LiveRow> rows = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            RecommendationService.Item item = items.get(k);
            int was = before == null ? -1 : before.indexOf(item.id());
            int movement = before == null ? FIRST : was < 0 ? NEW : was - k;
            String title = item.title() == null || item.title().isEmpty() ? item.id() : item.title();
            rows.add(new LiveRow(k + 1, item.id(), title, item.score(), item.source(), item.why(), movement));
        }
        return rows;
    }
}
