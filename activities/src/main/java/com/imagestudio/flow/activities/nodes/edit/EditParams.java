package com.imagestudio.flow.activities.nodes.edit;

import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.schema.ParamSpec;

/** What the Stability edit nodes share: the seed parameter and turning the answer into the image output. */
final class EditParams {

    private EditParams() {
    }

    static ParamSpec seed() {
        return ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                .between(0, Integer.MAX_VALUE).withDefault(0);
    }

    static NodeOutputs result(byte[] image) {
        return NodeOutputs.create().encoded("image", ProviderMedia.image(Provider.STABILITY, image));
    }
}
