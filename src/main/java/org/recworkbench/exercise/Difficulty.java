package org.recworkbench.exercise;

import org.recworkbench.data.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How hard the numbers are: {@link #EASY} small vectors of whole numbers (3–5 entries, none missing unless the
 * measure is about missing entries), {@link #MEDIUM} 5–8 entries with half ratings and missing values,
 * {@link #REAL} a few rows and columns cut from a stored dataset.
 */
public enum Difficulty {
    EASY("easy", "Easy: small vectors, whole numbers"),
    MEDIUM("medium", "Medium: more entries, missing values"),
    REAL("real", "Real: rows of the loaded dataset");

    private final String cliName;
    private final String label;

    Difficulty(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public static List<String> cliNames() {
        return Arrays.stream(values()).map(Difficulty::cliName).toList();
    }

    public static Difficulty fromCliName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown difficulty \"" + name + "\"; expected one of "
                        + String.join(", ", cliNames())));
    }

    @Override
    public String toString() {
        return label;
    }
}
