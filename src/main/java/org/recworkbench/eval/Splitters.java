package org.recworkbench.eval;

import org.recworkbench.data.Dataset;

import java.util.Locale;
import java.util.SplittableRandom;

/** Parses split specifications and holds what the splitters share. */
public final class Splitters {

    /** The forms {@link #parse} accepts, for help texts and error messages. */
    public static final String FORMS = "holdout:F, user-holdout:F, given:N, kfold:K, temporal:F, leave-last:N, "
            + "leave-one-out (F a fraction in (0, 1), N and K whole numbers), any of them followed by /validation:F "
            + "to measure on a part of the training data instead of the test";

    private Splitters() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms when {@code spec} is not one of them
     */
    public static Splitter parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int mark = s.indexOf(ValidationSplit.MARK);
        if (mark >= 0) {
            String fraction = s.substring(mark + ValidationSplit.MARK.length());
            if (fraction.startsWith(ValidationSplit.DATASET)) {
                throw new IllegalArgumentException("split '" + spec + "': a validation dataset is given by name, "
                        + "with --validation-dataset");
            }
            try {
                return new ValidationSplit(parse(s.substring(0, mark)), number(fraction, 0.1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("split '" + spec + "': the validation part: " + e.getMessage(), e);
            }
        }
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1);
        try {
            return switch (name) {
                case "holdout" -> new RandomHoldout(number(arg, 0.2));
                case "user-holdout" -> new PerUserSplit(PerUserSplit.Kind.FRACTION, number(arg, 0.2));
                case "given" -> new PerUserSplit(PerUserSplit.Kind.GIVEN, number(arg, Double.NaN));
                case "kfold" -> new KFold(whole(arg, 5));
                case "temporal" -> new TemporalSplit(number(arg, 0.2));
                case "leave-last" -> new PerUserSplit(PerUserSplit.Kind.LAST, number(arg, 1));
                case "leave-one-out" -> {
                    if (arg != null) {
                        throw new IllegalArgumentException("leave-one-out takes no argument");
                    }
                    yield new PerUserSplit(PerUserSplit.Kind.ONE_OUT, 1);
                }
                default -> throw new IllegalArgumentException("unknown split '" + spec + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("split '" + spec + "': " + e.getMessage() + "; expected one of "
                    + FORMS, e);
        }
    }

    /**
     * A stored run's split: {@code test-dataset:NAME} and {@code validation:dataset:NAME} load that dataset through
     * {@code testDatasets}, anything else is {@link #parse}d.
     */
    public static Splitter resolve(String spec, java.util.function.Function<String, Dataset> testDatasets) {
        String prefix = "test-dataset:";
        int mark = spec.indexOf(ValidationSplit.MARK);
        if (mark >= 0) {
            Splitter outer = resolve(spec.substring(0, mark), testDatasets);
            String part = spec.substring(mark + ValidationSplit.MARK.length());
            return part.startsWith(ValidationSplit.DATASET)
                    ? ValidationSplit.given(outer, testDatasets.apply(part.substring(ValidationSplit.DATASET.length())))
                    : new ValidationSplit(outer, number(part, 0.1));
        }
        return spec.startsWith(prefix) ? new GivenTestSet(testDatasets.apply(spec.substring(prefix.length())))
                : parse(spec);
    }

    private static double number(String arg, double fallback) {
        if (arg == null || arg.isEmpty()) {
            if (Double.isNaN(fallback)) {
                throw new IllegalArgumentException("a number is required");
            }
            return fallback;
        }
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + arg + "' is not a number");
        }
    }

    private static int whole(String arg, int fallback) {
        double v = number(arg, fallback);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("'" + arg + "' is not a whole number");
        }
        return (int) v;
    }

    static void checkFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1 (exclusive), not "
                    + format(fraction));
        }
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A uniformly random permutation of 0 … n − 1 (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        return order;
    }
}
