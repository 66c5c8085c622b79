package com.imagestudio.flow.catalog.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParamsJsonSchemaTest {

    @Test
    void describesAnObjectThatAllowsNoOtherProperties() {
        Map<String, Object> json = ParamsJsonSchema.of(TestNodes.BLUR.schema());

        assertThat(json)
                .containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
                .containsEntry("title", "Blur")
                .containsEntry("type", "object")
                .containsEntry("additionalProperties", false);
    }

    @Test
    void describesAnIntegerWithWholeBoundsAndItsDefault() {
        Map<String, Object> radius = property(TestNodes.BLUR.schema(), "radius");

        assertThat(radius).containsExactlyEntriesOf(orderedMap(
                "type", "integer",
                "description", "blur radius in pixels",
                "default", 5,
                "minimum", 1L,
                "maximum", 100L));
    }

    @Test
    void describesANumberWithFractionalBounds() {
        Map<String, Object> strength = property(TestNodes.UPSCALE.schema(), "strength");

        assertThat(strength)
                .containsEntry("type", "number")
                .containsEntry("minimum", 0.0)
                .containsEntry("maximum", 1.0)
                .containsEntry("default", 0.5);
    }

    @Test
    void describesABoolean() {
        assertThat(property(TestNodes.RESIZE_V2.schema(), "keepAspect"))
                .containsEntry("type", "boolean")
                .containsEntry("default", true);
    }

    @Test
    void describesAnEnumAsAStringWithOneConstPerChoice() {
        Map<String, Object> mode = property(TestNodes.BLUR.schema(), "mode");

        assertThat(mode).containsEntry("type", "string").containsEntry("default", "gaussian");
        assertThat(mode.get("oneOf")).isEqualTo(List.of(
                Map.of("const", "gaussian", "title", "Gaussian", "description", "Smooth, weighted by distance"),
                Map.of("const", "box", "title", "Box", "description", "Flat average of the neighbourhood")));
    }

    @Test
    void describesAColourAsAFormattedStringWithItsPattern() {
        Map<String, Object> background = property(TestNodes.APPLY_MASK.schema(), "background");

        assertThat(background)
                .containsEntry("type", "string")
                .containsEntry("format", "color")
                .containsEntry("pattern", "^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")
                .containsEntry("default", "#000000");
    }

    @Test
    void describesAStringWithItsPattern() {
        assertThat(property(TestNodes.SAVE.schema(), "name"))
                .containsEntry("type", "string")
                .containsEntry("pattern", "[a-z0-9-]{1,40}");
    }

    @Test
    void listsMandatoryParamsAsRequired() {
        assertThat(ParamsJsonSchema.of(TestNodes.CAPTION.schema())).containsEntry("required", List.of("content"));
    }

    @Test
    void hasAnEmptyRequiredListWhenNothingIsMandatory() {
        assertThat(ParamsJsonSchema.of(TestNodes.BLUR.schema())).containsEntry("required", List.of());
    }

    @Test
    void leavesOutWhatAParamDoesNotDeclare() {
        Map<String, Object> content = property(TestNodes.CAPTION.schema(), "content");

        assertThat(content).containsOnlyKeys("type", "description");
    }

    @Test
    void listsThePropertiesInDeclarationOrder() {
        Map<String, Object> properties = properties(TestNodes.UPSCALE.schema());

        assertThat(properties.keySet()).containsExactly("factor", "strength");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(NodeSchema schema) {
        return (Map<String, Object>) ParamsJsonSchema.of(schema).get("properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(NodeSchema schema, String name) {
        return (Map<String, Object>) properties(schema).get(name);
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
