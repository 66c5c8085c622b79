package com.imagestudio.flow.catalog.graph;

import com.imagestudio.flow.catalog.schema.TestNodes;
import org.junit.jupiter.api.Test;

import static com.imagestudio.flow.catalog.graph.TestGraphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A list fed to an image input maps its node: it runs once per item, and its images become lists. */
class MappingValidationTest {

    private final GraphValidator validator = new GraphValidator(TestNodes.catalog());

    @Test
    void aListFedToAnImageInputMapsTheNodeAndTheGraphIsValid() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("blur", "Blur")
                .node("saveAll", "SaveAll")
                .edge("folder.images", "blur.image")
                .edge("blur.image", "saveAll.images")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).isEmpty();
        assertThat(result.graph().mapped("blur")).isTrue();
        assertThat(result.graph().mappedNodes()).containsExactly("blur");
    }

    @Test
    void mappingFollowsImageOutputsDownAChainDrawnLastEdgeFirst() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("blur", "Blur")
                .node("resize", "Resize")
                .node("save", "Save")
                .edge("resize.image", "save.image")
                .edge("blur.image", "resize.image")
                .edge("folder.images", "blur.image")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).isEmpty();
        assertThat(result.graph().mappedNodes()).containsExactlyInAnyOrder("blur", "resize", "save");
    }

    @Test
    void aListFedToAListInputDoesNotMapTheNode() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("saveAll", "SaveAll")
                .edge("folder.images", "saveAll.images")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).isEmpty();
        assertThat(result.graph().mapped("saveAll")).isFalse();
    }

    @Test
    void aNodeFedListsOnTwoInputsIsReportedWithBothInputs() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("mask", "ApplyMask")
                .node("save", "Save")
                .edge("folder.images", "mask.image")
                .edge("folder.images", "mask.mask")
                .edge("mask.image", "save.image")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("mask", ProblemCode.MAPS_OVER_SEVERAL_LISTS,
                "ApplyMask maps over one list at a time: inputs image and mask both receive lists"));
    }

    @Test
    void aProviderNodeFedAListIsRefusedWithTheAdviceToRunABatch() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("up", "Upscale")
                .node("save", "Save")
                .edge("folder.images", "up.image")
                .edge("up.image", "save.image")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("up", ProblemCode.PROVIDER_NODE_MAPPED,
                "Upscale calls a provider, so it cannot run once per image of a list: only local nodes can;"
                        + " to call it for each image, run the workflow as a batch (one run per image)"));
    }

    @Test
    void aProviderNodeAfterAMappedLocalNodeIsRefused() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("blur", "Blur")
                .node("up", "Upscale")
                .node("save", "Save")
                .edge("folder.images", "blur.image")
                .edge("blur.image", "up.image")
                .edge("up.image", "save.image")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).extracting(GraphProblem::code, GraphProblem::nodeId)
                .containsExactly(tuple(ProblemCode.PROVIDER_NODE_MAPPED, "up"));
    }

    @Test
    void aTextOutputOfAMappedNodeMayNotBeConnected() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("describe", "Describe")
                .node("saveText", "SaveText")
                .edge("folder.images", "describe.image")
                .edge("describe.text", "saveText.text")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("describe", ProblemCode.NO_LIST_OF_OUTPUT_TYPE,
                "describe's TEXT output \"text\" would be one value per item; lists of TEXT are not supported"));
    }

    @Test
    void aTextOutputOfAMappedNodeMayStayUnconnected() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("describe", "Describe")
                .node("saveAll", "SaveAll")
                .edge("folder.images", "describe.image")
                .edge("folder.images", "saveAll.images")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).isEmpty();
        assertThat(result.graph().mapped("describe")).isTrue();
    }

    @Test
    void aListOutputOfAMappedNodeMayNotBeConnected() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("fan", "FanOut")
                .node("saveAll", "SaveAll")
                .edge("folder.images", "fan.image")
                .edge("fan.images", "saveAll.images")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("fan", ProblemCode.NO_LIST_OF_OUTPUT_TYPE,
                "fan's IMAGE_LIST output \"images\" would be one list per item; lists of lists are not supported"));
    }

    @Test
    void aListFedToATextInputIsStillATypeMismatch() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("saveText", "SaveText")
                .edge("folder.images", "saveText.text")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("saveText", ProblemCode.TYPE_MISMATCH,
                "cannot connect folder.images (IMAGE_LIST) to saveText.text (TEXT)"));
    }

    @Test
    void anImageOfANodeThatIsNotMappedIsStillRefusedByAListInput() {
        Graph graph = graph()
                .node("src", "Source")
                .node("saveAll", "SaveAll")
                .edge("src.image", "saveAll.images")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("saveAll", ProblemCode.TYPE_MISMATCH,
                "cannot connect src.image (IMAGE) to saveAll.images (IMAGE_LIST)"));
    }

    @Test
    void aMismatchFromAMappedNodeSaysItsImagesAreAList() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("blur", "Blur")
                .node("saveText", "SaveText")
                .edge("folder.images", "blur.image")
                .edge("blur.image", "saveText.text")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactly(new GraphProblem("saveText", ProblemCode.TYPE_MISMATCH,
                "cannot connect blur.image (IMAGE_LIST, as blur runs once per item) to saveText.text (TEXT)"));
    }

    @Test
    void aCycleThatAListFlowsAroundIsReportedAndValidationEnds() {
        Graph graph = graph()
                .node("folder", "Folder")
                .node("mask", "ApplyMask")
                .node("blur", "Blur")
                .node("save", "Save")
                .edge("folder.images", "mask.image")
                .edge("mask.image", "blur.image")
                .edge("blur.image", "mask.mask")
                .edge("mask.image", "save.image")
                .build();

        ValidationResult result = validator.validate(graph);

        assertThat(result.problems()).containsExactlyInAnyOrder(
                new GraphProblem("mask", ProblemCode.CYCLE, "the graph has a cycle: mask -> blur -> mask"),
                new GraphProblem("mask", ProblemCode.MAPS_OVER_SEVERAL_LISTS,
                        "ApplyMask maps over one list at a time: inputs image and mask both receive lists"));
    }
}
