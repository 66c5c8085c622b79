package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.GraphProblem;
import com.imagestudio.flow.catalog.graph.ProblemCode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes cannot read the library, so before a run is validated each {@code LoadAsset} node's
 * asset id (in its parameters, or from the workflow input bound to it) is looked up among the
 * owner's assets and its blob hash written into the node's {@code blob} parameter. The run then
 * records a graph that says both which asset it used and which bytes.
 */
@Component
public class LoadAssetResolver {

    static final String NODE_TYPE = "LoadAsset";
    static final String ASSET_PARAM = "asset";
    static final String BLOB_PARAM = "blob";

    private final AssetRows rows;

    LoadAssetResolver(AssetRows rows) {
        this.rows = rows;
    }

    /** The graph with every asset resolved, and a problem per asset the owner does not have (or that is no image). */
    public Resolution resolve(String ownerId, Graph graph, Map<String, ?> inputs) {
        List<GraphProblem> problems = new ArrayList<>();
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            Object assetId = NODE_TYPE.equals(node.type()) ? assetIdOf(node, graph, inputs) : null;
            if (!(assetId instanceof String id)) {
                nodes.add(node);
                continue;
            }
            Asset asset = rows.find(ownerId, id).orElse(null);
            if (asset == null || asset.type() != AssetType.IMAGE) {
                problems.add(new GraphProblem(node.id(), ProblemCode.INVALID_PARAMETER, asset == null
                        ? "there is no asset " + id + " in your library"
                        : "asset " + id + " is " + asset.type().name().toLowerCase() + ", not an image"));
                nodes.add(node);
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>(node.params());
            params.put(BLOB_PARAM, asset.blobHash());
            nodes.add(new GraphNode(node.id(), node.type(), node.version(), params));
        }
        return new Resolution(new Graph(nodes, graph.edges(), graph.inputs()), problems);
    }

    private static Object assetIdOf(GraphNode node, Graph graph, Map<String, ?> inputs) {
        for (GraphInput input : graph.inputs()) {
            if (input.node().equals(node.id()) && ASSET_PARAM.equals(input.param()) && inputs != null
                    && inputs.get(input.name()) != null) {
                return inputs.get(input.name());
            }
        }
        return node.params().get(ASSET_PARAM);
    }

    public record Resolution(Graph graph, List<GraphProblem> problems) {
    }
}
