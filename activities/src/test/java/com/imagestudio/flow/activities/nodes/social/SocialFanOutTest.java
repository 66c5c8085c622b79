package com.imagestudio.flow.activities.nodes.social;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SocialFanOutTest {

    @TempDir
    Path blobs;

    private final SocialFanOut fanOut = new SocialFanOut();
    private TestNodes nodes;
    private BlobRef photo;

    @BeforeEach
    void storeAPhoto() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        photo = nodes.stored(TestImages.quadrantsJpeg(1600, 1200));
    }

    @Test
    void makesOneImagePerFormatInTheOrderGiven() {
        NodeOutputs out = run(Map.of("formats", "youtube_thumbnail, instagram_story,pinterest_pin", "mode", "center"));

        List<Mat> images = out.asMap().get("images").images();
        try {
            assertThat(images).extracting(TestImages::dimensions).containsExactly(
                    new Dimensions(1280, 720), new Dimensions(1080, 1920), new Dimensions(1000, 1500));
            assertThat(TestImages.pixel(images.get(0), 100, 100)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(images.get(0), 1180, 620)).isEqualTo(Rgb.YELLOW);
            assertThat(out.asMap().get("formats").value().text())
                    .isEqualTo("youtube_thumbnail,instagram_story,pinterest_pin");
        } finally {
            images.forEach(Mat::close);
        }
    }

    @Test
    void aFormatNamedTwiceIsMadeOnce() {
        SocialFanOut.Params params = TestNodes.params(fanOut, Map.of("formats", "x_post,x_post,x_header"));

        assertThat(params.formats()).extracting(f -> f.id()).containsExactly("x_post", "x_header");
    }

    @Test
    void theDefaultListCoversTheMainFeeds() {
        SocialFanOut.Params params = TestNodes.params(fanOut, Map.of());

        assertThat(params.formats()).hasSize(5);
    }

    @Test
    void anUnknownFormatIsRefusedByTheSchema() {
        var check = fanOut.schema().checkParams(Map.of("formats", "instagram_square,myspace_banner"));

        assertThat(check.isValid()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("formats").contains("myspace_banner");
    }

    private NodeOutputs run(Map<String, ?> raw) {
        return fanOut.execute(nodes.imageOn("image", photo), TestNodes.params(fanOut, raw));
    }
}
