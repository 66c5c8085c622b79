package com.imagestudio.flow.activities.nodes.edit;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.stability.StabilityClient;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderRequirement;
import com.imagestudio.flow.catalog.reference.ProviderCosts;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.time.Duration;

/** Finds an object by description and replaces or recolours it, no mask needed (Stability AI). */
@AutoService(NodeDefinition.class)
public final class StabilitySearchEdit implements StudioNode<StabilitySearchEdit.Params> {

    public record Params(SearchMode mode, String search, String prompt, String negativePrompt, int growMask, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilitySearchEdit", 1)
            .displayName("Search and replace / recolour (Stability AI)")
            .category("Edit")
            .description("Describe an object to find; replace it with something else or recolour it.")
            .aliases("search and replace", "search and recolor", "swap object", "change colour")
            .input(Port.required("image", PortType.IMAGE, "The image to edit"))
            .output(Port.required("image", PortType.IMAGE, "The edited image"))
            .param(ParamSpec.choice("mode", "Replace or recolour", SearchMode.class).withDefault(SearchMode.REPLACE))
            .param(ParamSpec.string("search", "What to find, in a few words (\"the red car\")").mandatory())
            .param(ParamSpec.string("prompt", "What it becomes (\"a blue bicycle\", \"bright yellow\")").mandatory())
            .param(ParamSpec.string("negative_prompt", "What not to paint").withDefault(""))
            .param(ParamSpec.integer("grow_mask", "Grow the found area's edges by this many pixels").between(0, 20).withDefault(3))
            .param(EditParams.seed())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(p -> ProviderCosts.credits(p.choice("mode", SearchMode.class).costKey()))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("mode", SearchMode.class), values.string("search"), values.string("prompt"),
                values.string("negative_prompt"), values.integer("grow_mask"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        StabilityClient.Form form = StabilityClient.Form.to(params.mode().path())
                .file("image", ProviderMedia.upload("image", inputs.image("image")))
                .field("prompt", params.prompt())
                .field(params.mode().searchField(), params.search())
                .field("negative_prompt", params.negativePrompt())
                .field("grow_mask", params.growMask())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        return EditParams.result(inputs.providers().stability().image(form, Duration.ofSeconds(90)));
    }
}
