package com.imagestudio.flow.engine.workflows;

import java.util.Map;

/**
 * A request to run a saved workflow: values for its named inputs, the version to run (null: the
 * newest) and a webhook for this run only (null: the workflow's own, if it has one).
 */
public record WorkflowTrigger(Map<String, Object> inputs, Integer version, String webhookUrl) {

    public WorkflowTrigger {
        inputs = inputs == null ? Map.of() : inputs;
    }
}
