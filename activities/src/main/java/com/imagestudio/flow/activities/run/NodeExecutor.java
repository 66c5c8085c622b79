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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs nodes: checks their parameters, consults the node cache, hands each node its inputs, and
 * stores what it returns in the blob store. A node runs on its own, or as a step of a
 * {@link FusedChain}, where a decoded image passes to the next step in memory.
 */
public final class NodeExecutor {

    /**
     * How much of a stored image is read to check its header: a JPEG's EXIF (at most 64 KB) and
     * frame header fit, so loading a folder of photos reads a sliver of each.
     */
    private static final int HEADER_BYTES = 128 * 1024;
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
    public NodeResult run(NodeInvocation invocation, ProgressListener progress) {
        try {
            return run(FusedChain.of(invocation), progress).steps().get(0).result();
        } catch (ChainStepFailedException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs the steps of a chain in order, in this thread. Each step takes the step before's
     * outputs as they are: a decoded image is handed on in memory, never encoded nor stored.
     * Stored are: every output of the last step and of output nodes, encoded images and media,
     * image lists, a handed-on image that a node asked the bytes or the reference of, and the
     * images handed to a step that failed. A step whose outputs all have a value then goes in the
     * node cache.
     * <p>
     * The cache key of a step fed by the step before names that step's key where it would name
     * content: the keys of a whole chain are known before anything runs, and the chain starts
     * after its last step with a cached result (the steps before it are then cached too, even
     * those whose handed-on image was never stored).
     * <p>
     * A chain whose first step is given a list of images on a port that takes one image runs once
     * per image, in parallel, each step's images gathered into lists (see {@link ListMapping}). So
     * do the steps of a chain from the one its step before gives such a list: the steps before
     * run first (a folder loaded), then those once per image.
     *
     * @throws ChainStepFailedException naming the step that failed, with the steps done before it
     */
    public ChainResult run(FusedChain chain, ProgressListener progress) {
        OptionalInt perImage = ListMapping.startAfterFirst(chain, this::schemaOf);
        if (perImage.isEmpty()) {
            return runMapped(chain, progress);
        }
        // the steps before ran in a chain of their own, which may be of one step: they were fused all the same
        List<StepResult> before = runMapped(chain.before(perImage.getAsInt()), progress).steps().stream()
                .map(step -> new StepResult(step.nodeId(), step.result(), true, step.startedAt(), step.finishedAt())).toList();
        List<StepResult> steps = new ArrayList<>(before);
        try {
            steps.addAll(runMapped(chain.from(perImage.getAsInt(), before.get(before.size() - 1).result().outputs()), progress).steps());
        } catch (ChainStepFailedException e) {
            throw e.after(before);
        }
        return new ChainResult(steps);
    }

    /**
     * Runs the chain, once per image of the list its first step is given if it is mapped over one:
     * then the node cache is asked for every item's steps at once, and given their results in
     * groups (see {@link ListResultCache}).
     */
    private ChainResult runMapped(FusedChain chain, ProgressListener progress) {
        Optional<ListMapping> mapping = ListMapping.of(chain, this::schemaOf);
        if (mapping.isEmpty()) {
            return new ChainRun(chain, progress).run(cache);
        }
        List<ChainRun> items = mapping.get().items().stream().map(item -> new ChainRun(item, progress)).toList();
        ListResultCache listCache = new ListResultCache(cache, items.stream().flatMap(ChainRun::keys).toList());
        try {
            return mapping.get().run(item -> items.get(item).run(listCache), progress);
        } finally {
            listCache.flush();
        }
    }

    private Optional<NodeSchema> schemaOf(ChainStep step) {
        return Optional.ofNullable(nodes.get(NodeCatalog.key(step.type(), step.version()))).map(StudioNode::schema);
    }

    /** A node ready to run: its implementation, checked parameters and cache key. */
    private record Prepared(ChainStep step, StudioNode<Object> node, NodeSchema schema, Object params, String key) {
    }

    /**
     * What a step produced: values on some ports, decoded images held for the next step on
     * others. {@code step} is null when it is already recorded (it came from the cache).
     */
    private record Produced(Prepared step, Map<String, PortValue> values, Map<String, HeldImage> held,
                            Instant startedAt, Instant finishedAt) {

        static Produced recorded(Map<String, PortValue> values) {
            return new Produced(null, values, Map.of(), null, null);
        }

        void close() {
            held.values().forEach(HeldImage::close);
        }
    }

    /** One execution of a chain, its steps prepared when it is made. */
    private final class ChainRun {
        private final FusedChain chain;
        private final ProgressListener progress;
        private final boolean fused;
        private final List<Prepared> steps = new ArrayList<>();
        /** Why a step could not be prepared, thrown when the chain runs. */
        private ChainStepFailedException unprepared;
        /**
         * Stored images a step opened, by hash: the next step reads and probes them again for
         * free. A step may open them from several threads (a loader checking a folder).
         */
        private final Map<String, ImageInput> opened = new ConcurrentHashMap<>();
        private final List<StepResult> done = new ArrayList<>();
        private final List<NodeResultCache.Entry> toCache = new ArrayList<>();

        ChainRun(FusedChain chain, ProgressListener progress) {
            this.chain = chain;
            this.progress = progress;
            this.fused = chain.steps().size() > 1;
            for (ChainStep step : chain.steps()) {
                try {
                    steps.add(prepare(step, steps.isEmpty() ? null : steps.get(steps.size() - 1).key()));
                } catch (RuntimeException e) {
                    unprepared = new ChainStepFailedException(step, done, e);
                    break;
                }
            }
        }

        /** The cache keys of the steps prepared. */
        Stream<String> keys() {
            return steps.stream().map(Prepared::key);
        }

        /** Runs the steps after the last one {@code cache} has a result of, and puts theirs in it. */
        ChainResult run(NodeResultCache cache) {
            if (unprepared != null) {
                throw unprepared;
            }
            Produced previous = fromCache(cache);
            try {
                for (int i = done.size(); i < steps.size(); i++) {
                    Prepared step = steps.get(i);
                    Produced produced;
                    try {
                        produced = execute(step, previous, i == steps.size() - 1);
                    } catch (RuntimeException e) {
                        keepForRetry(previous, e);
                        record(previous);
                        throw new ChainStepFailedException(step.step(), done, e);
                    }
                    record(previous);
                    previous = produced;
                }
                record(previous);
                return new ChainResult(done);
            } finally {
                previous.close();
                cache.putAll(toCache);
            }
        }

        private Prepared prepare(ChainStep step, String previousKey) {
            @SuppressWarnings("unchecked")
            StudioNode<Object> node = nodes.get(NodeCatalog.key(step.type(), step.version()));
            if (node == null) {
                throw new BadInputException("no node " + step.type() + " v" + step.version() + " on this worker");
            }
            NodeSchema schema = node.schema();
            NodeSchema.ParamCheck params = schema.checkParams(step.params());
            if (!params.isValid()) {
                throw new BadInputException(String.join("; ", params.problems()));
            }
            Map<String, String> inputs = new TreeMap<>();
            step.inputs().forEach((port, value) -> inputs.put(port, value.contentKey()));
            step.fromPrevious().forEach((port, output) -> inputs.put(port, "step:" + previousKey + "/" + output));
            String key = cacheKey(chain.runId(), schema, params.values().asMap(), inputs);
            return new Prepared(step, node, schema, node.params(params.values()), key);
        }

        /** Records the steps up to the last one with a cached result, and answers that result. */
        private Produced fromCache(NodeResultCache cache) {
            Map<String, Map<String, PortValue>> found = cache.findAll(keys().toList());
            int last = steps.size() - 1;
            while (last >= 0 && !(found.containsKey(steps.get(last).key()) && blobsStillExist(found.get(steps.get(last).key())))) {
                last--;
            }
            Instant now = Instant.now();
            for (int i = 0; i <= last; i++) {
                Map<String, PortValue> outputs = found.getOrDefault(steps.get(i).key(), Map.of());
                boolean shown = i == last || blobsStillExist(outputs);
                done.add(new StepResult(steps.get(i).step().nodeId(), new NodeResult(shown ? outputs : Map.of(), true), fused, now, now));
            }
            return Produced.recorded(last < 0 ? Map.of() : found.get(steps.get(last).key()));
        }

        private Produced execute(Prepared step, Produced previous, boolean last) {
            Map<String, PortValue> values = new HashMap<>(step.step().inputs());
            Map<String, NodeInputs.Decoded> decoded = new HashMap<>();
            step.step().fromPrevious().forEach((port, output) -> {
                HeldImage held = previous.held().get(output);
                if (held != null) {
                    decoded.put(port, held.asInput());
                } else if (previous.values().containsKey(output)) {
                    values.put(port, previous.values().get(output));
                }
            });
            Instant started = Instant.now();
            NodeOutputs produced = step.node().execute(new NodeInputs(values, decoded, this::open, providers, progress),
                    step.params());
            boolean storeAll = last || step.schema().has(NodeFlag.OUTPUT);
            Map<String, PortValue> kept = new LinkedHashMap<>();
            Map<String, HeldImage> held = new LinkedHashMap<>();
            boolean handedOver = false;
            try {
                for (var entry : produced.asMap().entrySet()) {
                    Port port = step.schema().output(entry.getKey()).orElseThrow(() -> new IllegalStateException(
                            step.schema().id() + " returned an output on undeclared port '" + entry.getKey() + "'"));
                    NodeOutputs.Output output = entry.getValue();
                    if (output.image() != null && !storeAll) {
                        held.put(port.name(), new HeldImage(output.image(), port.type(), NodeExecutor.this::put));
                    } else {
                        kept.put(port.name(), store(port, output));
                    }
                }
                handedOver = true;
            } finally {
                // a held image is closed once the next step has run; everything else now
                for (NodeOutputs.Output output : produced.asMap().values()) {
                    if (!(handedOver && output.image() != null && !storeAll)) {
                        output.mats().forEach(Mat::close);
                    }
                }
            }
            return new Produced(step, kept, held, started, Instant.now());
        }

        /**
         * Stores the images handed to a step that failed: the step before is then cached, and a
         * retry (or a retried run) starts at the failing step.
         */
        private void keepForRetry(Produced previous, RuntimeException failure) {
            for (HeldImage image : previous.held().values()) {
                try {
                    image.keep();
                } catch (RuntimeException storing) {
                    failure.addSuppressed(storing);
                }
            }
        }

        /** A step is done once the next one has run: that one may have had a held image stored. */
        private void record(Produced produced) {
            if (produced.step() == null) {
                return;
            }
            Map<String, PortValue> outputs = new LinkedHashMap<>(produced.values());
            produced.held().forEach((port, image) -> image.storedValue().ifPresent(value -> outputs.put(port, value)));
            produced.close();
            done.add(new StepResult(produced.step().step().nodeId(), new NodeResult(outputs, false), fused,
                    produced.startedAt(), produced.finishedAt()));
            if (outputs.size() == produced.values().size() + produced.held().size()) {
                toCache.add(new NodeResultCache.Entry(produced.step().key(), produced.step().schema().id(), outputs));
            }
        }

        private ImageInput open(BlobRef ref) {
            return opened.computeIfAbsent(ref.hash(), hash -> openImage(ref));
        }
    }

    /**
     * Same type, version, parameters and input content: same result. A non-deterministic node
     * (a generative model) only reuses its result within the same run, so that retries are free
     * but a new run makes something new.
     */
    private static String cacheKey(String runId, NodeSchema schema, Map<String, Object> params, Map<String, String> inputs) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("node", schema.id() + "@" + schema.version());
        key.put("params", params);
        key.put("inputs", inputs);
        if (schema.has(NodeFlag.NON_DETERMINISTIC)) {
            key.put("run", runId);
        }
        try {
            return FileSystemBlobStore.sha256(CANONICAL_JSON.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters are plain JSON values", e);
        }
    }

    private boolean blobsStillExist(Map<String, PortValue> outputs) {
        return outputs.values().stream()
                .flatMap(PortValue::blobs)
                .allMatch(blob -> existsQuietly(blob.hash()));
    }

    private boolean existsQuietly(String hash) {
        try {
            return blobs.exists(hash);
        } catch (IOException e) {
            return false;
        }
    }

    private ImageInput openImage(BlobRef ref) {
        String hash = ref.hash();
        return ImageInput.stored(ref, () -> read(hash, () -> blobs.head(hash, HEADER_BYTES)),
                () -> read(hash, () -> blobs.get(hash)), probe);
    }

    /** What a blob read gives, the blob being known to a run: one that is missing is bad input. */
    private static <T> T read(String hash, BlobRead<T> read) {
        try {
            return read.run().orElseThrow(() -> new BadInputException("no stored image has the hash " + hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + hash, e);
        }
    }

    private interface BlobRead<T> {
        Optional<T> run() throws IOException;
    }

    /** One port's result as a value: stored in the blob store unless it is a value already. */
    private PortValue store(Port port, NodeOutputs.Output output) {
        if (output.value() != null) {
            return output.value();
        }
        if (output.images() != null || output.encodedImages() != null) {
            List<EncodedImage> images = output.encodedImages() != null ? output.encodedImages()
                    : output.images().stream().map(NodeExecutor::encodeIntermediate).toList();
            return PortValue.imageList(images.stream().map(image -> put(EncodedMedia.of(image))).toList());
        }
        EncodedMedia media = output.media() != null ? output.media()
                : EncodedMedia.of(output.encoded() != null ? output.encoded() : encodeIntermediate(output.image()));
        return PortValue.media(port.type(), put(media));
    }

    private BlobRef put(EncodedMedia media) {
        try {
            return blobs.put(media.bytes(), media.mediaType()).withDimensions(media.width(), media.height());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a " + media.mediaType() + " output", e);
        }
    }

    private static EncodedImage encodeIntermediate(Mat image) {
        return ImageCodec.encode(image, EncodeSettings.INTERMEDIATE);
    }
}
