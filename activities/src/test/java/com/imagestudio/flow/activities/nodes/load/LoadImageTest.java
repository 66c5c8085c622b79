package com.imagestudio.flow.activities.nodes.load;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadImageTest {

    private static final String ABSENT = "0".repeat(64);

    @TempDir
    Path blobs;

    private final LoadImage load = new LoadImage();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void passesTheStoredBlobOnWithItsCheckedDimensionsAndMediaType() throws IOException {
        byte[] png = TestImages.quadrantsPng(64, 48);
        BlobRef stored = nodes.store().put(png, "application/octet-stream");

        PortValue out = run(stored.hash());

        assertThat(out.type()).isEqualTo(PortType.IMAGE);
        assertThat(out.blob()).isEqualTo(new BlobRef(stored.hash(), "image/png", png.length, 64, 48));
    }

    @Test
    void doesNotReEncodeTheImage() {
        byte[] jpeg = TestImages.quadrantsJpeg(64, 48);
        BlobRef stored = nodes.stored(jpeg);

        PortValue out = run(stored.hash());

        assertThat(out.blob().hash()).isEqualTo(stored.hash());
        assertThat(nodes.bytesOf(out.blob())).isEqualTo(jpeg);
        assertThat(out.blob().mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesAHashWithNoStoredBlob() {
        assertThatThrownBy(() -> run(ABSENT))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no stored image has the hash " + ABSENT);
    }

    @Test
    void refusesAStoredBlobThatIsNotAnImage() {
        BlobRef pdf = nodes.stored("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> run(pdf.hash()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the file is a PDF document");
    }

    @Test
    void schemaRequiresAHexDigestSoNoPathCanBeGiven() {
        var check = load.schema().checkParams(Map.of("blob", "../../etc/passwd"));

        assertThat(check.isValid()).isFalse();
        assertThat(check.problems()).containsExactly("parameter 'blob' has an invalid format: \"../../etc/passwd\"");
    }

    @Test
    void schemaRequiresABlob() {
        assertThat(load.schema().checkParams(Map.of()).problems()).containsExactly("parameter 'blob' is required");
    }

    private PortValue run(String hash) {
        NodeOutputs outputs = load.execute(nodes.inputs(Map.of()), TestNodes.params(load, Map.of("blob", hash)));
        PortValue value = outputs.asMap().get("image").value();
        assertThat(value).as("a value on port 'image'").isNotNull();
        return value;
    }
}
