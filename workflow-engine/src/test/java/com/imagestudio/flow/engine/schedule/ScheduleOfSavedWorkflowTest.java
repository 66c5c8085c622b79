package com.imagestudio.flow.engine.schedule;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.workflows.SavedWorkflow;
import com.imagestudio.flow.engine.workflows.SavedWorkflows;
import com.imagestudio.flow.engine.workflows.WorkflowEdit;
import com.imagestudio.flow.engine.workflows.WorkflowNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A schedule that names a saved workflow runs the workflow as it is when the schedule fires. */
@SpringBootTest
class ScheduleOfSavedWorkflowTest {

    /** Once a year: the test fires it by hand. */
    private static final String YEARLY = "0 9 1 1 *";

    @Autowired
    ScheduleService schedules;
    @Autowired
    ScheduleFirer firer;
    @Autowired
    SavedWorkflows workflows;
    @Autowired
    RunService runs;
    @Autowired
    BlobStore blobs;

    String user;

    @BeforeEach
    void freshUser() {
        user = "user-" + UUID.randomUUID();
    }

    @Test
    void eachFiringRunsTheWorkflowsNewestVersionAtThatTime() throws IOException {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("daily square", null, square(64), null));
        ScheduleView schedule = schedules.create(user, new ScheduleSpec("daily", YEARLY, "UTC",
                new ScheduleSpec.RunTarget(saved.id(), null, null, Map.of("photo", photo())), null));

        firer.fire(schedule.id(), 1, System.currentTimeMillis(), true);
        workflows.update(user, saved.id(), new WorkflowEdit("daily square", null, square(32), null));
        firer.fire(schedule.id(), 2, System.currentTimeMillis(), true);

        assertThat(schedules.find(user, schedule.id(), 0).workflowId()).isEqualTo(saved.id());
        List<ScheduleView.Fire> fires = schedules.find(user, schedule.id(), 0).recentFires();
        assertThat(fires).extracting(ScheduleView.Fire::error).containsOnlyNulls();
        assertThat(fires).extracting(fire -> runs.find(user, fire.startedId()))
                .extracting(RunView::workflowId, RunView::workflowVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(saved.id(), 2),
                        org.assertj.core.groups.Tuple.tuple(saved.id(), 1));
    }

    @Test
    void aScheduleOfAnotherUsersWorkflowIsNotFound() throws IOException {
        SavedWorkflow others = workflows.create("other-" + UUID.randomUUID(), new WorkflowEdit("x", null, square(64), null));

        assertThatThrownBy(() -> schedules.create(user, new ScheduleSpec("daily", YEARLY, "UTC",
                new ScheduleSpec.RunTarget(others.id(), null, null, Map.of("photo", photo())), null)))
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThat(schedules.list(user)).isEmpty();
    }

    /** load -> resize to side x side -> save, with the photo as workflow input. */
    private static Graph square(int side) {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("width", side, "height", side, "mode", "fill")),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null)));
    }

    private String photo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB), "png", out);
        return blobs.put(out.toByteArray(), "image/png").hash();
    }
}
