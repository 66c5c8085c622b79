package com.imagestudio.flow.activities.nodes.video;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.EncodedMedia;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.NORM_L1;
import static org.bytedeco.opencv.global.opencv_core.norm;

class KenBurnsVideoTest {

    @TempDir
    Path dir;

    private final KenBurnsVideo node = new KenBurnsVideo();
    private TestNodes nodes;

    @BeforeEach
    void setUp() throws IOException {
        nodes = new TestNodes(new FileSystemBlobStore(Files.createDirectories(dir.resolve("blobs"))));
    }

    @Test
    void makesAnMp4OfTheRequestedSizeAndLengthInWhichTheCameraZooms() throws IOException {
        BlobRef photo = nodes.stored(TestImages.jpeg(TestImages.gradient(1600, 1200)));

        EncodedMedia video = run(photo, Map.of("frame", "portrait_720", "duration", 2, "fps", 12,
                "zoomFrom", 1.0, "zoomTo", 1.5));

        assertThat(video.mediaType()).isEqualTo("video/mp4");
        assertThat(TestImages.contains(java.util.Arrays.copyOf(video.bytes(), 12), "ftyp")).isTrue();
        assertThat(new Dimensions(video.width(), video.height())).isEqualTo(new Dimensions(720, 1280));
        Decoded decoded = decode(video.bytes());
        try (decoded) {
            assertThat(decoded.width).isEqualTo(720);
            assertThat(decoded.height).isEqualTo(1280);
            assertThat(decoded.codec).isEqualTo("h264");
            assertThat(decoded.frames.size()).isCloseTo(24, within(1));
            Mat first = decoded.frames.get(0);
            Mat last = decoded.frames.get(decoded.frames.size() - 1);
            double meanDifference = norm(first, last, NORM_L1, null) / (720.0 * 1280 * 3);
            assertThat(meanDifference).as("mean difference per channel, first vs last frame").isGreaterThan(10);
        }
    }

    @Test
    void aPanFromLeftToRightStartsOnTheLeftOfThePictureAndEndsOnTheRight() throws IOException {
        // 1600x400: red, green (middle half), blue; a square window of 400x400 travels across
        BlobRef wide = nodes.stored(TestImages.png(TestImages.bands(1600, 400)));

        EncodedMedia video = run(wide, Map.of("frame", "square_720", "duration", 1, "fps", 12,
                "zoomFrom", 1.0, "zoomTo", 1.0, "pan", "left_to_right"));

        try (Decoded decoded = decode(video.bytes())) {
            assertThat(TestImages.pixel(decoded.frames.get(0), 360, 360)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(decoded.frames.get(decoded.frames.size() - 1), 360, 360)).isEqualTo(Rgb.BLUE);
        }
    }

    @Test
    void theCameraWindowHasTheFrameShapeAndFitsThePicture() {
        KenBurnsVideo.Camera camera = KenBurnsVideo.Camera.over(4000, 3000, VideoFrame.PORTRAIT_1080);

        assertThat(camera.baseHeight()).isEqualTo(3000);
        assertThat(camera.baseWidth()).isCloseTo(3000 * 1080 / 1920.0, within(1e-9));
    }

    private EncodedMedia run(BlobRef image, Map<String, ?> params) {
        NodeOutputs outputs = node.execute(nodes.imageOn("image", image), TestNodes.params(node, params));
        EncodedMedia media = outputs.asMap().get("video").media();
        assertThat(media).as("media on the video port").isNotNull();
        return media;
    }

    /** Every frame of an MP4, decoded with FFmpeg, as BGR Mats. */
    private Decoded decode(byte[] mp4) throws IOException {
        Path file = Files.write(dir.resolve("video.mp4"), mp4);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Decoded decoded = new Decoded(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getVideoCodecName());
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                decoded.frames.add(converter.convert(frame).clone());
            }
            grabber.stop();
            return decoded;
        }
    }

    private static final class Decoded implements AutoCloseable {
        final int width;
        final int height;
        final String codec;
        final List<Mat> frames = new ArrayList<>();

        Decoded(int width, int height, String codec) {
            this.width = width;
            this.height = height;
            this.codec = codec;
        }

        @Override
        public void close() {
            frames.forEach(Mat::close);
        }
    }
}
