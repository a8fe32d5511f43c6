package org.recworkbench.similarity;

import org.recworkbench.data.InvalidInputException;

import java.util.Locale;

/** Whether similarities are between users (rows of the rating matrix) or between items (its columns). */
public enum Orientation {
    USERS("users", "user"),
    ITEMS("items", "item");

    private final String cliName;
    private final String singular;

    Orientation(String cliName, String singular) {
        this.cliName = cliName;
        this.singular = singular;
    }

    public String cliName() {
        return cliName;
    }

    public String singular() {
        return singular;
    }

    /** The other side: the entries a user vector is indexed by are items, and vice versa. */
    public Orientation other() {
        return this == USERS ? ITEMS : USERS;
    }

    public static Orientation fromCliName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "users", "user" -> USERS;
            case "items", "item" -> ITEMS;
            default -> throw new InvalidInputException("--of must be users or items; got \"" + name + "\"");
        };
    }
}
