package org.recworkbench.store.importer;

import org.recworkbench.data.Excerpt;
import org.recworkbench.data.InvalidInputException;

/** The allowed closed range of rating values, as given with {@code --scale MIN..MAX}. */
public record RatingScale(float min, float max) {

    public RatingScale {
        if (!(min <= max) || !Float.isFinite(min) || !Float.isFinite(max)) {
            throw new InvalidInputException("Invalid rating scale " + min + ".." + max
                    + "; expected MIN..MAX with finite MIN <= MAX");
        }
    }

    public static RatingScale parse(String text) {
        String[] parts = text.trim().split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new InvalidInputException("Invalid scale \"" + Excerpt.of(text) + "\"; expected MIN..MAX, for example 1..5");
        }
        try {
            return new RatingScale(Float.parseFloat(parts[0].trim()), Float.parseFloat(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Invalid scale \"" + Excerpt.of(text) + "\"; expected MIN..MAX, for example 1..5");
        }
    }

    public boolean contains(float value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return format(min) + ".." + format(max);
    }

    private static String format(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
