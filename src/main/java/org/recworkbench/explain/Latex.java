package org.recworkbench.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.IntFunction;

/** Number formatting and small LaTeX helpers shared by every derivation. */
public final class Latex {

    private Latex() {
    }

    /**
     * A number as a derivation shows it: integers without decimals, otherwise at most five decimals with trailing
     * zeros dropped, very small magnitudes in scientific notation; always a dot as the decimal separator.
     */
    public static String num(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\\infty" : "-\\infty";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        String text = BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A number in parentheses when negative, for substitution after an operator: {@code 3 - (-2)}. */
    public static String term(double value) {
        return value < 0 ? "(" + num(value) + ")" : num(value);
    }

    /**
     * {@code a + b - c}, the terms produced by {@code term} (a term starting with a minus sign is subtracted), or
     * "0" for none; long sums are elided in the middle.
     */
    public static String sum(int count, IntFunction<String> term) {
        if (count == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        int shown = count <= 12 ? count : 10;
        for (int k = 0; k < shown; k++) {
            appendSigned(s, term.apply(k), k == 0);
        }
        if (shown < count) {
            s.append(" + \\cdots");
            appendSigned(s, term.apply(count - 1), false);
        }
        return s.toString();
    }

    private static void appendSigned(StringBuilder s, String term, boolean first) {
        if (first) {
            s.append(term);
        } else if (term.startsWith("-")) {
            s.append(" - ").append(term.substring(1));
        } else {
            s.append(" + ").append(term);
        }
    }

    /** {@code a, b, c}, long lists elided in the middle; empty for none. */
    public static String list(int count, IntFunction<String> item) {
        StringBuilder s = new StringBuilder();
        int shown = count <= 12 ? count : 10;
        for (int k = 0; k < shown; k++) {
            s.append(k == 0 ? "" : ", ").append(item.apply(k));
        }
        if (shown < count) {
            s.append(", \\ldots, ").append(item.apply(count - 1));
        }
        return s.toString();
    }

    /** Rough LaTeX to plain text, enough for the terminal. */
    public static String toPlain(String latex) {
        String braces = latex.replace("\\leftarrow", "←").replace("\\{", "\u0001").replace("\\}", "\u0002");
        return braces.replace("\\frac{", "(").replace("}{", ")/(").replace("\\sqrt{", "sqrt(")
                .replace("\\cdots", "…").replace("\\ldots", "…")
                .replace("\\lVert", "‖").replace("\\rVert", "‖").replace("\\cdot", "·").replace("\\sum", "Σ")
                .replace("\\lambda", "λ").replace("\\tilde", "~").replace("\\ln", "ln").replace("\\notin", "∉")
                .replace("\\alpha", "α").replace("\\beta", "β").replace("\\mu", "μ").replace("\\sigma", "σ")
                .replace("\\gamma", "γ").replace("\\eta", "η").replace("\\theta", "θ").replace("\\partial", "∂")
                .replace("\\bar", "mean").replace("\\hat", "").replace("\\left", "").replace("\\right", "")
                .replace("\\Rightarrow", "⇒").replace("\\approx", "≈").replace("\\neq", "≠")
                .replace("\\leq", "≤").replace("\\geq", "≥").replace("\\le ", "≤ ").replace("\\ge ", "≥ ")
                .replace("\\cap", "∩").replace("\\cup", "∪").replace("\\quad", "  ").replace("\\;", " ")
                .replace("\\times", "×").replace("\\infty", "∞").replace("\\in", "∈").replace("\\max", "max")
                .replace("\\min", "min").replace("\\log", "log").replace("\\lvert", "|").replace("\\rvert", "|")
                .replace("\\,", " ").replace("\\text{", "(").replace("\\mathrm{", "(").replace("\\", "")
                .replace("{", "(").replace("}", ")").replace('\u0001', '{').replace('\u0002', '}');
    }
}
