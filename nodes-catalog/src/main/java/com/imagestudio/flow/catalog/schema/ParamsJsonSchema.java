package com.imagestudio.flow.catalog.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schema (draft 2020-12) of a node's parameters, for API clients and the editor's forms. */
public final class ParamsJsonSchema {

    private ParamsJsonSchema() {
    }

    public static Map<String, Object> of(NodeSchema schema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ParamSpec spec : schema.params()) {
            properties.put(spec.name(), property(spec));
            if (spec.required()) {
                required.add(spec.name());
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.put("title", schema.displayName());
        json.put("type", "object");
        json.put("properties", properties);
        json.put("required", required);
        json.put("additionalProperties", false);
        return json;
    }

    private static Map<String, Object> property(ParamSpec spec) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", switch (spec.type()) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case STRING, COLOR, ENUM -> "string";
        });
        if (spec.type() == ParamType.COLOR) {
            p.put("format", "color");
        }
        if (!spec.description().isEmpty()) {
            p.put("description", spec.description());
        }
        if (spec.defaultValue() != null) {
            p.put("default", spec.defaultValue());
        }
        if (spec.min() != null) {
            p.put("minimum", spec.type() == ParamType.INTEGER ? (Object) spec.min().longValue() : spec.min());
        }
        if (spec.max() != null) {
            p.put("maximum", spec.type() == ParamType.INTEGER ? (Object) spec.max().longValue() : spec.max());
        }
        if (spec.pattern() != null) {
            p.put("pattern", spec.pattern());
        }
        if (!spec.choices().isEmpty()) {
            p.put("oneOf", spec.choices().stream().map(c -> {
                Map<String, Object> option = new LinkedHashMap<>();
                option.put("const", c.value());
                option.put("title", c.label());
                option.put("description", c.description());
                return option;
            }).toList());
        }
        return p;
    }
}
