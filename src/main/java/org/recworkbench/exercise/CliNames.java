package org.recworkbench.exercise;

import org.recworkbench.data.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The command-line names of the exercise enums: listing them and finding one, case- and space-tolerant. */
final class CliNames {

    private CliNames() {
    }

    static <E> List<String> of(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    /** @throws InvalidInputException naming {@code what} and the known names */
    static <E> E find(E[] values, Function<E, String> name, String given, String what) {
        String wanted = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(v -> name.apply(v).equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown " + what + " \"" + given + "\"; expected one of "
                        + String.join(", ", of(values, name))));
    }
}
