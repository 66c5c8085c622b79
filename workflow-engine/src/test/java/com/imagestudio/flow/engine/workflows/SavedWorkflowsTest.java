package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ProblemCode;
import com.imagestudio.flow.catalog.schema.Choice;
import com.imagestudio.flow.catalog.schema.ParamType;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import com.imagestudio.flow.engine.run.RunView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Saved workflows and their versions, and runs triggered from them, on embedded PostgreSQL and Temporal. */
@SpringBootTest
class SavedWorkflowsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    SavedWorkflows workflows;
    @Autowired
    WorkflowRuns triggers;
    @Autowired
    RunService runs;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;

    String user;

    @BeforeEach
    void newUser() {
        user = "user-" + UUID.randomUUID();
    }

    @Test
    void aNewWorkflowIsVersionOneWithItsGraphPinnedAndItsInputsDescribedByTheirParameters() {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit(" Square ", "for the shop", squareGraph(1080), null));

        assertThat(saved.id()).startsWith("wf-");
        assertThat(saved.name()).isEqualTo("Square");
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.latestVersion()).isEqualTo(1);
        assertThat(saved.graph().nodes()).extracting(GraphNode::version).containsOnly(1);
        assertThat(saved.inputs()).extracting(WorkflowInput::name, WorkflowInput::nodeType, WorkflowInput::param,
                WorkflowInput::type, WorkflowInput::required).containsExactly(
                tuple("photo", "LoadImage", "blob", ParamType.STRING, true),
                tuple("size", "Resize", "width", ParamType.INTEGER, false),
                tuple("format", "Encode", "format", ParamType.ENUM, false));
        WorkflowInput size = saved.inputs().get(1);
        assertThat(size.minimum()).isEqualTo(1.0);
        assertThat(size.maximum()).isEqualTo(16383.0);
        assertThat(size.defaultValue()).isEqualTo(1080);
        WorkflowInput format = saved.inputs().get(2);
        assertThat(format.defaultValue()).isEqualTo("jpeg");
        assertThat(format.choices()).extracting(Choice::value).contains("jpeg", "png", "webp");
    }

    @Test
    void aGraphWithProblemsIsRefusedWithEveryProblemAndNothingIsSaved() {
        Graph broken = new Graph(List.of(new GraphNode("a", "Resize", null, Map.of("width", 0)),
                new GraphNode("b", "NoSuchNode", null, Map.of())), List.of(), List.of());

        assertThatThrownBy(() -> workflows.create(user, new WorkflowEdit("broken", null, broken, null)))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.nodeId(), p -> p.code()).contains(
                                tuple("a", ProblemCode.INVALID_PARAMETER), tuple("a", ProblemCode.MISSING_INPUT),
                                tuple("b", ProblemCode.UNKNOWN_NODE_TYPE), tuple(null, ProblemCode.NO_OUTPUT_NODE)));
        assertThat(workflows.list(user, 0, 10).total()).isZero();
    }

    @Test
    void changingTheGraphAddsAVersionAndTheOldVersionStaysAsItWas() {
        SavedWorkflow v1 = workflows.create(user, new WorkflowEdit("square", null, squareGraph(1080), null));

        SavedWorkflow v2 = workflows.update(user, v1.id(), new WorkflowEdit(null, null, squareGraph(640), null));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.name()).isEqualTo("square");
        assertThat(resizeWidth(v2)).isEqualTo(640);
        SavedWorkflow first = workflows.findVersion(user, v1.id(), 1);
        assertThat(first.latestVersion()).isEqualTo(2);
        assertThat(resizeWidth(first)).isEqualTo(1080);
    }

    @Test
    void aRenameOrTheSameGraphSavedAgainAddsNoVersion() {
        SavedWorkflow v1 = workflows.create(user, new WorkflowEdit("square", null, squareGraph(1080), null));

        SavedWorkflow renamed = workflows.update(user, v1.id(), new WorkflowEdit("square for the shop", "now described",
                squareGraph(1080), null));

        assertThat(renamed.version()).isEqualTo(1);
        assertThat(renamed.name()).isEqualTo("square for the shop");
        assertThat(renamed.description()).isEqualTo("now described");
        assertThat(jdbc.sql("select count(*) from saved_workflow_versions where workflow_id = :id")
                .param("id", v1.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theEditorsNodePositionsAreKeptWithTheWorkflowAndMovingNodesAddsNoVersion() {
        SavedWorkflow v1 = workflows.create(user, new WorkflowEdit("square", null, squareGraph(1080), null,
                Map.of("load", new NodePosition(0, 0), "save", new NodePosition(960, 0))));

        SavedWorkflow moved = workflows.update(user, v1.id(), new WorkflowEdit(null, null, squareGraph(1080), null,
                Map.of("load", new NodePosition(10.5, -40), "save", new NodePosition(900, 120))));
        SavedWorkflow renamed = workflows.update(user, v1.id(), new WorkflowEdit("square, renamed", null, null, null));

        assertThat(v1.positions()).containsEntry("save", new NodePosition(960, 0));
        assertThat(moved.version()).isEqualTo(1);
        assertThat(renamed.positions()).as("an edit without positions keeps them")
                .containsOnly(Map.entry("load", new NodePosition(10.5, -40)), Map.entry("save", new NodePosition(900, 120)));
        assertThat(workflows.create(user, new WorkflowEdit("never drawn", null, squareGraph(64), null)).positions()).isEmpty();
    }

    @Test
    void positionsOfNodesTheGraphDoesNotHaveAreRefusedAndChangeNothing() {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("square", null, squareGraph(1080), null));

        assertThatThrownBy(() -> workflows.update(user, saved.id(), new WorkflowEdit("renamed", null, squareGraph(640), null,
                Map.of("load", new NodePosition(0, 0), "ghost", new NodePosition(1, 1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positions name nodes the graph does not have: ghost");

        SavedWorkflow after = workflows.find(user, saved.id());
        assertThat(after.name()).isEqualTo("square");
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.positions()).isEmpty();
    }

    @Test
    void theListPagesAnOwnersWorkflowsMostRecentlyChangedFirst() {
        SavedWorkflow a = workflows.create(user, new WorkflowEdit("a", null, squareGraph(100), null));
        SavedWorkflow b = workflows.create(user, new WorkflowEdit("b", null, squareGraph(200), null));
        SavedWorkflow c = workflows.create(user, new WorkflowEdit("c", null, squareGraph(300), null));
        workflows.update(user, a.id(), new WorkflowEdit("a again", null, null, null));
        workflows.create("user-" + UUID.randomUUID(), new WorkflowEdit("someone else's", null, squareGraph(100), null));

        WorkflowPage first = workflows.list(user, 0, 2);
        WorkflowPage second = workflows.list(user, 1, 2);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(WorkflowPage.Summary::id).containsExactly(a.id(), c.id());
        assertThat(second.items()).extracting(WorkflowPage.Summary::id).containsExactly(b.id());
        assertThat(first.items().get(0).inputs()).containsExactly("photo", "size", "format");
    }

    @Test
    void anotherUserCanNeitherSeeNorChangeNorDeleteAWorkflow() {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("mine", null, squareGraph(100), null));
        String other = "user-" + UUID.randomUUID();

        assertThatThrownBy(() -> workflows.find(other, saved.id())).isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> workflows.findVersion(other, saved.id(), 1)).isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> workflows.update(other, saved.id(), new WorkflowEdit("theirs", null, null, null)))
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> workflows.delete(other, saved.id())).isInstanceOf(WorkflowNotFoundException.class);
        assertThat(workflows.find(user, saved.id()).name()).isEqualTo("mine");
    }

    @Test
    void aDeletedWorkflowIsGoneWithItsVersions() {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("gone", null, squareGraph(100), null));

        workflows.delete(user, saved.id());

        assertThatThrownBy(() -> workflows.find(user, saved.id())).isInstanceOf(WorkflowNotFoundException.class);
        assertThat(jdbc.sql("select count(*) from saved_workflow_versions where workflow_id = :id")
                .param("id", saved.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aTriggeredRunRecordsTheWorkflowAndTheVersionItRan() throws IOException {
        SavedWorkflow v1 = workflows.create(user, new WorkflowEdit("square", null, squareGraph(64), null));
        workflows.update(user, v1.id(), new WorkflowEdit(null, null, squareGraph(32), null));
        String photo = png(80, 60);

        RunView latest = runs.await(user, triggers.trigger(user, v1.id(),
                new WorkflowTrigger(Map.of("photo", photo), null, null), null).run().id(), WAIT);
        RunView pinned = runs.await(user, triggers.trigger(user, v1.id(),
                new WorkflowTrigger(Map.of("photo", photo), 1, null), null).run().id(), WAIT);

        assertThat(latest.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(latest.workflowId()).isEqualTo(v1.id());
        assertThat(latest.workflowVersion()).isEqualTo(2);
        assertThat(latest.outputs().get("save").get("image").blob().width()).isEqualTo(32);
        assertThat(pinned.workflowVersion()).isEqualTo(1);
        assertThat(pinned.outputs().get("save").get("image").blob().width()).isEqualTo(64);
    }

    @Test
    void theSameIdempotencyKeyAndRequestAnswerTheSameRunAndADifferentRequestIsRefused() throws IOException {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("square", null, squareGraph(48), null));
        String photo = png(80, 60);
        WorkflowTrigger request = new WorkflowTrigger(Map.of("photo", photo, "size", 40), null, null);

        WorkflowRuns.Triggered first = triggers.trigger(user, saved.id(), request, "order-17");
        WorkflowRuns.Triggered again = triggers.trigger(user, saved.id(),
                new WorkflowTrigger(Map.of("size", 40, "photo", photo), null, null), "order-17");
        String other = "user-" + UUID.randomUUID();
        String othersWorkflow = workflows.create(other, new WorkflowEdit("x", null, squareGraph(48), null)).id();
        WorkflowRuns.Triggered otherUser = triggers.trigger(other, othersWorkflow, request, "order-17");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.run().id()).isEqualTo(first.run().id());
        assertThatThrownBy(() -> triggers.trigger(user, saved.id(),
                new WorkflowTrigger(Map.of("photo", photo, "size", 41), null, null), "order-17"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(jdbc.sql("select count(*) from runs where owner_id = :owner").param("owner", user)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(otherUser.created()).as("keys are per user").isTrue();
        assertThat(otherUser.run().id()).isNotEqualTo(first.run().id());
    }

    @Test
    void aRequestRefusedBeforeItsRunStartsFreesItsIdempotencyKey() throws IOException {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("square", null, squareGraph(48), null));

        assertThatThrownBy(() -> triggers.trigger(user, saved.id(), new WorkflowTrigger(Map.of(), null, null), "k-1"))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).containsExactly(ProblemCode.MISSING_WORKFLOW_INPUT));
        WorkflowRuns.Triggered fixed = triggers.trigger(user, saved.id(),
                new WorkflowTrigger(Map.of("photo", png(20, 20)), null, null), "k-1");

        assertThat(fixed.created()).isTrue();
    }

    @Test
    void anIdempotencyKeyOlderThanADayIsForgottenAndStartsANewRun() throws IOException {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("square", null, squareGraph(48), null));
        WorkflowTrigger request = new WorkflowTrigger(Map.of("photo", png(20, 20)), null, null);
        WorkflowRuns.Triggered first = triggers.trigger(user, saved.id(), request, "order-18");
        jdbc.sql("update idempotency_keys set created_at = created_at - interval '24 hours 1 minute' where owner_id = :owner")
                .param("owner", user).update();

        WorkflowRuns.Triggered afterADay = triggers.trigger(user, saved.id(), request, "order-18");
        WorkflowRuns.Triggered repeated = triggers.trigger(user, saved.id(), request, "order-18");

        assertThat(afterADay.created()).isTrue();
        assertThat(afterADay.run().id()).isNotEqualTo(first.run().id());
        assertThat(repeated.run().id()).as("the key answers its new run from then on").isEqualTo(afterADay.run().id());
        assertThat(jdbc.sql("select count(*) from idempotency_keys where owner_id = :owner").param("owner", user)
                .query(Integer.class).single()).as("the expired key's row is gone").isEqualTo(1);
    }

    private String png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return blobs.put(out.toByteArray(), "image/png").hash();
    }

    private static int resizeWidth(SavedWorkflow workflow) {
        return ((Number) workflow.graph().nodes().stream().filter(n -> n.id().equals("resize")).findFirst()
                .orElseThrow().params().get("width")).intValue();
    }

    /** load -> resize (a square of this side) -> encode -> save, with photo, size and format as inputs. */
    static Graph squareGraph(int side) {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", null, Map.of()),
                new GraphNode("resize", "Resize", null, Map.of("width", side, "height", side, "mode", "fill")),
                new GraphNode("encode", "Encode", null, Map.of("format", "png")),
                new GraphNode("save", "SaveToLibrary", null, Map.of())),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", "the photo"),
                        new GraphInput("size", "resize", "width", "width of the square"),
                        new GraphInput("format", "encode", "format", "file format")));
    }
}
