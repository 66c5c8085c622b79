package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.engine.config.StudioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * On the in-process Temporal server, batches' workflows do not survive a restart: start the
 * unfinished ones again. A real cluster keeps its workflows, and the workers pick them up again.
 */
@Component
class BatchResumer {

    private static final Logger log = LoggerFactory.getLogger(BatchResumer.class);

    private final BatchService batches;
    private final StudioProperties properties;

    BatchResumer(BatchService batches, StudioProperties properties) {
        this.batches = batches;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        if (!properties.temporal().embedded()) {
            return;
        }
        List<String> resumed = batches.resumeUnfinished();
        if (!resumed.isEmpty()) {
            log.info("Resumed {} batch(es) interrupted by the last shutdown: {}", resumed.size(), resumed);
        }
    }
}
