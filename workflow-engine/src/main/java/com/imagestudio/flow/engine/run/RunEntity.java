package com.imagestudio.flow.engine.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.ColumnTransformer;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

@Entity
@Table(name = "runs")
class RunEntity implements Persistable<String> {

    @Id
    private String id;
    private String ownerId;
    @Enumerated(EnumType.STRING)
    private RunStatus status;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String graph;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String inputs;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String outputs;
    private String error;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private String workflowId;
    private Integer workflowVersion;
    private String retryOf;
    private String webhookUrl;

    protected RunEntity() {
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
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    RunEntity(String id, String ownerId, String graph, String inputs, RunOrigin origin, Instant createdAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.status = RunStatus.QUEUED;
        this.graph = graph;
        this.inputs = inputs;
        this.workflowId = origin.workflowId();
        this.workflowVersion = origin.workflowVersion();
        this.retryOf = origin.retryOf();
        this.webhookUrl = origin.webhookUrl();
        this.createdAt = createdAt;
    }

    /** @return whether it started now (it was queued) */
    boolean started(Instant at) {
        if (status != RunStatus.QUEUED) {
            return false;
        }
        status = RunStatus.RUNNING;
        startedAt = at;
        return true;
    }

    void finished(RunStatus finalStatus, String outputsJson, String errorMessage, Instant at) {
        status = finalStatus;
        outputs = outputsJson;
        error = errorMessage;
        finishedAt = at;
    }

    String id() {
        return id;
    }

    String ownerId() {
        return ownerId;
    }

    RunStatus status() {
        return status;
    }

    String graph() {
        return graph;
    }

    String inputs() {
        return inputs;
    }

    String outputs() {
        return outputs;
    }

    String error() {
        return error;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String workflowId() {
        return workflowId;
    }

    Integer workflowVersion() {
        return workflowVersion;
    }

    String retryOf() {
        return retryOf;
    }

    String webhookUrl() {
        return webhookUrl;
    }
}
