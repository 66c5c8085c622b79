package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.nodes.encode.Encode;
import com.imagestudio.flow.activities.nodes.load.LoadImage;
import com.imagestudio.flow.activities.nodes.output.SaveToLibrary;
import com.imagestudio.flow.activities.nodes.transform.Crop;
import com.imagestudio.flow.activities.nodes.transform.Resize;
import com.imagestudio.flow.activities.run.NodeActivitiesImpl;
import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.activities.run.StepResult;
import com.imagestudio.flow.catalog.graph.PortRef;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static com.imagestudio.flow.engine.run.WorkflowTestPlans.RUN_ID;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.awaitOrFail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

/**
 * Fused chains end to end on Temporal's test server: the graph run workflow with the real node
 * activity (real nodes, a blob store on disk, the node cache in memory), the recorder and the
 * pre-flight mocked. A line of local nodes is one activity; what the run reports per node is
 * what it would report node by node.
 */
class FusedChainWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(GraphRunWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    @TempDir
    Path blobs;

    private final RunRecorderActivities recorder = mock(RunRecorderActivities.class, withSettings().withoutAnnotations());
    private final PreflightActivities preflight = mock(PreflightActivities.class, withSettings().withoutAnnotations());
    private final Crash crash = new Crash();
    private final Hold hold = new Hold();

    private FileSystemBlobStore store;
    private WorkflowClient client;
    private WorkflowOptions options;
    /** An 80x60 PNG, orange with a white top-left corner. */
    private BlobRef photo;

    @BeforeEach
    void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) throws IOException {
        store = new FileSystemBlobStore(blobs);
        NodeCatalog catalog = NodeCatalog.of(List.of(new LoadImage(), new Resize(), new Crop(), new Encode(), new SaveToLibrary(),
                crash, hold));
        NodeExecutor executor = new NodeExecutor(catalog, store, new ImageProbe(50_000_000L), new InMemoryNodeResultCache());
        worker.registerActivitiesImplementations(new NodeActivitiesImpl(executor), recorder, preflight);
        env.start();
        this.client = client;
        this.options = options.toBuilder().setWorkflowId(RUN_ID).build();
        photo = store.put(png(80, 60), "image/png");
    }

    @Test
    void aLineOfLocalNodesRunsAsOneActivityThatStoresOnlyTheImagesItKeeps() throws IOException {
        // given load -> resize -> encode -> save
        ExecutionPlan plan = line(step("resize", "Resize", Map.of("width", 40, "height", 30, "mode", "fill")),
                step("encode", "Encode", Map.of("format", "jpeg", "quality", 80)));

        // when
        RunOutcome outcome = workflow().run(new RunRequest(RUN_ID, plan));

        // then
        assertThat(client.fetchHistory(RUN_ID).getEvents())
                .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).hasSize(1);
        BlobRef kept = outcome.outputs().get("save").get("image").blob();
        assertThat(kept.mediaType()).isEqualTo("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(store.get(kept.hash()).orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(30);
        List<StepResult> steps = recordedSteps();
        assertThat(steps).extracting(StepResult::nodeId).containsExactly("load", "resize", "encode", "save");
        assertThat(steps).allSatisfy(step -> assertThat(step.fused()).isTrue());
        assertThat(steps.get(1).result().outputs()).as("resize handed its image on in memory").isEmpty();
        assertThat(storedHashes()).containsExactlyInAnyOrder(photo.hash(), kept.hash());
    }

    @Test
    void aStepThatRejectsItsInputFailsTheRunAfterTheStepsBeforeItSucceededAndTheStepsAfterItAreSkipped() {
        // given a crop outside the 40x30 image resize makes
        ExecutionPlan plan = line(step("resize", "Resize", Map.of("width", 40, "height", 30, "mode", "fill")),
                step("crop", "Crop", Map.of("x", 30, "y", 0, "width", 20, "height", 10)),
                step("encode", "Encode", Map.of("format", "png")));

        // when / then
        assertThatThrownBy(() -> workflow().run(new RunRequest(RUN_ID, plan)))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("BadInput");
                    assertThat(failure.getOriginalMessage())
                            .isEqualTo("crop (Crop): the crop 20x10 at (30,0) does not fit in the 40x30 image");
                });
        assertThat(recordedSteps()).extracting(StepResult::nodeId).containsExactly("load", "resize");
        verify(recorder).nodeFailed(RUN_ID, "crop", "crop (Crop): the crop 20x10 at (30,0) does not fit in the 40x30 image");
        verify(recorder).nodesSkipped(RUN_ID, List.of("encode", "save"));
        verify(recorder).runFinished(RUN_ID, RunStatus.FAILED, Map.of(), "crop (Crop): the crop 20x10 at (30,0) does not fit in the 40x30 image");
    }

    @Test
    void aCrashRetriesTheChainWhichTakesTheStepsBeforeTheCrashFromTheCacheAndReportsEachNodeOnce() {
        // given a step that crashes once, after load and resize
        crash.crashes.set(1);
        ExecutionPlan plan = line(step("resize", "Resize", Map.of("width", 40, "height", 30, "mode", "fill")),
                step("crash", Crash.TYPE, Map.of()));

        // when
        workflow().run(new RunRequest(RUN_ID, plan));

        // then: the retry started at the crashed step; only what ran in it is charged (not cached)
        assertThat(crash.executions.get()).isEqualTo(2);
        List<StepResult> steps = recordedSteps();
        assertThat(steps).extracting(StepResult::nodeId).containsExactly("load", "resize", "crash", "save");
        assertThat(steps).extracting(step -> step.result().cached()).containsExactly(true, true, false, false);
    }

    @Test
    void aRetriedRunTakesTheStepsBeforeTheOneThatFailedFromTheCache() {
        // given a run whose crash step failed on every attempt
        crash.crashes.set(3);
        ExecutionPlan plan = line(step("resize", "Resize", Map.of("width", 40, "height", 30, "mode", "fill")),
                step("crash", Crash.TYPE, Map.of()));
        assertThatThrownBy(() -> workflow().run(new RunRequest(RUN_ID, plan))).isInstanceOf(WorkflowFailedException.class);

        // when it runs again
        String retry = "run-2";
        client.newWorkflowStub(GraphRunWorkflow.class, options.toBuilder().setWorkflowId(retry).build())
                .run(new RunRequest(retry, plan));

        // then
        ArgumentCaptor<List<StepResult>> steps = stepsCaptor();
        verify(recorder, atLeastOnce()).stepsSucceeded(eq(retry), steps.capture());
        assertThat(steps.getAllValues().stream().flatMap(List::stream))
                .extracting(StepResult::nodeId, step -> step.result().cached())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("load", true), org.assertj.core.groups.Tuple.tuple("resize", true),
                        org.assertj.core.groups.Tuple.tuple("crash", false), org.assertj.core.groups.Tuple.tuple("save", false));
    }

    @Test
    void cancellingARunWhileItsChainRunsFailsTheChainsFirstNodeAndSkipsTheOthers() throws InterruptedException {
        // given load -> hold -> save, held until the test lets it go
        ExecutionPlan plan = line(step("hold", Hold.TYPE, Map.of()));
        GraphRunWorkflow workflow = workflow();
        WorkflowClient.start(workflow::run, new RunRequest(RUN_ID, plan));
        WorkflowStub run = WorkflowStub.fromTyped(workflow);
        awaitOrFail(hold.started, "the chain never reached hold");

        try {
            // when
            run.cancel();

            // then
            assertThatThrownBy(() -> run.getResult(RunOutcome.class))
                    .isInstanceOf(WorkflowFailedException.class)
                    .cause().isInstanceOf(CanceledFailure.class);
        } finally {
            hold.release.countDown();
        }
        verify(recorder).nodeFailed(RUN_ID, "load", "load -> hold -> save was cancelled");
        verify(recorder).nodesSkipped(RUN_ID, List.of("hold", "save"));
        verify(recorder).runFinished(RUN_ID, RunStatus.CANCELLED, Map.of(), "the run was cancelled");
    }

    private GraphRunWorkflow workflow() {
        return client.newWorkflowStub(GraphRunWorkflow.class, options);
    }

    /** Every step the recorder was told succeeded in {@link WorkflowTestPlans#RUN_ID}, in order. */
    private List<StepResult> recordedSteps() {
        ArgumentCaptor<List<StepResult>> steps = stepsCaptor();
        verify(recorder, atLeastOnce()).stepsSucceeded(eq(RUN_ID), steps.capture());
        return steps.getAllValues().stream().flatMap(List::stream).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ArgumentCaptor<List<StepResult>> stepsCaptor() {
        return (ArgumentCaptor) ArgumentCaptor.forClass(List.class);
    }

    private record Step(String id, String type, Map<String, Object> params) {
    }

    private static Step step(String id, String type, Map<String, Object> params) {
        return new Step(id, type, params);
    }

    /** load -> the steps, each fed on "image" by the one before -> save. */
    private ExecutionPlan line(Step... middle) {
        List<PlannedNode> nodes = new ArrayList<>();
        nodes.add(new PlannedNode("load", "LoadImage", 1, NodeKind.LOCAL, false, Map.of("blob", photo.hash()), Map.of(), false));
        for (Step step : middle) {
            nodes.add(new PlannedNode(step.id(), step.type(), 1, NodeKind.LOCAL, false, step.params(),
                    Map.of("image", new PortRef(nodes.get(nodes.size() - 1).id(), "image")), false));
        }
        nodes.add(new PlannedNode("save", "SaveToLibrary", 1, NodeKind.LOCAL, true, Map.of(),
                Map.of("image", new PortRef(nodes.get(nodes.size() - 1).id(), "image")), false));
        return new ExecutionPlan(nodes);
    }

    private List<String> storedHashes() throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Passes its image on decoded, like any local edit. */
    abstract static class PassOn implements StudioNode<Void> {
        final AtomicInteger executions = new AtomicInteger();

        static NodeSchema schema(String type) {
            return NodeSchema.builder(type, 1)
                    .input(Port.required("image", PortType.IMAGE, "in"))
                    .output(Port.required("image", PortType.IMAGE, "out"))
                    .build();
        }

        @Override
        public Void params(ParamValues values) {
            return null;
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, Void params) {
            executions.incrementAndGet();
            work();
            Mat image = inputs.image("image").decode();
            return NodeOutputs.create().image("image", image);
        }

        abstract void work();
    }

    /** Crashes (an error a retry may fix) as many times as it is told to, then passes its image on. */
    static final class Crash extends PassOn {
        static final String TYPE = "CrashForTests";
        final AtomicInteger crashes = new AtomicInteger();

        @Override
        public NodeSchema schema() {
            return schema(TYPE);
        }

        @Override
        void work() {
            if (crashes.getAndDecrement() > 0) {
                throw new IllegalStateException("the worker ran out of native memory");
            }
        }
    }

    /** Says it started, then waits until the test releases it. */
    static final class Hold extends PassOn {
        static final String TYPE = "HoldForTests";
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public NodeSchema schema() {
            return schema(TYPE);
        }

        @Override
        void work() {
            started.countDown();
            try {
                awaitOrFail(release, "the test never released hold");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
