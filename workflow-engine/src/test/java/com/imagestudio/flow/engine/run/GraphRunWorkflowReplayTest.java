package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.engine.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays histories recorded by earlier versions of the workflow (see {@link RecordHistories}):
 * a change to {@link GraphRunWorkflowImpl} that would break runs already in flight fails here.
 */
class GraphRunWorkflowReplayTest {

    @Test
    void aRecordedBranchAndJoinRunStillReplays() throws Exception {
        // given a finished run of load, two branches and a join, recorded before fused chains: an activity per node
        WorkflowExecutionHistory history = finishedRun(RecordHistories.BRANCH_JOIN, RecordHistories.branchJoinPlan().nodes().size());

        // when / then: the current workflow code makes the same decisions
        WorkflowReplayer.replayWorkflowExecution(history, GraphRunWorkflowImpl.class);
    }

    @Test
    void aRecordedRunOfFusedChainsStillReplays() throws Exception {
        // given a finished run of [load, resize], [upscale], [encode, save]: three activities for five nodes
        WorkflowExecutionHistory history = finishedRun(RecordHistories.FUSED_CHAINS, 3);

        WorkflowReplayer.replayWorkflowExecution(history, GraphRunWorkflowImpl.class);
    }

    @Test
    void aRecordedFolderRunWithItsPhotosWorkedApartFromItsLoaderStillReplays() throws Exception {
        // given a finished run of [folder], [resize, encode] once per photo, [saveAll], recorded before
        // a chain went on from the folder into the nodes mapped over it: three activities, not two
        WorkflowExecutionHistory history = finishedRun(RecordHistories.FOLDER, 3);

        WorkflowReplayer.replayWorkflowExecution(history, GraphRunWorkflowImpl.class);
    }

    @Test
    void aRecordedRunThatHandedItsWebhookToADeliveryStillReplays() throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(resource(RecordHistories.WITH_WEBHOOK));
        assertThat(eventTypes(history))
                .containsOnlyOnce(EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .containsOnlyOnce(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);

        WorkflowReplayer.replayWorkflowExecution(history, GraphRunWorkflowImpl.class);
    }

    @Test
    void aRecordedWebhookDeliveryThatFailedOnceThenSucceededStillReplays() throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(resource(RecordHistories.WEBHOOK_DELIVERY));
        assertThat(eventTypes(history)).containsOnlyOnce(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .containsOnlyOnce(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);

        WorkflowReplayer.replayWorkflowExecution(history, WebhookDeliveryWorkflowImpl.class);
    }

    /** The recorded history of a run that finished after scheduling that many activities. */
    private static WorkflowExecutionHistory finishedRun(String path, int activities) throws IOException {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(resource(path));
        assertThat(eventTypes(history))
                .containsOnlyOnce(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)
                .filteredOn(type -> type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .hasSize(activities);
        return history;
    }

    private static List<EventType> eventTypes(WorkflowExecutionHistory history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GraphRunWorkflowReplayTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("recorded history %s (run RecordHistories once to create it)", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
