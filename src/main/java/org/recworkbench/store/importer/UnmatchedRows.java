package org.recworkbench.store.importer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an outside file (a list, predictions) that name a user or an item the training data lacks: counted
 * for the summary, and checked for a repeated (user, item) among themselves; matched rows are checked by their
 * readers, per user, without a map entry per row.
 */
final class UnmatchedRows {

    private final Path file;
    private final int itemColumn;
    private final Set<String> users = new HashSet<>();
    private final Set<String> items = new HashSet<>();
    private final Map<String, Map<String, Integer>> lines = new HashMap<>();
    private int userRows;
    private int itemRows;

    UnmatchedRows(Path file, int itemColumn) {
        this.file = file;
        this.itemColumn = itemColumn;
    }

    /**
     * Records a row whose user (knownUser false) or item is unknown.
     *
     * @throws ImportException when the same user and item came earlier among such rows
     */
    void add(int line, String userId, String itemId, boolean knownUser) {
        Integer earlier = lines.computeIfAbsent(userId, k -> new HashMap<>()).putIfAbsent(itemId, line);
        if (earlier != null) {
            throw RecommendationListReader.twice(file, line, itemColumn, userId, itemId, earlier);
        }
        if (!knownUser) {
            users.add(userId);
            userRows++;
        } else {
            items.add(itemId);
            itemRows++;
        }
    }

    int users() {
        return users.size();
    }

    int userRows() {
        return userRows;
    }

    int items() {
        return items.size();
    }

    int itemRows() {
        return itemRows;
    }

    /** The refusal when no row matched: how many users and items were unknown. */
    ImportException noneMatched(String dataset) {
        return new ImportException(file, 0, 0, "no row names both a user and an item of dataset " + dataset
                + " (" + users.size() + " unknown users, " + items.size() + " unknown items); "
                + "expected the dataset's own ids, as in its source file");
    }
}
