package com.imagestudio.flow.activities.nodes.create;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.reference.CreateStudioParams;
import com.imagestudio.flow.catalog.reference.PlatformTemplate;
import com.imagestudio.flow.catalog.reference.PlatformTemplates;
import com.imagestudio.flow.catalog.reference.PromptExpander;
import com.imagestudio.flow.catalog.reference.StylePreset;
import com.imagestudio.flow.catalog.reference.StylePresets;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.Optional;

/**
 * Enhances a prompt locally and deterministically: adds the style preset's wording, the
 * template's composition hint and quality words, each once. No model, no cost.
 */
@AutoService(NodeDefinition.class)
public final class EnhancePrompt implements StudioNode<EnhancePrompt.Params> {

    public record Params(String prompt, Optional<StylePreset> style, Optional<PlatformTemplate> template) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("EnhancePrompt", 1)
            .displayName("Enhance prompt")
            .category("Create")
            .description("Expand a prompt with a style preset's wording, a template's composition hint and "
                    + "quality words; gives the negative prompt of the style too.")
            .aliases("prompt", "expand", "improve prompt")
            .input(Port.optional("prompt", PortType.TEXT, "A prompt from another node (overrides the parameter)"))
            .output(Port.required("prompt", PortType.TEXT, "The enhanced prompt"))
            .output(Port.required("negative_prompt", PortType.TEXT, "What the style avoids"))
            .param(ParamSpec.string("prompt", "The prompt to enhance").withDefault(""))
            .param(CreateStudioParams.style("style", "A style preset"))
            .param(CreateStudioParams.template("template", "A publishing format", CreateStudioParams.NONE))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), StylePresets.find(values.string("style")),
                PlatformTemplates.find(values.string("template")));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        String prompt = inputs.has("prompt") ? inputs.text("prompt") : params.prompt();
        PromptExpander.Expanded out = PromptExpander.expand(prompt, params.style().orElse(null), params.template().orElse(null));
        return NodeOutputs.create().value("prompt", PortValue.text(out.prompt()))
                .value("negative_prompt", PortValue.text(out.negativePrompt()));
    }
}
