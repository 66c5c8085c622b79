package com.imagestudio.flow.engine.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.ColumnTransformer;
import org.springframework.data.domain.Persistable;

import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "run_nodes")
@IdClass(RunNodeEntity.Key.class)
class RunNodeEntity implements Persistable<RunNodeEntity.Key> {

    record Key(String runId, String nodeId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private String runId;
    @Id
    private String nodeId;
    private String nodeType;
    private int position;
    private int credits;
    @Enumerated(EnumType.STRING)
    private NodeStatus status;
    private boolean cached;
    private boolean fused;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String outputs;
    private String error;
    private Instant startedAt;
    private Instant finishedAt;

    protected RunNodeEntity() {
    }

    /** A row made here is inserted as it is, without a read to find out whether it exists. */
    @Transient
    private boolean stored;

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public RunNodeEntity.Key getId() {
        return new Key(runId, nodeId);
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    RunNodeEntity(String runId, String nodeId, String nodeType, int position, int credits) {
        this.runId = runId;
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.position = position;
        this.credits = credits;
        this.status = NodeStatus.PENDING;
    }

    void started(Instant at) {
        status = NodeStatus.RUNNING;
        startedAt = at;
    }

    void succeeded(String outputsJson, boolean fromCache, Instant at) {
        status = NodeStatus.SUCCEEDED;
        outputs = outputsJson;
        cached = fromCache;
        finishedAt = at;
    }

    /** As the worker timed it, when it ran in a chain of nodes ({@code inChain}). */
    void succeeded(String outputsJson, boolean fromCache, boolean inChain, Instant started, Instant finished) {
        succeeded(outputsJson, fromCache, finished);
        startedAt = started;
        fused = inChain;
    }

    void failed(String message, Instant at) {
        status = NodeStatus.FAILED;
        error = message;
        finishedAt = at;
    }

    /** A node that was running when its workflow was lost runs again (from the cache if it had finished). */
    void requeue() {
        if (status == NodeStatus.RUNNING) {
            status = NodeStatus.PENDING;
            startedAt = null;
        }
    }

    void skipped() {
        status = NodeStatus.SKIPPED;
    }

    String nodeId() {
        return nodeId;
    }

    String nodeType() {
        return nodeType;
    }

    int credits() {
        return credits;
    }

    NodeStatus status() {
        return status;
    }

    boolean cached() {
        return cached;
    }

    boolean fused() {
        return fused;
    }

    String outputs() {
        return outputs;
    }

    String error() {
        return error;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
