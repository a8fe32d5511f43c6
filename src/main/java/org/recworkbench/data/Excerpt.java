package org.recworkbench.data;

/**
 * Input quoted in a message: at most {@link #MAX} characters (code points), then "… (N more characters)", with
 * control characters shown as escapes ({@code \n}, {@code \u001B}) so that they never reach the terminal.
 */
public final class Excerpt {

    public static final int MAX = 200;

    private Excerpt() {
    }

    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        int total = text.codePointCount(0, text.length());
        StringBuilder s = new StringBuilder(Math.min(text.length(), MAX * 2) + 32);
        int kept = 0;
        for (int i = 0; i < text.length() && kept < MAX; kept++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            appendVisible(s, c);
        }
        if (total > MAX) {
            s.append("… (").append(total - MAX).append(" more characters)");
        }
        return s.toString();
    }

    /** One character as it can be shown: control characters and line separators become escapes. */
    public static String visible(int codePoint) {
        StringBuilder s = new StringBuilder(6);
        appendVisible(s, codePoint);
        return s.toString();
    }

    private static void appendVisible(StringBuilder s, int c) {
        switch (c) {
            case '\n' -> s.append("\\n");
            case '\r' -> s.append("\\r");
            case '\t' -> s.append("\\t");
            default -> {
                if (isControl(c)) {
                    s.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
                } else {
                    s.appendCodePoint(c);
                }
            }
        }
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
    public static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
