package com.imagestudio.flow.activities.image;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * Frontal faces found with the Haar cascade bundled in the OpenCV jar. The cascade is copied out
 * of the jar once per process; each thread gets its own classifier (detection is not thread-safe).
 */
public final class Faces {

    private static final Logger LOG = LoggerFactory.getLogger(Faces.class);
    private static final String CASCADE = "haarcascade_frontalface_alt2.xml";

    private static final Optional<Path> CASCADE_FILE = extractCascade();
    private static final ThreadLocal<CascadeClassifier> CLASSIFIER = ThreadLocal.withInitial(() ->
            CASCADE_FILE.map(path -> new CascadeClassifier(path.toString())).orElse(null));

    /** A face's box in the pixels of the image it was found in. */
    public record Box(int x, int y, int width, int height) {
    }

    private Faces() {
    }

    /** Faces in an 8-bit grayscale image; none when the cascade is not on this platform. */
    public static List<Box> in(Mat gray) {
        CascadeClassifier classifier = CLASSIFIER.get();
        if (classifier == null || classifier.empty()) {
            return List.of();
        }
        List<Box> boxes = new ArrayList<>();
        try (Mat equalised = new Mat(); RectVector found = new RectVector()) {
            equalizeHist(gray, equalised);
            int min = Math.max(20, Math.min(gray.cols(), gray.rows()) / 20);
            classifier.detectMultiScale(equalised, found, 1.1, 5, 0, new Size(min, min), new Size());
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                boxes.add(new Box(r.x(), r.y(), r.width(), r.height()));
            }
        }
        return boxes;
    }

    private static Optional<Path> extractCascade() {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
        try (InputStream in = CascadeClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("no face cascade at {}: no faces are found (smart crop uses saliency only)", resource);
                return Optional.empty();
            }
            Path file = Files.createTempFile("studio-", "-" + CASCADE);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the face cascade " + resource, e);
        }
    }
}
