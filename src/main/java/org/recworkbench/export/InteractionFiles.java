package org.recworkbench.export;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes interactions in one of the {@link ExportFormat}s, and the files that map the integer indices of the
 * spark, mm and libsvm formats back to external ids. Indices are the dataset's own dense indices (0-based for spark,
 * plus one for mm and libsvm), so every part of a split shares one mapping and one matrix shape.
 */
public final class InteractionFiles {

    private InteractionFiles() {
    }

    /**
     * Writes {@code part} (a matrix over {@code data}'s indices: the whole dataset or one part of a split).
     * Timestamps are written when {@code data} has any, so all parts of a split have the same columns.
     *
     * @param comment one line for formats that have comments (mm), e.g. the dataset, part and seed
     */
    public static void write(ExportFormat format, Dataset data, RatingMatrix part, String comment, Writer out)
            throws IOException {
        boolean times = data.ratings().hasTimestamps();
        switch (format) {
            case CSV -> delimited(data, part, "user,item,rating" + (times ? ",timestamp" : ""), times, true, out);
            case SURPRISE -> {
                checkPlainIds(data.users(), "user");
                checkPlainIds(data.items(), "item");
                delimited(data, part, null, times, true, out);
            }
            case SPARK -> delimited(data, part, "userId,itemId,rating" + (times ? ",timestamp" : ""), times, false,
                    out);
            case MM -> matrixMarket(part, comment, out);
            case LIBSVM -> libsvm(part, out);
            case RECBOLE -> recbole(data, part, times, out);
        }
    }

    /** users.csv: the index a data file uses for each user, and the user's external id. */
    public static void users(ExportFormat format, Dataset data, Writer out) throws IOException {
        mapping(format == ExportFormat.SPARK ? "userId" : format == ExportFormat.MM ? "row" : "line", "user",
                data.users(), format == ExportFormat.SPARK ? 0 : 1, out);
    }

    /** items.csv: the index a data file uses for each item, and the item's external id. */
    public static void items(ExportFormat format, Dataset data, Writer out) throws IOException {
        mapping(format == ExportFormat.SPARK ? "itemId" : format == ExportFormat.MM ? "col" : "index", "item",
                data.items(), format == ExportFormat.SPARK ? 0 : 1, out);
    }

    private static void mapping(String indexName, String idName, IdIndex ids, int base, Writer out)
            throws IOException {
        out.write(indexName + "," + idName + "\n");
        for (int k = 0; k < ids.size(); k++) {
            out.write(Integer.toString(k + base));
            out.write(',');
            out.write(quote(ids.id(k)));
            out.write('\n');
        }
    }

    private static void delimited(Dataset data, RatingMatrix part, String header, boolean times, boolean externalIds,
                                  Writer out) throws IOException {
        if (header != null) {
            out.write(header);
            out.write('\n');
        }
        for (int u = 0; u < part.userCount(); u++) {
            String user = externalIds ? quote(data.users().id(u)) : Integer.toString(u);
            for (int p = part.rowStart(u), end = p + part.rowLength(u); p < end; p++) {
                int item = part.rowItem(p);
                out.write(user);
                out.write(',');
                out.write(externalIds ? quote(data.items().id(item)) : Integer.toString(item));
                out.write(',');
                out.write(value(part.rowValue(p)));
                if (times) {
                    out.write(',');
                    int t = part.rowTimestamp(p);
                    if (t != RatingMatrix.NO_TIMESTAMP) {
                        out.write(Integer.toString(t));
                    }
                }
                out.write('\n');
            }
        }
    }

    private static void matrixMarket(RatingMatrix part, String comment, Writer out) throws IOException {
        out.write("%%MatrixMarket matrix coordinate real general\n");
        if (comment != null && !comment.isBlank()) {
            out.write("% " + comment.replaceAll("[\\r\\n]+", " ") + "\n");
        }
        out.write(part.userCount() + " " + part.itemCount() + " " + part.size() + "\n");
        for (int u = 0; u < part.userCount(); u++) {
            for (int p = part.rowStart(u), end = p + part.rowLength(u); p < end; p++) {
                out.write((u + 1) + " " + (part.rowItem(p) + 1) + " " + value(part.rowValue(p)) + "\n");
            }
        }
    }

    private static void libsvm(RatingMatrix part, Writer out) throws IOException {
        for (int u = 0; u < part.userCount(); u++) {
            out.write('0');
            for (int p = part.rowStart(u), end = p + part.rowLength(u); p < end; p++) {
                out.write(' ');
                out.write(Integer.toString(part.rowItem(p) + 1));
                out.write(':');
                out.write(value(part.rowValue(p)));
            }
            out.write('\n');
        }
    }

    private static void recbole(Dataset data, RatingMatrix part, boolean times, Writer out) throws IOException {
        checkRecBoleIds(data.users(), "user");
        checkRecBoleIds(data.items(), "item");
        out.write("user_id:token\titem_id:token\trating:float" + (times ? "\ttimestamp:float" : "") + "\n");
        for (int u = 0; u < part.userCount(); u++) {
            for (int p = part.rowStart(u), end = p + part.rowLength(u); p < end; p++) {
                out.write(data.users().id(u));
                out.write('\t');
                out.write(data.items().id(part.rowItem(p)));
                out.write('\t');
                out.write(value(part.rowValue(p)));
                if (times) {
                    out.write('\t');
                    int t = part.rowTimestamp(p);
                    if (t != RatingMatrix.NO_TIMESTAMP) {
                        out.write(Integer.toString(t));
                    }
                }
                out.write('\n');
            }
        }
    }

    /** RecBole splits lines at tabs and knows no quoting. */
    private static void checkRecBoleIds(IdIndex ids, String what) {
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.id(k);
            if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw new InvalidInputException("--format recbole: the " + what + " id \""
                        + org.recworkbench.data.Excerpt.of(id) + "\" contains a tab or line break, which RecBole "
                        + "cannot read; use --format spark (integer ids) or csv");
            }
        }
    }

    /** Surprise splits lines at every comma and knows no quoting: such ids cannot be written for it. */
    private static void checkPlainIds(IdIndex ids, String what) {
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.id(k);
            if (id.indexOf(',') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw new InvalidInputException("--format surprise: the " + what + " id \""
                        + org.recworkbench.data.Excerpt.of(id) + "\" contains a comma or line break, which Surprise "
                        + "cannot read; use --format spark (integer ids) or csv");
            }
        }
    }

    /** RFC 4180: quoted when the text holds a comma, quote or line break; written verbatim otherwise. */
    static String quote(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    /** The shortest decimal that reads back as the same float, with a dot and no exponent: 4, 3.5, 0.1. */
    public static String value(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9f) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }
}
