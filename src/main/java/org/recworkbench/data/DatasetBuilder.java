package org.recworkbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a small {@link Dataset} in code: worked examples, cold-start profiles, tests. Users and items get dense
 * indices in order of first mention; repeated (user, item) pairs keep the last value.
 */
public final class DatasetBuilder {

    private final String name;
    private final DatasetKind kind;
    private final IdIndex.Builder users = new IdIndex.Builder();
    private final IdIndex.Builder items = new IdIndex.Builder();
    private final InteractionsBuilder interactions = new InteractionsBuilder();
    private final List<String> titles = new ArrayList<>();
    private final List<String[]> categories = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    public DatasetBuilder(String name, DatasetKind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** A dataset from a dense matrix; rows are users u1…, columns items i1…; NaN (and 0 for implicit) = none. */
    public static Dataset fromMatrix(String name, DatasetKind kind, double[][] matrix) {
        DatasetBuilder builder = new DatasetBuilder(name, kind);
        for (int i = 0; i < matrix[0].length; i++) {
            builder.item("i" + (i + 1), "Item " + (i + 1), new String[0], "");
        }
        for (int u = 0; u < matrix.length; u++) {
            builder.user("u" + (u + 1));
            for (int i = 0; i < matrix[u].length; i++) {
                double v = matrix[u][i];
                if (!Double.isNaN(v) && !(kind == DatasetKind.IMPLICIT && v == 0)) {
                    builder.add("u" + (u + 1), "i" + (i + 1), v);
                }
            }
        }
        return builder.build();
    }

    public DatasetBuilder user(String id) {
        users.indexOf(id);
        return this;
    }

    public DatasetBuilder item(String id, String title, String[] itemCategories, String text) {
        int index = itemIndex(id);
        titles.set(index, title);
        categories.set(index, itemCategories.clone());
        texts.set(index, text);
        return this;
    }

    public DatasetBuilder add(String user, String item, double value) {
        return add(user, item, value, RatingMatrix.NO_TIMESTAMP);
    }

    public DatasetBuilder add(String user, String item, double value, int timestamp) {
        interactions.add(users.indexOf(user), itemIndex(item), (float) value, timestamp);
        return this;
    }

    private int itemIndex(String id) {
        int index = items.indexOf(id);
        while (titles.size() <= index) {
            titles.add(id);
            categories.add(new String[0]);
            texts.add("");
        }
        return index;
    }

    public Dataset build() {
        RatingMatrix matrix = interactions.build(users.size(), items.size(), DuplicatePolicy.KEEP_LAST).matrix();
        ItemCatalog catalog = new ItemCatalog(titles.toArray(String[]::new), categories.toArray(String[][]::new),
                texts.toArray(String[]::new));
        return new Dataset(name, kind, users.build(), items.build(), matrix, catalog);
    }
}
