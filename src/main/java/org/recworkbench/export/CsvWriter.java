package org.recworkbench.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they contain a comma, quote or line
 * break, quotes doubled. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
 * get a leading apostrophe. Numbers use a dot and no exponent.
 */
public final class CsvWriter {

    private final Writer out;
    private boolean lineStart = true;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public CsvWriter text(String value) {
        return raw(quote(neutralise(value == null ? "" : value)));
    }

    public CsvWriter number(double value) {
        return raw(format(value));
    }

    public CsvWriter number(long value) {
        return raw(Long.toString(value));
    }

    public void endRow() {
        try {
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lineStart = true;
    }

    public void row(String... cells) {
        for (String c : cells) {
            text(c);
        }
        endRow();
    }

    private CsvWriter raw(String cell) {
        try {
            if (!lineStart) {
                out.write(',');
            }
            out.write(cell);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lineStart = false;
        return this;
    }

    /** Prefixes an apostrophe to text a spreadsheet would evaluate (CSV/formula injection). */
    static String neutralise(String s) {
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + s;
            }
        }
        return s;
    }

    static String quote(String s) {
        boolean needs = false;
        for (int k = 0; k < s.length() && !needs; k++) {
            char c = s.charAt(k);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Shortest round-trip decimal of a float-precision value; empty for NaN. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
