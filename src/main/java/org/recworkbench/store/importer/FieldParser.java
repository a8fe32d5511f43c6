package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.RatingMatrix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses and checks single fields, turning every problem into a located {@link ImportException}. */
final class FieldParser {

    static final int MAX_ID_LENGTH = 255;
    /** Epoch seconds above this are most likely milliseconds. */
    private static final long LARGEST_PLAUSIBLE_SECONDS = 99_999_999_999L;

    private FieldParser() {
    }

    static String id(DelimitedReader in, int index, String role) {
        String value = in.field(index);
        if (value.isEmpty()) {
            throw in.error(index + 1, role + " is empty; expected an id");
        }
        return checkIdLength(in, index, role, value);
    }

    static String checkIdLength(DelimitedReader in, int index, String role, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw in.error(index + 1, role + " is " + value.length() + " characters long; ids may have at most "
                    + MAX_ID_LENGTH);
        }
        return value;
    }

    /** A finite decimal number (sign, digits, one point, exponent); rejects "4,5", "NaN", "Infinity", "4f". */
    static float number(DelimitedReader in, int index, String role, RatingScale scale) {
        String text = in.field(index);
        if (!isPlainDecimal(text)) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf")) {
                throw in.error(index + 1, role + " \"" + Excerpt.of(text) + "\" is not a finite number");
            }
            throw in.error(index + 1, role + " \"" + Excerpt.of(text) + "\" is not a number; expected a decimal such as 4 or 3.5");
        }
        float value = Float.parseFloat(text);
        if (!Float.isFinite(value)) {
            throw in.error(index + 1, role + " \"" + Excerpt.of(text) + "\" is not a finite number");
        }
        if (scale != null && !scale.contains(value)) {
            throw in.error(index + 1, role + " " + Excerpt.of(text) + " is outside the scale " + scale);
        }
        return value;
    }

    static boolean isPlainDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** A whole number; used for quantities. */
    static long integer(DelimitedReader in, int index, String role) {
        String text = in.field(index);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw in.error(index + 1, role + " \"" + Excerpt.of(text) + "\" is not a whole number");
        }
    }

    /**
     * Epoch seconds, or an ISO-8601 date ({@code 2010-12-01}), local date-time ({@code 2010-12-01T08:26:00},
     * a space instead of T accepted, read as UTC) or instant with offset ({@code 2010-12-01T08:26:00Z}).
     * An empty field gives {@link RatingMatrix#NO_TIMESTAMP}.
     */
    static int timestamp(DelimitedReader in, int index) {
        String text = in.field(index);
        if (text.isEmpty()) {
            return RatingMatrix.NO_TIMESTAMP;
        }
        long seconds;
        if (isDigits(text)) {
            seconds = parseSecondsOrFail(in, index, text);
        } else {
            seconds = parseIsoOrFail(in, index, text);
        }
        if (seconds <= Integer.MIN_VALUE || seconds > Integer.MAX_VALUE) {
            throw in.error(index + 1, "timestamp \"" + Excerpt.of(text) + "\" is outside 1901-12-13..2038-01-19");
        }
        return (int) seconds;
    }

    private static long parseSecondsOrFail(DelimitedReader in, int index, String text) {
        try {
            long value = Long.parseLong(text);
            if (Math.abs(value) > LARGEST_PLAUSIBLE_SECONDS) {
                throw in.error(index + 1, "timestamp " + Excerpt.of(text)
                        + " is too large for epoch seconds (is it in milliseconds?)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw in.error(index + 1, "timestamp \"" + Excerpt.of(text) + "\" is too large");
        }
    }

    private static long parseIsoOrFail(DelimitedReader in, int index, String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso).getEpochSecond();
            } catch (DateTimeParseException again) {
                throw in.error(index + 1, "timestamp \"" + Excerpt.of(text)
                        + "\" is neither epoch seconds nor an ISO-8601 date or date-time (e.g. 2010-12-01T08:26:00)");
            }
        }
    }

    private static boolean isDigits(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
