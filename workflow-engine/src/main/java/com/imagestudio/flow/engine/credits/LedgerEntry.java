package com.imagestudio.flow.engine.credits;

import java.time.Instant;

public record LedgerEntry(long id, String kind, int amount, String runId, String nodeId, String nodeType,
                          String note, Instant createdAt) {
}
