package org.recworkbench.data;

import java.util.Objects;

/** An in-memory dataset: dense user and item indices, the interaction matrix and the item catalogue. Immutable. */
public record Dataset(String name, DatasetKind kind, IdIndex users, IdIndex items, RatingMatrix ratings,
                      ItemCatalog catalog) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (users.size() != ratings.userCount() || items.size() != ratings.itemCount()
                || catalog.size() != items.size()) {
            throw new IllegalArgumentException("Dataset " + name + ": index sizes do not match the matrix");
        }
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    public int interactionCount() {
        return ratings.size();
    }

    /** Approximate bytes held by the matrix arrays (ids and catalogue text excluded). */
    public long matrixBytes() {
        return ratings.memoryBytes();
    }
}
