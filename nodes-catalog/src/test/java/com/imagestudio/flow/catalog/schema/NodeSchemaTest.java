package com.imagestudio.flow.catalog.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSchemaTest {

    private final NodeSchema blur = TestNodes.BLUR.schema();

    @ParameterizedTest
    @ValueSource(strings = {"blur", "gaussian_blur", "Gaussian-Blur", "Gaussian Blur", "Flou\u00e9", "1Blur", ""})
    void rejectsAnIdThatIsNotAsciiPascalCase(String id) {
        assertThatThrownBy(() -> NodeSchema.builder(id, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PascalCase");
    }

    @Test
    void acceptsAPascalCaseIdWithDigits() {
        assertThat(NodeSchema.builder("Upscale4x", 1).build().id()).isEqualTo("Upscale4x");
    }

    @Test
    void rejectsVersionZero() {
        assertThatThrownBy(() -> NodeSchema.builder("Blur", 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node version starts at 1: Blur");
    }

    @Test
    void usesTheIdAsDisplayNameUnlessToldOtherwise() {
        assertThat(NodeSchema.builder("Blur", 1).build().displayName()).isEqualTo("Blur");
    }

    @Test
    void findsItsPortsAndParamsByName() {
        assertThat(blur.input("image")).map(Port::type).contains(PortType.IMAGE);
        assertThat(blur.output("image")).isPresent();
        assertThat(blur.param("radius")).map(ParamSpec::type).contains(ParamType.INTEGER);
        assertThat(blur.input("mask")).isEmpty();
    }

    @Test
    void saysWhichFlagsItHas() {
        NodeSchema save = TestNodes.SAVE.schema();

        assertThat(save.has(NodeFlag.OUTPUT)).isTrue();
        assertThat(save.has(NodeFlag.PAID)).isFalse();
    }

    @Test
    void isNotChangedByLaterChangesToTheListsItWasBuiltWith() {
        List<Port> inputs = new java.util.ArrayList<>(List.of(Port.required("image", PortType.IMAGE, "")));
        NodeSchema schema = new NodeSchema("Blur", 1, "Blur", "Filter", "", List.of(), inputs, List.of(), List.of(),
                Set.of(), NodeKind.LOCAL, CostFunction.free());

        inputs.clear();

        assertThat(schema.inputs()).hasSize(1);
    }

    @Test
    void fillsDefaultsForParamsNotGiven() {
        NodeSchema.ParamCheck check = blur.checkParams(Map.of());

        assertThat(check.isValid()).isTrue();
        assertThat(check.values().asMap()).isEqualTo(Map.of("mode", "gaussian", "radius", 5));
    }

    @Test
    void keepsGivenValuesInTheirCanonicalType() {
        NodeSchema.ParamCheck check = blur.checkParams(Map.of("radius", 12.0, "mode", "box"));

        assertThat(check.values().asMap()).containsEntry("radius", 12).containsEntry("mode", "box");
        assertThat(check.values().asMap().get("radius")).isInstanceOf(Integer.class);
    }

    @Test
    void fillsADefaultInTheCanonicalTypeOfItsParam() {
        NodeSchema schema = NodeSchema.builder("Sharpen", 1)
                .param(ParamSpec.number("amount", "").between(0, 2).withDefault(1))
                .build();

        NodeSchema.ParamCheck check = schema.checkParams(Map.of());

        // a number given as 1 is stored as 1.0, so a defaulted value must be too: they share a cache key
        assertThat(check.values()).isEqualTo(schema.checkParams(Map.of("amount", 1)).values());
        assertThat(check.values().asMap().get("amount")).isInstanceOf(Double.class);
    }

    @Test
    void acceptsNullAsNoParams() {
        assertThat(blur.checkParams(null).isValid()).isTrue();
    }

    @Test
    void listsEveryUnknownParam() {
        NodeSchema.ParamCheck check = blur.checkParams(Map.of("sigma", 2, "radius", 3));

        assertThat(check.problems()).containsExactly("unknown parameter 'sigma'");
    }

    @Test
    void namesTheParamAndItsProblem() {
        NodeSchema.ParamCheck check = blur.checkParams(Map.of("radius", 500));

        assertThat(check.problems()).containsExactly("parameter 'radius' must be between 1 and 100, got 500");
    }

    @Test
    void listsAllProblemsAtOnce() {
        NodeSchema.ParamCheck check = blur.checkParams(Map.of("radius", 0.5, "mode", "motion", "sigma", 1));

        assertThat(check.problems()).hasSize(3);
    }

    @Test
    void treatsAnExplicitNullAsNotGiven() {
        Map<String, Object> params = new HashMap<>();
        params.put("radius", null);

        NodeSchema.ParamCheck check = blur.checkParams(params);

        assertThat(check.values().integer("radius")).isEqualTo(5);
    }

    @Test
    void requiresAMandatoryParamWithoutDefault() {
        NodeSchema caption = TestNodes.CAPTION.schema();

        NodeSchema.ParamCheck check = caption.checkParams(Map.of());

        assertThat(check.problems()).containsExactly("parameter 'content' is required");
    }

    @Test
    void letsAMandatoryParamBeMissingWhenItIsBoundLater() {
        NodeSchema caption = TestNodes.CAPTION.schema();

        NodeSchema.ParamCheck check = caption.checkParams(Map.of(), Set.of("content"));

        assertThat(check.isValid()).isTrue();
        assertThat(check.values().has("content")).isFalse();
    }

    @Test
    void leavesOutAnOptionalParamWithoutDefault() {
        NodeSchema schema = NodeSchema.builder("Load", 1).param(ParamSpec.string("url", "")).build();

        NodeSchema.ParamCheck check = schema.checkParams(Map.of());

        assertThat(check.isValid()).isTrue();
        assertThat(check.values().asMap()).isEmpty();
    }
}
