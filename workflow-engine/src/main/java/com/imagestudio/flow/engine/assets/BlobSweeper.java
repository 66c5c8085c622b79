package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Removes blobs nothing refers to any more: no asset of any owner, and no run (its graph, inputs,
 * or any node's outputs). The node cache may still point at a removed blob; it checks that its
 * blobs exist before it uses an entry, so that costs a recomputation, never a wrong result.
 * The run columns are searched as text: a scan, acceptable at a deletion's pace.
 */
@Component
class BlobSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(BlobSweeper.class);

    private final JdbcClient jdbc;
    private final BlobStore blobs;

    BlobSweeper(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /** @return the hashes removed */
    List<String> sweep(Collection<String> hashes) {
        return hashes.stream().distinct().filter(this::unreferenced).filter(this::delete).toList();
    }

    private boolean unreferenced(String hash) {
        return !jdbc.sql("""
                        select exists (select 1 from assets where blob_hash = :hash)
                            or exists (select 1 from run_nodes where strpos(outputs::text, :hash) > 0)
                            or exists (select 1 from runs where strpos(graph::text || inputs::text
                                                                       || coalesce(outputs::text, ''), :hash) > 0)""")
                .param("hash", hash).query(Boolean.class).single();
    }

    private boolean delete(String hash) {
        try {
            return blobs.delete(hash);
        } catch (IOException e) {
            LOG.warn("could not delete unreferenced blob {}: {}", hash, e.getMessage());
            return false;
        }
    }
}
