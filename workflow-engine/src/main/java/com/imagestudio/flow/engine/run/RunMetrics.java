package com.imagestudio.flow.engine.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * What operators watch: runs started and ended (by status), node durations and failures (by
 * node type). Published through Micrometer ({@code /actuator/metrics} in the studio).
 */
@Component
class RunMetrics {

    private final MeterRegistry registry;

    RunMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    void runStarted() {
        Counter.builder("studio.runs.started").description("Runs whose first node started").register(registry).increment();
    }

    void runEnded(RunStatus status) {
        Counter.builder("studio.runs.ended").description("Runs that ended, by final status")
                .tag("status", status.name().toLowerCase()).register(registry).increment();
    }

    void nodeSucceeded(String nodeType, boolean cached, Duration took) {
        Timer.builder("studio.nodes.duration").description("Time from a node's start to its result")
                .tag("type", nodeType).tag("cached", String.valueOf(cached))
                .register(registry).record(took);
    }

    void nodeFailed(String nodeType) {
        Counter.builder("studio.nodes.failures").description("Nodes that failed after their retries")
                .tag("type", nodeType).register(registry).increment();
    }
}
