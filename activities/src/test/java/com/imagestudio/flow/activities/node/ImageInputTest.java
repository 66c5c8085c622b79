package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.blob.BlobRef;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class ImageInputTest {

    private static ImageInput handedOver(Mat image) {
        return ImageInput.decoded(image, () -> new BlobRef("0".repeat(64), "image/png", 0, image.cols(), image.rows()),
                () -> new byte[0]);
    }

    @Test
    void anImageHandedOverIsSharedNotCopiedForANodeThatOnlyReadsIt() {
        try (Mat image = new Mat(30, 40, CV_8UC3, new Scalar(10, 20, 30, 0))) {
            try (Mat read = handedOver(image).decodeToRead()) {
                assertThat(read.data().address()).isEqualTo(image.data().address());
                assertThat(read.cols()).isEqualTo(40);
                assertThat(read.rows()).isEqualTo(30);
            }
        }
    }

    @Test
    void closingWhatAReadingNodeWasGivenLeavesTheHandedOverImageIntact() {
        try (Mat image = new Mat(30, 40, CV_8UC3, new Scalar(10, 20, 30, 0))) {
            handedOver(image).decodeToRead().close();

            assertThat(image.isNull()).isFalse();
            assertThat(image.ptr(29, 39).get(2)).isEqualTo((byte) 30);
        }
    }

    @Test
    void anImageHandedOverIsCopiedForANodeThatMayChangeIt() {
        try (Mat image = new Mat(30, 40, CV_8UC3, new Scalar(10, 20, 30, 0)); Mat copy = handedOver(image).decode()) {
            assertThat(copy.data().address()).isNotEqualTo(image.data().address());
        }
    }
}
