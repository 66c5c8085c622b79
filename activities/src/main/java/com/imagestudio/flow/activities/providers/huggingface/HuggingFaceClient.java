package com.imagestudio.flow.activities.providers.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.activities.providers.ApiKeys;
import com.imagestudio.flow.activities.providers.ProviderHttp;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderResponse;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.providers.ProviderUnavailableException;
import com.imagestudio.flow.catalog.provider.Provider;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Duration;

/**
 * Hugging Face Inference (the HF Inference provider behind the router): text-to-image is
 * {@code POST /hf-inference/models/{model}} with {@code {"inputs": prompt, "parameters": {...}}} and
 * {@code Authorization: Bearer HF_TOKEN}; the answer is the image bytes. A model still loading
 * answers 503 with {@code {"error", "estimated_time"}} (retried); errors are {@code {"error": ...}}.
 */
public final class HuggingFaceClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final ProviderSettings.Endpoint endpoint;
    private final ProviderHttp http;

    public HuggingFaceClient(ProviderSettings.Endpoint endpoint, ProviderHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** Generates an image; {@code parameters} holds negative_prompt, width, height, seed and the like. */
    public byte[] textToImage(String model, String prompt, ObjectNode parameters) {
        ObjectNode body = ProviderJson.object();
        body.put("inputs", prompt);
        body.set("parameters", parameters);
        byte[] bytes = ProviderJson.bytes(body);
        ProviderResponse response = http.execute(() -> new Request.Builder()
                .url(endpoint.baseUrl() + "/hf-inference/models/" + model)
                .header("Authorization", ApiKeys.bearer(endpoint))
                .header("Accept", "image/png")
                .post(RequestBody.create(bytes, JSON))
                .build(), Duration.ofSeconds(120));
        if (response.mediaType().equals("application/json")) {
            throw new ProviderUnavailableException(Provider.HUGGING_FACE, "answered JSON instead of an image: "
                    + response.text());
        }
        return response.body();
    }

    /** {@code {"error": "..."}} or {@code {"error": ["..."]}}. */
    public static String errorMessage(ProviderResponse response) {
        JsonNode error = ProviderJson.treeOrMissing(response.body()).path("error");
        if (error.isArray()) {
            StringBuilder joined = new StringBuilder();
            error.forEach(e -> joined.append(joined.isEmpty() ? "" : "; ").append(e.asText()));
            return joined.toString();
        }
        return error.isMissingNode() ? null : error.asText();
    }
}
