package com.imagestudio.flow.activities.image;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import com.imagestudio.flow.activities.node.BadInputException;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * AVIF through FFmpeg: one frame, AV1 by libaom (the AV1 encoder of the LGPL build), in FFmpeg's
 * "avif" muxer. OpenCV cannot write AVIF. Written without alpha (flattened on white, as JPEG) and
 * in 4:2:0, with both sides rounded down to even.
 */
final class AvifEncoder {

    private AvifEncoder() {
    }

    static EncodedImage encode(Mat image, int quality) {
        try (Mat bgr = toEvenBgr(image)) {
            return new EncodedImage(write(bgr, quality), ImageFormat.AVIF, bgr.cols(), bgr.rows());
        }
    }

    /** libavif's mapping of a 0-100 quality to AV1's 0-63 quantiser: q90 is crf 6, q50 is crf 32. */
    static int crf(int quality) {
        return ((100 - quality) * 63 + 50) / 100;
    }

    private static byte[] write(Mat bgr, int quality) {
        Path file = null;
        try {
            file = Files.createTempFile("encode-", ".avif");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), bgr.cols(), bgr.rows(), 0);
                 OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
                recorder.setFormat("avif");
                recorder.setVideoCodecName("libaom-av1");
                recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(1);
                recorder.setVideoOption("still-picture", "1");
                recorder.setVideoOption("crf", String.valueOf(crf(quality)));
                recorder.setVideoOption("cpu-used", "6"); // 0 is slowest and smallest, 8 fastest
                recorder.start();
                recorder.record(converter.convert(bgr), AV_PIX_FMT_BGR24);
                recorder.stop();
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("FFmpeg could not write a " + bgr.cols() + "x" + bgr.rows() + " AVIF", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is no reason to fail a written image
                }
            }
        }
    }

    /**
     * BGR with even sides: FFmpeg writes an odd size rounded up (a 161x91 image decodes as 162x92),
     * so a lone last row or column is cut instead.
     */
    private static Mat toEvenBgr(Mat image) {
        if (image.cols() < 2 || image.rows() < 2) {
            throw new BadInputException("the image is " + image.cols() + "x" + image.rows()
                    + "; AVIF needs at least 2 pixels a side");
        }
        try (Mat bgr = image.channels() == 4 ? ImageCodec.flattenOnWhite(image) : Channels.bgr(image);
             Mat even = new Mat(bgr, new Rect(0, 0, bgr.cols() & ~1, bgr.rows() & ~1))) {
            return even.clone();
        }
    }
}
