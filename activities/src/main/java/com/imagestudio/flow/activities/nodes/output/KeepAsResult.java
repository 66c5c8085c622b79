package com.imagestudio.flow.activities.nodes.output;

import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/**
 * What every output node does: pass the value on its one port through untouched. The engine
 * records the outputs of output nodes as results of the run, and as assets, under their name;
 * images also get the library's automatic tags unless {@code autoTags} is off.
 */
abstract class KeepAsResult implements StudioNode<SaveToLibrary.Params> {

    private final NodeSchema schema;
    private final String port;

    /**
     * @param what how the port's value is called in sentences ("image", "video")
     */
    KeepAsResult(String id, String displayName, String description, PortType type, String port, String what,
                 String... aliases) {
        this.port = port;
        NodeSchema.Builder builder = NodeSchema.builder(id, 1)
                .displayName(displayName)
                .category("Output")
                .description(description)
                .aliases(aliases)
                .input(Port.required(port, type, "The " + what + " to keep"))
                .output(Port.required(port, type, "The kept " + what))
                .param(SaveToLibrary.NAME)
                .flags(NodeFlag.OUTPUT);
        if (type == PortType.IMAGE || type == PortType.IMAGE_LIST) {
            builder.param(SaveToLibrary.AUTO_TAGS);
        }
        this.schema = builder.build();
    }

    @Override
    public final NodeSchema schema() {
        return schema;
    }

    @Override
    public final SaveToLibrary.Params params(ParamValues values) {
        return new SaveToLibrary.Params(values.string("name"));
    }

    @Override
    public final NodeOutputs execute(NodeInputs inputs, SaveToLibrary.Params params) {
        return NodeOutputs.create().value(port, inputs.value(port));
    }
}
