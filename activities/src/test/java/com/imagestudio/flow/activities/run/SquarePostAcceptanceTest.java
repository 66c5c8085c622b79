package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The headline case: a 12-megapixel photo made into a 1080x1080 square post. */
class SquarePostAcceptanceTest {

    @TempDir
    Path blobs;

    @Test
    void aTwelveMegapixelJpegBecomesA1080SquareJpegThroughLoadResizeAndEncode() {
        FileSystemBlobStore store = new FileSystemBlobStore(blobs);
        TestNodes nodes = new TestNodes(store);
        NodeExecutor worker = new NodeExecutor(NodeCatalog.discover(), store,
                new ImageProbe(TestNodes.MAX_PIXELS), new InMemoryNodeResultCache());
        BlobRef upload = nodes.stored(TestImages.bandsJpeg(4000, 3000));

        PortValue loaded = worker.run(new NodeInvocation("run-1", "load", "LoadImage", 1,
                Map.of("blob", upload.hash()), Map.of())).outputs().get("image");
        PortValue square = worker.run(new NodeInvocation("run-1", "resize", "Resize", 1,
                Map.of("width", 1080, "height", 1080, "mode", "fill"), Map.of("image", loaded))).outputs().get("image");
        PortValue post = worker.run(new NodeInvocation("run-1", "encode", "Encode", 1,
                Map.of("format", "jpeg", "quality", 82), Map.of("image", square))).outputs().get("image");

        assertThat(loaded.blob().width()).isEqualTo(4000);
        assertThat(loaded.blob().height()).isEqualTo(3000);
        BlobRef result = post.blob();
        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        assertThat(new Dimensions(result.width(), result.height())).isEqualTo(new Dimensions(1080, 1080));
        byte[] jpeg = nodes.bytesOf(result);
        assertThat(ImageFormat.sniff(jpeg)).contains(ImageFormat.JPEG);
        assertThat(result.size()).isEqualTo(jpeg.length);
        BufferedImage decoded = TestImages.read(jpeg);
        assertThat(new Dimensions(decoded.getWidth(), decoded.getHeight())).isEqualTo(new Dimensions(1080, 1080));
        assertThat(TestImages.pixel(decoded, 540, 540)).isEqualTo(Rgb.GREEN);
        assertThat(TestImages.pixel(decoded, 5, 540)).isEqualTo(Rgb.RED);
        assertThat(TestImages.pixel(decoded, 1074, 540)).isEqualTo(Rgb.BLUE);
    }
}
