package com.imagestudio.flow.activities.providers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.catalog.provider.Provider;

import java.io.IOException;

/** JSON in and out of provider calls. */
public final class ProviderJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as JSON; a body that is not JSON is a provider fault (retryable). */
    public static JsonNode parse(Provider provider, ProviderResponse response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException(provider, "answered with something that is not JSON ("
                    + response.mediaType() + ", " + response.body().length + " bytes)", e);
        }
    }

    /** The body as JSON, or a missing node when it is not JSON (for error bodies). */
    public static JsonNode treeOrMissing(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : tree;
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    public static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The text at a path like {@code /data/id}, or null. */
    public static String text(JsonNode json, String pointer) {
        JsonNode node = json.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** For digests of what is submitted to a provider. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
