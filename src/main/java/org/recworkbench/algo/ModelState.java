package org.recworkbench.algo;

import org.recworkbench.data.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted model's learned numbers as named primitive arrays ({@code int[]}, {@code float[]}, {@code double[]}), in the order they
 * were put: what a model file stores for a {@link Persistable} model. Reading checks the name and the length, so a
 * damaged or foreign state is refused with a message instead of scoring wrongly.
 */
public final class ModelState {

    private final Map<String, Object> arrays = new LinkedHashMap<>();

    public ModelState putInts(String name, int[] values) {
        return put(name, values);
    }

    public ModelState putFloats(String name, float[] values) {
        return put(name, values);
    }

    public ModelState putDoubles(String name, double[] values) {
        return put(name, values);
    }

    /** A single number, stored as a one-element array. */
    public ModelState putDouble(String name, double value) {
        return put(name, new double[] {value});
    }

    private ModelState put(String name, Object values) {
        if (arrays.putIfAbsent(name, values) != null) {
            throw new IllegalArgumentException("state array " + name + " given twice");
        }
        return this;
    }

    /** Name to {@code int[]}, {@code float[]} or {@code double[]}, in the order put. */
    public Map<String, Object> arrays() {
        return Collections.unmodifiableMap(arrays);
    }

    public boolean isEmpty() {
        return arrays.isEmpty();
    }

    /** @throws InvalidInputException when the array is missing, of another type, or not of the expected length */
    public double[] doubles(String name, int expectedLength) {
        return check(name, double[].class, expectedLength < 0 ? -1 : expectedLength);
    }

    public double singleDouble(String name) {
        return doubles(name, 1)[0];
    }

    public float[] floats(String name, int expectedLength) {
        return check(name, float[].class, expectedLength);
    }

    /** @throws InvalidInputException when an index is outside 0..bound-1 (a state that would score wrongly) */
    public int[] indices(String name, int expectedLength, int bound) {
        int[] values = ints(name, expectedLength);
        for (int v : values) {
            if (v < 0 || v >= bound) {
                throw new InvalidInputException("the model state's array \"" + name + "\" holds the index " + v
                        + " outside 0.." + (bound - 1));
            }
        }
        return values;
    }

    public int[] ints(String name, int expectedLength) {
        return check(name, int[].class, expectedLength);
    }

    private <T> T check(String name, Class<T> type, int expectedLength) {
        Object value = arrays.get(name);
        if (value == null) {
            throw new InvalidInputException("the model state has no array \"" + name + "\"");
        }
        if (!type.isInstance(value)) {
            throw new InvalidInputException("the model state's array \"" + name + "\" is not " + type.getSimpleName());
        }
        int length = java.lang.reflect.Array.getLength(value);
        if (expectedLength >= 0 && length != expectedLength) {
            throw new InvalidInputException("the model state's array \"" + name + "\" has " + length
                    + " values; the dataset and parameters need " + expectedLength);
        }
        return type.cast(value);
    }
}
