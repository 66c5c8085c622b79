package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.engine.config.StudioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * On the in-process Temporal server, workflows do not survive a restart; the database still
 * knows which runs were unfinished, so they are started again once the studio is up. A real
 * cluster keeps its workflows, and the workers simply pick them up again.
 */
@Component
class UnfinishedRunsResumer {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedRunsResumer.class);

    private final RunService runs;
    private final StudioProperties properties;

    UnfinishedRunsResumer(RunService runs, StudioProperties properties) {
        this.runs = runs;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        if (!properties.temporal().embedded()) {
            return;
        }
        List<String> resumed = runs.resumeUnfinished();
        if (!resumed.isEmpty()) {
            log.info("Resumed {} run(s) interrupted by the last shutdown: {}", resumed.size(), resumed);
        }
    }
}
