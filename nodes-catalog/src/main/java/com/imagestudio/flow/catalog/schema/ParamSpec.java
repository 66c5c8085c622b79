package com.imagestudio.flow.catalog.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed parameter of a node: the single source for the editor's form, the JSON Schema of the
 * REST catalog and validation. Built with the static factories and the {@code with...} methods,
 * each of which returns a new spec.
 */
public record ParamSpec(
        String name,
        ParamType type,
        String description,
        Object defaultValue,
        Double min,
        Double max,
        List<Choice> choices,
        String pattern,
        boolean required) {

    private static final String COLOR_PATTERN = "^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$";

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParamSpec integer(String name, String description) {
        return new ParamSpec(name, ParamType.INTEGER, description, null, null, null, null, null, false);
    }

    public static ParamSpec number(String name, String description) {
        return new ParamSpec(name, ParamType.NUMBER, description, null, null, null, null, null, false);
    }

    public static ParamSpec bool(String name, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, description, false, null, null, null, null, false);
    }

    public static ParamSpec string(String name, String description) {
        return new ParamSpec(name, ParamType.STRING, description, null, null, null, null, null, false);
    }

    public static ParamSpec color(String name, String description) {
        return new ParamSpec(name, ParamType.COLOR, description, null, null, null, null, COLOR_PATTERN, false);
    }

    public static <E extends Enum<E> & ChoiceEnum> ParamSpec choice(String name, String description, Class<E> choices) {
        List<Choice> list = Arrays.stream(choices.getEnumConstants())
                .map(c -> new Choice(ChoiceEnum.wireValue(c), c.label(), c.description()))
                .toList();
        return new ParamSpec(name, ParamType.ENUM, description, null, null, null, list, null, false);
    }

    public ParamSpec between(double min, double max) {
        return new ParamSpec(name, type, description, defaultValue, min, max, choices, pattern, required);
    }

    public ParamSpec withDefault(Object value) {
        Object normalised = value instanceof Enum<?> e ? ChoiceEnum.wireValue(e) : value;
        return new ParamSpec(name, type, description, normalised, min, max, choices, pattern, required);
    }

    public ParamSpec matching(String regex) {
        return new ParamSpec(name, type, description, defaultValue, min, max, choices, regex, required);
    }

    /** A value must be given (in the graph or as a run input); there is no sensible default. */
    public ParamSpec mandatory() {
        return new ParamSpec(name, type, description, defaultValue, min, max, choices, pattern, true);
    }

    /**
     * Checks a value given for this parameter and returns it in its canonical Java type
     * (Integer, Double, Boolean or String), or the reason it is refused.
     */
    public Checked check(Object value) {
        if (value == null) {
            return Checked.refused("is null");
        }
        return switch (type) {
            case INTEGER -> checkInteger(value);
            case NUMBER -> checkNumber(value);
            case BOOLEAN -> value instanceof Boolean b ? Checked.ok(b) : Checked.refused("must be true or false, got " + describe(value));
            case STRING, COLOR -> checkString(value);
            case ENUM -> checkChoice(value);
        };
    }

    private Checked checkInteger(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Double.isInfinite(n.doubleValue())) {
            return Checked.refused("must be a whole number, got " + describe(value));
        }
        if (n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
            return Checked.refused("must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    + ", got " + describe(value));
        }
        return inRange(n.doubleValue()).orElseGet(() -> Checked.ok((int) n.longValue()));
    }

    private Checked checkNumber(Object value) {
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            return Checked.refused("must be a number, got " + describe(value));
        }
        return inRange(n.doubleValue()).orElseGet(() -> Checked.ok(n.doubleValue()));
    }

    private Optional<Checked> inRange(double v) {
        if ((min != null && v < min) || (max != null && v > max)) {
            return Optional.of(Checked.refused("must be between " + format(min) + " and " + format(max)
                    + ", got " + format(v)));
        }
        return Optional.empty();
    }

    private Checked checkString(Object value) {
        if (!(value instanceof String s)) {
            return Checked.refused("must be a string, got " + describe(value));
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(s).matches()) {
            return Checked.refused(type == ParamType.COLOR
                    ? "must be a colour like #ff8800, got \"" + s + "\""
                    : "has an invalid format: \"" + s + "\"");
        }
        return Checked.ok(s);
    }

    private Checked checkChoice(Object value) {
        if (value instanceof String s && choices.stream().anyMatch(c -> c.value().equals(s))) {
            return Checked.ok(s);
        }
        return Checked.refused("must be one of " + choices.stream().map(Choice::value).toList()
                + ", got " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String format(Double d) {
        if (d == null) {
            return "unbounded";
        }
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    /** The outcome of {@link #check}: a canonical value, or a reason. */
    public record Checked(Object value, String problem) {
        static Checked ok(Object value) {
            return new Checked(value, null);
        }

        static Checked refused(String problem) {
            return new Checked(null, problem);
        }

        public boolean isValid() {
            return problem == null;
        }
    }
}
