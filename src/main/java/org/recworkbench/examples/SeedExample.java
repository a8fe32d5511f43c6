package org.recworkbench.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One worked numeric example of a seed article, as data: what the article computes from which inputs, and the
 * numbers it printed. The correct values are not stored; {@link SeedExampleEvaluator} computes them with the
 * engine's own formulas.
 *
 * @param id        stable id, "000-cosine-1"
 * @param article   the seed article, "000" … "004"
 * @param title     one line in English
 * @param formula   the formula kind ("cosine", "pearson", "tfidf", …) that selects the computation
 * @param variant   options of the formula kind ("over": "all", "logBase": "e", …) and notes on resolved ambiguities
 * @param inputs    the numbers (and names) the article starts from; numbers are Long or Double, vectors lists,
 *                  records maps
 * @param resultKey the key of the example's final value
 * @param printed   every number the article printed for this example, in the article's order
 * @param note      one line: the slip, or what was checked when the article is right
 * @param quote     the article's key lines
 * @param lineHint  where they are in the article ("237-239")
 */
public record SeedExample(String id, String article, String title, String formula, Map<String, Object> variant,
                          Map<String, Object> inputs, String resultKey, List<PrintedValue> printed, String note,
                          String quote, String lineHint) {

    @SuppressWarnings("unchecked")
    public SeedExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(title, id + ": title");
        Objects.requireNonNull(formula, id + ": formula");
        Objects.requireNonNull(resultKey, id + ": resultKey");
        Objects.requireNonNull(note, id + ": note");
        variant = (Map<String, Object>) frozen(variant == null ? Map.of() : variant);
        inputs = (Map<String, Object>) frozen(Objects.requireNonNull(inputs, id + ": inputs"));
        printed = List.copyOf(printed == null ? List.of() : printed);
        quote = quote == null ? "" : quote;
        lineHint = lineHint == null ? "" : lineHint;
    }

    /** Nested maps and lists made unmodifiable, order kept. */
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** The printed number for a key, if the article printed one. */
    public Optional<PrintedValue> printedValue(String key) {
        return printed.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** A variant option as text, or the fallback when the example does not set it. */
    public String option(String name, String fallback) {
        Object value = variant.get(name);
        return value == null ? fallback : value.toString();
    }

    /** A numeric input. */
    public double number(String key) {
        return toDouble(require(key), key);
    }

    /** A text input. */
    public String text(String key) {
        return require(key).toString();
    }

    /** A list of numbers; a JSON null becomes NaN (a missing entry). */
    public double[] vector(String key) {
        return toVector(require(key), key);
    }

    /** A list of lists of numbers, one list per row. */
    public double[][] matrix(String key) {
        List<?> rows = list(require(key), key);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = toVector(rows.get(i), key + "[" + i + "]");
        }
        return out;
    }

    /** A list of texts. */
    public List<String> texts(String key) {
        return list(require(key), key).stream().map(Object::toString).toList();
    }

    /** A list of records (maps), as for neighbours. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records(String key) {
        return list(require(key), key).stream().map(v -> (Map<String, Object>) v).toList();
    }

    /** A record (map) of records, as for documents and their term counts. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
        Object value = require(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException(id + ": input " + key + " is not an object");
        }
        return (Map<String, Object>) value;
    }

    private Object require(String key) {
        Object value = inputs.get(key);
        if (value == null) {
            throw new IllegalStateException(id + ": input " + key + " is missing");
        }
        return value;
    }

    private List<?> list(Object value, String key) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException(id + ": input " + key + " is not a list");
        }
        return list;
    }

    private double[] toVector(Object value, String key) {
        List<?> list = list(value, key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = list.get(i);
            out[i] = x == null ? Double.NaN : toDouble(x, key + "[" + i + "]");
        }
        return out;
    }

    static double toDouble(Object value, String what) {
        if (!(value instanceof Number n)) {
            throw new IllegalStateException(what + " is not a number: " + value);
        }
        return n.doubleValue();
    }
}
