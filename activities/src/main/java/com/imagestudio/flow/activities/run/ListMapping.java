package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A chain whose first step is given a list of images on a port that takes one image: the chain
 * runs once per image, as if that image were its input, and each step's image outputs are
 * gathered into lists in the order of the items. Items run in parallel, one per processor, each
 * whole on one thread: its decoded images stay in memory, and at most that many are decoded at once.
 */
final class ListMapping {

    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * One pool for the worker, a thread per processor: however many runs map lists at once, at
     * most that many items are decoded at a time. An item never waits on another, so sharing it
     * cannot deadlock.
     */
    private static final ExecutorService ITEMS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            task -> {
                Thread thread = new Thread(task, "list-item-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private final FusedChain chain;
    private final List<NodeSchema> schemas;
    private final String port;
    private final List<BlobRef> images;
    private final List<FusedChain> items;

    private ListMapping(FusedChain chain, List<NodeSchema> schemas, String port, List<BlobRef> images) {
        this.chain = chain;
        this.schemas = schemas;
        this.port = port;
        this.images = images;
        this.items = images.stream().map(this::itemOf).toList();
    }

    /** The chain as it runs for one image: its first step given that image. */
    private FusedChain itemOf(BlobRef image) {
        ChainStep first = chain.steps().get(0);
        Map<String, PortValue> inputs = new HashMap<>(first.inputs());
        inputs.put(port, PortValue.media(PortType.IMAGE, image));
        List<ChainStep> steps = new ArrayList<>(chain.steps());
        steps.set(0, new ChainStep(first.nodeId(), first.type(), first.version(), first.params(), inputs, first.fromPrevious()));
        return new FusedChain(chain.runId(), steps);
    }

    /**
     * The mapping of a chain whose first step has a list on an image or mask port, if it has one.
     * A chain with a node this worker does not know is not mapped: it fails as it would otherwise.
     *
     * @throws ChainStepFailedException if the first step has a list on more than one such port
     */
    static Optional<ListMapping> of(FusedChain chain, Function<ChainStep, Optional<NodeSchema>> schemaOf) {
        Optional<List<NodeSchema>> known = schemas(chain, schemaOf);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<NodeSchema> schemas = known.get();
        ChainStep first = chain.steps().get(0);
        List<String> mapped = first.inputs().entrySet().stream()
                .filter(input -> input.getValue().type() == PortType.IMAGE_LIST
                        && schemas.get(0).input(input.getKey()).map(ListMapping::takesOneImage).orElse(false))
                .map(Map.Entry::getKey).sorted().toList();
        if (mapped.size() > 1) {
            throw new ChainStepFailedException(first, List.of(), new BadInputException(
                    "lists of images on " + mapped + ": a node runs once per image of one list only"));
        }
        return mapped.stream().findFirst().map(port -> new ListMapping(chain, schemas, port, first.inputs().get(port).list()));
    }

    /**
     * Where the steps that run once per image start in a chain whose first steps make the list,
     * if they do: the first step after the first that the step before gives a list of images on
     * a port that takes one image. Known only when this worker knows every step's node.
     */
    static OptionalInt startAfterFirst(FusedChain chain, Function<ChainStep, Optional<NodeSchema>> schemaOf) {
        Optional<List<NodeSchema>> known = schemas(chain, schemaOf);
        if (known.isEmpty()) {
            return OptionalInt.empty();
        }
        List<NodeSchema> schemas = known.get();
        return IntStream.range(1, schemas.size()).filter(i -> chain.steps().get(i).fromPrevious().entrySet().stream()
                        .anyMatch(input -> schemas.get(i - 1).output(input.getValue())
                                .filter(output -> output.type() == PortType.IMAGE_LIST).isPresent()
                                && schemas.get(i).input(input.getKey()).map(ListMapping::takesOneImage).orElse(false)))
                .findFirst();
    }

    /** The schema of every step, if this worker knows every step's node. */
    private static Optional<List<NodeSchema>> schemas(FusedChain chain, Function<ChainStep, Optional<NodeSchema>> schemaOf) {
        List<NodeSchema> schemas = chain.steps().stream().map(schemaOf).flatMap(Optional::stream).toList();
        return schemas.size() < chain.steps().size() ? Optional.empty() : Optional.of(schemas);
    }

    private static boolean takesOneImage(Port port) {
        return port.type() == PortType.IMAGE || port.type() == PortType.MASK;
    }

    /** The chain of each image, in the order of the list. */
    List<FusedChain> items() {
        return items;
    }

    /**
     * Runs the chain once per image. If items fail, the others still run to the end (their work
     * goes in the node cache), then the earliest failing step fails, naming the first item that
     * failed there, with the steps before it gathered as done.
     *
     * @param runItem runs the chain of the item of {@link #items()} at an index, in the calling thread
     * @param progress told from this thread each time an item is done
     */
    ChainResult run(IntFunction<ChainResult> runItem, ProgressListener progress) {
        if (images.isEmpty()) {
            return nothingToMap();
        }
        List<Outcome> outcomes = runAll(runItem, progress);
        Optional<Outcome> failed = outcomes.stream().filter(Outcome::failed)
                .min(Comparator.comparingInt(Outcome::failedStep).thenComparingInt(Outcome::item));
        if (failed.isEmpty()) {
            return new ChainResult(gather(outcomes, chain.steps().size()));
        }
        if (!(failed.get().failure() instanceof ChainStepFailedException stepFailure)) {
            throw failed.get().failure();
        }
        long others = outcomes.stream().filter(Outcome::failed).count() - 1;
        String item = "item " + (failed.get().item() + 1) + " of " + images.size()
                + " (image " + images.get(failed.get().item()).hash().substring(0, 8) + "…)";
        int step = failed.get().failedStep();
        throw new ChainStepFailedException(chain.steps().get(step), gather(outcomes, step),
                naming(item, stepFailure.getCause(), others > 0 ? "; " + others + " other items failed too" : ""));
    }

    /** What one item's chain did, or how it failed. */
    private record Outcome(int item, List<StepResult> steps, RuntimeException failure, int failedStep) {

        boolean failed() {
            return failure != null;
        }
    }

    private List<Outcome> runAll(IntFunction<ChainResult> runItem, ProgressListener progress) {
        CompletionService<Outcome> finished = new ExecutorCompletionService<>(ITEMS);
        List<Future<Outcome>> items = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int item = i;
            items.add(finished.submit(() -> runItem(item, runItem)));
        }
        try {
            Map<Integer, Outcome> outcomes = new HashMap<>();
            for (int done = 1; done <= images.size(); done++) {
                Outcome outcome = finished.take().get();
                outcomes.put(outcome.item(), outcome);
                progress.progress("item " + done + " of " + images.size() + " done");
            }
            return outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        } catch (InterruptedException e) {
            items.forEach(item -> item.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mapping " + chain.steps().get(0).nodeId() + " over a list", e);
        } catch (ExecutionException e) {
            // an Error: a failing item is an outcome
            throw new IllegalStateException("an item of a list failed: " + e.getCause(), e.getCause());
        }
    }

    private Outcome runItem(int item, IntFunction<ChainResult> runItem) {
        try {
            return new Outcome(item, runItem.apply(item).steps(), null, -1);
        } catch (ChainStepFailedException e) {
            return new Outcome(item, e.done().steps(), e, items().get(item).steps().indexOf(e.step()));
        } catch (RuntimeException e) {
            // not a step's failure (the node cache unreachable): it comes before any step's
            return new Outcome(item, List.of(), e, -1);
        }
    }

    /**
     * The first {@code count} steps, each gathered over the items, as far as every item has
     * done them (a step that fails when it is prepared leaves none done).
     *
     * @throws ChainStepFailedException for a step whose outputs cannot be gathered into lists
     */
    private List<StepResult> gather(List<Outcome> outcomes, int count) {
        List<StepResult> gathered = new ArrayList<>();
        for (int step = 0; step < count; step++) {
            int index = step;
            if (outcomes.stream().anyMatch(outcome -> outcome.steps().size() <= index)) {
                break;
            }
            try {
                gathered.add(gather(outcomes.stream().map(outcome -> outcome.steps().get(index)).toList()));
            } catch (BadInputException e) {
                throw new ChainStepFailedException(chain.steps().get(step), gathered, e);
            }
        }
        return gathered;
    }

    /**
     * One step over all items: each output port becomes the list of the items' images on it; a
     * port some item left out (an image handed on in memory, never stored) is left out.
     */
    private static StepResult gather(List<StepResult> items) {
        StepResult first = items.get(0);
        Map<String, PortValue> outputs = new LinkedHashMap<>();
        for (String port : first.result().outputs().keySet()) {
            if (items.stream().allMatch(item -> item.result().outputs().containsKey(port))) {
                outputs.put(port, PortValue.imageList(items.stream()
                        .map(item -> imageOf(first.nodeId(), port, item.result().outputs().get(port))).toList()));
            }
        }
        return new StepResult(first.nodeId(),
                new NodeResult(outputs, items.stream().allMatch(item -> item.result().cached())), first.fused(),
                items.stream().map(StepResult::startedAt).min(Comparator.naturalOrder()).orElseThrow(),
                items.stream().map(StepResult::finishedAt).max(Comparator.naturalOrder()).orElseThrow());
    }

    private static BlobRef imageOf(String nodeId, String port, PortValue value) {
        if (value.type() == PortType.IMAGE_LIST) {
            throw new BadInputException(nodeId + " gives a list of images on '" + port
                    + "' for each image of the list it runs over, and a list of lists is not supported");
        }
        if (value.blob() == null || !(value.type() == PortType.IMAGE || value.type() == PortType.MASK)) {
            throw new BadInputException(nodeId + " gives a " + value.type() + " on '" + port
                    + "' for each image of the list it runs over; only images can be gathered into a list");
        }
        return value.blob();
    }

    /** Nothing to run: every output of every step is an empty list. */
    private ChainResult nothingToMap() {
        Instant now = Instant.now();
        boolean fused = chain.steps().size() > 1;
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < chain.steps().size(); i++) {
            Map<String, PortValue> outputs = new LinkedHashMap<>();
            schemas.get(i).outputs().forEach(output -> outputs.put(output.name(), PortValue.imageList(List.of())));
            steps.add(new StepResult(chain.steps().get(i).nodeId(), new NodeResult(outputs, true), fused, now, now));
        }
        return new ChainResult(steps);
    }

    /**
     * The failure with the item named in its message, of the same kind for the activity: bad
     * input and a provider's refusal stay non-retryable, anything else stays retryable.
     */
    private static RuntimeException naming(String item, RuntimeException failure, String others) {
        String message = item + ": " + failure.getMessage() + others;
        if (failure instanceof BadInputException) {
            return new BadInputException(message, failure);
        }
        if (failure instanceof ProviderRejectedException refusal) {
            return new ProviderRejectedException(message, refusal);
        }
        return new IllegalStateException(message, failure);
    }
}
