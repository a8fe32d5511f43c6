package org.recworkbench.algo;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Latex;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of an algorithm, declared once: it builds the slider, validates the CLI's {@code -p name=value},
 * names a sweep axis and a stored run's JSON key.
 *
 * @param rescoreOnly true when changing the value does not require refitting: the model can re-score with the
 *                    new value at once (kNN's {@code k}, a hybrid's {@code alpha}); this is what keeps sliders live
 * @param component   true for a choice among algorithm ids whose model is part of this one (a hybrid's
 *                    {@code cf}): the chosen algorithm's parameters join this algorithm's under the prefix
 *                    {@code name.} ({@code cf.k}); see {@link ParamValues}
 */
public record ParamSpec(String name, String label, String description, ParamType type, double min, double max,
                        Object defaultValue, double step, boolean logScale, List<String> choices,
                        boolean rescoreOnly, boolean component) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (component && type != ParamType.CHOICE) {
            throw new IllegalArgumentException(name + ": a component is a choice of algorithm ids");
        }
        if (logScale && min <= 0) {
            throw new IllegalArgumentException(name + ": a log-scale parameter needs a positive minimum");
        }
    }

    public static ParamSpec integer(String name, String label, String description, int min, int max,
                                    int defaultValue) {
        return new ParamSpec(name, label, description, ParamType.INTEGER, min, max, defaultValue, 1, false,
                List.of(), false, false);
    }

    public static ParamSpec real(String name, String label, String description, double min, double max,
                                 double defaultValue, double step) {
        return new ParamSpec(name, label, description, ParamType.REAL, min, max, defaultValue, step, false,
                List.of(), false, false);
    }

    public static ParamSpec choice(String name, String label, String description, List<String> choices,
                                   String defaultValue) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not a choice");
        }
        return new ParamSpec(name, label, description, ParamType.CHOICE, 0, choices.size() - 1, defaultValue, 1,
                false, choices, false, false);
    }

    public static ParamSpec flag(String name, String label, String description, boolean defaultValue) {
        return new ParamSpec(name, label, description, ParamType.FLAG, 0, 1, defaultValue, 1, false, List.of(),
                false, false);
    }

    public ParamSpec withLogScale() {
        return new ParamSpec(name, label, description, type, min, max, defaultValue, step, true, choices,
                rescoreOnly, component);
    }

    public ParamSpec withRescoreOnly() {
        return new ParamSpec(name, label, description, type, min, max, defaultValue, step, logScale, choices, true,
                component);
    }

    /**
     * A choice among algorithm ids whose fitted model becomes part of this algorithm's; the chosen algorithm's
     * parameters are set as {@code name.param}.
     */
    public static ParamSpec component(String name, String label, String description, List<String> algorithmIds,
                                      String defaultId) {
        ParamSpec choice = choice(name, label, description, algorithmIds, defaultId);
        return new ParamSpec(name, label, description, ParamType.CHOICE, choice.min, choice.max, defaultId, 1, false,
                algorithmIds, false, true);
    }

    /**
     * This parameter as one of a component's: named {@code prefix.name}, labelled and described as belonging to
     * {@code owner} ("First component (item-knn)").
     */
    ParamSpec nestedIn(String prefix, String owner) {
        return new ParamSpec(prefix + "." + name, label, description + " — of " + owner, type, min, max,
                defaultValue, step, logScale, choices, rescoreOnly, component);
    }

    /** Parses a value as typed on the command line or in a text field, then validates it. */
    public Object parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return switch (type) {
                case INTEGER -> validate(Integer.parseInt(t));
                case REAL -> validate(Double.parseDouble(t));
                case FLAG -> validate(parseFlag(t));
                case CHOICE -> validate(t.toLowerCase(Locale.ROOT));
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be " + allowed() + "; got \"" + t + "\"");
        }
    }

    private Boolean parseFlag(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new NumberFormatException(t);
        };
    }

    /**
     * Checks a value's type and range and returns it in its canonical Java type (Integer, Double, String,
     * Boolean).
     *
     * @throws InvalidInputException naming the parameter and the allowed range
     */
    public Object validate(Object value) {
        switch (type) {
            case INTEGER -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && n.doubleValue() >= min && n.doubleValue() <= max) {
                    return n.intValue();
                }
            }
            case REAL -> {
                if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= min
                        && n.doubleValue() <= max) {
                    return n.doubleValue();
                }
            }
            case FLAG -> {
                if (value instanceof Boolean b) {
                    return b;
                }
            }
            case CHOICE -> {
                if (value instanceof String s && choices.contains(s)) {
                    return s;
                }
            }
        }
        throw new InvalidInputException(name + " must be " + allowed() + "; got " + value);
    }

    /** "an integer in [1, 200]", "one of cosine, pearson", as used in messages and help texts. */
    public String allowed() {
        return switch (type) {
            case INTEGER -> "an integer in [" + Latex.num(min) + ", " + Latex.num(max) + "]";
            case REAL -> "a number in [" + Latex.num(min) + ", " + Latex.num(max) + "]";
            case FLAG -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }
}
