package com.imagestudio.flow.engine.schedule;

import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.engine.batch.BatchSpec;

import java.util.Map;

/**
 * A campaign: a name, a 5-field cron expression in a time zone, and what it starts each time,
 * either one run ({@code run}) or one batch ({@code batch}, its CSV as text).
 */
public record ScheduleSpec(String name, String cron, String zone, RunTarget run, BatchSpec batch) {

    /** A graph and the values of its workflow inputs, as {@code POST /api/runs} takes them. */
    public record RunTarget(Graph graph, Map<String, Object> inputs) {
        public RunTarget {
            inputs = inputs == null ? Map.of() : inputs;
        }
    }

    /** What is stored and started: one of the two. */
    public record Target(RunTarget run, BatchSpec batch) {
    }
}
