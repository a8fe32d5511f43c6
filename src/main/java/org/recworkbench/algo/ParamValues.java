package org.recworkbench.algo;

import org.recworkbench.data.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Validated values for every parameter of one algorithm, in declaration order: the untyped form that sliders, CLI
 * flags, sweeps and stored runs exchange. Each algorithm binds it to its own typed {@link Params} record.
 */
public final class ParamValues {

    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private ParamValues(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = List.copyOf(specs);
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every parameter at its default. */
    public static ParamValues defaults(List<ParamSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            values.put(spec.name(), spec.validate(spec.defaultValue()));
        }
        return new ParamValues(specs, values);
    }

    /**
     * Defaults overridden by {@code name=value} assignments, as given to the CLI's {@code -p}.
     *
     * @throws InvalidInputException for an unknown name (listing the known ones) or an invalid value
     */
    public static ParamValues parse(List<ParamSpec> specs, List<String> assignments) {
        ParamValues result = defaults(specs);
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("Parameters are given as name=value; got \"" + assignment + "\"");
            }
            String name = assignment.substring(0, eq).strip();
            result = result.with(name, result.spec(name).parse(assignment.substring(eq + 1)));
        }
        return result;
    }

    /**
     * The values held by a typed parameter record: each spec {@code lambda-user} is read from the record component
     * {@code lambdaUser}; enum constants become their lower-case, hyphenated names ({@code MEAN_CENTRE} →
     * {@code mean-centre}).
     */
    public static ParamValues fromRecord(List<ParamSpec> specs, Record params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = component(params, camelCase(spec.name()));
            if (value instanceof Enum<?> e) {
                value = e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
            values.put(spec.name(), spec.validate(value));
        }
        return new ParamValues(specs, values);
    }

    private static Object component(Record params, String name) {
        for (java.lang.reflect.RecordComponent c : params.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(params);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + params, e);
                }
            }
        }
        throw new IllegalArgumentException(params.getClass().getSimpleName() + " has no component " + name);
    }

    private static String camelCase(String kebab) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    /** A copy with one value replaced (validated). */
    public ParamValues with(String name, Object value) {
        ParamSpec spec = spec(name);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, spec.validate(value));
        return new ParamValues(specs, copy);
    }

    public ParamSpec spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown parameter \"" + name + "\""
                        + (specs.isEmpty() ? "; this algorithm has no parameters"
                        : "; expected one of " + specs.stream().map(ParamSpec::name)
                        .collect(Collectors.joining(", ")))));
    }

    public List<ParamSpec> specs() {
        return specs;
    }

    /** Name to value, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    public int getInt(String name) {
        return (Integer) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public String getChoice(String name) {
        return (String) require(name);
    }

    public boolean getFlag(String name) {
        return (Boolean) require(name);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return value;
    }

    /** True when every parameter that differs from {@code other} may change without a refit. */
    public boolean differsOnlyInRescoreParams(ParamValues other) {
        for (ParamSpec spec : specs) {
            if (!Objects.equals(values.get(spec.name()), other.values.get(spec.name())) && !spec.rescoreOnly()) {
                return false;
            }
        }
        return true;
    }

    /** {@code k=30;similarity=cosine}: compact, stable, as written in CSV exports. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d
                        ? org.recworkbench.explain.Latex.num(d) : e.getValue()))
                .collect(Collectors.joining(";"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
