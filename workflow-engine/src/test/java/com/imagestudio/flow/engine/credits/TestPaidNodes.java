package com.imagestudio.flow.engine.credits;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nodes that exist only on the test class path (registered in src/test/resources/META-INF/services):
 * a paid pass-through whose price is a parameter, one in a category the free plan excludes, one
 * that always fails, and one that holds until released. Each counts how often it really ran.
 */
public final class TestPaidNodes {

    /** Executions per tag (the {@code tag} parameter), to prove what ran and what did not. */
    public static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();
    /** Released by the test to let a {@link Hold} node finish. */
    public static volatile CountDownLatch release = new CountDownLatch(0);

    private TestPaidNodes() {
    }

    static NodeSchema.Builder passThrough(String id, String category) {
        return NodeSchema.builder(id, 1).category(category)
                .input(Port.required("image", PortType.IMAGE, ""))
                .output(Port.required("image", PortType.IMAGE, ""))
                .param(ParamSpec.integer("credits", "price").between(0, 100_000).withDefault(10))
                .param(ParamSpec.string("tag", "what the test counts this run as").withDefault("untagged"))
                .cost(params -> params.integer("credits"))
                .flags(NodeFlag.PAID);
    }

    record Params(int credits, String tag) {
    }

    abstract static class Counting implements StudioNode<Params> {
        @Override
        public Params params(ParamValues values) {
            return new Params(values.integer("credits"), values.string("tag"));
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, Params params) {
            EXECUTIONS.computeIfAbsent(params.tag(), t -> new AtomicInteger()).incrementAndGet();
            work();
            return NodeOutputs.create().value("image", inputs.value("image"));
        }

        void work() {
        }
    }

    public static final class PaidStamp extends Counting {
        private static final NodeSchema SCHEMA = passThrough("PaidStampForTests", "Tests").build();

        @Override
        public NodeSchema schema() {
            return SCHEMA;
        }
    }

    public static final class VideoStamp extends Counting {
        private static final NodeSchema SCHEMA = passThrough("VideoStampForTests", "Video").build();

        @Override
        public NodeSchema schema() {
            return SCHEMA;
        }
    }

    public static final class Fail extends Counting {
        private static final NodeSchema SCHEMA = passThrough("FailForTests", "Tests").cost(CostFunction.free()).build();

        @Override
        public NodeSchema schema() {
            return SCHEMA;
        }

        @Override
        void work() {
            throw new BadInputException("this node always fails");
        }
    }

    public static final class Hold extends Counting {
        private static final NodeSchema SCHEMA = passThrough("HoldForTests", "Tests").build();

        @Override
        public NodeSchema schema() {
            return SCHEMA;
        }

        @Override
        void work() {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
