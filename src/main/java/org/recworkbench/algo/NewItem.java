package org.recworkbench.algo;

import java.util.Objects;

/**
 * An item the fitted model has not seen, known only by its text (title, categories and description together).
 *
 * @param id   the item's external id, as the client gave it
 * @param text free text; null is read as empty
 */
public record NewItem(String id, String text) {

    public NewItem {
        Objects.requireNonNull(id, "id");
    }
}
