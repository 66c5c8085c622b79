package com.imagestudio.flow.catalog.schema;

import com.imagestudio.flow.catalog.provider.ProviderRequirement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about a node type without running it: the palette, the forms, validation,
 * the REST catalog and the cost estimator all read this one object.
 */
public record NodeSchema(
        String id,
        int version,
        String displayName,
        String category,
        String description,
        List<String> aliases,
        List<Port> inputs,
        List<Port> outputs,
        List<ParamSpec> params,
        Set<NodeFlag> flags,
        NodeKind kind,
        CostFunction cost,
        ProviderRequirement providers) {

    public NodeSchema {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("node id must be ASCII PascalCase: " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("node version starts at 1: " + id);
        }
        aliases = List.copyOf(aliases);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = List.copyOf(params);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(providers, "providers");
    }

    /** A node that calls no provider. */
    public NodeSchema(String id, int version, String displayName, String category, String description,
                      List<String> aliases, List<Port> inputs, List<Port> outputs, List<ParamSpec> params,
                      Set<NodeFlag> flags, NodeKind kind, CostFunction cost) {
        this(id, version, displayName, category, description, aliases, inputs, outputs, params, flags, kind, cost,
                ProviderRequirement.none());
    }

    public static Builder builder(String id, int version) {
        return new Builder(id, version);
    }

    public boolean has(NodeFlag flag) {
        return flags.contains(flag);
    }

    public Optional<Port> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Port> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Checks raw parameter values (as parsed from JSON) against this schema: unknown names,
     * types, ranges, choices and mandatory values. Defaults fill what is not given.
     */
    public ParamCheck checkParams(Map<String, ?> raw) {
        return checkParams(raw, Set.of());
    }

    /**
     * As {@link #checkParams(Map)}, but the named parameters may be missing even when mandatory:
     * they are bound to workflow inputs whose values come when a run starts.
     */
    public ParamCheck checkParams(Map<String, ?> raw, Set<String> boundLater) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        List<String> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (param(name).isEmpty()) {
                problems.add("unknown parameter '" + name + "'");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : params) {
            Object value = given.get(spec.name());
            if (value == null) {
                if (spec.defaultValue() != null) {
                    // in the same canonical type as a given value (a NUMBER default of 1 is 1.0)
                    ParamSpec.Checked canonical = spec.check(spec.defaultValue());
                    values.put(spec.name(), canonical.isValid() ? canonical.value() : spec.defaultValue());
                } else if (spec.required() && !boundLater.contains(spec.name())) {
                    problems.add("parameter '" + spec.name() + "' is required");
                }
                continue;
            }
            ParamSpec.Checked checked = spec.check(value);
            if (checked.isValid()) {
                values.put(spec.name(), checked.value());
            } else {
                problems.add("parameter '" + spec.name() + "' " + checked.problem());
            }
        }
        return new ParamCheck(ParamValues.ofChecked(values), problems);
    }

    /** Parameters in canonical form, and what was wrong with them (empty when valid). */
    public record ParamCheck(ParamValues values, List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    public static final class Builder {
        private final String id;
        private final int version;
        private String displayName;
        private String category = "Other";
        private String description = "";
        private final List<String> aliases = new ArrayList<>();
        private final List<Port> inputs = new ArrayList<>();
        private final List<Port> outputs = new ArrayList<>();
        private final List<ParamSpec> params = new ArrayList<>();
        private final Set<NodeFlag> flags = EnumSet.noneOf(NodeFlag.class);
        private NodeKind kind = NodeKind.LOCAL;
        private CostFunction cost = CostFunction.free();
        private ProviderRequirement providers = ProviderRequirement.none();

        private Builder(String id, int version) {
            this.id = id;
            this.version = version;
            this.displayName = id;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder aliases(String... aliases) {
            this.aliases.addAll(List.of(aliases));
            return this;
        }

        public Builder input(Port port) {
            inputs.add(port);
            return this;
        }

        public Builder output(Port port) {
            outputs.add(port);
            return this;
        }

        public Builder param(ParamSpec spec) {
            params.add(spec);
            return this;
        }

        public Builder flags(NodeFlag... flags) {
            this.flags.addAll(List.of(flags));
            return this;
        }

        public Builder kind(NodeKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder cost(CostFunction cost) {
            this.cost = cost;
            return this;
        }

        /** The providers the node calls; validation reports a node whose providers have no key. */
        public Builder providers(ProviderRequirement providers) {
            this.providers = providers;
            return this;
        }

        public NodeSchema build() {
            return new NodeSchema(id, version, displayName, category, description, aliases, inputs, outputs,
                    params, flags, kind, cost, providers);
        }
    }
}
