package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.engine.batch.BatchService;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.schedule.ScheduleService;
import com.imagestudio.flow.engine.webhooks.WebhookDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;

/**
 * On the in-process Temporal server, workflows do not survive a restart; the database still
 * knows which runs, batches, schedules and webhook deliveries were unfinished, so they are
 * started again once the studio is up. A real cluster keeps its workflows, and the workers simply pick them up again.
 */
@Component
class EmbeddedRestartResumer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRestartResumer.class);

    private final RunService runs;
    private final BatchService batches;
    private final ScheduleService schedules;
    private final WebhookDeliveries webhooks;
    private final StudioProperties properties;

    EmbeddedRestartResumer(RunService runs, BatchService batches, ScheduleService schedules, WebhookDeliveries webhooks,
                           StudioProperties properties) {
        this.runs = runs;
        this.batches = batches;
        this.schedules = schedules;
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        if (!properties.temporal().embedded()) {
            return;
        }
        // runs first: a batch's runs are left to their batch, which restarts them under their own ids
        resume("run(s)", runs::resumeUnfinished);
        resume("batch(es)", batches::resumeUnfinished);
        resume("schedule(s)", schedules::resumeAll);
        resume("webhook delivery(ies)", webhooks::resumePending);
    }

    private static void resume(String what, Supplier<List<String>> restart) {
        List<String> resumed;
        try {
            resumed = restart.get();
        } catch (RuntimeException broken) {
            // each kind ends what it cannot resume; whatever still escapes must not stop the studio starting
            log.error("Could not start again the {} interrupted by the last shutdown", what, broken);
            return;
        }
        if (!resumed.isEmpty()) {
            log.info("Started again {} {} interrupted by the last shutdown: {}", resumed.size(), what, resumed);
        }
    }
}
