package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.activities.run.NodeActivitiesImpl;
import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.engine.batch.BatchActivities;
import com.imagestudio.flow.engine.batch.BatchWorkflowImpl;
import com.imagestudio.flow.engine.run.GraphRunWorkflowImpl;
import com.imagestudio.flow.engine.run.PreflightActivities;
import com.imagestudio.flow.engine.run.RunRecorderActivities;
import com.imagestudio.flow.engine.webhooks.WebhookActivities;
import com.imagestudio.flow.engine.webhooks.WebhookDeliveryWorkflowImpl;
import com.imagestudio.flow.engine.schedule.ScheduleActivities;
import com.imagestudio.flow.engine.schedule.ScheduleWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Temporal: the in-process Java test server when {@code studio.temporal.target} is blank (the
 * zero set-up default; it keeps its state in memory), a real cluster otherwise. The worker
 * polls {@code studio.temporal.task-queue}.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(StudioProperties properties, EmbeddedTemporal embedded) {
        StudioProperties.Temporal temporal = properties.temporal();
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
        if (temporal.embedded()) {
            options.setChannel(embedded.channel());
        } else {
            options.setTarget(temporal.target());
        }
        log.info("Temporal: {}", temporal.embedded() ? "in-process test server" : temporal.target());
        return WorkflowServiceStubs.newServiceStubs(options.build());
    }

    @Bean(destroyMethod = "close")
    EmbeddedTemporal embeddedTemporal(StudioProperties properties) {
        if (properties.temporal().embedded() && !properties.role().runsWorker()) {
            throw new IllegalStateException("studio.role=web needs studio.temporal.target: no other process can "
                    + "reach the in-process Temporal server, so nothing would ever run the workflows");
        }
        return new EmbeddedTemporal(properties.temporal().embedded());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, StudioProperties properties) {
        return WorkflowClient.newInstance(stubs,
                WorkflowClientOptions.newBuilder().setNamespace(properties.temporal().namespace()).build());
    }

    /** Not with {@code studio.role=web}: such a process only starts workflows; worker processes run them. */
    @Bean
    @Conditional(RunsWorkerCondition.class)
    WorkerLifecycle workerLifecycle(WorkflowClient client, StudioProperties properties, NodeExecutor executor,
                                    RunRecorderActivities recorder, PreflightActivities preflight,
                                    WebhookActivities webhooks, BatchActivities batches, ScheduleActivities schedules) {
        WorkerOptions.Builder options = WorkerOptions.newBuilder();
        if (properties.temporal().stickyScheduleToStartTimeout() != null) {
            options.setStickyQueueScheduleToStartTimeout(properties.temporal().stickyScheduleToStartTimeout());
        }
        return new WorkerLifecycle(() -> {
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(properties.temporal().taskQueue(), options.build());
            worker.registerWorkflowImplementationTypes(GraphRunWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class,
                    BatchWorkflowImpl.class, ScheduleWorkflowImpl.class);
            worker.registerActivitiesImplementations(new NodeActivitiesImpl(executor), recorder, preflight, webhooks,
                    batches, schedules);
            return factory;
        }, properties.temporal().taskQueue());
    }

    /** The in-process server, started only when no target is configured. */
    public static final class EmbeddedTemporal implements AutoCloseable {
        private final TestServer.InProcessTestServer server;

        EmbeddedTemporal(boolean start) {
            // lockTimeSkipping = true: timers take real time, as they would on a cluster
            this.server = start ? TestServer.createServer(true) : null;
        }

        io.grpc.ManagedChannel channel() {
            return server.getChannel();
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Starts polling once the application context is up; stops polling before it goes down. A
     * stopped worker factory cannot start again, so each start builds a new one: a context that
     * is stopped and started (Spring pauses cached test contexts this way) polls again.
     */
    public static final class WorkerLifecycle implements SmartLifecycle {
        private final Supplier<WorkerFactory> newWorkers;
        private final String taskQueue;
        private volatile WorkerFactory factory;

        WorkerLifecycle(Supplier<WorkerFactory> newWorkers, String taskQueue) {
            this.newWorkers = newWorkers;
            this.taskQueue = taskQueue;
        }

        @Override
        public synchronized void start() {
            factory = newWorkers.get();
            factory.start();
            log.info("Temporal worker polling task queue {}", taskQueue);
        }

        @Override
        public synchronized void stop() {
            if (factory != null) {
                factory.shutdown();
                factory.awaitTermination(10, TimeUnit.SECONDS);
                factory = null;
            }
        }

        @Override
        public boolean isRunning() {
            return factory != null;
        }
    }
}
