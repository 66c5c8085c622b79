package com.imagestudio.flow.catalog.schema;

/**
 * What the catalog discovers: anything that declares a node schema. Implementations register
 * themselves for {@link java.util.ServiceLoader} (in this project with {@code @AutoService}), so
 * adding a node is adding one class.
 */
public interface NodeDefinition {
    NodeSchema schema();
}
