package com.imagestudio.flow.activities.run;

import java.util.Map;

/**
 * A node activity's heartbeat detail: its latest progress, and the provider jobs it submitted
 * (request digest and occurrence -> job id), which a retried attempt resumes.
 */
public record Checkpoint(String progress, Map<String, String> jobs) {

    public Checkpoint {
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    }
}
