package org.recworkbench.ui.live;

import org.recworkbench.stream.RecommendationService;

import java.util.List;

/**
 * One user's live list as computed in the background.
 *
 * @param before the user's list (ids) just before the event that triggered this one; null when it is shown on
 *               demand
 * @param recent the user's recent items (titles), newest first
 */
record UserView(String user, List<RecommendationService.Item> items, List<String> before, List<String> recent) {
}
