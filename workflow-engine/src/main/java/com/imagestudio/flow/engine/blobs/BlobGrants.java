package com.imagestudio.flow.engine.blobs;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.PortValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which blobs a user may read and use: those they uploaded, those their runs made, and those of
 * the assets they loaded. Hashes are not secret (outputs, CSVs and webhooks carry them), so
 * another user's hash is answered as an unknown one: its existence is not told.
 */
@Component
public class BlobGrants {

    private final JdbcTemplate jdbc;

    BlobGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement however many hashes: a folder run's outputs are granted at once. */
    public void grant(String ownerId, Collection<String> hashes) {
        if (!hashes.isEmpty()) {
            jdbc.update("insert into blob_grants (owner_id, hash) select ?, unnest(?) on conflict do nothing",
                    ownerId, Set.copyOf(hashes).toArray(String[]::new));
        }
    }

    /** Grants every blob these node outputs hold, lists included. */
    public void grantOutputs(String ownerId, Map<String, PortValue> outputs) {
        grant(ownerId, outputs.values().stream().flatMap(PortValue::blobs).map(BlobRef::hash).toList());
    }

    public boolean granted(String ownerId, String hash) {
        return notGranted(ownerId, List.of(hash)).isEmpty();
    }

    /** Those of {@code hashes} the user may not use. */
    public Set<String> notGranted(String ownerId, Collection<String> hashes) {
        Set<String> missing = new HashSet<>(hashes);
        if (!missing.isEmpty()) {
            missing.removeAll(jdbc.queryForList("select hash from blob_grants where owner_id = ? and hash = any (?)",
                    String.class, ownerId, missing.toArray(String[]::new)));
        }
        return missing;
    }
}
