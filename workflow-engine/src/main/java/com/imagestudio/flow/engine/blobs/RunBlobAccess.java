package com.imagestudio.flow.engine.blobs;

import com.imagestudio.flow.catalog.graph.GraphProblem;
import com.imagestudio.flow.catalog.graph.ProblemCode;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a run is recorded: every stored image its nodes name (the {@code blob} of LoadImage and
 * LoadAsset, the {@code blobs} of LoadImages, inputs bound) must be one the owner may use. Another
 * user's hash gets the problem an unknown hash would get.
 */
@Component
public class RunBlobAccess {

    private static final String BLOB_PARAM = "blob";
    private static final String BLOBS_PARAM = "blobs";

    private final BlobGrants grants;

    RunBlobAccess(BlobGrants grants) {
        this.grants = grants;
    }

    /** A problem per node naming a blob the owner may not use; none when all are theirs. */
    public List<GraphProblem> problems(String ownerId, ValidatedGraph graph) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        graph.order().forEach(nodeId -> {
            Map<String, Object> params = graph.params(nodeId).asMap();
            List<String> hashes = new ArrayList<>();
            if (params.get(BLOB_PARAM) instanceof String hash) {
                hashes.add(hash);
            }
            if (params.get(BLOBS_PARAM) instanceof String list) {
                Arrays.stream(list.split(",")).map(String::trim).filter(h -> !h.isEmpty()).forEach(hashes::add);
            }
            if (!hashes.isEmpty()) {
                named.put(nodeId, hashes);
            }
        });
        Set<String> refused = grants.notGranted(ownerId, named.values().stream().flatMap(List::stream).toList());
        List<GraphProblem> problems = new ArrayList<>();
        named.forEach((nodeId, hashes) -> hashes.stream().filter(refused::contains).distinct().forEach(hash ->
                problems.add(new GraphProblem(nodeId, ProblemCode.INVALID_PARAMETER, "blob " + hash + " not found"))));
        return problems;
    }
}
