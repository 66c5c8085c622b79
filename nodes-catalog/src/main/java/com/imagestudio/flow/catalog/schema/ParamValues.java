package com.imagestudio.flow.catalog.schema;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checked parameters of one node, defaults filled in, in canonical types. Sorted by name so
 * that its string form is canonical (it is part of the node cache key).
 */
public final class ParamValues {

    private final Map<String, Object> values;

    private ParamValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Only for values already checked against their specs; see {@code NodeSchema#checkParams}. */
    public static ParamValues ofChecked(Map<String, Object> values) {
        return new ParamValues(values);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String string(String name) {
        return (String) require(name);
    }

    public String stringOr(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : (String) v;
    }

    public <E extends Enum<E> & ChoiceEnum> E choice(String name, Class<E> type) {
        return Enum.valueOf(type, string(name).toUpperCase(Locale.ROOT));
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
