package com.imagestudio.flow.activities.nodes;

import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every provider node, as discovered: provider kind, paid, non-deterministic, a price, a provider. */
class ProviderNodesCatalogTest {

    private static final List<NodeSchema> PROVIDER_NODES = NodeCatalog.discover().schemas().stream()
            .filter(s -> s.kind() == NodeKind.PROVIDER).toList();

    /** Defaults, with a value for each mandatory parameter. */
    private static Map<String, Object> minimalParams(NodeSchema schema) {
        Map<String, Object> params = new HashMap<>();
        for (ParamSpec spec : schema.params()) {
            if (spec.required() && spec.type() == ParamType.STRING) {
                params.put(spec.name(), "a red fox");
            }
        }
        return params;
    }

    @Test
    void theProviderNodesAreDiscovered() {
        assertThat(PROVIDER_NODES).extracting(NodeSchema::id).contains(
                "StabilityGenerate", "WaveSpeedGenerate", "HuggingFaceGenerate", "GeminiGenerate", "CreateImage",
                "StabilityErase", "StabilityInpaint", "StabilityOutpaint", "StabilitySearchEdit",
                "StabilityRemoveBackground", "StabilityRelight", "GeminiEdit", "StabilityUpscale",
                "StabilityControl", "StabilityStyleTransfer", "WanImageToVideo", "InfiniteTalk", "FaceSwap");
    }

    @Test
    void everyProviderNodeIsPaidNonDeterministicAndPricedAtItsDefaults() {
        assertThat(PROVIDER_NODES).allSatisfy(schema -> {
            assertThat(schema.flags()).as(schema.id()).contains(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC);
            NodeSchema.ParamCheck check = schema.checkParams(minimalParams(schema));
            assertThat(check.problems()).as(schema.id()).isEmpty();
            assertThat(schema.cost().credits(check.values())).as(schema.id() + " cost").isPositive();
            assertThat(schema.providers().anyOf(check.values())).as(schema.id() + " providers").isNotEmpty();
        });
    }

    @Test
    void onlyTheCreateNodeOffersSeveralProviders() {
        assertThat(PROVIDER_NODES).filteredOn(s -> s.providers().anyOf(s.checkParams(minimalParams(s)).values()).size() > 1)
                .extracting(NodeSchema::id).containsExactly("CreateImage");
        NodeSchema create = PROVIDER_NODES.stream().filter(s -> s.id().equals("CreateImage")).findFirst().orElseThrow();
        assertThat(create.providers().anyOf(create.checkParams(Map.of("prompt", "x")).values()))
                .containsExactlyInAnyOrder(Provider.values());
    }
}
