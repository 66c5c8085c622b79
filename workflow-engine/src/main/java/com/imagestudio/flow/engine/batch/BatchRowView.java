package com.imagestudio.flow.engine.batch;

import java.util.Map;

/** One row of a batch: its CSV line, the inputs it bound, its run and how it went. */
public record BatchRowView(int line, Map<String, Object> inputs, BatchRowStatus status, String runId, String error,
                           int attempts) {
}
