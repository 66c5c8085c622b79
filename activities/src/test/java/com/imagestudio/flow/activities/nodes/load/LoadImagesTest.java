package com.imagestudio.flow.activities.nodes.load;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadImagesTest {

    private static final String ABSENT = "0".repeat(64);

    @TempDir
    Path blobs;

    private final LoadImages load = new LoadImages();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void givesTheStoredImagesAsOneListInTheOrderGivenUntouched() {
        byte[] jpeg = TestImages.quadrantsJpeg(64, 48);
        BlobRef wide = nodes.stored(jpeg);
        BlobRef tall = nodes.stored(TestImages.quadrantsPng(30, 90));

        PortValue out = run(String.join(",", tall.hash(), wide.hash()));

        assertThat(out.type()).isEqualTo(PortType.IMAGE_LIST);
        assertThat(out.list()).containsExactly(
                new BlobRef(tall.hash(), "image/png", tall.size(), 30, 90),
                new BlobRef(wide.hash(), "image/jpeg", jpeg.length, 64, 48));
        assertThat(nodes.bytesOf(out.list().get(1))).isEqualTo(jpeg);
    }

    @Test
    void refusesAMissingImageNamingItsPositionAndHash() {
        BlobRef photo = nodes.stored(TestImages.quadrantsPng(8, 8));

        assertThatThrownBy(() -> run(photo.hash() + "," + ABSENT))
                .isInstanceOf(BadInputException.class)
                .hasMessage("image 2 of 2 (" + ABSENT + "): no stored image has the hash " + ABSENT);
    }

    @Test
    void refusesTheFirstBadImageInTheOrderGivenWhenSeveralAreBad() {
        List<String> folder = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            folder.add(nodes.stored(TestImages.quadrantsPng(8 + i, 8)).hash());
        }
        String notAnImage = nodes.stored("not an image".getBytes(StandardCharsets.UTF_8)).hash();
        folder.set(2, notAnImage);
        folder.set(5, ABSENT);

        assertThatThrownBy(() -> run(String.join(",", folder)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("image 3 of 8 (" + notAnImage + "): the file is ");
    }

    @Test
    void anImageGivenTwiceIsListedTwice() {
        BlobRef photo = nodes.stored(TestImages.quadrantsPng(30, 20));
        BlobRef other = nodes.stored(TestImages.quadrantsPng(20, 30));

        PortValue out = run(String.join(",", photo.hash(), other.hash(), photo.hash()));

        assertThat(out.list()).extracting(BlobRef::hash).containsExactly(photo.hash(), other.hash(), photo.hash());
        assertThat(out.list().get(2)).isEqualTo(out.list().get(0));
    }

    @Test
    void refusesMoreImagesThanOneRunTakes() {
        String tooMany = String.join(",", Collections.nCopies(LoadImages.MAX_IMAGES + 1, ABSENT));

        assertThatThrownBy(() -> run(tooMany))
                .isInstanceOf(BadInputException.class)
                .hasMessage("1001 images given; one run takes at most 1000: split them over several runs");
    }

    @Test
    void schemaTakesOnlyHashesSeparatedByCommas() {
        for (String bad : List.of("", ABSENT + ",", ABSENT + ", " + ABSENT, "../../etc/passwd")) {
            assertThat(load.schema().checkParams(Map.of("blobs", bad)).isValid()).as(bad).isFalse();
        }
        assertThat(load.schema().checkParams(Map.of()).problems()).containsExactly("parameter 'blobs' is required");
    }

    private PortValue run(String hashes) {
        return load.execute(nodes.inputs(Map.of()), TestNodes.params(load, Map.of("blobs", hashes)))
                .asMap().get("images").value();
    }
}
