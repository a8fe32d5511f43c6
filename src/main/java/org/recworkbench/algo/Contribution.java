package org.recworkbench.algo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source of a score: a neighbour, a shared term, a latent factor, a graph path.
 *
 * @param kind    what the source is ("neighbour user", "neighbour item", "term", "component")
 * @param id      the external id or the term itself
 * @param label   a readable name (an item's title)
 * @param values  the numbers behind it, in display order (similarity, overlap, rating, centred, contribution …)
 * @param amount  how much it adds to the score, for sorting and bar charts
 */
public record Contribution(String kind, String id, String label, Map<String, Double> values, double amount) {

    public Contribution {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An ordered name → value map from alternating names and numbers: {@code ordered("a", 1.0, "b", 2.0)}. */
    public static Map<String, Double> ordered(Object... namesAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) {
            map.put((String) namesAndValues[k], ((Number) namesAndValues[k + 1]).doubleValue());
        }
        return map;
    }

    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value " + name + " in " + values.keySet());
        }
        return v;
    }
}
