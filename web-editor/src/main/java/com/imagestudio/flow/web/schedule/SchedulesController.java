package com.imagestudio.flow.web.schedule;

import com.imagestudio.flow.engine.schedule.ScheduleService;
import com.imagestudio.flow.engine.schedule.ScheduleSpec;
import com.imagestudio.flow.engine.schedule.ScheduleView;
import com.imagestudio.flow.web.user.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Schedules (campaigns): a 5-field cron in a time zone that starts a run or a batch. */
@RestController
@RequestMapping("/api/schedules")
class SchedulesController {

    private final ScheduleService schedules;
    private final CurrentUser user;

    SchedulesController(ScheduleService schedules, CurrentUser user) {
        this.schedules = schedules;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<ScheduleView> create(@RequestBody ScheduleSpec spec) {
        ScheduleView schedule = schedules.create(user.id(), spec);
        return ResponseEntity.created(URI.create("/api/schedules/" + schedule.id())).body(schedule);
    }

    @GetMapping
    List<ScheduleView> list() {
        return schedules.list(user.id());
    }

    /** The schedule with its next {@code next} fire times (0 to 100) and its recent firings. */
    @GetMapping("/{id}")
    ScheduleView get(@PathVariable String id, @RequestParam(defaultValue = "5") int next) {
        return schedules.find(user.id(), id, next);
    }

    /** A new {@code cron} and/or {@code zone}. */
    @PatchMapping("/{id}")
    ScheduleView update(@PathVariable String id, @RequestBody Change change) {
        return schedules.update(user.id(), id, change.cron(), change.zone());
    }

    @PostMapping("/{id}/pause")
    ScheduleView pause(@PathVariable String id) {
        return schedules.pause(user.id(), id);
    }

    @PostMapping("/{id}/resume")
    ScheduleView resume(@PathVariable String id) {
        return schedules.resume(user.id(), id);
    }

    /** Fires once now; what it starts appears in {@code recentFires}. */
    @PostMapping("/{id}/trigger")
    ResponseEntity<ScheduleView> trigger(@PathVariable String id) {
        return ResponseEntity.accepted().body(schedules.trigger(user.id(), id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        schedules.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    record Change(String cron, String zone) {
    }
}
