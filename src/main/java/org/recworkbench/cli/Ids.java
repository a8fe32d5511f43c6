package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;

import java.util.Arrays;

/** Looks external ids up in a dataset, with messages that name the id and the dataset. */
final class Ids {

    private Ids() {
    }

    static int user(Dataset d, String id) {
        int u = d.users().indexOf(id.strip());
        if (u < 0) {
            throw new InvalidInputException("User \"" + id.strip() + "\" is not in dataset " + d.name());
        }
        return u;
    }

    static int item(Dataset d, String id) {
        int i = d.items().indexOf(id.strip());
        if (i < 0) {
            throw new InvalidInputException("Item \"" + id.strip() + "\" is not in dataset " + d.name());
        }
        return i;
    }

    /** "all" or a comma-separated list of user ids. */
    static int[] users(Dataset d, String selection) {
        if (selection == null || selection.strip().equalsIgnoreCase("all")) {
            int[] all = new int[d.userCount()];
            Arrays.setAll(all, k -> k);
            return all;
        }
        return Arrays.stream(selection.split(",")).filter(s -> !s.isBlank()).mapToInt(s -> user(d, s)).toArray();
    }
}
