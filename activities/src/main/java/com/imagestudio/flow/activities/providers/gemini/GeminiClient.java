package com.imagestudio.flow.activities.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.activities.providers.ApiKeys;
import com.imagestudio.flow.activities.providers.ProviderHttp;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.providers.ProviderResponse;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.providers.ProviderUnavailableException;
import com.imagestudio.flow.catalog.provider.Provider;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Gemini image generation and editing through the Gemini API:
 * {@code POST /v1beta/models/{model}:generateContent} with the key in {@code x-goog-api-key}, a
 * prompt part and optional {@code inline_data} image parts, and {@code generationConfig} asking for
 * image output ({@code responseModalities}, {@code imageConfig.aspectRatio}). The image comes back
 * base64 in {@code candidates[0].content.parts[].inlineData}; a blocked prompt is reported in
 * {@code promptFeedback.blockReason} or a {@code finishReason} such as SAFETY. Errors are
 * {@code {"error": {"code", "message", "status"}}}.
 */
public final class GeminiClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Set<String> REFUSED = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII",
            "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "RECITATION");

    private final ProviderSettings.Endpoint endpoint;
    private final ProviderHttp http;

    public GeminiClient(ProviderSettings.Endpoint endpoint, ProviderHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** The image the model returned and any text it added. */
    public record GeminiImage(byte[] bytes, String mimeType, String text) {
    }

    /**
     * @param images      images to edit or combine (sent inline), possibly none
     * @param aspectRatio such as "16:9", or null for the model's choice
     */
    public GeminiImage generate(String model, String prompt, List<ProviderMedia.Upload> images, String aspectRatio) {
        ObjectNode body = ProviderJson.object();
        ArrayNode parts = body.putArray("contents").addObject().putArray("parts");
        parts.addObject().put("text", prompt);
        for (ProviderMedia.Upload image : images) {
            ObjectNode inline = parts.addObject().putObject("inline_data");
            inline.put("mime_type", image.mediaType());
            inline.put("data", Base64.getEncoder().encodeToString(image.bytes()));
        }
        ObjectNode config = body.putObject("generationConfig");
        config.putArray("responseModalities").add("TEXT").add("IMAGE");
        if (aspectRatio != null) {
            config.putObject("imageConfig").put("aspectRatio", aspectRatio);
        }
        byte[] bytes = ProviderJson.bytes(body);
        ProviderResponse response = http.execute(() -> new Request.Builder()
                .url(endpoint.baseUrl() + "/v1beta/models/" + model + ":generateContent")
                .header("x-goog-api-key", ApiKeys.raw(endpoint))
                .post(RequestBody.create(bytes, JSON))
                .build(), Duration.ofSeconds(120));
        return imageOf(ProviderJson.parse(Provider.GEMINI, response));
    }

    private static GeminiImage imageOf(JsonNode json) {
        String blocked = ProviderJson.text(json, "/promptFeedback/blockReason");
        if (blocked != null) {
            throw new ProviderRejectedException(Provider.GEMINI, 0, "the prompt was blocked (" + blocked + ")");
        }
        JsonNode candidate = json.path("candidates").path(0);
        String finish = candidate.path("finishReason").asText("");
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode inline = part.has("inlineData") ? part.get("inlineData") : part.path("inline_data");
            if (!inline.isMissingNode() && inline.has("data")) {
                String mime = inline.has("mimeType") ? inline.get("mimeType").asText() : inline.path("mime_type").asText();
                return new GeminiImage(Base64.getDecoder().decode(inline.get("data").asText()), mime, text.toString());
            }
            if (part.has("text")) {
                text.append(part.get("text").asText());
            }
        }
        if (REFUSED.contains(finish)) {
            throw new ProviderRejectedException(Provider.GEMINI, 0, "no image: generation stopped (" + finish + ")"
                    + (text.isEmpty() ? "" : ": " + text));
        }
        throw new ProviderUnavailableException(Provider.GEMINI, "answered without an image (finishReason "
                + (finish.isEmpty() ? "none" : finish) + ")" + (text.isEmpty() ? "" : ": " + text));
    }

    /** "STATUS: message" from {@code {"error": {"code", "message", "status"}}}. */
    public static String errorMessage(ProviderResponse response) {
        JsonNode error = ProviderJson.treeOrMissing(response.body()).path("error");
        if (error.isMissingNode()) {
            return null;
        }
        String status = error.path("status").asText("");
        String message = error.path("message").asText("");
        return status.isEmpty() ? message : status + ": " + message;
    }
}
