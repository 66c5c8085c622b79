package com.imagestudio.flow.engine.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ValidationResult;
import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.run.ExecutionPlan;
import com.imagestudio.flow.engine.run.RunOrigin;
import com.imagestudio.flow.engine.run.RunRequest;
import com.imagestudio.flow.engine.run.RunService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The batch workflow's local activities: rows read a page at a time, each row's run recorded, progress kept. */
@Component
class BatchRecorder implements BatchActivities {

    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final RunService runs;
    private final GraphValidator validator;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BatchRecorder(JdbcClient jdbc, RunService runs, GraphValidator validator, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.validator = validator;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void batchStarted(String batchId) {
        jdbc.sql("update batches set status = 'RUNNING', started_at = coalesce(started_at, :at) where id = :id")
                .param("at", now()).param("id", batchId).update();
    }

    @Override
    public List<Integer> pendingRows(String batchId, int afterPosition, int limit) {
        return jdbc.sql("""
                        select position from batch_rows
                        where batch_id = :batch and status in ('PENDING', 'RUNNING') and position > :after
                        order by position limit :limit""")
                .param("batch", batchId).param("after", afterPosition).param("limit", limit)
                .query(Integer.class).list();
    }

    @Override
    public RunRequest startRow(String batchId, int position) {
        return transaction.execute(tx -> {
            Row row = jdbc.sql("""
                            select b.owner_id, b.workflow_id, b.workflow_version, b.graph, r.inputs, r.status, r.run_id
                            from batch_rows r join batches b on b.id = r.batch_id
                            where r.batch_id = :batch and r.position = :position for update of r""")
                    .param("batch", batchId).param("position", position)
                    .query((rs, i) -> new Row(rs.getString("owner_id"), rs.getString("workflow_id"),
                            (Integer) rs.getObject("workflow_version"), rs.getString("graph"), rs.getString("inputs"),
                            rs.getString("status"), rs.getString("run_id")))
                    .single();
            Map<String, Object> inputs = EngineJson.read(row.inputs(), INPUTS);
            ValidationResult validation = validator.validate(EngineJson.read(row.graph(), Graph.class), inputs);
            if (!validation.isValid()) {
                // checked when the batch was made; only a change of the node catalog since gets here
                rowFinished(batchId, position, BatchRowStatus.FAILED, new InvalidGraphException(validation.problems()).getMessage());
                return null;
            }
            if (BatchRowStatus.RUNNING.name().equals(row.status()) && row.runId() != null) {
                // the run is recorded already, by an earlier attempt of this step whose worker died
                // before the child started, or by a batch a restart interrupted: start that run
                return new RunRequest(row.runId(), ExecutionPlan.of(validation.graph()));
            }
            RunOrigin origin = row.workflowId() == null ? RunOrigin.NONE
                    : RunOrigin.ofWorkflow(row.workflowId(), row.workflowVersion(), null);
            RunRequest run = runs.record(row.ownerId(), validation.graph(), inputs, origin);
            jdbc.sql("""
                            update batch_rows set status = 'RUNNING', run_id = :run, error = null, attempts = attempts + 1
                            where batch_id = :batch and position = :position""")
                    .param("run", run.runId()).param("batch", batchId).param("position", position).update();
            return run;
        });
    }

    @Override
    public void rowFinished(String batchId, int position, BatchRowStatus status, String error) {
        jdbc.sql("update batch_rows set status = :status, error = :error where batch_id = :batch and position = :position")
                .param("status", status.name()).param("error", error).param("batch", batchId).param("position", position)
                .update();
    }

    @Override
    public BatchStatus batchEnded(String batchId, boolean cancelled) {
        return transaction.execute(tx -> {
            BatchStatus status;
            if (cancelled) {
                // every child has ended by now: a run still queued is one whose child never started
                jdbc.sql("""
                                update runs set status = 'CANCELLED', error = 'the batch was cancelled', finished_at = :at
                                where status = 'QUEUED' and id in (select run_id from batch_rows where batch_id = :batch)""")
                        .param("at", now()).param("batch", batchId).update();
                jdbc.sql("""
                                update batch_rows set status = 'CANCELLED', error = 'the batch was cancelled'
                                where batch_id = :batch and status in ('PENDING', 'RUNNING')""")
                        .param("batch", batchId).update();
                status = BatchStatus.CANCELLED;
            } else {
                int failed = jdbc.sql("select count(*) from batch_rows where batch_id = :batch and status <> 'SUCCEEDED'")
                        .param("batch", batchId).query(Integer.class).single();
                status = failed == 0 ? BatchStatus.SUCCEEDED : BatchStatus.FAILED;
            }
            jdbc.sql("update batches set status = :status, finished_at = :at where id = :id")
                    .param("status", status.name()).param("at", now()).param("id", batchId).update();
            return status;
        });
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private record Row(String ownerId, String workflowId, Integer workflowVersion, String graph, String inputs,
                       String status, String runId) {
    }
}
