package com.imagestudio.flow.engine.schedule;

import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.engine.batch.BatchService;
import com.imagestudio.flow.engine.config.StudioProperties;
import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.workflows.SavedWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schedules (campaigns): stored here for listings, timed by one {@link ScheduleWorkflow} each.
 * What a schedule starts is checked when it is made, as a run or a batch would be. Every call
 * is on behalf of one owner.
 */
@Service
public class ScheduleService {

    public static final int MAX_NEXT = 100;
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    private static final int RECENT_FIRES = 10;

    private final JdbcClient jdbc;
    private final GraphValidator validator;
    private final BatchService batches;
    private final SavedWorkflows workflows;
    private final WorkflowClient temporal;
    private final StudioProperties properties;
    private final Clock clock;

    ScheduleService(JdbcClient jdbc, GraphValidator validator, BatchService batches, SavedWorkflows workflows,
                    WorkflowClient temporal,
                    StudioProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.batches = batches;
        this.workflows = workflows;
        this.temporal = temporal;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException for a bad name, cron expression, time zone or target
     * @throws com.imagestudio.flow.catalog.graph.InvalidGraphException for a run target that cannot run
     * @throws com.imagestudio.flow.engine.batch.BatchRejectedException for a batch target with bad rows
     */
    public ScheduleView create(String ownerId, ScheduleSpec spec) {
        if (spec.name() == null || spec.name().isBlank() || spec.name().length() > 120) {
            throw new IllegalArgumentException("a schedule needs a name of 1 to 120 characters");
        }
        CronSchedule cron = CronSchedule.parse(spec.cron(), spec.zone());
        if ((spec.run() == null) == (spec.batch() == null)) {
            throw new IllegalArgumentException("a schedule starts either a \"run\" or a \"batch\": give exactly one");
        }
        if (spec.run() != null) {
            validator.require(graphOf(ownerId, spec.run()), spec.run().inputs());
        } else {
            if (spec.batch().csv() == null) {
                throw new IllegalArgumentException("a scheduled batch needs its CSV as text in \"csv\"");
            }
            batches.prepare(ownerId, spec.batch(), spec.batch().csv().getBytes(StandardCharsets.UTF_8), Map.of());
        }
        String id = "schedule-" + UUID.randomUUID();
        ScheduleSpec.Target target = new ScheduleSpec.Target(spec.run(), spec.batch());
        jdbc.sql("""
                        insert into schedules (id, owner_id, name, cron, zone, target, workflow_id, workflow_version, spec,
                                               created_at)
                        values (:id, :owner, :name, :cron, :zone, :target, :workflow, :version, cast(:spec as jsonb), :at)""")
                .param("id", id).param("owner", ownerId).param("name", spec.name().trim())
                .param("cron", cron.expression()).param("zone", cron.zone().getId())
                .param("target", spec.run() != null ? "RUN" : "BATCH")
                .param("workflow", target.workflowId()).param("version", target.workflowVersion())
                .param("spec", EngineJson.write(target))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        startWorkflow(new ScheduleState(id, cron.expression(), cron.zone().getId(), false, 0, 0));
        return find(ownerId, id, 5);
    }

    /** The graph a run target runs now: its saved workflow's (checked to be the owner's), or its own. */
    private Graph graphOf(String ownerId, ScheduleSpec.RunTarget run) {
        if ((run.workflowId() == null) == (run.graph() == null)) {
            throw new IllegalArgumentException("the run needs a \"workflowId\" or a \"graph\": give exactly one");
        }
        if (run.graph() != null) {
            return run.graph();
        }
        return (run.version() == null ? workflows.find(ownerId, run.workflowId())
                : workflows.findVersion(ownerId, run.workflowId(), run.version())).graph();
    }

    /** The schedule with its next {@code next} fire times (none while paused) and its recent firings. */
    public ScheduleView find(String ownerId, String scheduleId, int next) {
        if (next < 0 || next > MAX_NEXT) {
            throw new IllegalArgumentException("next must be 0 to " + MAX_NEXT + ", got " + next);
        }
        Stored stored = stored(ownerId, scheduleId);
        List<Instant> nextTimes = stored.paused() ? List.of()
                : CronSchedule.parse(stored.cron(), stored.zone()).next(clock.instant(), next);
        List<ScheduleView.Fire> fires = jdbc.sql("""
                        select sequence, due_at, fired_at, manual, started_id, error from schedule_fires
                        where schedule_id = :id order by sequence desc limit :limit""")
                .param("id", scheduleId).param("limit", RECENT_FIRES)
                .query((rs, i) -> new ScheduleView.Fire(rs.getInt("sequence"), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("fired_at").toInstant(), rs.getBoolean("manual"), rs.getString("started_id"),
                        rs.getString("error")))
                .list();
        return stored.view(nextTimes, fires);
    }

    public List<ScheduleView> list(String ownerId) {
        List<ScheduleView> views = new ArrayList<>();
        for (Stored stored : jdbc.sql("select * from schedules where owner_id = :owner order by created_at desc")
                .param("owner", ownerId).query(ScheduleService::stored).list()) {
            views.add(stored.view(stored.paused() ? List.of()
                    : CronSchedule.parse(stored.cron(), stored.zone()).next(clock.instant(), 1), List.of()));
        }
        return views;
    }

    public ScheduleView pause(String ownerId, String scheduleId) {
        stored(ownerId, scheduleId);
        jdbc.sql("update schedules set paused = true where id = :id").param("id", scheduleId).update();
        workflow(scheduleId).pause();
        return find(ownerId, scheduleId, 0);
    }

    public ScheduleView resume(String ownerId, String scheduleId) {
        stored(ownerId, scheduleId);
        jdbc.sql("update schedules set paused = false where id = :id").param("id", scheduleId).update();
        workflow(scheduleId).resume();
        return find(ownerId, scheduleId, 5);
    }

    /** Fires once now, paused or not; the answer does not wait for the firing. */
    public ScheduleView trigger(String ownerId, String scheduleId) {
        stored(ownerId, scheduleId);
        workflow(scheduleId).triggerNow();
        return find(ownerId, scheduleId, 5);
    }

    /** A new cron expression and/or time zone (null keeps the current one). */
    public ScheduleView update(String ownerId, String scheduleId, String cron, String zone) {
        Stored stored = stored(ownerId, scheduleId);
        CronSchedule schedule = CronSchedule.parse(cron == null ? stored.cron() : cron, zone == null ? stored.zone() : zone);
        jdbc.sql("update schedules set cron = :cron, zone = :zone where id = :id")
                .param("cron", schedule.expression()).param("zone", schedule.zone().getId()).param("id", scheduleId).update();
        workflow(scheduleId).update(schedule.expression(), schedule.zone().getId());
        return find(ownerId, scheduleId, 5);
    }

    /** Deletes the schedule and its history of firings, and stops its workflow; what it started goes on. */
    public void delete(String ownerId, String scheduleId) {
        stored(ownerId, scheduleId);
        jdbc.sql("delete from schedules where id = :id").param("id", scheduleId).update();
        try {
            temporal.newUntypedWorkflowStub(scheduleId).terminate("schedule deleted");
        } catch (WorkflowNotFoundException gone) {
            // nothing to stop
        }
    }

    /**
     * Starts the workflow of every stored schedule that has none: after a restart on the
     * in-process Temporal server, which forgets everything. Firings due while the studio was
     * down are not made up for; the next one after now is.
     *
     * @return the ids of the schedules started again
     */
    public List<String> resumeAll() {
        List<String> resumed = new ArrayList<>();
        for (Stored stored : jdbc.sql("select * from schedules").query(ScheduleService::stored).list()) {
            int fires = jdbc.sql("select coalesce(max(sequence) + 1, 0) from schedule_fires where schedule_id = :id")
                    .param("id", stored.id()).query(Integer.class).single();
            try {
                startWorkflow(new ScheduleState(stored.id(), stored.cron(), stored.zone(), stored.paused(),
                        clock.millis(), fires));
                resumed.add(stored.id());
            } catch (WorkflowExecutionAlreadyStarted alive) {
                // a cluster kept it
            } catch (RuntimeException broken) {
                // left as it is (a schedule has no end state) and tried again at the next start
                log.warn("schedule {} could not be resumed after a restart", stored.id(), broken);
            }
        }
        return resumed;
    }

    private void startWorkflow(ScheduleState state) {
        ScheduleWorkflow workflow = temporal.newWorkflowStub(ScheduleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(state.scheduleId())
                .setTaskQueue(properties.temporal().taskQueue())
                .build());
        WorkflowClient.start(workflow::run, state);
    }

    private ScheduleWorkflow workflow(String scheduleId) {
        return temporal.newWorkflowStub(ScheduleWorkflow.class, scheduleId);
    }

    private Stored stored(String ownerId, String scheduleId) {
        return jdbc.sql("select * from schedules where id = :id and owner_id = :owner")
                .param("id", scheduleId).param("owner", ownerId)
                .query(ScheduleService::stored).optional()
                .orElseThrow(() -> new ScheduleNotFoundException(scheduleId));
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getString("id"), rs.getString("name"), rs.getString("cron"), rs.getString("zone"),
                rs.getString("target"), rs.getBoolean("paused"), rs.getString("workflow_id"),
                (Integer) rs.getObject("workflow_version"), rs.getTimestamp("created_at").toInstant());
    }

    private record Stored(String id, String name, String cron, String zone, String target, boolean paused,
                          String workflowId, Integer workflowVersion, Instant createdAt) {
        ScheduleView view(List<Instant> next, List<ScheduleView.Fire> fires) {
            return new ScheduleView(id, name, cron, zone, target, paused, workflowId, workflowVersion, createdAt, next, fires);
        }
    }
}
