package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.blob.BlobHead;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.testing.TestImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class ImageInputTest {

    private static ImageInput handedOver(Mat image) {
        return ImageInput.decoded(image, () -> new BlobRef("0".repeat(64), "image/png", 0, image.cols(), image.rows()),
                () -> new byte[0]);
    }

    /** A stored photo whose reads are counted: its start, and all of it. */
    private static final class StoredPhoto {
        final byte[] bytes = TestImages.bandsJpeg(1600, 1200);
        final AtomicInteger headReads = new AtomicInteger();
        final AtomicInteger wholeReads = new AtomicInteger();

        /** Opened by its hash alone, as a loader opens an upload. */
        ImageInput input() {
            return input(BlobRef.byHash("0".repeat(64)));
        }

        ImageInput input(BlobRef ref) {
            return ImageInput.stored(ref, () -> {
                headReads.incrementAndGet();
                return new BlobHead(Arrays.copyOf(bytes, 1024), bytes.length);
            }, () -> {
                wholeReads.incrementAndGet();
                return bytes;
            }, new ImageProbe(50_000_000L));
        }
    }

    @Test
    void aStoredImageIsCheckedFromTheStartOfItsFileAlone() {
        StoredPhoto photo = new StoredPhoto();

        BlobRef checked = photo.input().checkedRef();

        assertThat(checked).isEqualTo(new BlobRef("0".repeat(64), "image/jpeg", photo.bytes.length, 1600, 1200));
        assertThat(photo.wholeReads).as("reads of the whole file").hasValue(0);
    }

    @Test
    void aStoredImageThatIsDecodedIsReadWholeOnceAndNotProbedFromItsStart() {
        StoredPhoto photo = new StoredPhoto();
        ImageInput input = photo.input();

        try (Mat decoded = input.decodeAtLeast(400, 300)) {
            assertThat(decoded.cols()).isEqualTo(400);
            assertThat(decoded.rows()).isEqualTo(300);
        }
        assertThat(input.checkedRef().size()).isEqualTo(photo.bytes.length);
        assertThat(photo.wholeReads).hasValue(1);
        assertThat(photo.headReads).hasValue(0);
    }

    @Test
    void aStoredImageWhoseReferenceTheStudioCheckedIsNotProbedAgainBeforeItIsDecoded() {
        StoredPhoto photo = new StoredPhoto();
        BlobRef checked = new BlobRef("0".repeat(64), "image/jpeg", photo.bytes.length, 1600, 1200);
        ImageInput input = photo.input(checked);

        ImageInfo header = input.info();

        assertThat(header).isEqualTo(new ImageInfo(ImageFormat.JPEG, 1600, 1200));
        assertThat(input.checkedRef()).isEqualTo(checked);
        try (Mat decoded = input.decodeAtLeast(400, 300)) {
            assertThat(decoded.cols()).isEqualTo(400);
            assertThat(decoded.rows()).isEqualTo(300);
        }
        assertThat(photo.headReads).as("reads of the file's start").hasValue(0);
        assertThat(photo.wholeReads).hasValue(1);
    }

    @Test
    void aCheckedReferenceIsStillHeldToThePixelBudget() {
        StoredPhoto photo = new StoredPhoto();
        ImageInput input = photo.input(new BlobRef("0".repeat(64), "image/jpeg", photo.bytes.length, 12000, 9000));

        assertThatThrownBy(input::info).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the image is 12000x9000 (108.0 MP); the limit is 50.0 MP");
    }

    @Test
    void aReferenceWithoutDimensionsOrOfAFormatTheStudioDoesNotReadIsProbedFromTheFile() {
        for (BlobRef unchecked : List.of(new BlobRef("0".repeat(64), "image/jpeg", 1000, 0, 0),
                new BlobRef("0".repeat(64), "image/avif", 1000, 1600, 1200),
                new BlobRef("0".repeat(64), "video/mp4", 1000, 1600, 1200))) {
            StoredPhoto photo = new StoredPhoto();

            ImageInfo header = photo.input(unchecked).info();

            assertThat(header).as(unchecked.mediaType()).isEqualTo(new ImageInfo(ImageFormat.JPEG, 1600, 1200));
            assertThat(photo.headReads).as(unchecked.mediaType()).hasValue(1);
        }
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
