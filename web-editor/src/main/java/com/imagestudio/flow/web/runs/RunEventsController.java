package com.imagestudio.flow.web.runs;

import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.web.user.CurrentUser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run's progress as server-sent events, for the editor's live view: an event {@code run}
 * carrying the whole {@link RunView} each time it changes, the first one at once, and the
 * stream ends after the event that shows the run ended.
 */
@RestController
@RequestMapping("/api/runs")
class RunEventsController {

    static final String EVENT_NAME = "run";
    private static final Duration POLL_EVERY = Duration.ofMillis(300);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(RunEventsController.class);

    private final RunService runs;
    private final CurrentUser user;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "run-events");
        thread.setDaemon(true);
        return thread;
    });

    RunEventsController(RunService runs, CurrentUser user) {
        this.runs = runs;
        this.user = user;
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String id) {
        String owner = user.id();
        runs.find(owner, id); // an unknown run is a 404 before the stream opens
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        AtomicReference<RunView> lastSent = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable stop = () -> {
            ended.set(true);
            ScheduledFuture<?> running = task.get();
            if (running != null) {
                running.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        task.set(poller.scheduleWithFixedDelay(() -> {
            if (ended.get()) {
                stop.run(); // ended before the task was known to the first poll
                return;
            }
            try {
                RunView current = runs.find(owner, id);
                if (!current.equals(lastSent.get())) {
                    emitter.send(SseEmitter.event().name(EVENT_NAME).data(current, MediaType.APPLICATION_JSON));
                    lastSent.set(current);
                }
                if (current.status().isFinal()) {
                    stop.run();
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException gone) {
                stop.run(); // the client went away, or the emitter already ended
            } catch (RuntimeException e) {
                log.warn("stopped following run {}", id, e);
                stop.run();
                emitter.completeWithError(e);
            }
        }, 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    @PreDestroy
    void stopPolling() {
        poller.shutdownNow();
    }
}
