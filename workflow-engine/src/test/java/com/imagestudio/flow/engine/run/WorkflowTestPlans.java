package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.ChainResult;
import com.imagestudio.flow.activities.run.ChainStep;
import com.imagestudio.flow.activities.run.FusedChain;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.activities.run.StepResult;
import com.imagestudio.flow.catalog.graph.PortRef;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.PortType;
import io.temporal.failure.ApplicationFailure;
import org.mockito.ArgumentMatcher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Hand-built execution plans and node results for the workflow tests. */
final class WorkflowTestPlans {

    static final String RUN_ID = "run-1";

    /** How long a mocked node waits for another before the test fails instead of hanging. */
    private static final long LATCH_TIMEOUT_SECONDS = 10;

    private WorkflowTestPlans() {
    }

    static ExecutionPlan plan(PlannedNode... nodes) {
        return new ExecutionPlan(List.of(nodes));
    }

    static PlannedNode node(String id, NodeKind kind, Map<String, PortRef> inputs) {
        return new PlannedNode(id, "Type-" + id, 1, kind, false, Map.of("label", id), inputs, false);
    }

    /** A local node fed a list where it takes one image: it runs once per image. */
    static PlannedNode mapped(PlannedNode node) {
        return new PlannedNode(node.id(), node.type(), node.version(), node.kind(), node.output(), node.params(), node.inputs(), true);
    }

    static PlannedNode output(String id, Map<String, PortRef> inputs) {
        return new PlannedNode(id, "Type-" + id, 1, NodeKind.LOCAL, true, Map.of("label", id), inputs, false);
    }

    static PortRef fed(String node, String port) {
        return new PortRef(node, port);
    }

    /** An image reference whose hash is {@code digit} 64 times. */
    static PortValue image(char digit) {
        return PortValue.media(PortType.IMAGE, new BlobRef(String.valueOf(digit).repeat(64), "image/png", 100, 4, 3));
    }

    static NodeResult result(String port, PortValue value) {
        return new NodeResult(Map.of(port, value), false);
    }

    /** What a chain activity answers when each step gives the result {@code results} has for its node. */
    static ChainResult ran(FusedChain chain, Function<String, NodeResult> results) {
        return new ChainResult(chain.steps().stream()
                .map(step -> new StepResult(step.nodeId(), results.apply(step.nodeId()), chain.steps().size() > 1,
                        Instant.EPOCH, Instant.EPOCH))
                .toList());
    }

    /** As the node activity fails a chain whose step {@code nodeId} rejected its input, after the steps {@code done}. */
    static ApplicationFailure stepRejected(String message, ChainResult done, String nodeId) {
        return ApplicationFailure.newNonRetryableFailure(message, "BadInput", done, nodeId);
    }

    /** A chain activity whose first step is this node. */
    static ArgumentMatcher<FusedChain> startsWith(String nodeId) {
        return chain -> chain != null && chain.steps().get(0).nodeId().equals(nodeId);
    }

    static List<String> stepIds(FusedChain chain) {
        return chain.steps().stream().map(ChainStep::nodeId).toList();
    }

    static void awaitOrFail(CountDownLatch latch, String failure) throws InterruptedException {
        if (!latch.await(LATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(failure);
        }
    }
}
