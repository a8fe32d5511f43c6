package org.recworkbench.data;

import java.util.Arrays;
import java.util.List;

/** Descriptive item data by dense item index: title, categories and free text (any may be empty). */
public final class ItemCatalog {

    private static final String[] NO_CATEGORIES = new String[0];

    private final String[] titles;
    private final String[][] categories;
    private final String[] texts;

    public ItemCatalog(String[] titles, String[][] categories, String[] texts) {
        if (titles.length != categories.length || titles.length != texts.length) {
            throw new IllegalArgumentException("Catalog arrays differ in length");
        }
        this.titles = titles.clone();
        this.categories = categories.clone();
        this.texts = texts.clone();
    }

    public static ItemCatalog empty(int itemCount) {
        String[] blank = new String[itemCount];
        Arrays.fill(blank, "");
        String[][] none = new String[itemCount][];
        Arrays.fill(none, NO_CATEGORIES);
        return new ItemCatalog(blank, none, blank);
    }

    public int size() {
        return titles.length;
    }

    public String title(int item) {
        return titles[item];
    }

    public List<String> categories(int item) {
        return List.of(categories[item]);
    }

    public String text(int item) {
        return texts[item];
    }
}
