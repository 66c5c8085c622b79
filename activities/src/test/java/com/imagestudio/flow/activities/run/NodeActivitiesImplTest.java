package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.catalog.provider.Provider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NodeActivitiesImplTest {

    @TempDir
    Path blobs;

    private TestActivityEnvironment environment;
    private NodeActivities activities;
    private TestNodes nodes;
    /** 200x100 quadrants. */
    private BlobRef image;

    @BeforeEach
    void startTheActivity() {
        FileSystemBlobStore store = new FileSystemBlobStore(blobs);
        nodes = new TestNodes(store);
        image = nodes.stored(TestImages.quadrantsPng(200, 100));
        NodeExecutor executor = new NodeExecutor(NodeCatalog.discover(), store,
                new ImageProbe(TestNodes.MAX_PIXELS), new InMemoryNodeResultCache());
        environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(new NodeActivitiesImpl(executor));
        activities = environment.newActivityStub(NodeActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
    }

    @AfterEach
    void stopTheEnvironment() {
        environment.close();
    }

    @Test
    void badInputBecomesANonRetryableBadInputFailureNamingTheNode() {
        NodeInvocation cropOutside = new NodeInvocation("run-1", "crop-7", "Crop", 1,
                Map.of("x", 150, "y", 0, "width", 100, "height", 50), imageOn(image));

        ApplicationFailure failure = applicationFailureOf(cropOutside);

        assertThat(failure.getType()).isEqualTo(BadInputException.TYPE).isEqualTo("BadInput");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage())
                .isEqualTo("crop-7 (Crop): the crop 100x50 at (150,0) does not fit in the 200x100 image");
    }

    @Test
    void invalidParametersFailWithoutRetryNamingTheNodeAndTheProblem() {
        NodeInvocation zeroWide = new NodeInvocation("run-1", "resize-2", "Resize", 1, Map.of("width", 0), imageOn(image));

        ApplicationFailure failure = applicationFailureOf(zeroWide);

        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage())
                .isEqualTo("resize-2 (Resize): parameter 'width' must be between 1 and 16383, got 0");
    }

    @Test
    void anUnknownNodeFailsWithoutRetry() {
        ApplicationFailure failure = applicationFailureOf(
                new NodeInvocation("run-1", "magic-1", "Magic", 3, Map.of(), Map.of()));

        assertThat(failure.getType()).isEqualTo("BadInput");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).isEqualTo("magic-1 (Magic): no node Magic v3 on this worker");
    }

    @Test
    void aNodeRunsAndItsResultCrossesThePayloadConverter() {
        NodeInvocation resize = new NodeInvocation("run-1", "resize-1", "Resize", 1,
                Map.of("width", 100, "height", 100, "mode", "fill"), imageOn(image));

        NodeResult result = activities.runNode(resize);

        assertThat(result.cached()).isFalse();
        BlobRef out = result.outputs().get("image").blob();
        assertThat(out.width()).isEqualTo(100);
        assertThat(out.height()).isEqualTo(100);
        assertThat(TestImages.dimensions(nodes.bytesOf(out))).isEqualTo(new TestImages.Dimensions(100, 100));
        assertThat(activities.runNode(resize).cached()).isTrue();
    }

    @Test
    void aChainRunsAsOneActivityAndItsResultCrossesThePayloadConverter() {
        FusedChain chain = new FusedChain("run-1", List.of(
                new ChainStep("resize-1", "Resize", 1, Map.of("width", 100, "height", 100, "mode", "fill"), imageOn(image), Map.of()),
                new ChainStep("encode-1", "Encode", 1, Map.of("format", "png"), Map.of(), Map.of("image", "image"))));

        ChainResult result = activities.runChain(chain);

        assertThat(result.steps()).extracting(StepResult::nodeId).containsExactly("resize-1", "encode-1");
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.fused()).isTrue();
            assertThat(step.startedAt()).isNotNull().isBeforeOrEqualTo(step.finishedAt());
        });
        BlobRef out = result.steps().get(1).result().outputs().get("image").blob();
        assertThat(TestImages.dimensions(nodes.bytesOf(out))).isEqualTo(new TestImages.Dimensions(100, 100));
    }

    @Test
    void aFailingChainStepFailsTheActivityWithItsOwnMessageAndCarriesTheStepsDoneBeforeIt() {
        FusedChain chain = new FusedChain("run-1", List.of(
                new ChainStep("resize-1", "Resize", 1, Map.of("width", 100, "height", 50, "mode", "fill"), imageOn(image), Map.of()),
                new ChainStep("crop-7", "Crop", 1, Map.of("x", 90, "y", 0, "width", 20, "height", 10), Map.of(),
                        Map.of("image", "image"))));

        ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.runChain(chain));

        ApplicationFailure cause = (ApplicationFailure) failure.getCause();
        assertThat(cause.getType()).isEqualTo(BadInputException.TYPE);
        assertThat(cause.isNonRetryable()).isTrue();
        assertThat(cause.getOriginalMessage()).isEqualTo("crop-7 (Crop): the crop 20x10 at (90,0) does not fit in the 100x50 image");
        assertThat(cause.getDetails().get(0, ChainResult.class).steps()).extracting(StepResult::nodeId).containsExactly("resize-1");
        assertThat(cause.getDetails().get(1, String.class)).isEqualTo("crop-7");
    }

    @Test
    void aBadImageInAListFailsWithoutRetryNamingTheNodeAndTheItem() {
        BlobRef text = nodes.stored("not an image at all".getBytes(StandardCharsets.US_ASCII));
        NodeInvocation resizeAll = new NodeInvocation("run-1", "resize-1", "Resize", 1, Map.of(),
                Map.of("image", PortValue.imageList(List.of(image, text))));

        ApplicationFailure failure = applicationFailureOf(resizeAll);

        assertThat(failure.getType()).isEqualTo(BadInputException.TYPE);
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).startsWith("resize-1 (Resize): item 2 of 2 (image "
                + text.hash().substring(0, 8) + "…): ");
    }

    @Test
    void aProviderRefusalBecomesANonRetryableProviderRejectedFailureWithTheProvidersMessage() {
        try (MockProviders providers = new MockProviders()) {
            providers.enqueue(MockProviders.fixture(400, "stability/error-400.json"));
            NodeActivities withStability = activitiesWith(providers);

            ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> withStability.runNode(
                    new NodeInvocation("run-1", "gen-1", "StabilityGenerate", 1, Map.of("prompt", "x"), Map.of())));

            ApplicationFailure cause = (ApplicationFailure) failure.getCause();
            assertThat(cause.getType()).isEqualTo(ProviderRejectedException.TYPE).isEqualTo("ProviderRejected");
            assertThat(cause.isNonRetryable()).isTrue();
            assertThat(cause.getOriginalMessage()).isEqualTo("gen-1 (StabilityGenerate): Stability AI refused the request "
                    + "(HTTP 400): bad_request: prompt: cannot be empty");
            assertThat(cause.getOriginalMessage()).doesNotContain(MockProviders.keyOf(Provider.STABILITY));
        }
    }

    @Test
    void aPollingProviderNodeHeartbeatsThroughTheActivity() {
        try (MockProviders providers = new MockProviders()) {
            providers.enqueue(MockProviders.fixture(200, "stability/async-started.json"));
            providers.enqueue(MockProviders.fixture(202, "stability/result-in-progress.json"));
            providers.enqueue(MockProviders.fixture(202, "stability/result-in-progress.json"));
            providers.enqueue(MockProviders.image(TestImages.quadrantsPng(100, 50)));
            NodeActivities withStability = activitiesWith(providers);
            List<Checkpoint> heartbeats = new CopyOnWriteArrayList<>();
            environment.setActivityHeartbeatListener(Checkpoint.class, heartbeats::add);

            NodeResult result = withStability.runNode(new NodeInvocation("run-1", "up-1", "StabilityUpscale", 1,
                    Map.of("mode", "creative", "prompt", "a sharp photo"), imageOn(image)));

            assertThat(result.outputs().get("image").blob().width()).isEqualTo(100);
            // Temporal throttles heartbeats sent in quick succession: at least the first one goes through
            assertThat(heartbeats).isNotEmpty().allMatch(h -> h.progress() == null
                    || h.progress().contains("generation") && h.progress().contains("in progress"));
        }
    }

    @Test
    void aRetriedAttemptPollsTheJobItsFirstAttemptSubmittedInsteadOfPayingForANewOne() throws InterruptedException {
        try (MockProviders providers = new MockProviders()) {
            NodeInvocation upscale = new NodeInvocation("run-1", "up-1", "StabilityUpscale", 1,
                    Map.of("mode", "creative", "prompt", "a sharp photo"), imageOn(image));
            // given a first attempt that submitted its job, then lost the provider while polling
            providers.enqueue(MockProviders.fixture(200, "stability/async-started.json"));
            for (int i = 0; i < MockProviders.RETRY.maxAttempts(); i++) {
                providers.enqueue(MockProviders.json(503, "{\"errors\":[\"down\"]}"));
            }
            NodeActivities withStability = activitiesWith(providers);
            List<Checkpoint> heartbeats = new CopyOnWriteArrayList<>();
            environment.setActivityHeartbeatListener(Checkpoint.class, heartbeats::add);
            assertThat(catchThrowableOfType(ActivityFailure.class, () -> withStability.runNode(upscale))).isNotNull();
            Checkpoint left = heartbeats.get(heartbeats.size() - 1);
            assertThat(left.jobs()).containsValue(STARTED_ID);
            for (int i = 0; i < 1 + MockProviders.RETRY.maxAttempts(); i++) {
                providers.server().takeRequest();
            }

            // when the retried attempt runs with that heartbeat detail
            providers.enqueue(MockProviders.fixture(202, "stability/result-in-progress.json"));
            providers.enqueue(MockProviders.image(TestImages.quadrantsPng(100, 50)));
            environment.setHeartbeatDetails(left);
            NodeResult result = withStability.runNode(upscale);

            // then it polls the same job and submits nothing new
            assertThat(result.outputs().get("image").blob().width()).isEqualTo(100);
            assertThat(providers.server().takeRequest().getUrl().encodedPath()).isEqualTo("/v2beta/results/" + STARTED_ID);
            assertThat(providers.server().takeRequest().getUrl().encodedPath()).isEqualTo("/v2beta/results/" + STARTED_ID);
            assertThat(providers.server().getRequestCount()).isEqualTo(1 + MockProviders.RETRY.maxAttempts() + 2);
        }
    }

    /** The id in stability/async-started.json. */
    private static final String STARTED_ID = "a6dc6c6e20acda010fe14d71f180658f2896ed9b4ec25aa99a6ff06c796987c4";

    @Test
    void aNodeHeartbeatsWhileItWorksSoThatWorkLongerThanTheHeartbeatTimeoutIsNotTakenForDead() {
        CountDownLatch heartbeat = new CountDownLatch(1);
        NodeActivities withHeartbeats = activitiesOn(NodeCatalog.of(List.of(new HoldUntil(heartbeat))),
                ProviderClients.none(), ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1))
                        .setHeartbeatTimeout(Duration.ofMillis(400)).build());
        environment.setActivityHeartbeatListener(Checkpoint.class, detail -> heartbeat.countDown());

        NodeResult result = withHeartbeats.runNode(new NodeInvocation("run-1", "hold-1", HoldUntil.ID, 1, Map.of(), imageOn(image)));

        assertThat(result.outputs().get("image").blob()).isEqualTo(image);
    }

    /** A pass-through that works until the latch opens: here, until its activity has heartbeated. */
    private record HoldUntil(CountDownLatch latch) implements StudioNode<Void> {
        static final String ID = "HoldUntilForTests";
        private static final NodeSchema SCHEMA = NodeSchema.builder(ID, 1)
                .input(Port.required("image", PortType.IMAGE, ""))
                .output(Port.required("image", PortType.IMAGE, ""))
                .build();

        @Override
        public NodeSchema schema() {
            return SCHEMA;
        }

        @Override
        public Void params(ParamValues values) {
            return null;
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, Void params) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new BadInputException("no heartbeat while the node worked");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return NodeOutputs.create().value("image", inputs.value("image"));
        }
    }

    private NodeActivities activitiesWith(MockProviders providers) {
        ProviderSettings stability = ProviderSettings.none()
                .with(Provider.STABILITY, providers.baseUrl(), MockProviders.keyOf(Provider.STABILITY));
        return activitiesOn(NodeCatalog.discover(), providers.clients(stability),
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
    }

    private NodeActivities activitiesOn(NodeCatalog catalog, ProviderClients providers, ActivityOptions options) {
        FileSystemBlobStore store = new FileSystemBlobStore(blobs);
        NodeExecutor executor = new NodeExecutor(catalog, store, new ImageProbe(TestNodes.MAX_PIXELS),
                new InMemoryNodeResultCache(), providers);
        environment.close();
        environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(new NodeActivitiesImpl(executor));
        return environment.newActivityStub(NodeActivities.class, options);
    }

    private ApplicationFailure applicationFailureOf(NodeInvocation invocation) {
        ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.runNode(invocation));
        assertThat(failure).as("the activity fails").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
        return (ApplicationFailure) failure.getCause();
    }

    private static Map<String, PortValue> imageOn(BlobRef image) {
        return Map.of("image", PortValue.media(PortType.IMAGE, image));
    }
}
