package com.imagestudio.flow.catalog.graph;

import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderAvailability;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import com.imagestudio.flow.catalog.schema.TestNodes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.imagestudio.flow.catalog.graph.TestGraphs.graph;
import static org.assertj.core.api.Assertions.assertThat;

class ProviderValidationTest {

    /** A generator whose "provider" parameter is "auto" (Stability or Gemini) or one provider by name. */
    private static final NodeDefinition GENERATE = () -> NodeSchema.builder("Generate", 1)
            .output(Port.required("image", PortType.IMAGE, "the generated image"))
            .param(ParamSpec.string("provider", "auto, stability or gemini").withDefault("auto"))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(params -> params.string("provider").equals("auto")
                    ? EnumSet.of(Provider.STABILITY, Provider.GEMINI)
                    : EnumSet.of(Provider.valueOf(params.string("provider").toUpperCase())))
            .build();

    private static NodeCatalog catalog() {
        List<NodeDefinition> definitions = new ArrayList<>(List.of(TestNodes.values()));
        definitions.add(GENERATE);
        return NodeCatalog.of(definitions);
    }

    private static Graph generateAndSave(String provider) {
        return graph().node("gen", "Generate", Map.of("provider", provider)).node("save", "Save")
                .edge("gen.image", "save.image").build();
    }

    @Test
    void aChosenProviderWithoutKeyIsReportedWithTheVariableToSet() {
        var validator = new GraphValidator(catalog(), ProviderAvailability.of(Set.of(Provider.GEMINI)));

        ValidationResult result = validator.validate(generateAndSave("stability"));

        assertThat(result.problems()).containsExactly(new GraphProblem("gen", ProblemCode.PROVIDER_NOT_CONFIGURED,
                "Generate: Stability AI is not configured: set STABILITY_API_KEY"));
    }

    @Test
    void automaticSelectionIsValidWhenAnyOfItsProvidersHasAKey() {
        var validator = new GraphValidator(catalog(), ProviderAvailability.of(Set.of(Provider.GEMINI)));

        assertThat(validator.validate(generateAndSave("auto")).isValid()).isTrue();
    }

    @Test
    void automaticSelectionWithNoKeyAtAllNamesEveryVariable() {
        var validator = new GraphValidator(catalog(), ProviderAvailability.none());

        ValidationResult result = validator.validate(generateAndSave("auto"));

        assertThat(result.problems()).extracting(GraphProblem::message).containsExactly(
                "Generate: no provider for this node is configured (Stability AI, Google Gemini): "
                        + "set one of STABILITY_API_KEY, GEMINI_API_KEY");
    }

    @Test
    void theValidatorWithoutAvailabilityDoesNotCheckKeys() {
        assertThat(new GraphValidator(catalog()).validate(generateAndSave("stability")).isValid()).isTrue();
    }

    @Test
    void nodesWithoutProvidersAreNeverReported() {
        var validator = new GraphValidator(catalog(), ProviderAvailability.none());

        assertThat(validator.validate(TestGraphs.sourceBlurSave().build()).isValid()).isTrue();
    }
}
