package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.catalog.provider.Provider;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Set;

/**
 * Images on their way to and from providers. Providers take JPEG, PNG and WebP, so those go as
 * stored and anything else (BMP, TIFF) is re-encoded as PNG. What comes back is checked like an
 * upload (magic bytes, dimensions, pixel budget) before it is stored.
 */
public final class ProviderMedia {

    private static final Set<ImageFormat> SENT_AS_IS = Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP);
    /** Generous: provider outputs are at most a few tens of megapixels. */
    private static final ImageProbe RESULT_PROBE = new ImageProbe(150_000_000L);

    private ProviderMedia() {
    }

    /** A file to upload: a name with the right extension, bytes, media type. */
    public record Upload(String filename, byte[] bytes, String mediaType) {
    }

    public static Upload upload(String name, ImageInput image) {
        ImageInfo info = image.info();
        if (SENT_AS_IS.contains(info.format())) {
            return new Upload(name + info.format().extension().replace(".jpg", ".jpeg"), image.bytes(),
                    info.format().mediaType());
        }
        try (Mat decoded = image.decode()) {
            EncodedImage png = ImageCodec.encode(decoded, new EncodeSettings(ImageFormat.PNG, 100, false));
            return new Upload(name + ".png", png.bytes(), ImageFormat.PNG.mediaType());
        }
    }

    /** Checks the provider's bytes are an image and reads its size; a non-image is a provider fault. */
    public static EncodedImage image(Provider provider, byte[] bytes) {
        try {
            ImageInfo info = RESULT_PROBE.probe(bytes);
            return new EncodedImage(bytes, info.format(), info.width(), info.height());
        } catch (BadInputException e) {
            throw new ProviderUnavailableException(provider, "returned an unusable image: " + e.getMessage());
        }
    }
}
