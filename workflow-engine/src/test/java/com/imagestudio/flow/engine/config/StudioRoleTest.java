package com.imagestudio.flow.engine.config;

import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.engine.run.PreflightActivities;
import com.imagestudio.flow.engine.run.RunRecorderActivities;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.imagestudio.flow.engine.batch.BatchActivities;
import com.imagestudio.flow.engine.schedule.ScheduleActivities;
import com.imagestudio.flow.engine.webhooks.WebhookActivities;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Which processes poll the task queue: every one but {@code studio.role=web}. */
class StudioRoleTest {

    private final ApplicationContextRunner temporal = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, TemporalConfiguration.class)
            .withBean(NodeExecutor.class, () -> mock(NodeExecutor.class))
            .withBean(RunRecorderActivities.class, () -> mock(RunRecorderActivities.class))
            .withBean(PreflightActivities.class, () -> mock(PreflightActivities.class))
            .withBean(WebhookActivities.class, () -> mock(WebhookActivities.class))
            .withBean(BatchActivities.class, () -> mock(BatchActivities.class))
            .withBean(ScheduleActivities.class, () -> mock(ScheduleActivities.class));

    @Test
    void aWebProcessHasNoWorker() {
        temporal.withPropertyValues("studio.role=web", "studio.temporal.target=127.0.0.1:7233")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(TemporalConfiguration.WorkerLifecycle.class);
                });
    }

    @Test
    void byDefaultAProcessPollsTheTaskQueue() {
        temporal.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(TemporalConfiguration.WorkerLifecycle.class);
            assertThat(context.getBean(TemporalConfiguration.WorkerLifecycle.class).isRunning()).isTrue();
            assertThat(context.getBean(StudioProperties.class).role()).isEqualTo(StudioProperties.Role.ALL);
        });
    }

    @Test
    void aWorkerProcessPollsTheTaskQueue() {
        temporal.withPropertyValues("studio.role=worker")
                .run(context -> {
                    assertThat(context).hasSingleBean(TemporalConfiguration.WorkerLifecycle.class);
                    assertThat(context.getBean(TemporalConfiguration.WorkerLifecycle.class).isRunning()).isTrue();
                });
    }

    @Test
    void aWorkerStoppedAndStartedAgainPollsAgain() {
        temporal.run(context -> {
            TemporalConfiguration.WorkerLifecycle worker = context.getBean(TemporalConfiguration.WorkerLifecycle.class);

            context.stop();
            boolean runningWhileStopped = worker.isRunning();
            context.start();

            assertThat(runningWhileStopped).isFalse();
            assertThat(worker.isRunning()).as("a new worker factory polls after the restart").isTrue();
        });
    }

    @Test
    void aWebProcessOnTheInProcessServerIsRefusedBecauseNothingCouldRunItsWorkflows() {
        temporal.withPropertyValues("studio.role=web")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("studio.role=web needs studio.temporal.target"));
    }

    @Test
    void theRoleIsReadWhateverItsCase() {
        temporal.withPropertyValues("studio.role=WEB", "studio.temporal.target=127.0.0.1:7233")
                .run(context -> assertThat(context).doesNotHaveBean(TemporalConfiguration.WorkerLifecycle.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StudioProperties.class)
    static class Settings {
    }
}
