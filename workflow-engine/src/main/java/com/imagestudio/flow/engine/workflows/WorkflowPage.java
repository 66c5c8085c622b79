package com.imagestudio.flow.engine.workflows;

import java.time.Instant;
import java.util.List;

/** A page of an owner's saved workflows, most recently changed first. */
public record WorkflowPage(List<Summary> items, int page, int size, long total) {

    public record Summary(String id, String name, String description, int latestVersion, List<String> inputs,
                          Instant createdAt, Instant updatedAt) {
    }
}
