package org.recworkbench.examples;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;

import java.util.List;

/** An example's small dense rating matrix R as a dataset: every position is a rating, zeros included. */
final class MatrixDataset {

    private MatrixDataset() {
    }

    /** Inputs R (rows are users), users and items (their names). */
    static Dataset of(SeedExample e) {
        double[][] r = e.matrix("R");
        List<String> users = e.texts("users");
        List<String> items = e.texts("items");
        if (r.length != users.size() || r[0].length != items.size()) {
            throw new IllegalStateException(e.id() + ": R is " + r.length + "×" + r[0].length + " but names "
                    + users.size() + " users and " + items.size() + " items");
        }
        DatasetBuilder b = new DatasetBuilder(e.id(), DatasetKind.EXPLICIT);
        for (String item : items) {
            b.item(item, item, new String[0], "");
        }
        for (int u = 0; u < r.length; u++) {
            b.user(users.get(u));
            for (int j = 0; j < r[u].length; j++) {
                b.add(users.get(u), items.get(j), r[u][j]);
            }
        }
        return b.build();
    }
}
