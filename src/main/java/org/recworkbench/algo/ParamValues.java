package org.recworkbench.algo;

import org.recworkbench.data.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Validated values for every parameter of one algorithm, in declaration order: the untyped form that sliders, CLI
 * flags, sweeps and stored runs exchange. Each algorithm binds it to its own typed {@link Params} record.
 *
 * <p>A {@linkplain ParamSpec#component() component} parameter (a hybrid's {@code cf}) chooses another algorithm; that
 * algorithm's parameters then belong to this set under the component's prefix ({@code cf.k}, {@code cf.similarity};
 * nested components nest further: {@code base.cf.k}). {@link #specs()} and {@link #asMap()} list them flat, right
 * after their component, so the CLI, the parameter panel, sweeps and stored runs treat them like any other.
 * Choosing another algorithm for a component resets its parameters to that algorithm's defaults.
 */
public final class ParamValues {

    private final List<ParamSpec> own;
    private final Map<String, Object> ownValues;
    /** Per component parameter, the values of the algorithm it chooses. */
    private final Map<String, ParamValues> components;
    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private ParamValues(List<ParamSpec> own, Map<String, Object> ownValues, Map<String, ParamValues> components) {
        this.own = List.copyOf(own);
        this.ownValues = Collections.unmodifiableMap(ownValues);
        this.components = Collections.unmodifiableMap(components);
        List<ParamSpec> flatSpecs = new ArrayList<>();
        Map<String, Object> flat = new LinkedHashMap<>();
        for (ParamSpec spec : own) {
            flatSpecs.add(spec);
            flat.put(spec.name(), ownValues.get(spec.name()));
            ParamValues nested = components.get(spec.name());
            if (nested != null) {
                String owner = spec.label() + " (" + ownValues.get(spec.name()) + ")";
                for (ParamSpec inner : nested.specs) {
                    flatSpecs.add(inner.nestedIn(spec.name(), owner));
                    flat.put(spec.name() + "." + inner.name(), nested.values.get(inner.name()));
                }
            }
        }
        this.specs = List.copyOf(flatSpecs);
        this.values = Collections.unmodifiableMap(flat);
    }

    /** Every parameter at its default (a component's chosen algorithm at its defaults too). */
    public static ParamValues defaults(List<ParamSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, ParamValues> components = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = spec.validate(spec.defaultValue());
            values.put(spec.name(), value);
            if (spec.component()) {
                components.put(spec.name(), AlgorithmRegistry.require((String) value).defaults());
            }
        }
        return new ParamValues(specs, values, components);
    }

    /**
     * Defaults overridden by {@code name=value} assignments, as given to the CLI's {@code -p}. A component's choice
     * is applied before its parameters, whatever the order given ({@code cf.k=40 cf=user-knn}).
     *
     * @throws InvalidInputException for an unknown name (listing the known ones) or an invalid value
     */
    public static ParamValues parse(List<ParamSpec> specs, List<String> assignments) {
        List<String> byDepth = new ArrayList<>(assignments);
        byDepth.sort(Comparator.comparingInt(ParamValues::depth));
        ParamValues result = defaults(specs);
        for (String assignment : byDepth) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("Parameters are given as name=value; got \"" + assignment + "\"");
            }
            String name = assignment.substring(0, eq).strip();
            result = result.with(name, result.spec(name).parse(assignment.substring(eq + 1)));
        }
        return result;
    }

    /** How many component prefixes the name of an assignment has. */
    private static int depth(String assignment) {
        int eq = assignment.indexOf('=');
        String name = eq < 0 ? assignment : assignment.substring(0, eq);
        return (int) name.chars().filter(c -> c == '.').count();
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
        Map<String, ParamValues> components = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            if (spec.component()) {
                components.put(spec.name(), AlgorithmRegistry.require((String) values.get(spec.name())).defaults());
            }
        }
        return new ParamValues(specs, values, components);
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

    /**
     * A copy with one value replaced (validated); {@code cf.k} sets the parameter {@code k} of component {@code cf}.
     * A component given another algorithm starts from that algorithm's defaults.
     */
    public ParamValues with(String name, Object value) {
        Object valid = spec(name).validate(value);
        if (ownValues.containsKey(name)) {
            Map<String, Object> copy = new LinkedHashMap<>(ownValues);
            copy.put(name, valid);
            Map<String, ParamValues> nested = new LinkedHashMap<>(components);
            if (nested.containsKey(name) && !valid.equals(ownValues.get(name))) {
                nested.put(name, AlgorithmRegistry.require((String) valid).defaults());
            }
            return new ParamValues(own, copy, nested);
        }
        int dot = name.indexOf('.');
        String prefix = name.substring(0, dot);
        Map<String, ParamValues> nested = new LinkedHashMap<>(components);
        nested.put(prefix, components.get(prefix).with(name.substring(dot + 1), valid));
        return new ParamValues(own, ownValues, nested);
    }

    /** The values of the algorithm a component parameter chooses ({@code component("cf")}). */
    public ParamValues component(String name) {
        ParamValues nested = components.get(name);
        if (nested == null) {
            throw new IllegalArgumentException("no component parameter " + name);
        }
        return nested;
    }

    /**
     * A copy whose component {@code name} holds {@code nested}, which must be values of the algorithm the component
     * chooses.
     */
    public ParamValues withComponent(String name, ParamValues nested) {
        ParamValues current = component(name);
        if (!current.own.equals(nested.own)) {
            throw new IllegalArgumentException(name + ": values of another algorithm than " + ownValues.get(name));
        }
        Map<String, ParamValues> copy = new LinkedHashMap<>(components);
        copy.put(name, nested);
        return new ParamValues(own, ownValues, copy);
    }

    /** The parameters the algorithm itself declares, without its components' (for the typed record). */
    public List<ParamSpec> ownSpecs() {
        return own;
    }

    public ParamSpec spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown parameter \"" + name + "\""
                        + (specs.isEmpty() ? "; this algorithm has no parameters"
                        : "; expected one of " + specs.stream().map(ParamSpec::name)
                        .collect(Collectors.joining(", ")))));
    }

    /** Every parameter, components' included under their prefixes, in the order a panel shows them. */
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

    /**
     * True when every parameter that differs from {@code other} may change without a refit (a component that
     * chooses another algorithm never may).
     */
    public boolean differsOnlyInRescoreParams(ParamValues other) {
        if (!values.keySet().equals(other.values.keySet())) {
            return false;
        }
        for (ParamSpec spec : specs) {
            if (!Objects.equals(values.get(spec.name()), other.values.get(spec.name())) && !spec.rescoreOnly()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code cf=item-knn, cf.k=40, alpha=0.7}: the components chosen and every value that differs from its default
     * (numbers as {@link #toString()} writes them); "defaults" when nothing differs and there is no component.
     */
    public String summary() {
        String changed = changed(true);
        return changed.isEmpty() ? "defaults" : changed;
    }

    /**
     * {@code k=40, normalise=z-score}: the values that differ from their defaults, and the components chosen when
     * {@code withComponents}; empty when none.
     */
    public String changed(boolean withComponents) {
        return specs.stream().filter(spec -> (withComponents && spec.component())
                        || !values.get(spec.name()).equals(spec.validate(spec.defaultValue())))
                .map(spec -> spec.name() + "=" + text(values.get(spec.name())))
                .collect(Collectors.joining(", "));
    }

    private static String text(Object value) {
        return value instanceof Double d ? org.recworkbench.explain.Latex.num(d) : String.valueOf(value);
    }

    /** {@code k=30;similarity=cosine}: compact, stable, as written in CSV exports. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
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
