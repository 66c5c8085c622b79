package com.imagestudio.flow.activities.nodes.load;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Brings many uploaded or stored images into a graph as one list, in the order given: a folder
 * to process in one run. Each image is checked as {@link LoadImage} checks it, and its bytes pass
 * on untouched. A node that takes one image and is fed this list runs once per image.
 */
@AutoService(NodeDefinition.class)
public final class LoadImages implements StudioNode<LoadImages.Params> {

    /** Enough for a folder of photos; the list travels in every activity that takes it. */
    public static final int MAX_IMAGES = 1000;

    public record Params(List<String> blobs) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("LoadImages", 1)
            .displayName("Load images")
            .category("Input")
            .description("Several uploaded or stored images, by their SHA-256 separated by commas, as one list. "
                    + "Bind it to a workflow input to give a folder or many uploads to one run; the nodes after it "
                    + "that take one image then run once per image.")
            .aliases("folder", "batch", "uploads", "many images", "images input")
            .param(ParamSpec.string("blobs", "SHA-256 of each stored image, separated by commas")
                    .matching("[0-9a-f]{64}(,[0-9a-f]{64})*").mandatory())
            .output(Port.required("images", PortType.IMAGE_LIST, "The images, in the order given"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(List.of(values.string("blobs").split(",")));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        List<String> hashes = params.blobs();
        if (hashes.size() > MAX_IMAGES) {
            throw new BadInputException(hashes.size() + " images given; one run takes at most " + MAX_IMAGES
                    + ": split them over several runs");
        }
        // each check reads the start of a file: they run in parallel, once per distinct image
        Map<String, Checked> checked = hashes.stream().distinct().toList().parallelStream()
                .collect(Collectors.toMap(hash -> hash, hash -> check(inputs, hash)));
        List<BlobRef> images = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            Checked image = checked.get(hashes.get(i));
            if (image.refusal() != null) {
                throw new BadInputException("image " + (i + 1) + " of " + hashes.size() + " (" + hashes.get(i) + "): "
                        + image.refusal().getMessage(), image.refusal());
            }
            images.add(image.ref());
        }
        return NodeOutputs.create().value("images", PortValue.imageList(images));
    }

    /** An image checked: its reference, or why it is refused. */
    private record Checked(BlobRef ref, BadInputException refusal) {
    }

    private static Checked check(NodeInputs inputs, String hash) {
        try {
            return new Checked(inputs.storedImage(hash).checkedRef(), null);
        } catch (BadInputException e) {
            return new Checked(null, e);
        }
    }
}
