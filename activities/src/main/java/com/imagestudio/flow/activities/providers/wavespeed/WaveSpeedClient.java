package com.imagestudio.flow.activities.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.activities.providers.ApiKeys;
import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderHttp;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.providers.ProviderResponse;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.providers.ProviderUnavailableException;
import com.imagestudio.flow.catalog.provider.Provider;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WaveSpeed's API v3: a model runs as a prediction. {@code POST /api/v3/{model-id}} with a JSON
 * body answers {@code {"code": 200, "data": {"id": ...}}}; {@code GET /api/v3/predictions/{id}/result}
 * answers the prediction with {@code status} created, processing, completed (with {@code outputs}:
 * URLs) or failed (with {@code error}). Input media are URLs: local files are first sent to
 * {@code POST /api/v3/media/upload/binary} (multipart field {@code file}), which answers
 * {@code data.download_url}. Outputs are downloaded without credentials.
 */
public final class WaveSpeedClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final ProviderSettings.Endpoint endpoint;
    private final ProviderHttp http;

    public WaveSpeedClient(ProviderSettings.Endpoint endpoint, ProviderHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** A finished prediction's output, downloaded. */
    public record Output(byte[] bytes, String mediaType, String url) {
    }

    /** Uploads a file and returns the URL to pass as a model input. */
    public String upload(ProviderMedia.Upload file) {
        ProviderResponse response = http.execute(() -> new Request.Builder()
                .url(endpoint.baseUrl() + "/api/v3/media/upload/binary")
                .header("Authorization", ApiKeys.bearer(endpoint))
                .post(new MultipartBody.Builder().setType(MultipartBody.FORM)
                        .addFormDataPart("file", file.filename(), RequestBody.create(file.bytes(), MediaType.parse(file.mediaType())))
                        .build())
                .build(), Duration.ofMinutes(2));
        JsonNode data = envelope(response);
        String url = ProviderJson.text(data, "/download_url");
        if (url == null) {
            throw new ProviderUnavailableException(Provider.WAVESPEED, "upload answered without a download_url");
        }
        return url;
    }

    /** Submits a prediction and returns its id. */
    public String submit(String model, ObjectNode input) {
        byte[] body = ProviderJson.bytes(input);
        ProviderResponse response = http.execute(() -> new Request.Builder()
                .url(endpoint.baseUrl() + "/api/v3/" + model)
                .header("Authorization", ApiKeys.bearer(endpoint))
                .post(RequestBody.create(body, JSON))
                .build(), Duration.ofSeconds(60));
        String id = ProviderJson.text(envelope(response), "/id");
        if (id == null || id.isBlank()) {
            throw new ProviderUnavailableException(Provider.WAVESPEED, "accepted " + model + " without a prediction id");
        }
        return id;
    }

    /** Polls the prediction until it completes; a failed prediction is a refusal with the provider's error. */
    public List<String> await(String id, PollSchedule schedule, ProgressListener progress) {
        return http.poll("prediction " + id, () -> {
            ProviderResponse response = http.execute(() -> new Request.Builder()
                    .url(endpoint.baseUrl() + "/api/v3/predictions/" + id + "/result")
                    .header("Authorization", ApiKeys.bearer(endpoint))
                    .get().build(), Duration.ofSeconds(30));
            JsonNode data = envelope(response);
            String status = ProviderJson.text(data, "/status");
            if ("failed".equals(status)) {
                String error = ProviderJson.text(data, "/error");
                throw new ProviderRejectedException(Provider.WAVESPEED, 0, "prediction " + id + " failed: "
                        + (error == null || error.isBlank() ? "no reason given" : error));
            }
            if (!"completed".equals(status)) {
                return Optional.empty();
            }
            List<String> outputs = new ArrayList<>();
            data.path("outputs").forEach(o -> outputs.add(o.asText()));
            if (outputs.isEmpty()) {
                throw new ProviderUnavailableException(Provider.WAVESPEED, "prediction " + id + " completed without outputs");
            }
            return Optional.of(outputs);
        }, schedule, progress);
    }

    /**
     * Submits (or takes up the prediction an earlier attempt of this activity submitted for the
     * same model and input), waits (reporting progress) and downloads the first output.
     */
    public Output run(String model, ObjectNode input, PollSchedule schedule, ProgressListener progress) {
        MessageDigest sha = ProviderJson.sha256();
        String request = "wavespeed " + model + " " + HexFormat.of().formatHex(sha.digest(ProviderJson.bytes(input)));
        String id = progress.job(request, () -> submit(model, input));
        List<String> outputs = await(id, schedule, progress);
        return download(outputs.get(0));
    }

    public Output download(String url) {
        ProviderResponse response = http.download(url, Duration.ofMinutes(5));
        return new Output(response.body(), response.mediaType(), url);
    }

    /** The {@code data} of {@code {"code", "message", "data"}}; a non-200 code inside a 200 answer is a refusal. */
    private static JsonNode envelope(ProviderResponse response) {
        JsonNode json = ProviderJson.parse(Provider.WAVESPEED, response);
        int code = json.path("code").asInt(200);
        if (code != 200) {
            String message = json.path("message").asText("error code " + code);
            if (code == 429 || code >= 500) {
                throw new ProviderUnavailableException(Provider.WAVESPEED, "code " + code + ": " + message);
            }
            throw new ProviderRejectedException(Provider.WAVESPEED, code, message);
        }
        return json.path("data");
    }

    /** The {@code message} of {@code {"code", "message"}}. */
    public static String errorMessage(ProviderResponse response) {
        JsonNode json = ProviderJson.treeOrMissing(response.body());
        String message = json.path("message").asText("");
        return message.isBlank() ? null : message;
    }
}
