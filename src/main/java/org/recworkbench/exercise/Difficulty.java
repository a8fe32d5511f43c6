package org.recworkbench.exercise;

import java.util.List;

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
        return CliNames.of(values(), Difficulty::cliName);
    }

    public static Difficulty fromCliName(String name) {
        return CliNames.find(values(), Difficulty::cliName, name, "difficulty");
    }

    @Override
    public String toString() {
        return label;
    }
}
