package org.recworkbench.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Shows values in combo boxes by a label of our choosing (the value itself is never typed in). */
public final class Labels {

    private Labels() {
    }

    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
