package com.imagestudio.flow.activities.nodes.faceswap;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Face swap models on WaveSpeed. */
public enum FaceSwapModel implements ChoiceEnum {
    FACE_SWAP_PRO("Face swap pro", "Realistic single-face swap with lighting and skin tone matched",
            "wavespeed-ai/image-face-swap-pro", "wavespeed.face-swap-pro"),
    HEAD_SWAP("Head swap", "Replaces the whole head: face, hair and outline",
            "wavespeed-ai/image-head-swap", "wavespeed.head-swap"),
    MULTI_FACE("Multi-face swap", "Swaps a chosen face in a group photo (Akool); needs the target face image",
            "akool/image-face-swap", "wavespeed.multi-face-swap"),
    INFINITE_YOU("InfiniteYou", "Identity-preserving swap (ByteDance InfiniteYou)",
            "wavespeed-ai/infinite-you", "wavespeed.infinite-you");

    private final String label;
    private final String description;
    private final String modelId;
    private final String costKey;

    FaceSwapModel(String label, String description, String modelId, String costKey) {
        this.label = label;
        this.description = description;
        this.modelId = modelId;
        this.costKey = costKey;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    public String modelId() {
        return modelId;
    }

    public String costKey() {
        return costKey;
    }
}
