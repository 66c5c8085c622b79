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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The output nodes for image lists, videos and texts keep what they get, untouched, under a checked name. */
class SaveListsVideosAndTextsToLibraryTest {

    @TempDir
    Path blobs;
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void aListOfImagesPassesThroughInItsOrder() {
        SaveImagesToLibrary save = new SaveImagesToLibrary();
        BlobRef first = nodes.stored(TestImages.quadrantsPng(30, 20));
        BlobRef second = nodes.stored(TestImages.quadrantsPng(20, 30));
        PortValue list = PortValue.imageList(List.of(first, second));

        NodeOutputs outputs = save.execute(nodes.inputs(Map.of("images", list)), TestNodes.params(save, Map.of("name", "posts")));

        assertThat(outputs.asMap().get("images").value().list()).containsExactly(first, second);
        assertThat(save.schema().has(NodeFlag.OUTPUT)).isTrue();
    }

    @Test
    void aVideoPassesThroughByteForByte() throws Exception {
        SaveVideoToLibrary save = new SaveVideoToLibrary();
        BlobRef clip = nodes.store().put("not decoded: any bytes".getBytes(StandardCharsets.UTF_8), "video/mp4");
        PortValue video = PortValue.media(PortType.VIDEO, clip);

        NodeOutputs outputs = save.execute(nodes.inputs(Map.of("video", video)), TestNodes.params(save, Map.of()));

        assertThat(outputs.asMap().get("video").value()).isEqualTo(video);
        assertThat(save.schema().has(NodeFlag.OUTPUT)).isTrue();
    }

    @Test
    void aTextPassesThroughAsIs() {
        SaveTextToLibrary save = new SaveTextToLibrary();
        PortValue prompt = PortValue.text("a lighthouse at dusk, cinematic lighting");

        NodeOutputs outputs = save.execute(nodes.inputs(Map.of("text", prompt)), TestNodes.params(save, Map.of("name", "prompt")));

        assertThat(outputs.asMap().get("text").value()).isEqualTo(prompt);
        assertThat(save.schema().inputs()).singleElement().satisfies(port -> assertThat(port.type()).isEqualTo(PortType.TEXT));
        assertThat(save.schema().has(NodeFlag.OUTPUT)).isTrue();
    }

    @Test
    void eachRefusesANameThatLooksLikeAPath() {
        assertThat(new SaveImagesToLibrary().schema().checkParams(Map.of("name", "../x")).isValid()).isFalse();
        assertThat(new SaveVideoToLibrary().schema().checkParams(Map.of("name", "a/b")).isValid()).isFalse();
        assertThat(new SaveTextToLibrary().schema().checkParams(Map.of("name", "..\\x")).isValid()).isFalse();
    }
}
