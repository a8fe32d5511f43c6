package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which column of a generic delimited file holds the user, item, rating and timestamp (0-based, -1 when absent),
 * and how many columns every row must have.
 */
record ColumnMapping(int user, int item, int rating, int timestamp, int width) {

    static final List<String> ROLES = List.of("user", "item", "rating", "timestamp");
    private static final List<String> IGNORED = List.of("_", "skip", "-", "");

    boolean hasRating() {
        return rating >= 0;
    }

    boolean hasTimestamp() {
        return timestamp >= 0;
    }

    String layout() {
        String[] names = new String[width];
        Arrays.fill(names, "_");
        names[user] = "user";
        names[item] = "item";
        if (rating >= 0) {
            names[rating] = "rating";
        }
        if (timestamp >= 0) {
            names[timestamp] = "timestamp";
        }
        return String.join(",", names);
    }

    /** A mapping that does not fit the file's content; the reader adds the file and line. */
    static final class ContentMismatch extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        ContentMismatch(String message) {
            super(message);
        }
    }

    /** The default for a file whose first row has {@code width} fields: user,item[,rating[,timestamp]]. */
    static ColumnMapping guess(int width) {
        return switch (width) {
            case 2 -> new ColumnMapping(0, 1, -1, -1, 2);
            case 3 -> new ColumnMapping(0, 1, 2, -1, 3);
            case 4 -> new ColumnMapping(0, 1, 2, 3, 4);
            default -> throw new ContentMismatch("cannot guess the meaning of " + width
                    + " columns; give --columns, for example --columns user,item,rating,timestamp (use _ for a"
                    + " column to ignore)");
        };
    }

    /**
     * Parses either positional roles ("user,item,_,rating") or, with a header, role=ColumnName pairs
     * ("user=CustomerID,item=StockCode,rating=Quantity").
     *
     * @param header the header fields, or null when the file has none
     */
    static ColumnMapping parse(List<String> spec, List<String> header) {
        boolean named = spec.stream().anyMatch(s -> s.contains("="));
        return named ? parseNamed(spec, header) : parsePositional(spec);
    }

    private static ColumnMapping parsePositional(List<String> spec) {
        int[] positions = {-1, -1, -1, -1};
        for (int column = 0; column < spec.size(); column++) {
            String role = spec.get(column).trim().toLowerCase(Locale.ROOT);
            if (IGNORED.contains(role)) {
                continue;
            }
            assign(positions, role, column, "column " + (column + 1));
        }
        return build(positions, spec.size());
    }

    private static ColumnMapping parseNamed(List<String> spec, List<String> header) {
        if (header == null) {
            throw new InvalidInputException("--columns role=Name needs a header line (--header)");
        }
        List<String> lowerHeader = new ArrayList<>();
        header.forEach(h -> lowerHeader.add(h.trim().toLowerCase(Locale.ROOT)));
        int[] positions = {-1, -1, -1, -1};
        for (String entry : spec) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new InvalidInputException("Column mapping \"" + Excerpt.of(entry)
                        + "\" mixes styles; use role=Name for every entry, e.g. user=CustomerID");
            }
            String role = parts[0].trim().toLowerCase(Locale.ROOT);
            String name = parts[1].trim();
            int column = lowerHeader.indexOf(name.toLowerCase(Locale.ROOT));
            if (column < 0) {
                throw new ContentMismatch("column \"" + Excerpt.of(name) + "\" of --columns is not in the header ("
                        + Excerpt.of(String.join(",", header)) + ")");
            }
            int again = lowerHeader.lastIndexOf(name.toLowerCase(Locale.ROOT));
            if (again != column) {
                throw new ContentMismatch("the header names column \"" + Excerpt.of(name) + "\" twice (columns "
                        + (column + 1) + " and " + (again + 1) + "); expected a unique name for each role of"
                        + " --columns (or give the roles by position, without --header names)");
            }
            assign(positions, role, column, "column \"" + Excerpt.of(header.get(column).trim()) + "\"");
        }
        return build(positions, header.size());
    }

    /** @param columnName how messages name the column: {@code column 3} or {@code column "CustomerID"} */
    private static void assign(int[] positions, String role, int column, String columnName) {
        int slot = ROLES.indexOf(role);
        if (slot < 0) {
            throw new InvalidInputException("Unknown column role \"" + Excerpt.of(role)
                    + "\"; expected user, item, rating, timestamp or _ (ignored)");
        }
        if (positions[slot] >= 0) {
            throw new InvalidInputException("Column role \"" + role + "\" is given twice in --columns");
        }
        for (int other = 0; other < positions.length; other++) {
            if (positions[other] == column) {
                throw new InvalidInputException("--columns gives " + columnName + " two roles, " + ROLES.get(other)
                        + " and " + role + "; expected one role per column");
            }
        }
        positions[slot] = column;
    }

    private static ColumnMapping build(int[] positions, int width) {
        if (positions[0] < 0 || positions[1] < 0) {
            throw new InvalidInputException("--columns must name a user and an item column");
        }
        return new ColumnMapping(positions[0], positions[1], positions[2], positions[3], width);
    }
}
