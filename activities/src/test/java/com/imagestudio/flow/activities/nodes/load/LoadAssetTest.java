package com.imagestudio.flow.activities.nodes.load;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadAssetTest {

    private static final String ASSET = "asset-0b6f3a52-6f1e-4c1a-9d55-8d2f5a9e0c11";

    @TempDir
    Path blobs;

    private final LoadAsset load = new LoadAsset();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void passesOnTheImageTheAssetWasResolvedTo() {
        byte[] png = TestImages.quadrantsPng(64, 48);
        BlobRef stored = nodes.stored(png);

        PortValue out = load.execute(nodes.inputs(Map.of()),
                TestNodes.params(load, Map.of("asset", ASSET, "blob", stored.hash()))).asMap().get("image").value();

        assertThat(out.blob()).isEqualTo(new BlobRef(stored.hash(), "image/png", png.length, 64, 48));
    }

    @Test
    void refusesAnAssetTheStudioDidNotResolve() {
        assertThatThrownBy(() -> load.execute(nodes.inputs(Map.of()), TestNodes.params(load, Map.of("asset", ASSET))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("asset " + ASSET + " was not resolved to its image");
    }

    @Test
    void schemaRequiresAnAssetIdAndNoPath() {
        assertThat(load.schema().checkParams(Map.of()).problems()).containsExactly("parameter 'asset' is required");
        assertThat(load.schema().checkParams(Map.of("asset", "../x")).isValid()).isFalse();
    }
}
