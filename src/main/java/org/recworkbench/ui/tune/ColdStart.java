package org.recworkbench.ui.tune;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.stream.RecommendationService;

import java.util.ArrayList;
import java.util.List;

/**
 * A new user's list from the live recommendation service on a fitted model: the ratings go in as events of a fresh
 * user id, and each recommended item keeps the service's label of where it came from (model, content, popular).
 * Plain data, computed off the FX thread.
 */
record ColdStart(List<RecommendationRow> rows, String message) {

    static final String CONTENT = RecommendationService.Source.CONTENT.label();
    static final String POPULAR = RecommendationService.Source.POPULAR.label();

    static ColdStart of(Model m, int[] items, double[] values, int n) {
        RecommendationService.Options options = RecommendationService.Options.defaults();
        List<RecommendationService.Item> list = recommend(new RecommendationService(m, options), m, items, values, n);
        Dataset d = m.dataset();
        List<RecommendationRow> rows = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            RecommendationService.Item item = list.get(k);
            rows.add(new RecommendationRow(k + 1, d.items().indexOf(item.id()), item.id(), item.title(),
                    item.score(), item.why(), RecommendationRow.FIRST, item.source()));
        }
        return new ColdStart(rows, message(m, items, values, rows, options.coldStartRatings()));
    }

    /** The ratings as events of a fresh user, then that user's list. */
    private static List<RecommendationService.Item> recommend(RecommendationService service, Model m, int[] items,
                                                              double[] values, int n) {
        Dataset d = m.dataset();
        String id = freshUserId(d);
        for (int k = 0; k < items.length; k++) {
            service.apply(id, d.items().id(items[k]), values[k], RatingMatrix.NO_TIMESTAMP);
        }
        return service.recommend(id, n).items();
    }

    private static String message(Model m, int[] items, double[] values, List<RecommendationRow> rows,
                                  int threshold) {
        int count = items.length;
        String ratings = I18n.t(count == 1 ? "tune.newUser.rating" : "tune.newUser.ratings", String.valueOf(count));
        if (count == 0) {
            return I18n.t("tune.newUser.none");
        }
        if (m.foldIn(new UserProfile(items, values)).isEmpty()) {
            return I18n.t("tune.newUser.noFoldIn", m.algorithmId());
        }
        if (rows.stream().anyMatch(r -> r.source().equals(CONTENT))) {
            return I18n.t("tune.newUser.content", ratings, String.valueOf(threshold), m.algorithmId());
        }
        if (rows.stream().allMatch(r -> r.source().equals(POPULAR))) {
            return I18n.t("tune.newUser.popular", ratings, m.algorithmId());
        }
        return I18n.t("tune.newUser.folded", ratings, m.algorithmId());
    }

    /** "new-user", or "new-user-2", … when the dataset has such a user. */
    static String freshUserId(Dataset d) {
        String id = "new-user";
        for (int k = 2; d.users().indexOf(id) >= 0; k++) {
            id = "new-user-" + k;
        }
        return id;
    }
}
