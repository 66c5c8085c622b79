package com.imagestudio.flow.activities.run;

import java.time.Instant;

/**
 * What one step of a chain did, and when (on the worker's clock).
 *
 * @param result its outputs that were kept: stored in the blob store or plain values; an image
 *               it handed on in memory is left out (cached: it came from the node cache, or a
 *               later step's cached result made it unnecessary)
 * @param fused  it ran in a chain of several nodes
 */
public record StepResult(String nodeId, NodeResult result, boolean fused, Instant startedAt, Instant finishedAt) {
}
