package com.imagestudio.flow.catalog.schema;

import java.util.Objects;

/** A named, typed input or output of a node. */
public record Port(String name, PortType type, boolean required, String description) {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    public static Port required(String name, PortType type, String description) {
        return new Port(name, type, true, description);
    }

    public static Port optional(String name, PortType type, String description) {
        return new Port(name, type, false, description);
    }
}
