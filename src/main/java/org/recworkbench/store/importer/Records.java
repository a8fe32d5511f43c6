package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Checks shared by the format readers. */
final class Records {

    private Records() {
    }

    /** Rejects a record whose field count differs from {@code expected}, hinting at a wrong delimiter. */
    static void expectFields(DelimitedReader in, int expected, String delimiterName, String layout) {
        int found = in.fieldCount();
        if (found == expected) {
            return;
        }
        String problem = "expected " + expected + " fields separated by " + delimiterName + " (" + layout
                + "), found " + found;
        if (found == 1) {
            problem += "; is the delimiter right?";
        }
        throw in.error(0, problem);
    }

    /** Reads the first record and checks it names the expected columns (case-insensitive, in order). */
    static void expectHeader(DelimitedReader in, List<String> expected) {
        if (!in.next()) {
            throw new ImportException(in.file(), 0, 0, "the file is empty; expected a header line "
                    + String.join(",", expected));
        }
        List<String> found = in.fields();
        boolean matches = found.size() >= expected.size();
        for (int i = 0; matches && i < expected.size(); i++) {
            matches = found.get(i).toLowerCase(Locale.ROOT).equals(expected.get(i).toLowerCase(Locale.ROOT));
        }
        if (!matches) {
            throw in.error(0, "unexpected header " + Excerpt.of(String.join(",", found)) + "; expected "
                    + String.join(",", expected));
        }
    }

    /** The explicitly given file, else {@code sibling} next to {@code main} when it exists, else null. */
    static Path siblingOrGiven(Path given, Path main, String sibling) {
        if (given != null || InputFiles.isStdin(main)) {
            return given;
        }
        Path candidate = main.toAbsolutePath().resolveSibling(sibling);
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    static String delimiterName(String delimiter) {
        return switch (delimiter) {
            case "\t" -> "tab";
            case " " -> "space";
            default -> "\"" + delimiter + "\"";
        };
    }

    static void rejectEmpty(DelimitedReader in, long rows, String expected) {
        if (rows == 0) {
            throw new ImportException(in.file(), 0, 0, "the file has no data rows; expected " + expected);
        }
    }
}
