package com.imagestudio.flow.engine.schedule;

import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.engine.batch.BatchSpec;

import java.util.Map;

/**
 * A campaign: a name, a 5-field cron expression in a time zone, and what it starts each time,
 * either one run ({@code run}) or one batch ({@code batch}, its CSV as text).
 */
public record ScheduleSpec(String name, String cron, String zone, RunTarget run, BatchSpec batch) {

    /**
     * A saved workflow ({@code workflowId}, at {@code version} or, when that is null, at its
     * newest version each time the schedule fires) or a graph sent as is, and the values of its
     * workflow inputs.
     */
    public record RunTarget(String workflowId, Integer version, Graph graph, Map<String, Object> inputs) {
        public RunTarget {
            inputs = inputs == null ? Map.of() : inputs;
        }

        /** A run of a graph sent as is. */
        public RunTarget(Graph graph, Map<String, Object> inputs) {
            this(null, null, graph, inputs);
        }
    }

    /** What is stored and started: one of the two. */
    public record Target(RunTarget run, BatchSpec batch) {

        /** The saved workflow the schedule starts, or null for a graph. */
        String workflowId() {
            return run != null ? run.workflowId() : batch.workflowId();
        }

        Integer workflowVersion() {
            return run != null ? run.version() : batch.version();
        }
    }
}
