package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.catalog.schema.NodeKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.imagestudio.flow.engine.run.WorkflowTestPlans.fed;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.mapped;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.node;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.output;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** Which nodes of a plan run together as one fused chain, and which run alone. */
class FusedChainsTest {

    @Test
    void aLineOfLocalNodesIsOneChainInOrder() {
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("resize", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                node("encode", NodeKind.LOCAL, Map.of("image", fed("resize", "image"))),
                output("save", Map.of("image", fed("encode", "image"))));

        assertThat(units(plan)).containsExactly(List.of("load", "resize", "encode", "save"));
    }

    @Test
    void aChainGoesOnFromTheNodeThatGivesAListIntoTheNodesRunOncePerImageButNotIntoItsCollector() {
        ExecutionPlan plan = RecordHistories.folderPlan();

        assertThat(units(plan)).containsExactly(List.of("folder", "resize", "encode"), List.of("saveAll"));
    }

    @Test
    void asRunsRecordedBeforeThatTheNodesRunOncePerImageWereAChainOfTheirOwn() {
        ExecutionPlan plan = RecordHistories.folderPlan();

        assertThat(FusedChains.notIntoMapped(plan)).extracting(unit -> unit.stream().map(PlannedNode::id).toList())
                .containsExactly(List.of("folder"), List.of("resize", "encode"), List.of("saveAll"));
    }

    @Test
    void aListGivenToSeveralNodesEndsItsChain() {
        ExecutionPlan plan = plan(
                node("folder", NodeKind.LOCAL, Map.of()),
                mapped(node("small", NodeKind.LOCAL, Map.of("image", fed("folder", "images")))),
                mapped(node("large", NodeKind.LOCAL, Map.of("image", fed("folder", "images")))));

        assertThat(units(plan)).containsExactly(List.of("folder"), List.of("small"), List.of("large"));
    }

    @Test
    void aNodeWhoseOutputFansOutEndsItsChainAndEachBranchStartsOne() {
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("resize", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                node("square", NodeKind.LOCAL, Map.of("image", fed("resize", "image"))),
                node("wide", NodeKind.LOCAL, Map.of("image", fed("resize", "image"))),
                output("saveSquare", Map.of("image", fed("square", "image"))),
                output("saveWide", Map.of("image", fed("wide", "image"))));

        assertThat(units(plan)).containsExactly(
                List.of("load", "resize"), List.of("square", "saveSquare"), List.of("wide", "saveWide"));
    }

    @Test
    void aProviderNodeIsNeverFusedAndSplitsTheLineAroundIt() {
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("crop", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                node("upscale", NodeKind.PROVIDER, Map.of("image", fed("crop", "image"))),
                node("encode", NodeKind.LOCAL, Map.of("image", fed("upscale", "image"))),
                output("save", Map.of("image", fed("encode", "image"))));

        assertThat(units(plan)).containsExactly(List.of("load", "crop"), List.of("upscale"), List.of("encode", "save"));
    }

    @Test
    void aNodeWithInputsFromSeveralNodesStartsAChainOfItsOwn() {
        ExecutionPlan plan = plan(
                node("base", NodeKind.LOCAL, Map.of()),
                node("logo", NodeKind.LOCAL, Map.of()),
                node("composite", NodeKind.LOCAL, Map.of("base", fed("base", "image"), "overlay", fed("logo", "image"))),
                output("save", Map.of("image", fed("composite", "image"))));

        assertThat(units(plan)).containsExactly(List.of("base"), List.of("logo"), List.of("composite", "save"));
    }

    @Test
    void aNodeFedOnTwoPortsByTheSameNodeStaysInItsChain() {
        // a background remover's image and mask both go to the inpainter
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("cutout", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                node("inpaint", NodeKind.LOCAL, Map.of("image", fed("cutout", "image"), "mask", fed("cutout", "mask"))),
                output("save", Map.of("image", fed("inpaint", "image"))));

        assertThat(units(plan)).containsExactly(List.of("load", "cutout", "inpaint", "save"));
    }

    @Test
    void nodesWithoutInputsAreEachTheStartOfAUnit() {
        ExecutionPlan plan = plan(
                node("left", NodeKind.LOCAL, Map.of()),
                node("right", NodeKind.PROVIDER, Map.of()),
                output("alone", Map.of()));

        assertThat(units(plan)).containsExactly(List.of("left"), List.of("right"), List.of("alone"));
    }

    @Test
    void unfusedEveryNodeIsAUnitOfItsOwnAsRunsRecordedBeforeFusionRan() {
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                output("save", Map.of("image", fed("load", "image"))));

        assertThat(FusedChains.unfused(plan)).extracting(unit -> unit.stream().map(PlannedNode::id).toList())
                .containsExactly(List.of("load"), List.of("save"));
    }

    private static List<List<String>> units(ExecutionPlan plan) {
        return FusedChains.of(plan).stream().map(unit -> unit.stream().map(PlannedNode::id).toList()).toList();
    }
}
