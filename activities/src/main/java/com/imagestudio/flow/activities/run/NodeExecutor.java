package com.imagestudio.flow.activities.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.EncodedMedia;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.Port;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs one node: checks its parameters, consults the node cache, hands the node its inputs,
 * and stores what it returns in the blob store.
 */
public final class NodeExecutor {

    private static final ObjectMapper CANONICAL_JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @SuppressWarnings("rawtypes")
    private final Map<String, StudioNode> nodes;
    private final BlobStore blobs;
    private final ImageProbe probe;
    private final NodeResultCache cache;
    private final ProviderClients providers;

    /** A worker without provider keys: provider nodes fail as not configured. */
    public NodeExecutor(NodeCatalog catalog, BlobStore blobs, ImageProbe probe, NodeResultCache cache) {
        this(catalog, blobs, probe, cache, ProviderClients.none());
    }

    public NodeExecutor(NodeCatalog catalog, BlobStore blobs, ImageProbe probe, NodeResultCache cache,
                        ProviderClients providers) {
        this.nodes = catalog.definitionsOf(StudioNode.class);
        this.blobs = blobs;
        this.probe = probe;
        this.cache = cache;
        this.providers = providers;
    }

    public NodeResult run(NodeInvocation invocation) {
        return run(invocation, ProgressListener.NONE);
    }

    /** Runs a node; a long provider job reports to {@code progress} while it waits. */
    @SuppressWarnings("unchecked")
    public NodeResult run(NodeInvocation invocation, ProgressListener progress) {
        StudioNode<Object> node = nodes.get(NodeCatalog.key(invocation.type(), invocation.version()));
        if (node == null) {
            throw new BadInputException("no node " + invocation.type() + " v" + invocation.version() + " on this worker");
        }
        NodeSchema schema = node.schema();
        NodeSchema.ParamCheck params = schema.checkParams(invocation.params());
        if (!params.isValid()) {
            throw new BadInputException(String.join("; ", params.problems()));
        }
        String key = cacheKey(invocation, schema, params.values().asMap());
        Optional<Map<String, PortValue>> hit = cache.find(key).filter(this::blobsStillExist);
        if (hit.isPresent()) {
            return new NodeResult(hit.get(), true);
        }
        NodeInputs inputs = new NodeInputs(invocation.inputs(), this::openImage, providers, progress);
        NodeOutputs produced = node.execute(inputs, node.params(params.values()));
        Map<String, PortValue> outputs = store(schema, produced);
        cache.put(key, schema.id(), outputs);
        return new NodeResult(outputs, false);
    }

    /**
     * Same type, version, parameters and input content: same result. A non-deterministic node
     * (a generative model) only reuses its result within the same run, so that retries are free
     * but a new run makes something new.
     */
    private static String cacheKey(NodeInvocation invocation, NodeSchema schema, Map<String, Object> params) {
        Map<String, String> inputs = new TreeMap<>();
        invocation.inputs().forEach((port, value) -> inputs.put(port, value.contentKey()));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("node", schema.id() + "@" + schema.version());
        key.put("params", params);
        key.put("inputs", inputs);
        if (schema.has(NodeFlag.NON_DETERMINISTIC)) {
            key.put("run", invocation.runId());
        }
        try {
            return FileSystemBlobStore.sha256(CANONICAL_JSON.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters are plain JSON values", e);
        }
    }

    private boolean blobsStillExist(Map<String, PortValue> outputs) {
        return outputs.values().stream()
                .flatMap(v -> v.list() != null ? v.list().stream() : Stream.ofNullable(v.blob()))
                .allMatch(blob -> existsQuietly(blob.hash()));
    }

    private boolean existsQuietly(String hash) {
        try {
            return blobs.exists(hash);
        } catch (IOException e) {
            return false;
        }
    }

    private ImageInput openImage(String hash) {
        BlobRef ref = new BlobRef(hash, "application/octet-stream", 0, 0, 0);
        return new ImageInput(ref, () -> {
            try {
                return blobs.get(hash).orElseThrow(() -> new BadInputException("no stored image has the hash " + hash));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read blob " + hash, e);
            }
        }, probe);
    }

    private Map<String, PortValue> store(NodeSchema schema, NodeOutputs produced) {
        Map<String, PortValue> stored = new LinkedHashMap<>();
        try {
            for (var entry : produced.asMap().entrySet()) {
                Port port = schema.output(entry.getKey()).orElseThrow(() -> new IllegalStateException(
                        schema.id() + " returned an output on undeclared port '" + entry.getKey() + "'"));
                NodeOutputs.Output output = entry.getValue();
                if (output.value() != null) {
                    stored.put(port.name(), output.value());
                } else if (output.images() != null || output.encodedImages() != null) {
                    List<EncodedImage> images = output.encodedImages() != null ? output.encodedImages()
                            : output.images().stream().map(NodeExecutor::encodeIntermediate).toList();
                    List<BlobRef> refs = new ArrayList<>();
                    for (EncodedImage image : images) {
                        refs.add(put(EncodedMedia.of(image)));
                    }
                    stored.put(port.name(), PortValue.imageList(refs));
                } else {
                    EncodedMedia media = output.media() != null ? output.media()
                            : EncodedMedia.of(output.encoded() != null ? output.encoded() : encodeIntermediate(output.image()));
                    stored.put(port.name(), PortValue.media(port.type(), put(media)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the outputs of " + schema.id(), e);
        } finally {
            produced.asMap().values().forEach(o -> o.mats().forEach(Mat::close));
        }
        return stored;
    }

    private BlobRef put(EncodedMedia media) throws IOException {
        return blobs.put(media.bytes(), media.mediaType()).withDimensions(media.width(), media.height());
    }

    private static EncodedImage encodeIntermediate(Mat image) {
        return ImageCodec.encode(image, EncodeSettings.INTERMEDIATE);
    }
}
