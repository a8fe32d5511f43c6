package org.recworkbench.export;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.function.IntPredicate;

/**
 * Which items an exported list may hold: by default only items the user has not interacted with; with
 * {@code includeSeen} also those (repeat purchases in retail data); with a {@code category} only items of it.
 *
 * @param category a catalogue category the items must have, or null for any
 */
public record ListFilter(boolean includeSeen, String category) {

    /** Unseen items of any category: what a recommendation list shows. */
    public static final ListFilter UNSEEN = new ListFilter(false, null);

    public ListFilter {
        category = category == null || category.isBlank() ? null : category.strip();
    }

    /** The items to leave out of {@code user}'s list. */
    public IntPredicate exclude(Dataset data, int user) {
        RatingMatrix r = data.ratings();
        boolean[] seen = new boolean[data.itemCount()];
        if (!includeSeen) {
            for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
                seen[r.rowItem(p)] = true;
            }
        }
        if (category == null) {
            return item -> seen[item];
        }
        return item -> seen[item] || !data.catalog().categories(item).contains(category);
    }

    /** "unseen items", "all items, seen ones included", "… of category Garden". */
    public String describe() {
        return (includeSeen ? "all items, seen ones included" : "unseen items")
                + (category == null ? "" : ", category " + category);
    }
}
