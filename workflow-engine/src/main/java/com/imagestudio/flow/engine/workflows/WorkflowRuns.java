package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.run.RunNotFoundException;
import com.imagestudio.flow.engine.run.RunOrigin;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.webhooks.WebhookUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs saved workflows on request. With an idempotency key, the first request with that key (per
 * user) starts the run and every repeat of the same request answers that run; the same key with a
 * different request is refused. A request that fails before its run starts (invalid inputs, too
 * many runs) frees its key. A key lives {@link #KEY_LIFETIME}: after that it is forgotten and may
 * start a new run, so the table holds a day of keys per user rather than every key ever sent.
 */
@Service
public class WorkflowRuns {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** As long as a client may sensibly retry a request it never got an answer to. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final SavedWorkflows workflows;
    private final RunService runs;
    private final WebhookUrls webhookUrls;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkflowRuns(SavedWorkflows workflows, RunService runs, WebhookUrls webhookUrls, JdbcClient jdbc, Clock clock) {
        this.workflows = workflows;
        this.runs = runs;
        this.webhookUrls = webhookUrls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts a run of the workflow's chosen version with these inputs, or answers the run an
     * earlier request with the same idempotency key started.
     *
     * @param idempotencyKey null for none
     * @throws WorkflowNotFoundException      when the user has no such workflow or version
     * @throws IdempotencyKeyReusedException  when the key was used for a different request
     * @throws IdempotencyKeyInUseException   when the same request is still starting its run
     */
    public Triggered trigger(String ownerId, String workflowId, WorkflowTrigger trigger, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Triggered(start(ownerId, workflowId, trigger, RunService.newRunId()), true);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        String hash = requestHash(workflowId, trigger);
        jdbc.sql("delete from idempotency_keys where owner_id = :owner and created_at <= :expired")
                .param("owner", ownerId).param("expired", Timestamp.from(clock.instant().minus(KEY_LIFETIME)))
                .update();
        Optional<Triggered> earlier = earlierRun(ownerId, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String runId = RunService.newRunId();
        boolean claimed = jdbc.sql("""
                        insert into idempotency_keys (owner_id, idem_key, request_hash, run_id, created_at)
                        values (:owner, :key, :hash, :run, :at) on conflict do nothing""")
                .param("owner", ownerId).param("key", idempotencyKey).param("hash", hash).param("run", runId)
                .param("at", Timestamp.from(clock.instant()))
                .update() == 1;
        if (!claimed) {
            // a concurrent request with the same key got there first
            return earlierRun(ownerId, idempotencyKey, hash).orElseThrow(() -> new IdempotencyKeyInUseException(idempotencyKey));
        }
        try {
            return new Triggered(start(ownerId, workflowId, trigger, runId), true);
        } catch (RuntimeException e) {
            jdbc.sql("delete from idempotency_keys where owner_id = :owner and idem_key = :key")
                    .param("owner", ownerId).param("key", idempotencyKey).update();
            throw e;
        }
    }

    private RunView start(String ownerId, String workflowId, WorkflowTrigger trigger, String runId) {
        SavedWorkflow workflow = trigger.version() == null
                ? workflows.find(ownerId, workflowId)
                : workflows.findVersion(ownerId, workflowId, trigger.version());
        String webhook = trigger.webhookUrl() == null || trigger.webhookUrl().isBlank()
                ? workflow.webhookUrl()
                : webhookUrls.check(ownerId, trigger.webhookUrl());
        return runs.start(ownerId, runId, workflow.graph(), trigger.inputs(),
                RunOrigin.ofWorkflow(workflow.id(), workflow.version(), webhook));
    }

    /** The run an earlier request with this key started, if there was one; a different request is refused. */
    private Optional<Triggered> earlierRun(String ownerId, String key, String hash) {
        Optional<Map<String, Object>> row = jdbc.sql("""
                        select request_hash, run_id from idempotency_keys where owner_id = :owner and idem_key = :key""")
                .param("owner", ownerId).param("key", key).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!hash.equals(row.get().get("request_hash"))) {
            throw new IdempotencyKeyReusedException(key);
        }
        try {
            return Optional.of(new Triggered(runs.find(ownerId, (String) row.get().get("run_id")), false));
        } catch (RunNotFoundException stillStarting) {
            throw new IdempotencyKeyInUseException(key);
        }
    }

    /** SHA-256 of the request in a canonical form: map keys sorted at every depth. */
    static String requestHash(String workflowId, WorkflowTrigger trigger) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("workflow", workflowId);
        request.put("version", trigger.version());
        request.put("inputs", canonical(trigger.inputs()));
        request.put("webhookUrl", trigger.webhookUrl() == null || trigger.webhookUrl().isBlank() ? null : trigger.webhookUrl());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(EngineJson.write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WorkflowRuns::canonical).toList();
        }
        return value;
    }

    /** @param created false when an earlier request with the same idempotency key had started this run */
    public record Triggered(RunView run, boolean created) {
    }
}
