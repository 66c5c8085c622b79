package com.imagestudio.flow.engine.schedule;

import com.imagestudio.flow.engine.config.StudioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** On the in-process Temporal server, schedules' workflows do not survive a restart: start them again. */
@Component
class ScheduleResumer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleResumer.class);

    private final ScheduleService schedules;
    private final StudioProperties properties;

    ScheduleResumer(ScheduleService schedules, StudioProperties properties) {
        this.schedules = schedules;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        if (!properties.temporal().embedded()) {
            return;
        }
        List<String> resumed = schedules.resumeAll();
        if (!resumed.isEmpty()) {
            log.info("Started again {} schedule(s) after the last shutdown", resumed.size());
        }
    }
}
