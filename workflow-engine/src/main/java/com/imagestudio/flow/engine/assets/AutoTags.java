package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.image.DominantColours;
import com.imagestudio.flow.activities.image.Faces;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Tags computed locally when an image asset is made: orientation ({@code landscape},
 * {@code portrait}, {@code square}), size class ({@code size:small} under 0.5 MP,
 * {@code size:medium} under 4 MP, {@code size:large}), dominant colours by name, and the number
 * of frontal faces ({@code faces:N}). Everything is measured on a copy of at most 640 pixels a side.
 */
@Component
class AutoTags {

    private static final Logger LOG = LoggerFactory.getLogger(AutoTags.class);
    private static final int ANALYSIS_SIDE = 640;

    private final ImageProbe probe;

    AutoTags(ImageProbe probe) {
        this.probe = probe;
    }

    /** The tags of an image; none when the bytes are not an image this studio reads. */
    List<String> of(byte[] image) {
        ImageInfo info;
        try {
            info = probe.probe(image);
        } catch (RuntimeException notAnImage) {
            LOG.info("no automatic tags: {}", notAnImage.getMessage());
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        tags.add(orientation(info.width(), info.height()));
        tags.add(sizeClass(info.pixels()));
        try (Mat small = smallCopy(image, info)) {
            tags.addAll(DominantColours.of(small));
            tags.add("faces:" + faces(small));
        }
        return tags;
    }

    static String orientation(int width, int height) {
        double ratio = (double) width / height;
        return ratio > 1.05 ? "landscape" : ratio < 1 / 1.05 ? "portrait" : "square";
    }

    static String sizeClass(long pixels) {
        return pixels < 500_000 ? "size:small" : pixels < 4_000_000 ? "size:medium" : "size:large";
    }

    private static int faces(Mat image) {
        if (image.channels() == 1) {
            return Faces.in(image).size();
        }
        try (Mat gray = new Mat()) {
            cvtColor(image, gray, image.channels() == 4 ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
            return Faces.in(gray).size();
        }
    }

    private static Mat smallCopy(byte[] bytes, ImageInfo info) {
        int reduction = 1;
        for (int candidate : new int[] {8, 4, 2}) {
            if (Math.max(info.width(), info.height()) / candidate >= ANALYSIS_SIDE) {
                reduction = candidate;
                break;
            }
        }
        Mat decoded = ImageCodec.decode(bytes, info.format(), reduction);
        double scale = (double) ANALYSIS_SIDE / Math.max(decoded.cols(), decoded.rows());
        if (scale >= 1) {
            return decoded;
        }
        try (decoded) {
            Mat small = new Mat();
            resize(decoded, small, new Size(Math.max(1, (int) (decoded.cols() * scale)),
                    Math.max(1, (int) (decoded.rows() * scale))), 0, 0, INTER_AREA);
            return small;
        }
    }
}
