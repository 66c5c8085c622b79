package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.providers.ProgressListener;
import io.temporal.activity.ActivityExecutionContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A node activity's progress listener: every heartbeat carries a {@link Checkpoint}, and the jobs
 * recorded by an earlier attempt are handed back instead of being submitted again. The same
 * request made twice in one attempt is told apart by its occurrence number.
 */
final class Heartbeats implements ProgressListener {

    private final ActivityExecutionContext context;
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final Map<String, Integer> occurrences = new ConcurrentHashMap<>();
    private volatile String progress;

    Heartbeats(ActivityExecutionContext context) {
        this.context = context;
        context.getHeartbeatDetails(Checkpoint.class).ifPresent(earlier -> jobs.putAll(earlier.jobs()));
    }

    @Override
    public void progress(String detail) {
        progress = detail;
        beat();
    }

    @Override
    public String job(String request, Supplier<String> submit) {
        String key = request + "#" + occurrences.merge(request, 1, Integer::sum);
        String earlier = jobs.get(key);
        if (earlier != null) {
            return earlier;
        }
        String id = submit.get();
        jobs.put(key, id);
        beat();
        return id;
    }

    /** Sends the current checkpoint; keepalives send it too, since a heartbeat replaces the last detail. */
    void beat() {
        context.heartbeat(new Checkpoint(progress, jobs));
    }
}
