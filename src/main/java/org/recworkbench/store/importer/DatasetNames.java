package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.InvalidInputException;

/** The rules for dataset names: not blank, at most 200 characters (code points), no control characters. */
public final class DatasetNames {

    public static final int MAX_LENGTH = 200;

    private DatasetNames() {
    }

    /** @return the name without surrounding white space */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("A dataset name is required (--name)");
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("Dataset names may have at most " + MAX_LENGTH + " characters; this one has "
                    + length);
        }
        int position = 1;
        for (int i = 0; i < stripped.length(); position++) {
            int c = stripped.codePointAt(i);
            if (Excerpt.isControl(c)) {
                throw new InvalidInputException("Dataset names may not contain control characters (line breaks, tabs,"
                        + " escape); found " + Excerpt.visible(c) + " at character " + position + " of \""
                        + Excerpt.of(stripped) + "\"");
            }
            i += Character.charCount(c);
        }
        return stripped;
    }
}
