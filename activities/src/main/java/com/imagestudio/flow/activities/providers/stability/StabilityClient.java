package com.imagestudio.flow.activities.providers.stability;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stability AI's REST API v2beta: every operation is a multipart/form-data POST under
 * {@code /v2beta/stable-image/...} with {@code Authorization: Bearer}. Synchronous operations answer
 * the image bytes when asked with {@code Accept: image/*} (a {@code finish-reason} header says
 * whether the result was filtered); asynchronous ones (creative upscale, replace background and
 * relight) answer {@code {"id": ...}} and the result is fetched from {@code GET /v2beta/results/{id}},
 * 202 while in progress. Errors are {@code {"id", "name", "errors": [...]}}.
 */
public final class StabilityClient {

    private static final MediaType OCTET = MediaType.get("application/octet-stream");

    private final ProviderSettings.Endpoint endpoint;
    private final ProviderHttp http;

    public StabilityClient(ProviderSettings.Endpoint endpoint, ProviderHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** One v2beta request: the path under the base URL, text fields and files, in order. */
    public static final class Form {
        private final String path;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, ProviderMedia.Upload> files = new LinkedHashMap<>();

        private Form(String path) {
            this.path = path;
        }

        public static Form to(String path) {
            return new Form(path);
        }

        /** Adds a text field; a null or blank value is left out (the provider default applies). */
        public Form field(String name, Object value) {
            if (value != null && !String.valueOf(value).isBlank()) {
                fields.put(name, String.valueOf(value));
            }
            return this;
        }

        public Form file(String name, ProviderMedia.Upload upload) {
            files.put(name, upload);
            return this;
        }

        public String path() {
            return path;
        }

        /** A stable digest of what the form submits (its multipart boundary aside). */
        String digest() {
            MessageDigest sha = ProviderJson.sha256();
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            fields.forEach((name, value) -> sha.update(("\0" + name + "=" + value).getBytes(StandardCharsets.UTF_8)));
            files.forEach((name, upload) -> {
                sha.update(("\0" + name + ":" + upload.mediaType() + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(upload.bytes());
            });
            return HexFormat.of().formatHex(sha.digest());
        }

        public Map<String, String> fields() {
            return fields;
        }

        RequestBody body() {
            MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
            files.forEach((name, upload) -> body.addFormDataPart(name, upload.filename(),
                    RequestBody.create(upload.bytes(), MediaType.parse(upload.mediaType()) == null
                            ? OCTET : MediaType.parse(upload.mediaType()))));
            fields.forEach(body::addFormDataPart);
            if (fields.isEmpty() && files.isEmpty()) {
                body.addFormDataPart("none", "");
            }
            return body.build();
        }
    }

    /** A synchronous operation: the image bytes, or a refusal if the result was filtered. */
    public byte[] image(Form form, Duration timeout) {
        ProviderResponse response = http.execute(() -> post(form, "image/*"), timeout);
        return checkedImage(response);
    }

    /** Starts an asynchronous operation and returns its generation id. */
    public String start(Form form, Duration timeout) {
        ProviderResponse response = http.execute(() -> post(form, "application/json"), timeout);
        String id = ProviderJson.text(ProviderJson.parse(Provider.STABILITY, response), "/id");
        if (id == null || id.isBlank()) {
            throw new ProviderUnavailableException(Provider.STABILITY, "started " + form.path() + " without an id");
        }
        return id;
    }

    /** Polls {@code GET /v2beta/results/{id}} until the image is ready (202 while in progress). */
    public byte[] result(String id, PollSchedule schedule, ProgressListener progress) {
        return http.poll("generation " + id, () -> {
            ProviderResponse response = http.execute(() -> new Request.Builder()
                    .url(endpoint.baseUrl() + "/v2beta/results/" + id)
                    .header("Authorization", ApiKeys.bearer(endpoint))
                    .header("Accept", "image/*")
                    .get().build(), Duration.ofSeconds(60));
            return response.status() == 202 ? Optional.empty() : Optional.of(checkedImage(response));
        }, schedule, progress);
    }

    /**
     * Starts an asynchronous operation, or takes up the one an earlier attempt of this activity
     * started for the same form, and waits for its image.
     */
    public byte[] imageAsync(Form form, PollSchedule schedule, ProgressListener progress) {
        String id = progress.job("stability " + form.path() + " " + form.digest(), () -> start(form, Duration.ofSeconds(60)));
        return result(id, schedule, progress);
    }

    private Request post(Form form, String accept) {
        return new Request.Builder()
                .url(endpoint.baseUrl() + form.path())
                .header("Authorization", ApiKeys.bearer(endpoint))
                .header("Accept", accept)
                .post(form.body())
                .build();
    }

    private static byte[] checkedImage(ProviderResponse response) {
        String finish = response.header("finish-reason");
        if (finish != null && finish.equalsIgnoreCase("CONTENT_FILTERED")) {
            throw new ProviderRejectedException(Provider.STABILITY, 0,
                    "content_moderation: the result was filtered by content moderation");
        }
        if (response.mediaType().equals("application/json")) {
            // an image asked as JSON: {"image": base64, "finish_reason": ..., "seed": ...}
            JsonNode json = ProviderJson.parse(Provider.STABILITY, response);
            if ("CONTENT_FILTERED".equalsIgnoreCase(ProviderJson.text(json, "/finish_reason"))) {
                throw new ProviderRejectedException(Provider.STABILITY, 0,
                        "content_moderation: the result was filtered by content moderation");
            }
            String image = ProviderJson.text(json, "/image");
            if (image == null) {
                throw new ProviderUnavailableException(Provider.STABILITY, "answered JSON without an image");
            }
            return java.util.Base64.getDecoder().decode(image);
        }
        return response.body();
    }

    /** "name: error; error" from {@code {"id", "name", "errors": [...]}}. */
    public static String errorMessage(ProviderResponse response) {
        JsonNode json = ProviderJson.treeOrMissing(response.body());
        List<String> errors = new ArrayList<>();
        json.path("errors").forEach(e -> errors.add(e.asText()));
        String name = json.path("name").asText("");
        if (errors.isEmpty()) {
            String message = json.path("message").asText("");
            return message.isEmpty() ? null : (name.isEmpty() ? message : name + ": " + message);
        }
        return (name.isEmpty() ? "" : name + ": ") + String.join("; ", errors);
    }
}
