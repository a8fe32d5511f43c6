package org.recworkbench.exercise;

import org.recworkbench.data.InvalidInputException;

/**
 * When a student's value counts as right: within {@code absolute} of the expected value, or within
 * {@code relative} of its magnitude, whichever is larger. The default, 0.005 absolute or 0.5 % relative, accepts a
 * value rounded to two decimals (0.6547 typed as 0.65) and large values rounded to three significant digits.
 */
public record Tolerance(double absolute, double relative) {

    public static final Tolerance DEFAULT = new Tolerance(0.005, 0.005);

    public Tolerance {
        if (!(absolute >= 0) || Double.isInfinite(absolute)) {
            throw new InvalidInputException("tolerance must be a number ≥ 0; got " + absolute);
        }
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new InvalidInputException("relative tolerance must be a number ≥ 0; got " + relative);
        }
    }

    /** A teacher's absolute tolerance with the default relative one. */
    public static Tolerance absolute(double absolute) {
        return new Tolerance(absolute, DEFAULT.relative());
    }

    public boolean accepts(double expected, double given) {
        if (Double.isNaN(given) || Double.isInfinite(given)) {
            return false;
        }
        double allowed = Math.max(absolute, relative * Math.abs(expected));
        // a hair of floating-point slack, so 0.655 against 0.65 with 0.005 is right as the teacher meant
        return Math.abs(given - expected) <= allowed + 1e-12;
    }
}
