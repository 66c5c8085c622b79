package com.imagestudio.flow.engine.assets;

import java.time.Instant;

/**
 * A search of one owner's library. Every field is optional: {@code text} is full-text over name,
 * prompt and tags (web search syntax: words, "phrases", -excluded); {@code nodeType} and
 * {@code module} are the type and category of the node that made the content; {@code run} keeps
 * the assets one run made.
 */
public record AssetQuery(
        String text,
        AssetType type,
        String nodeType,
        String module,
        String provider,
        Instant from,
        Instant to,
        String status,
        Boolean favourite,
        String collection,
        String tag,
        String run,
        Sort sort,
        boolean ascending,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 200;

    public AssetQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        sort = sort == null ? Sort.CREATED : sort;
    }

    public enum Sort {
        CREATED("created_at"), NAME("lower(name)"), SIZE("size_bytes");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }
}
