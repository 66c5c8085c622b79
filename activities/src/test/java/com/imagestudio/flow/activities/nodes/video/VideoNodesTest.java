package com.imagestudio.flow.activities.nodes.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderUnavailableException;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.ProviderNodeFixture;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoNodesTest {

    private static final byte[] PORTRAIT = TestImages.quadrantsPng(48, 64);
    private static final byte[] MP3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path blobs;

    private ProviderNodeFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ProviderNodeFixture(blobs);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private PortValue audio() throws IOException {
        BlobRef ref = fixture.nodes().store().put(MP3, "audio/mpeg");
        return PortValue.media(PortType.AUDIO, ref);
    }

    @Test
    void wanUploadsTheImageSubmitsPollsAndReturnsTheMp4() {
        fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        fixture.providers().enqueuePrediction("/cdn/clip.mp4", MockProviders.tinyMp4(), "video/mp4");

        NodeOutputs out = fixture.run(new WanImageToVideo(), Map.of("image", fixture.image(PORTRAIT)),
                Map.of("prompt", "she turns and smiles", "resolution", "p1080", "duration", "ten_seconds"));

        assertThat(fixture.providers().take().getUrl().encodedPath()).isEqualTo("/api/v3/media/upload/binary");
        var submit = fixture.providers().take();
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/api/v3/alibaba/wan-2.5/image-to-video");
        JsonNode body = ProviderJson.treeOrMissing(submit.getBody().toByteArray());
        assertThat(body.path("image").asText()).startsWith("https://d1q70pf5vjeyhc.wavespeed.ai/media/images/");
        assertThat(body.path("resolution").asText()).isEqualTo("1080p");
        assertThat(body.path("duration").asInt()).isEqualTo(10);
        assertThat(body.path("seed").asInt()).isEqualTo(-1);
        assertThat(out.asMap().get("video").media().mediaType()).isEqualTo("video/mp4");
        assertThat(out.asMap().get("video").media().bytes()).isEqualTo(MockProviders.tinyMp4());
        assertThat(fixture.progress()).isNotEmpty();
    }

    @Test
    void wanCostsPerSecondOfTheResolution() {
        var schema = new WanImageToVideo().schema();

        assertThat(schema.cost().credits(schema.checkParams(Map.of("prompt", "x", "resolution", "p480",
                "duration", "ten_seconds")).values())).isEqualTo(50);
    }

    @Test
    void infiniteTalkUploadsTheAudioAsAnMp3File() throws IOException {
        fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        fixture.providers().enqueuePrediction("/cdn/talk.mp4", MockProviders.tinyMp4(), "video/mp4");

        NodeOutputs out = fixture.run(new InfiniteTalk(), Map.of("image", fixture.image(PORTRAIT), "audio", audio()),
                Map.of("resolution", "p720"));

        fixture.providers().take();
        var audioUpload = MockProviders.multipart(fixture.providers().take()).get("file");
        assertThat(audioUpload.filename()).isEqualTo("audio.mp3");
        assertThat(audioUpload.body()).isEqualTo(MP3);
        var submit = fixture.providers().take();
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/api/v3/wavespeed-ai/infinitetalk");
        assertThat(ProviderJson.treeOrMissing(submit.getBody().toByteArray()).path("resolution").asText()).isEqualTo("720p");
        assertThat(out.asMap().get("video").media().mediaType()).isEqualTo("video/mp4");
    }

    @Test
    void aResultThatIsNotAVideoIsAProviderFault() {
        fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        fixture.providers().enqueuePrediction("/cdn/clip.mp4", "<html>oops</html>".getBytes(), "text/html");

        assertThatThrownBy(() -> fixture.run(new WanImageToVideo(), Map.of("image", fixture.image(PORTRAIT)),
                Map.of("prompt", "waves"))).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("not an MP4");
    }
}
