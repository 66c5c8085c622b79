package com.imagestudio.flow.engine.schedule;

import com.imagestudio.flow.engine.batch.BatchService;
import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.workflows.WorkflowRuns;
import com.imagestudio.flow.engine.workflows.WorkflowTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts what a schedule starts. A firing is claimed by its sequence number before anything
 * starts, so a retried activity never starts it twice (at most once per firing); a refusal
 * (too few credits, too many runs, a row the catalog no longer accepts) is kept on the firing.
 */
@Component
class ScheduleFirer implements ScheduleActivities {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);

    private final JdbcClient jdbc;
    private final RunService runs;
    private final BatchService batches;
    private final WorkflowRuns workflowRuns;
    private final Clock clock;

    ScheduleFirer(JdbcClient jdbc, RunService runs, BatchService batches, WorkflowRuns workflowRuns, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.batches = batches;
        this.workflowRuns = workflowRuns;
        this.clock = clock;
    }

    @Override
    public void fire(String scheduleId, int sequence, long dueAtMillis, boolean manual) {
        Optional<Stored> schedule = jdbc.sql("select owner_id, spec from schedules where id = :id").param("id", scheduleId)
                .query((rs, i) -> new Stored(rs.getString("owner_id"), rs.getString("spec"))).optional();
        if (schedule.isEmpty()) {
            return; // deleted while its workflow was on its way out
        }
        int claimed = jdbc.sql("""
                        insert into schedule_fires (schedule_id, sequence, due_at, fired_at, manual)
                        values (:id, :sequence, :due, :at, :manual) on conflict do nothing""")
                .param("id", scheduleId).param("sequence", sequence).param("due", Timestamp.from(Instant.ofEpochMilli(dueAtMillis)))
                .param("at", Timestamp.from(clock.instant())).param("manual", manual)
                .update();
        if (claimed == 0) {
            return; // an earlier attempt of this activity fired it
        }
        String startedId = null;
        String error = null;
        try {
            ScheduleSpec.Target target = EngineJson.read(schedule.get().spec(), ScheduleSpec.Target.class);
            startedId = target.run() != null
                    ? startRun(schedule.get().ownerId(), target.run())
                    : batches.create(schedule.get().ownerId(), target.batch(), scheduleId).id();
        } catch (RuntimeException refused) {
            log.info("schedule {} firing {} started nothing: {}", scheduleId, sequence, refused.getMessage());
            error = refused.getMessage();
        }
        jdbc.sql("update schedule_fires set started_id = :started, error = :error where schedule_id = :id and sequence = :sequence")
                .param("started", startedId).param("error", error).param("id", scheduleId).param("sequence", sequence)
                .update();
    }

    /** A saved workflow runs at the version pinned, else at its newest now; a graph runs as it is. */
    private String startRun(String ownerId, ScheduleSpec.RunTarget run) {
        if (run.workflowId() == null) {
            return runs.start(ownerId, run.graph(), run.inputs()).id();
        }
        return workflowRuns.trigger(ownerId, run.workflowId(), new WorkflowTrigger(run.inputs(), run.version(), null), null)
                .run().id();
    }

    private record Stored(String ownerId, String spec) {
    }
}
