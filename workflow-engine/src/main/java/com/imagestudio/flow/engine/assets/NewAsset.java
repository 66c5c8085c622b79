package com.imagestudio.flow.engine.assets;

import java.util.List;
import java.util.Map;

/** What is known of an asset when it is made; the library numbers its version and stamps its time. */
record NewAsset(
        String ownerId,
        AssetType type,
        String name,
        String logicalKey,
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
        List<String> tags,
        List<String> autoTags,
        List<String> sources) {
}
