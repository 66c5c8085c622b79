package com.imagestudio.flow.engine.cache;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

@Entity
@Table(name = "node_cache")
class NodeCacheEntry {

    @Id
    private String cacheKey;
    private String nodeType;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String outputs;
    private Instant createdAt;

    protected NodeCacheEntry() {
    }

    NodeCacheEntry(String cacheKey, String nodeType, String outputs, Instant createdAt) {
        this.cacheKey = cacheKey;
        this.nodeType = nodeType;
        this.outputs = outputs;
        this.createdAt = createdAt;
    }

    String cacheKey() {
        return cacheKey;
    }

    String outputs() {
        return outputs;
    }
}
