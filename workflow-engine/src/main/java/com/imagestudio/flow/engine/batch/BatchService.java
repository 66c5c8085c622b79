package com.imagestudio.flow.engine.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.engine.config.StudioProperties;
import com.imagestudio.flow.engine.credits.Balance;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.InsufficientCreditsException;
import com.imagestudio.flow.engine.credits.Plan;
import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.run.RunAdmission;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.TooManyRunsException;
import com.imagestudio.flow.engine.workflows.SavedWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Batches: a graph run once per CSV row (or per uploaded image). Every row is bound and checked
 * before anything is stored; the plan's row limit and the credits for the whole batch are
 * checked up front; then one {@link BatchWorkflow} runs the rows. Every call is on behalf of one owner.
 */
@Service
public class BatchService {

    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };
    private static final int INSERT_CHUNK = 1_000;

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);

    private final BatchRowBinder binder;
    private final RunService runs;
    private final SavedWorkflows workflows;
    private final CreditLedger ledger;
    private final RunAdmission admission;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;
    private final TransactionTemplate transaction;
    private final WorkflowClient temporal;
    private final StudioProperties properties;
    private final Clock clock;

    BatchService(BatchRowBinder binder, RunService runs, SavedWorkflows workflows, CreditLedger ledger, RunAdmission admission, JdbcClient jdbc,
                 NamedParameterJdbcTemplate namedJdbc, TransactionTemplate transaction, WorkflowClient temporal,
                 StudioProperties properties, Clock clock) {
        this.binder = binder;
        this.runs = runs;
        this.workflows = workflows;
        this.ledger = ledger;
        this.admission = admission;
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
        this.transaction = transaction;
        this.temporal = temporal;
        this.properties = properties;
        this.clock = clock;
    }

    /** A batch checked and ready to store: its rows bound to inputs, its concurrency and total estimate. */
    public record Prepared(BatchSpec spec, List<BatchRowBinder.BoundRow> rows, int concurrency, int credits) {
    }

    /**
     * Checks a batch without storing anything: the CSV (or the uploaded files, one row each), the
     * mapping, every row against the graph, the plan's row limit and concurrency, and the credits.
     *
     * @param csv     the CSV bytes, or null for a batch of the uploaded images alone
     * @param uploads uploaded file name to blob hash
     */
    public Prepared prepare(String ownerId, BatchSpec request, byte[] csv, Map<String, String> uploads) {
        BatchSpec spec = withItsGraph(ownerId, request);
        BatchCsv.Table table = csv != null ? BatchCsv.parse(csv) : fileTable(uploads);
        Plan plan = ledger.ensureAccount(ownerId);
        if (table.rows().size() > plan.maxBatchRows()) {
            throw new BatchTooLargeException(table.rows().size(), plan);
        }
        int concurrency = concurrency(spec.concurrency(), plan);
        List<BatchRowBinder.BoundRow> rows = binder.bind(spec, table, uploads);
        int credits = rows.stream().mapToInt(BatchRowBinder.BoundRow::credits).sum();
        Balance balance = ledger.balance(ownerId);
        if (credits > balance.available()) {
            throw new InsufficientCreditsException(credits, balance.available());
        }
        return new Prepared(spec, rows, concurrency, credits);
    }

    /**
     * The spec with the graph its rows run: a named workflow's version (its newest when none is
     * named) pinned for the whole batch, or the graph sent as is.
     *
     * @throws com.imagestudio.flow.engine.workflows.WorkflowNotFoundException when the owner has no such workflow or version
     */
    private BatchSpec withItsGraph(String ownerId, BatchSpec spec) {
        if (spec.workflowId() == null) {
            if (spec.graph() == null) {
                throw new IllegalArgumentException("a batch needs a \"workflowId\" or a \"graph\"");
            }
            return spec;
        }
        if (spec.graph() != null) {
            throw new IllegalArgumentException("a batch runs a \"workflowId\" or a \"graph\": give only one");
        }
        return spec.pinnedTo(spec.version() == null
                ? workflows.find(ownerId, spec.workflowId())
                : workflows.findVersion(ownerId, spec.workflowId(), spec.version()));
    }

    /**
     * Checks (see {@link #prepare}), stores the batch and its rows, and starts its workflow. The
     * batch is admitted with as many places among the plan's runs at once as it runs rows at once,
     * in the transaction that stores it (see {@link RunAdmission}).
     *
     * @throws TooManyRunsException when the owner's runs in progress leave too few places for it
     */
    public BatchView create(String ownerId, BatchSpec request, byte[] csv, Map<String, String> uploads, String scheduleId) {
        Prepared prepared = prepare(ownerId, request, csv, uploads);
        BatchSpec spec = prepared.spec();
        String batchId = "batch-" + UUID.randomUUID();
        transaction.executeWithoutResult(tx -> {
            admission.admit(ownerId, Math.min(prepared.concurrency(), prepared.rows().size()));
            jdbc.sql("""
                            insert into batches (id, owner_id, schedule_id, workflow_id, workflow_version, graph, status,
                                                 concurrency, total_rows, estimated_credits, created_at)
                            values (:id, :owner, :schedule, :workflow, :version, cast(:graph as jsonb), 'QUEUED',
                                    :concurrency, :rows, :credits, :at)""")
                    .param("id", batchId).param("owner", ownerId).param("schedule", scheduleId)
                    .param("workflow", spec.workflowId()).param("version", spec.version())
                    .param("graph", EngineJson.write(spec.graph())).param("concurrency", prepared.concurrency())
                    .param("rows", prepared.rows().size()).param("credits", prepared.credits())
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            insertRows(batchId, prepared.rows());
        });
        startWorkflow(batchId, prepared.concurrency());
        return find(ownerId, batchId);
    }

    /** Convenience for a spec whose CSV travels as text (JSON requests, schedules). */
    public BatchView create(String ownerId, BatchSpec spec, String scheduleId) {
        byte[] csv = spec.csv() == null ? null : spec.csv().getBytes(StandardCharsets.UTF_8);
        return create(ownerId, spec.withoutCsv(), csv, Map.of(), scheduleId);
    }

    public BatchView find(String ownerId, String batchId) {
        return jdbc.sql("""
                        select b.*,
                               count(*) filter (where r.status = 'PENDING')   as pending,
                               count(*) filter (where r.status = 'RUNNING')   as running,
                               count(*) filter (where r.status = 'SUCCEEDED') as succeeded,
                               count(*) filter (where r.status = 'FAILED')    as failed,
                               count(*) filter (where r.status = 'CANCELLED') as cancelled
                        from batches b left join batch_rows r on r.batch_id = b.id
                        where b.id = :id and b.owner_id = :owner
                        group by b.id""")
                .param("id", batchId).param("owner", ownerId)
                .query(BatchService::view).optional()
                .orElseThrow(() -> new BatchNotFoundException(batchId));
    }

    /** The owner's batches, newest first, with their progress. */
    public List<BatchView> list(String ownerId, int limit, int offset) {
        return jdbc.sql("""
                        select b.*,
                               count(*) filter (where r.status = 'PENDING')   as pending,
                               count(*) filter (where r.status = 'RUNNING')   as running,
                               count(*) filter (where r.status = 'SUCCEEDED') as succeeded,
                               count(*) filter (where r.status = 'FAILED')    as failed,
                               count(*) filter (where r.status = 'CANCELLED') as cancelled
                        from batches b left join batch_rows r on r.batch_id = b.id
                        where b.owner_id = :owner
                        group by b.id order by b.created_at desc limit :limit offset :offset""")
                .param("owner", ownerId).param("limit", limit).param("offset", offset)
                .query(BatchService::view).list();
    }

    /** Rows in CSV order, optionally only those with one status. */
    public List<BatchRowView> rows(String ownerId, String batchId, BatchRowStatus status, int limit, int offset) {
        find(ownerId, batchId);
        return jdbc.sql("""
                        select line_number, inputs, status, run_id, error, attempts from batch_rows
                        where batch_id = :batch and (cast(:status as varchar) is null or status = :status)
                        order by position limit :limit offset :offset""")
                .param("batch", batchId).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> new BatchRowView(rs.getInt("line_number"), EngineJson.read(rs.getString("inputs"), INPUTS),
                        BatchRowStatus.valueOf(rs.getString("status")), rs.getString("run_id"), rs.getString("error"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Runs the failed rows of an ended batch again, each as a new run (finished nodes come from
     * the node cache). The credits for those rows are checked again first.
     *
     * @throws BatchRunningException while the batch has not ended
     * @throws TooManyRunsException    when the owner's runs in progress leave too few places for it
     */
    public BatchView retryFailed(String ownerId, String batchId) {
        BatchView batch = find(ownerId, batchId);
        if (!batch.status().isFinal()) {
            throw new BatchRunningException(batchId);
        }
        if (batch.progress().failed() == 0) {
            return batch;
        }
        int perRow = batch.estimatedCredits() / Math.max(1, batch.totalRows());
        Balance balance = ledger.balance(ownerId);
        int need = perRow * batch.progress().failed();
        if (need > balance.available()) {
            throw new InsufficientCreditsException(need, balance.available());
        }
        transaction.executeWithoutResult(tx -> {
            admission.admit(ownerId, Math.min(batch.concurrency(), batch.progress().failed()));
            // under the owner's lock: of two retries at once, the second finds the batch queued again
            if (jdbc.sql("""
                            update batches set status = 'QUEUED', finished_at = null
                            where id = :id and status in ('SUCCEEDED', 'FAILED', 'CANCELLED')""")
                    .param("id", batchId).update() == 0) {
                throw new BatchRunningException(batchId);
            }
            jdbc.sql("update batch_rows set status = 'PENDING', run_id = null, error = null where batch_id = :batch and status = 'FAILED'")
                    .param("batch", batchId).update();
        });
        startWorkflow(batchId, batch.concurrency());
        return find(ownerId, batchId);
    }

    /** Asks the batch to stop: no new row starts, running rows are cancelled, pending rows end as cancelled. */
    public BatchView cancel(String ownerId, String batchId) {
        BatchView batch = find(ownerId, batchId);
        if (!batch.status().isFinal()) {
            temporal.newUntypedWorkflowStub(batchId).cancel();
        }
        return batch;
    }

    /**
     * Starts again the batches the database says are unfinished: after a restart on the
     * in-process Temporal server, which forgets everything, their workflows are gone. Rows that
     * had finished stay as they are and are not run again. A row whose run ended while its batch
     * was gone takes the run's outcome; a row whose run was interrupted gets that same run back
     * (its finished nodes from the node cache, nothing charged or kept twice) as a child of the
     * batch; the other rows run as they would have.
     *
     * @return the ids of the batches started again
     */
    public List<String> resumeUnfinished() {
        List<String> resumed = new ArrayList<>();
        List<Unfinished> unfinished = jdbc.sql("select id, concurrency from batches where status in ('QUEUED', 'RUNNING')")
                .query((rs, i) -> new Unfinished(rs.getString("id"), rs.getInt("concurrency"))).list();
        for (Unfinished batch : unfinished) {
            try {
                jdbc.sql("""
                                select r.run_id from batch_rows r join runs on runs.id = r.run_id
                                where r.batch_id = :batch and r.status = 'RUNNING' and runs.status in ('QUEUED', 'RUNNING')""")
                        .param("batch", batch.id()).query(String.class).list()
                        .forEach(runs::interrupted);
                jdbc.sql("""
                                update batch_rows r set status = runs.status, error = runs.error from runs
                                where runs.id = r.run_id and r.batch_id = :batch and r.status = 'RUNNING'
                                  and runs.status in ('SUCCEEDED', 'FAILED', 'CANCELLED')""")
                        .param("batch", batch.id()).update();
                BatchRequest request = jdbc.sql("""
                                select count(*) filter (where status = 'SUCCEEDED') as succeeded,
                                       count(*) filter (where status = 'FAILED')    as failed
                                from batch_rows where batch_id = :batch""")
                        .param("batch", batch.id())
                        .query((rs, i) -> BatchRequest.resumed(batch.id(), batch.concurrency(), rs.getInt("succeeded"),
                                rs.getInt("failed")))
                        .single();
                try {
                    startWorkflow(request);
                    resumed.add(batch.id());
                } catch (WorkflowExecutionAlreadyStarted alive) {
                    // its workflow survived (a real cluster, or it is simply still running): leave it be
                }
            } catch (RuntimeException broken) {
                failUnresumable(batch.id(), broken);
            }
        }
        return resumed;
    }

    /**
     * Ends as FAILED a batch that cannot start again, with its unfinished rows and their runs
     * (the reason on each), so that it neither hangs nor keeps the others from resuming.
     */
    private void failUnresumable(String batchId, RuntimeException broken) {
        log.warn("batch {} could not be resumed after a restart; ended as failed", batchId, broken);
        String reason = "the batch could not be resumed after a restart: " + broken.getMessage();
        Timestamp at = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                            update runs set status = 'FAILED', error = :reason, finished_at = :at
                            where id in (select run_id from batch_rows where batch_id = :batch)
                              and status in ('QUEUED', 'RUNNING')""")
                    .param("reason", reason).param("at", at).param("batch", batchId).update();
            jdbc.sql("update batch_rows set status = 'FAILED', error = :reason where batch_id = :batch and status in ('PENDING', 'RUNNING')")
                    .param("reason", reason).param("batch", batchId).update();
            jdbc.sql("update batches set status = 'FAILED', finished_at = :at where id = :batch and status in ('QUEUED', 'RUNNING')")
                    .param("at", at).param("batch", batchId).update();
        });
    }

    private void startWorkflow(String batchId, int concurrency) {
        startWorkflow(BatchRequest.first(batchId, concurrency));
    }

    private void startWorkflow(BatchRequest request) {
        BatchWorkflow workflow = temporal.newWorkflowStub(BatchWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(request.batchId())
                .setTaskQueue(properties.temporal().taskQueue())
                .build());
        WorkflowClient.start(workflow::run, request);
    }

    private record Unfinished(String id, int concurrency) {
    }

    private void insertRows(String batchId, List<BatchRowBinder.BoundRow> rows) {
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<MapSqlParameterSource> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(rows.size(), from + INSERT_CHUNK); i++) {
                BatchRowBinder.BoundRow row = rows.get(i);
                chunk.add(new MapSqlParameterSource().addValue("batch", batchId).addValue("position", i)
                        .addValue("line", row.line()).addValue("inputs", EngineJson.write(row.inputs())));
            }
            namedJdbc.batchUpdate("""
                    insert into batch_rows (batch_id, position, line_number, inputs, status)
                    values (:batch, :position, :line, cast(:inputs as jsonb), 'PENDING')""",
                    chunk.toArray(MapSqlParameterSource[]::new));
        }
    }

    private static int concurrency(Integer requested, Plan plan) {
        if (requested == null) {
            return Math.min(BatchSpec.DEFAULT_CONCURRENCY, plan.maxConcurrentRuns());
        }
        if (requested < 1 || requested > plan.maxConcurrentRuns()) {
            throw new IllegalArgumentException("concurrency must be 1 to " + plan.maxConcurrentRuns() + " on the "
                    + plan.name().toLowerCase() + " plan, got " + requested);
        }
        return requested;
    }

    /** Uploaded images without a CSV: one row per file, in the order sent, in a column named {@code file}. */
    private static BatchCsv.Table fileTable(Map<String, String> uploads) {
        if (uploads.isEmpty()) {
            throw new IllegalArgumentException("a batch needs a CSV or at least one uploaded image");
        }
        List<BatchCsv.Row> rows = new ArrayList<>();
        for (String name : uploads.keySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(BatchSpec.FILE_COLUMN, name);
            rows.add(new BatchCsv.Row(rows.size() + 1, values));
        }
        return new BatchCsv.Table(List.of(BatchSpec.FILE_COLUMN), rows);
    }

    private static BatchView view(ResultSet rs, int row) throws SQLException {
        return new BatchView(rs.getString("id"), BatchStatus.valueOf(rs.getString("status")), rs.getString("workflow_id"),
                (Integer) rs.getObject("workflow_version"), rs.getString("schedule_id"), rs.getInt("concurrency"),
                rs.getInt("total_rows"),
                new BatchView.Progress(rs.getInt("pending"), rs.getInt("running"), rs.getInt("succeeded"),
                        rs.getInt("failed"), rs.getInt("cancelled")),
                rs.getInt("estimated_credits"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
