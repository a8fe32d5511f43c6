package org.recworkbench.eval;

import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamType;
import org.recworkbench.data.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One parameter's values in a sweep: a list ({@code k=5,10,20,40}), a linear range of N points
 * ({@code alpha=0..1:11}) or a logarithmic one ({@code lambda=0.001..10:log5}). Each value is validated by the
 * parameter's spec; whole-number parameters are rounded and repeats dropped.
 */
public record SweepAxis(String name, List<Object> values) {

    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new InvalidInputException("sweep axis " + name + " has no values");
        }
    }

    /** Whether {@code value} (the part after {@code =}) describes more than one value. */
    public static boolean isAxis(String value) {
        return value.contains(",") || value.contains("..");
    }

    /**
     * Refuses an axis over a component's parameter ({@code cf.k}) beside an axis over the component itself
     * ({@code cf}): another component algorithm has other parameters.
     */
    public static void checkNotInsideAxis(String name, java.util.Collection<String> axisNames) {
        for (String other : axisNames) {
            if (name.startsWith(other + ".")) {
                throw new InvalidInputException("cannot sweep " + name + " while also sweeping " + other
                        + " (another " + other + " has other parameters): fix " + other + " with -p " + other
                        + "=ID, or sweep " + other + " alone");
            }
        }
    }

    public static SweepAxis parse(ParamSpec spec, String text) {
        String t = text.strip();
        List<String> raw = new ArrayList<>();
        int range = t.indexOf("..");
        if (range >= 0) {
            int colon = t.indexOf(':', range);
            if (colon < 0) {
                throw new InvalidInputException(spec.name() + "=" + text + ": a range needs a point count, e.g. "
                        + "0..1:11 (linear) or 0.001..10:log5");
            }
            double lo = number(spec, t.substring(0, range));
            double hi = number(spec, t.substring(range + 2, colon));
            String count = t.substring(colon + 1).toLowerCase(Locale.ROOT);
            boolean log = count.startsWith("log");
            int n = (int) number(spec, log ? count.substring(3) : count);
            if (n < 2 || n > 1000) {
                throw new InvalidInputException(spec.name() + "=" + text + ": between 2 and 1000 points");
            }
            if (log && (lo <= 0 || hi <= 0)) {
                throw new InvalidInputException(spec.name() + "=" + text + ": a log range needs positive ends");
            }
            for (int k = 0; k < n; k++) {
                double f = (double) k / (n - 1);
                // the ends are exactly lo and hi (exp(log(hi)) can land just above hi, outside the parameter's range)
                double v = k == 0 ? lo : k == n - 1 ? hi
                        : log ? Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo))) : lo + f * (hi - lo);
                raw.add(spec.type() == ParamType.INTEGER ? Long.toString(Math.round(v)) : Double.toString(v));
            }
        } else {
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    raw.add(part.strip());
                }
            }
        }
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        for (String r : raw) {
            values.add(spec.parse(r));
        }
        return new SweepAxis(spec.name(), new ArrayList<>(values));
    }

    private static double number(ParamSpec spec, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(spec.name() + ": '" + text + "' is not a number");
        }
    }
}
