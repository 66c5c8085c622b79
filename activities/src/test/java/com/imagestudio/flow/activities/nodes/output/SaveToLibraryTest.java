package com.imagestudio.flow.activities.nodes.output;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SaveToLibraryTest {

    @TempDir
    Path blobs;

    private final SaveToLibrary save = new SaveToLibrary();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void passesItsInputThroughUntouched() {
        BlobRef image = nodes.stored(TestImages.quadrantsPng(30, 20)).withDimensions(30, 20);
        PortValue input = PortValue.media(PortType.IMAGE, image);

        NodeOutputs outputs = save.execute(nodes.inputs(Map.of("image", input)),
                TestNodes.params(save, Map.of("name", "hero shot")));

        NodeOutputs.Output output = outputs.asMap().get("image");
        assertThat(output.value()).isEqualTo(input);
        assertThat(output.image()).as("nothing decoded").isNull();
        assertThat(output.encoded()).as("nothing re-encoded").isNull();
        assertThat(nodes.bytesOf(output.value().blob())).isEqualTo(nodes.bytesOf(image));
    }

    @Test
    void isAnOutputNodeNamedOutputByDefault() {
        assertThat(save.schema().has(NodeFlag.OUTPUT)).isTrue();
        assertThat(save.params(save.schema().checkParams(Map.of()).values()).name()).isEqualTo("output");
    }

    @Test
    void imageOutputsAreAutoTaggedUnlessTurnedOffAndTextsAndVideosHaveNoSuchParameter() {
        assertThat(save.schema().checkParams(Map.of()).values().bool("autoTags")).isTrue();
        assertThat(save.schema().checkParams(Map.of("autoTags", false)).values().bool("autoTags")).isFalse();
        assertThat(new SaveImagesToLibrary().schema().checkParams(Map.of()).values().bool("autoTags")).isTrue();
        assertThat(new SaveTextToLibrary().schema().checkParams(Map.of()).values().has("autoTags")).isFalse();
        assertThat(new SaveVideoToLibrary().schema().checkParams(Map.of()).values().has("autoTags")).isFalse();
    }

    @Test
    void refusesANameThatLooksLikeAPath() {
        assertThat(save.schema().checkParams(Map.of("name", "../../outside")).problems())
                .containsExactly("parameter 'name' has an invalid format: \"../../outside\"");
    }
}
