package com.imagestudio.flow.activities.nodes.video;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Channels;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.node.EncodedMedia;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Turns a still image into a short video with a slow zoom and pan (the Ken Burns effect): an
 * H.264 MP4 (libopenh264, yuv420p) for stories, reels and slideshows. The camera's window has
 * the aspect ratio of the frame, moves with an eased start and stop, and never leaves the picture.
 * The image is decoded no larger than the most zoomed-in frame needs.
 */
@AutoService(NodeDefinition.class)
public final class KenBurnsVideo implements StudioNode<KenBurnsVideo.Params> {

    static final String MEDIA_TYPE = "video/mp4";

    public record Params(double duration, int fps, VideoFrame frame, double zoomFrom, double zoomTo, PanDirection pan) {

        int frames() {
            return (int) Math.max(1, Math.round(duration * fps));
        }
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("KenBurnsVideo", 1)
            .displayName("Image to video (Ken Burns)")
            .category("Video")
            .description("Make a short MP4 (H.264) from a still image with a slow zoom and pan.")
            .aliases("ken burns", "image to video", "zoom video", "pan", "slideshow", "reel", "story", "mp4", "animate")
            .input(Port.required("image", PortType.IMAGE, "The still image"))
            .output(Port.required("video", PortType.VIDEO, "The MP4 video"))
            .param(ParamSpec.number("duration", "Length in seconds").between(1, 30).withDefault(5))
            .param(ParamSpec.integer("fps", "Frames per second").between(12, 60).withDefault(30))
            .param(ParamSpec.choice("frame", "Frame size of the video", VideoFrame.class).withDefault(VideoFrame.PORTRAIT_1080))
            .param(ParamSpec.number("zoomFrom", "Zoom at the start: 1 shows the whole frame-shaped area, 2 half of it")
                    .between(1, 3).withDefault(1.0))
            .param(ParamSpec.number("zoomTo", "Zoom at the end (less than the start zooms out)").between(1, 3).withDefault(1.2))
            .param(ParamSpec.choice("pan", "Direction the camera travels", PanDirection.class).withDefault(PanDirection.NONE))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.number("duration"), values.integer("fps"), values.choice("frame", VideoFrame.class),
                values.number("zoomFrom"), values.number("zoomTo"), values.choice("pan", PanDirection.class));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        VideoFrame frame = params.frame();
        Camera full = Camera.over(info.width(), info.height(), frame);
        // at the largest zoom a frame pixel should map to about one source pixel: no need for more
        double scale = Math.min(1.0, frame.width() * Math.max(params.zoomFrom(), params.zoomTo()) / full.baseWidth());
        int neededWidth = (int) Math.ceil(info.width() * scale);
        int neededHeight = (int) Math.ceil(info.height() * scale);
        try (Mat decoded = input.decodeAtLeast(neededWidth, neededHeight); Mat bgr = Channels.bgr(decoded); Mat source = new Mat()) {
            resize(bgr, source, new Size(neededWidth, neededHeight), 0, 0, INTER_AREA);
            byte[] mp4 = encode(source, params);
            return NodeOutputs.create().media("video", new EncodedMedia(mp4, MEDIA_TYPE, frame.width(), frame.height()));
        }
    }

    private static byte[] encode(Mat source, Params params) {
        VideoFrame frame = params.frame();
        Camera camera = Camera.over(source.cols(), source.rows(), frame);
        Path file = null;
        try {
            file = Files.createTempFile("ken-burns-", ".mp4");
            try (FFmpegFrameRecorder recorder = recorder(file, params);
                 OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                 Mat picture = new Mat(); Mat transform = new Mat(2, 3, CV_64F)) {
                recorder.start();
                int frames = params.frames();
                for (int i = 0; i < frames; i++) {
                    double progress = frames == 1 ? 0 : (double) i / (frames - 1);
                    camera.transform(progress, params, transform);
                    warpAffine(source, picture, transform, new Size(frame.width(), frame.height()),
                            INTER_LINEAR, BORDER_REPLICATE, new Scalar());
                    recorder.record(converter.convert(picture), AV_PIX_FMT_BGR24);
                }
                recorder.stop();
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the MP4", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static FFmpegFrameRecorder recorder(Path file, Params params) {
        VideoFrame frame = params.frame();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), frame.width(), frame.height(), 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName("libopenh264"); // the H.264 encoder of the LGPL FFmpeg build
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(params.fps());
        recorder.setGopSize(params.fps() * 2);
        // about 0.1 bit a pixel: 6 Mbit/s at 1080x1920 and 30 fps, ample for slow motion
        recorder.setVideoBitrate((int) Math.min(20_000_000L, (long) frame.width() * frame.height() * params.fps() / 10));
        recorder.setOption("movflags", "+faststart");
        return recorder;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is no reason to fail a finished video
            }
        }
    }

    /** The largest frame-shaped window over the picture (zoom 1), and how it moves. */
    record Camera(double width, double height, double baseWidth, double baseHeight, double frameWidth) {

        static Camera over(int width, int height, VideoFrame frame) {
            double frameAspect = (double) frame.width() / frame.height();
            if ((double) width / height > frameAspect) {
                return new Camera(width, height, height * frameAspect, height, frame.width());
            }
            return new Camera(width, height, width, width / frameAspect, frame.width());
        }

        /** The affine map from the picture to the frame at progress 0 to 1, written into {@code m} (2x3). */
        void transform(double progress, Params params, Mat m) {
            double eased = progress * progress * (3 - 2 * progress);
            double zoom = params.zoomFrom() + (params.zoomTo() - params.zoomFrom()) * eased;
            double windowWidth = baseWidth / zoom;
            double windowHeight = baseHeight / zoom;
            double x = (width - windowWidth) * params.pan().x(eased);
            double y = (height - windowHeight) * params.pan().y(eased);
            double s = frameWidth / windowWidth;
            try (DoubleIndexer t = m.createIndexer()) {
                t.put(0, 0, s).put(0, 1, 0).put(0, 2, -x * s);
                t.put(1, 0, 0).put(1, 1, s).put(1, 2, -y * s);
            }
        }
    }
}
