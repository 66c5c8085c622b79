package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.nodes.output.SaveToLibrary;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.catalog.graph.ValidationResult;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every output lands in the library: when an output node succeeds, each media value it produced
 * becomes an asset, with its recipe and lineage, as the next version of its logical asset.
 * Called in the transaction that records the node, and idempotent per run, node and port, so a
 * retried recording never makes a second asset. What takes time is done before that
 * transaction, once per run or per output: validating the run's graph ({@link #recipeGraph}) and
 * the automatic tags ({@link #autoTags}).
 * <p>
 * The logical asset is {@code workflow:<workflow id>/<node id>/<port>} for a run of a saved
 * workflow (renaming the output keeps the history), and {@code node:<node id>/<name>/<port>}
 * otherwise: re-running an edited graph adds a version to the same asset.
 */
@Component
public class OutputAssets {

    private final NodeCatalog catalog;
    private final GraphValidator validator;
    private final AssetRows rows;
    private final BlobStore blobs;
    private final AutoTags autoTags;

    OutputAssets(NodeCatalog catalog, GraphValidator validator, AssetRows rows, BlobStore blobs, AutoTags autoTags) {
        this.catalog = catalog;
        this.validator = validator;
        this.rows = rows;
        this.blobs = blobs;
        this.autoTags = autoTags;
    }

    /** Whether results of this node type land in the library. */
    public boolean keeps(String nodeType, int version) {
        return catalog.find(nodeType, version).map(d -> d.schema().has(NodeFlag.OUTPUT)).orElse(false);
    }

    /** The run's graph as recipes are read from it. */
    public ValidatedGraph recipeGraph(String runId, Graph graph, Map<String, Object> inputs) {
        ValidationResult validation = validator.validate(graph, inputs);
        if (!validation.isValid()) {
            throw new IllegalStateException("run " + runId + " has a graph that no longer validates: " + validation.problems());
        }
        return validation.graph();
    }

    /** Whether the images this output node keeps get automatic tags: unless its {@code autoTags} is off. */
    public boolean tagsImages(ValidatedGraph graph, String nodeId) {
        ParamValues params = graph.params(nodeId);
        return !params.has(SaveToLibrary.AUTO_TAGS.name()) || params.bool(SaveToLibrary.AUTO_TAGS.name());
    }

    /**
     * The automatic tags of each image among these outputs, by blob hash (see {@link AutoTags});
     * the images of a list (a folder's results) are tagged in parallel.
     */
    public Map<String, List<String>> autoTags(Map<String, PortValue> outputs) {
        return outputs.values().stream()
                .filter(value -> AssetType.of(value.type()).filter(type -> type == AssetType.IMAGE).isPresent())
                .flatMap(value -> media(value).stream()).map(BlobRef::hash).distinct().toList()
                .parallelStream().collect(Collectors.toMap(Function.identity(), hash -> autoTags.of(bytes(hash))));
    }

    /** @return the ids of the assets made now (none when they were recorded already) */
    public List<String> record(RunOutput output) {
        ValidatedGraph graph = output.graph();
        Recipe recipe = Recipe.of(graph, output.nodeId());
        String name = graph.params(output.nodeId()).stringOr("name", output.nodeId());
        int cost = recipe.steps().stream().map(output.finished()::get)
                .mapToInt(n -> n == null ? 0 : n.charged()).sum();
        Map<String, String> uploaded = rows.latestWithBlobs(output.ownerId(),
                sourceBlobs(output, recipe, OptionalInt.empty()).map(BlobRef::hash).toList());
        List<NewAsset> assets = new ArrayList<>();
        for (var entry : output.outputs().entrySet()) {
            List<BlobRef> items = media(entry.getValue());
            Optional<AssetType> type = AssetType.of(entry.getValue().type());
            for (int i = 0; i < items.size() && type.isPresent(); i++) {
                String port = items.size() == 1 && entry.getValue().list() == null ? entry.getKey() : entry.getKey() + "/" + i;
                String itemName = items.size() == 1 ? name : name + " (" + (i + 1) + ")";
                // a node run once per image of a list made its i-th result from the i-th image
                OptionalInt item = graph.mapped(output.nodeId()) ? OptionalInt.of(i) : OptionalInt.empty();
                assets.add(asset(output, recipe, type.get(), port, itemName, items.get(i), sources(output, recipe, item, uploaded),
                        recipe.parameters(listItems(output, recipe, item)), cost));
            }
        }
        return rows.insertAll(assets);
    }

    private NewAsset asset(RunOutput output, Recipe recipe, AssetType type, String port, String name, BlobRef blob,
                           List<String> sources, Map<String, Object> parameters, int cost) {
        String logicalKey = output.workflowId() != null
                ? "workflow:" + output.workflowId() + "/" + output.nodeId() + "/" + port
                : "node:" + output.nodeId() + "/" + name + "/" + port;
        NodeSchema producer = recipe.producer();
        List<String> tags = type == AssetType.IMAGE ? output.autoTags().getOrDefault(blob.hash(), List.of()) : List.of();
        return new NewAsset(output.ownerId(), type, name, logicalKey, output.runId(), output.nodeId(), port,
                output.workflowId(), producer.id(), producer.category(), recipe.provider(),
                recipe.nearestText("model").orElse(null), recipe.nearestText("prompt").orElse(null), parameters,
                cost, blob.width() > 0 ? blob.width() : null, blob.height() > 0 ? blob.height() : null, blob.size(),
                blob.mediaType(), blob.hash(), List.of(), tags, sources);
    }

    /**
     * What the output was made from: the assets {@code LoadAsset} steps named, and the owner's
     * assets whose bytes another source step (an upload through {@code LoadImage}) brought in
     * ({@code uploaded}: the newest asset holding each blob, by hash). For one item of a node run
     * once per image of a list, a source list gives only that item.
     */
    private List<String> sources(RunOutput output, Recipe recipe, OptionalInt item, Map<String, String> uploaded) {
        Set<String> sources = new LinkedHashSet<>();
        recipe.steps().stream().filter(step -> loadsAsset(recipe, step))
                .forEach(step -> sources.add(recipe.graph().params(step).string(LoadAssetResolver.ASSET_PARAM)));
        sourceBlobs(output, recipe, item).map(blob -> uploaded.get(blob.hash())).filter(Objects::nonNull).forEach(sources::add);
        return List.copyOf(sources);
    }

    /** The blobs the recipe's source steps other than {@code LoadAsset} brought in (for one item, see {@link #sources}). */
    private Stream<BlobRef> sourceBlobs(RunOutput output, Recipe recipe, OptionalInt item) {
        return recipe.steps().stream().filter(step -> !loadsAsset(recipe, step)).flatMap(step -> stepBlobs(output, recipe, step, item));
    }

    /**
     * For one item of a node run once per image of a list: each source step that gave the list,
     * with the item it gave (its number from 1, the list's size, the image's hash); nothing otherwise.
     */
    private static Map<String, Map<String, Object>> listItems(RunOutput output, Recipe recipe, OptionalInt item) {
        Map<String, Map<String, Object>> items = new HashMap<>();
        if (item.isEmpty()) {
            return items;
        }
        int i = item.getAsInt();
        for (String step : recipe.steps()) {
            if (recipe.graph().incoming(step).isEmpty() && output.finished().containsKey(step)) {
                output.finished().get(step).outputs().values().stream()
                        .filter(value -> value.list() != null && i < value.list().size()).findFirst()
                        .ifPresent(list -> items.put(step, Map.of("number", i + 1, "of", list.list().size(),
                                "hash", list.list().get(i).hash())));
            }
        }
        return items;
    }

    private static boolean loadsAsset(Recipe recipe, String step) {
        return recipe.graph().schema(step).id().equals(LoadAssetResolver.NODE_TYPE);
    }

    /** What a source step (a step with no incoming edge) put out; nothing for any other step. */
    private static Stream<BlobRef> stepBlobs(RunOutput output, Recipe recipe, String step, OptionalInt item) {
        if (!recipe.graph().incoming(step).isEmpty() || !output.finished().containsKey(step)) {
            return Stream.empty();
        }
        return output.finished().get(step).outputs().values().stream()
                .flatMap(v -> v.list() == null ? Stream.ofNullable(v.blob())
                        : item.isPresent() && item.getAsInt() < v.list().size() ? Stream.of(v.list().get(item.getAsInt()))
                        : v.list().stream());
    }

    /** The blobs a value holds; text becomes a blob of its UTF-8 bytes. */
    private List<BlobRef> media(PortValue value) {
        if (value.list() != null) {
            return value.list();
        }
        if (value.blob() != null) {
            return List.of(value.blob());
        }
        if (value.text() != null) {
            try {
                return List.of(blobs.put(value.text().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store a text output", e);
            }
        }
        return List.of();
    }

    private byte[] bytes(String hash) {
        try {
            return blobs.get(hash).orElseThrow(() -> new IllegalStateException("output blob " + hash + " is gone"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output blob " + hash, e);
        }
    }
}
