package com.imagestudio.flow.engine.assets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An asset as its owner sees it. {@code logicalKey} and {@code version} place it among the
 * versions of one logical asset; {@code runId}, {@code nodeId} and {@code workflowId} say what
 * made it (all null for an upload); {@code parameters} is the recipe: every node that led to it
 * with its parameters.
 */
public record Asset(
        String id,
        AssetType type,
        String name,
        String logicalKey,
        int version,
        String runId,
        String nodeId,
        String port,
        String workflowId,
        String nodeType,
        String module,
        String provider,
        String model,
        String prompt,
        Map<String, Object> parameters,
        int cost,
        Integer width,
        Integer height,
        long size,
        String mediaType,
        String blobHash,
        String status,
        boolean favourite,
        List<String> tags,
        List<String> autoTags,
        int downloads,
        int shares,
        Instant createdAt) {
}
