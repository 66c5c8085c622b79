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
import org.springframework.beans.factory.annotation.Autowired;
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
 * of frontal faces ({@code faces:N}, with the cheap LBP cascade: faces of at least a fifth of the
 * picture's long side, the subject of a portrait or of a small group). Colours and faces are
 * measured on a copy of at most 216 pixels a side: about 6 ms of CPU for a 1080 px JPEG (the
 * usual social size; its quarter-size decode, shrunk), where Haar on a 640 px copy took about 200
 * and LBP on a 270 px copy about 9 (finding faces costs as many pixels as it looks at).
 */
@Component
class AutoTags {

    private static final Logger LOG = LoggerFactory.getLogger(AutoTags.class);

    private final ImageProbe probe;
    private final int analysisSide;
    private final Faces.Cascade cascade;

    @Autowired
    AutoTags(ImageProbe probe) {
        this(probe, 216, Faces.Cascade.LBP);
    }

    /** Analyses on a copy of at most {@code analysisSide} pixels a side, looking for faces with {@code cascade}. */
    AutoTags(ImageProbe probe, int analysisSide, Faces.Cascade cascade) {
        this.probe = probe;
        this.analysisSide = analysisSide;
        this.cascade = cascade;
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

    private int faces(Mat image) {
        if (image.channels() == 1) {
            return Faces.in(image, cascade).size();
        }
        try (Mat gray = new Mat()) {
            cvtColor(image, gray, image.channels() == 4 ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
            return Faces.in(gray, cascade).size();
        }
    }

    /** Decoded at the largest JPEG reduction that keeps {@code analysisSide}, then shrunk to it. */
    private Mat smallCopy(byte[] bytes, ImageInfo info) {
        int reduction = 1;
        for (int candidate : new int[] {8, 4, 2}) {
            if (Math.max(info.width(), info.height()) / candidate >= analysisSide) {
                reduction = candidate;
                break;
            }
        }
        Mat decoded = ImageCodec.decode(bytes, info.format(), reduction);
        double scale = (double) analysisSide / Math.max(decoded.cols(), decoded.rows());
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
