package com.imagestudio.flow.activities.nodes.video;

import com.imagestudio.flow.activities.node.EncodedMedia;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.ProviderUnavailableException;
import com.imagestudio.flow.activities.providers.wavespeed.WaveSpeedClient;
import com.imagestudio.flow.catalog.provider.Provider;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What the video nodes share: sending audio, and checking that what came back is an MP4. */
final class VideoMedia {

    private VideoMedia() {
    }

    static ProviderMedia.Upload audio(byte[] bytes, String mediaType) {
        String extension = switch (mediaType) {
            case "audio/wav", "audio/x-wav", "audio/wave" -> ".wav";
            case "audio/ogg" -> ".ogg";
            case "audio/mp4", "audio/x-m4a", "audio/aac" -> ".m4a";
            default -> ".mp3";
        };
        return new ProviderMedia.Upload("audio" + extension, bytes, mediaType.startsWith("audio/") ? mediaType : "audio/mpeg");
    }

    static ProviderMedia.Upload image(String name, ImageInput image) {
        return ProviderMedia.upload(name, image);
    }

    /** An ISO media file has an "ftyp" box at offset 4. */
    static EncodedMedia mp4(WaveSpeedClient.Output output) {
        byte[] bytes = output.bytes();
        if (bytes.length < 12 || !new String(Arrays.copyOfRange(bytes, 4, 8), StandardCharsets.US_ASCII).equals("ftyp")) {
            throw new ProviderUnavailableException(Provider.WAVESPEED, "returned a result that is not an MP4 video ("
                    + output.mediaType() + ", " + bytes.length + " bytes)");
        }
        return new EncodedMedia(bytes, "video/mp4");
    }
}
