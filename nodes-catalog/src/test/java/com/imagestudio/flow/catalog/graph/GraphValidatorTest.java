package com.imagestudio.flow.catalog.graph;

import com.imagestudio.flow.catalog.schema.TestNodes;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.imagestudio.flow.catalog.graph.TestGraphs.graph;
import static com.imagestudio.flow.catalog.graph.TestGraphs.sourceBlurSave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GraphValidatorTest {

    private final GraphValidator validator = new GraphValidator(TestNodes.catalog());

    /** Asserts on (code, node id) of each problem, the pair the editor uses to mark a node. */
    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertProblems(
            ValidationResult result) {
        return assertThat(result.problems()).extracting(GraphProblem::code, GraphProblem::nodeId);
    }

    private static String onlyMessage(ValidationResult result) {
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0).message();
    }

    @Nested
    class Limits {

        @Test
        void reportsAParameterOverTheTextLimitOnItsNodeNamingTheLimit() {
            Graph graph = sourceBlurSave().node("big", "Blur", Map.of("radius", "x".repeat(GraphLimits.MAX_TEXT + 1))).build();

            ValidationResult result = validator.validate(graph, Map.of());

            assertProblems(result).containsExactly(tuple(ProblemCode.TOO_LARGE, "big"));
            assertThat(onlyMessage(result)).contains("\"radius\"", String.valueOf(GraphLimits.MAX_TEXT));
        }

        @Test
        void reportsMoreNodesThanTheLimit() {
            TestGraphs graph = sourceBlurSave();
            for (int i = 0; i <= GraphLimits.MAX_NODES; i++) {
                graph.node("extra" + i, "Blur");
            }

            ValidationResult result = validator.validate(graph.build());

            assertProblems(result).containsExactly(tuple(ProblemCode.TOO_LARGE, null));
            assertThat(onlyMessage(result)).contains(String.valueOf(GraphLimits.MAX_NODES));
        }

        @Test
        void reportsTextUnderEachLimitButOverTheTotal() {
            Map<String, Object> inputs = new java.util.HashMap<>();
            for (int i = 0; i < 6; i++) {
                inputs.put("text" + i, "x".repeat(GraphLimits.MAX_TEXT));
            }

            ValidationResult result = validator.validate(sourceBlurSave().build(), inputs);

            assertProblems(result).containsExactly(tuple(ProblemCode.TOO_LARGE, null));
            assertThat(onlyMessage(result)).contains(String.valueOf(GraphLimits.MAX_TOTAL_TEXT));
        }
    }

    @Nested
    class Nodes {

        @Test
        void reportsAGraphWithoutNodes() {
            ValidationResult result = validator.validate(graph().build());

            assertProblems(result).containsExactly(tuple(ProblemCode.EMPTY_GRAPH, null));
            assertThat(result.graph()).isNull();
        }

        @Test
        void reportsAMissingGraphAsEmpty() {
            assertProblems(validator.validate(null)).containsExactly(tuple(ProblemCode.EMPTY_GRAPH, null));
        }

        @Test
        void reportsANodeIdWithASpace() {
            Graph graph = sourceBlurSave().node("my node", "Source").build();

            assertProblems(validator.validate(graph)).containsExactly(tuple(ProblemCode.INVALID_NODE_ID, "my node"));
        }

        @Test
        void reportsANodeIdLongerThan64Characters() {
            String tooLong = "n".repeat(65);
            Graph graph = sourceBlurSave().node(tooLong, "Source").build();

            assertProblems(validator.validate(graph)).containsExactly(tuple(ProblemCode.INVALID_NODE_ID, tooLong));
        }

        @Test
        void reportsANodeWithoutId() {
            Graph graph = sourceBlurSave().node(null, "Source").build();

            assertProblems(validator.validate(graph)).containsExactly(tuple(ProblemCode.INVALID_NODE_ID, null));
        }

        @Test
        void reportsTheSecondNodeWithAnIdAlreadyTaken() {
            Graph graph = sourceBlurSave().node("blur", "Source").build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.DUPLICATE_NODE_ID, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("two nodes have the id \"blur\"");
        }

        @Test
        void reportsAnUnknownNodeType() {
            Graph graph = sourceBlurSave().node("sharp", "Sharpen").build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.UNKNOWN_NODE_TYPE, "sharp"));
            assertThat(onlyMessage(result)).isEqualTo("unknown node type \"Sharpen\"");
        }

        @Test
        void reportsAnUnknownVersionListingTheKnownOnes() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("resize", "Resize", 3, Map.of())
                    .node("save", "Save")
                    .edge("src.image", "resize.image")
                    .edge("resize.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.UNKNOWN_NODE_VERSION, "resize"));
            assertThat(onlyMessage(result)).isEqualTo("Resize has no version 3; known versions: [1, 2]");
        }

        @Test
        void pinsAnOmittedVersionToTheLatest() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("resize", "Resize")
                    .node("save", "Save")
                    .edge("src.image", "resize.image")
                    .edge("resize.image", "save.image")
                    .build();

            ValidatedGraph validated = validator.validate(graph).graph();

            assertThat(validated.schema("resize").version()).isEqualTo(2);
            assertThat(validated.graph().nodes()).extracting(GraphNode::id, GraphNode::version)
                    .containsExactly(tuple("src", 1), tuple("resize", 2), tuple("save", 1));
        }

        @Test
        void keepsAnOlderVersionAskedFor() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("resize", "Resize", 1, Map.of())
                    .node("save", "Save")
                    .edge("src.image", "resize.image")
                    .edge("resize.image", "save.image")
                    .build();

            ValidatedGraph validated = validator.validate(graph).graph();

            assertThat(validated.schema("resize").version()).isEqualTo(1);
            assertThat(validated.params("resize").asMap()).containsOnlyKeys("width");
        }
    }

    @Nested
    class Params {

        private ValidationResult validateBlurWith(Map<String, Object> params) {
            return validator.validate(graph()
                    .node("src", "Source")
                    .node("blur", "Blur", params)
                    .node("save", "Save")
                    .edge("src.image", "blur.image")
                    .edge("blur.image", "save.image")
                    .build());
        }

        @Test
        void reportsAParamOutOfRange() {
            ValidationResult result = validateBlurWith(Map.of("radius", 500));

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("parameter 'radius' must be between 1 and 100, got 500");
        }

        @Test
        void reportsAParamOfTheWrongType() {
            ValidationResult result = validateBlurWith(Map.of("radius", "big"));

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("parameter 'radius' must be a whole number, got \"big\"");
        }

        @Test
        void reportsAnUnknownParamName() {
            ValidationResult result = validateBlurWith(Map.of("sigma", 2));

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("unknown parameter 'sigma'");
        }

        @Test
        void reportsAnEnumValueThatIsNotAChoice() {
            ValidationResult result = validateBlurWith(Map.of("mode", "motion"));

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("parameter 'mode' must be one of [gaussian, box], got \"motion\"");
        }

        @Test
        void reportsAColourInTheWrongFormat() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("mask", "ApplyMask", Map.of("background", "black"))
                    .node("save", "Save")
                    .edge("src.image", "mask.image")
                    .edge("src.image", "mask.mask")
                    .edge("mask.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "mask"));
            assertThat(onlyMessage(result))
                    .isEqualTo("parameter 'background' must be a colour like #ff8800, got \"black\"");
        }

        @Test
        void reportsAMandatoryParamWithoutValue() {
            Graph graph = sourceBlurSave().node("cap", "Caption").build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "cap"));
            assertThat(onlyMessage(result)).isEqualTo("parameter 'content' is required");
        }

        @Test
        void reportsEachBadParamOfANodeSeparately() {
            ValidationResult result = validateBlurWith(Map.of("radius", 0, "mode", "motion"));

            assertProblems(result).containsExactly(
                    tuple(ProblemCode.INVALID_PARAMETER, "blur"), tuple(ProblemCode.INVALID_PARAMETER, "blur"));
        }
    }

    @Nested
    class Edges {

        @Test
        void reportsAnEndpointThatIsNotNodeDotPort() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("blur", "Blur")
                    .node("save", "Save")
                    .edge("src", "blur.image")
                    .edge("blur.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_EDGE, null));
            assertThat(onlyMessage(result)).isEqualTo("edge src -> blur.image must connect \"node.port\" to \"node.port\"");
        }

        @Test
        void reportsAnEndpointWithTwoDots() {
            Graph graph = sourceBlurSave().edge("src.image.left", "save.image").build();

            assertProblems(validator.validate(graph)).contains(tuple(ProblemCode.INVALID_EDGE, null));
        }

        @Test
        void reportsAnEdgeToANodeNotInTheGraph() {
            Graph graph = sourceBlurSave().edge("blur.image", "ghost.image").build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_EDGE, "ghost"));
            assertThat(onlyMessage(result)).isEqualTo("an edge refers to node \"ghost\", which is not in the graph");
        }

        @Test
        void reportsAnUnknownOutputPortListingTheKnownOnes() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("blur", "Blur")
                    .node("save", "Save")
                    .edge("src.picture", "blur.image")
                    .edge("blur.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.UNKNOWN_PORT, "src"));
            assertThat(onlyMessage(result)).isEqualTo("Source has no output \"picture\"; its outputs are [image]");
        }

        @Test
        void reportsAnUnknownInputPortListingTheKnownOnes() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("mask", "ApplyMask")
                    .node("save", "Save")
                    .edge("src.image", "mask.image")
                    .edge("src.image", "mask.mask")
                    .edge("src.image", "mask.alpha")
                    .edge("mask.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.UNKNOWN_PORT, "mask"));
            assertThat(onlyMessage(result))
                    .isEqualTo("ApplyMask has no input \"alpha\"; its inputs are [image, mask, backdrop]");
        }

        @Test
        void reportsTextFedToAnImageInput() {
            Graph graph = graph()
                    .node("cap", "Caption", Map.of("content", "a cat"))
                    .node("blur", "Blur")
                    .node("save", "Save")
                    .edge("cap.text", "blur.image")
                    .edge("blur.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.TYPE_MISMATCH, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("cannot connect cap.text (TEXT) to blur.image (IMAGE)");
        }

        @Test
        void acceptsAnImageFedToAMaskInput() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("mask", "ApplyMask")
                    .node("save", "Save")
                    .edge("src.image", "mask.image")
                    .edge("src.image", "mask.mask")
                    .edge("mask.image", "save.image")
                    .build();

            assertThat(validator.validate(graph).problems()).isEmpty();
        }

        @Test
        void acceptsAMaskFedToAnImageInput() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("seg", "Segment")
                    .node("save", "Save")
                    .edge("src.image", "seg.image")
                    .edge("seg.mask", "save.image")
                    .build();

            assertThat(validator.validate(graph).problems()).isEmpty();
        }

        @Test
        void reportsAnInputFedByTwoEdges() {
            Graph graph = sourceBlurSave().node("src2", "Source").edge("src2.image", "blur.image").build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INPUT_ALREADY_CONNECTED, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("input blur.image is fed by both src.image and src2.image");
        }

        @Test
        void reportsARequiredInputNotConnected() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("blur", "Blur")
                    .node("save", "Save")
                    .edge("blur.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.MISSING_INPUT, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("input \"image\" (IMAGE) of Blur is not connected");
        }

        @Test
        void letsAnOptionalInputStayUnconnected() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("mask", "ApplyMask")
                    .node("save", "Save")
                    .edge("src.image", "mask.image")
                    .edge("src.image", "mask.mask")
                    .edge("mask.image", "save.image")
                    .build();

            assertThat(validator.validate(graph).graph().incoming("mask")).doesNotContainKey("backdrop");
        }
    }

    @Nested
    class Structure {

        @Test
        void reportsACycleOfThreeNodesOnceWithItsPath() {
            Graph graph = graph()
                    .node("a", "Blur")
                    .node("b", "Blur")
                    .node("c", "Blur")
                    .node("save", "Save")
                    .edge("a.image", "b.image")
                    .edge("b.image", "c.image")
                    .edge("c.image", "a.image")
                    .edge("c.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.CYCLE, "a"));
            assertThat(onlyMessage(result)).isEqualTo("the graph has a cycle: a -> b -> c -> a");
        }

        @Test
        void startsTheCyclePathAtTheNodeDrawnFirst() {
            Graph graph = graph()
                    .node("save", "Save")
                    .node("c", "Blur")
                    .node("a", "Blur")
                    .node("b", "Blur")
                    .edge("a.image", "b.image")
                    .edge("b.image", "c.image")
                    .edge("c.image", "a.image")
                    .edge("c.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.CYCLE, "c"));
            assertThat(onlyMessage(result)).isEqualTo("the graph has a cycle: c -> a -> b -> c");
        }

        @Test
        void reportsANodeFeedingItself() {
            Graph graph = graph()
                    .node("blur", "Blur")
                    .node("save", "Save")
                    .edge("blur.image", "blur.image")
                    .edge("blur.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.CYCLE, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("the graph has a cycle: blur -> blur");
        }

        @Test
        void reportsEachOfTwoSeparateCycles() {
            Graph graph = graph()
                    .node("a", "Blur")
                    .node("b", "Blur")
                    .node("x", "Blur")
                    .node("save", "Save")
                    .edge("a.image", "b.image")
                    .edge("b.image", "a.image")
                    .edge("x.image", "x.image")
                    .edge("b.image", "save.image")
                    .build();

            assertProblems(validator.validate(graph))
                    .containsExactly(tuple(ProblemCode.CYCLE, "a"), tuple(ProblemCode.CYCLE, "x"));
        }

        @Test
        void reportsAGraphWithoutOutputNode() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("blur", "Blur")
                    .edge("src.image", "blur.image")
                    .build();

            assertProblems(validator.validate(graph)).containsExactly(tuple(ProblemCode.NO_OUTPUT_NODE, null));
        }

        @Test
        void listsEveryProblemOfAGraphAtOnce() {
            Graph graph = graph()
                    .node("a", "Blur", Map.of("radius", 0))
                    .node("b", "Blur")
                    .node("c", "Blur")
                    .node("cap", "Caption", Map.of("content", "a cat"))
                    .node("d", "Blur")
                    .node("save", "Save")
                    .edge("a.image", "b.image")
                    .edge("b.image", "c.image")
                    .edge("c.image", "a.image")
                    .edge("cap.text", "d.image")
                    .edge("d.image", "save.image")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertThat(result.isValid()).isFalse();
            assertProblems(result).containsExactlyInAnyOrder(
                    tuple(ProblemCode.INVALID_PARAMETER, "a"),
                    tuple(ProblemCode.TYPE_MISMATCH, "d"),
                    tuple(ProblemCode.CYCLE, "a"));
        }
    }

    @Nested
    class WorkflowInputs {

        /** Source -> Blur -> Save, plus a Caption whose mandatory content is the workflow input "caption". */
        private TestGraphs withCaptionInput() {
            return sourceBlurSave().node("cap", "Caption").input("caption", "cap", "content");
        }

        @Test
        void reportsAnInputBoundToANodeNotInTheGraph() {
            Graph graph = sourceBlurSave().input("caption", "ghost", "content").build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_WORKFLOW_INPUT, "ghost"));
            assertThat(onlyMessage(result))
                    .isEqualTo("workflow input \"caption\" is bound to ghost.content, which does not exist");
        }

        @Test
        void reportsAnInputBoundToAParamTheNodeDoesNotHave() {
            Graph graph = sourceBlurSave().input("sigma", "blur", "sigma").build();

            assertProblems(validator.validate(graph))
                    .containsExactly(tuple(ProblemCode.INVALID_WORKFLOW_INPUT, "blur"));
        }

        @Test
        void reportsTwoInputsWithTheSameName() {
            Graph graph = sourceBlurSave()
                    .input("blur", "blur", "radius")
                    .input("blur", "blur", "mode")
                    .build();

            ValidationResult result = validator.validate(graph);

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_WORKFLOW_INPUT, "blur"));
            assertThat(onlyMessage(result))
                    .isEqualTo("workflow input names must be present and unique, got \"blur\"");
        }

        @Test
        void reportsAnInputWithABlankName() {
            Graph graph = sourceBlurSave().input(" ", "blur", "radius").build();

            assertProblems(validator.validate(graph))
                    .containsExactly(tuple(ProblemCode.INVALID_WORKFLOW_INPUT, "blur"));
        }

        @Test
        void letsAMandatoryParamBoundToAnInputBeEmptyWhileDesigning() {
            Graph graph = withCaptionInput().build();

            assertThat(validator.validate(graph).problems()).isEmpty();
        }

        @Test
        void reportsAMissingValueForAMandatoryParamOnlyOnceWhenARunStarts() {
            Graph graph = withCaptionInput().build();

            ValidationResult result = validator.validate(graph, Map.of());

            assertProblems(result).containsExactly(tuple(ProblemCode.MISSING_WORKFLOW_INPUT, "cap"));
            assertThat(onlyMessage(result)).isEqualTo("workflow input \"caption\" needs a value");
        }

        @Test
        void treatsNoRunInputsAsEmptyWhenARunStarts() {
            Graph graph = withCaptionInput().build();

            assertProblems(validator.validate(graph, null))
                    .containsExactly(tuple(ProblemCode.MISSING_WORKFLOW_INPUT, "cap"));
        }

        @Test
        void usesTheValueInTheGraphWhenAnInputIsNotGiven() {
            Graph graph = sourceBlurSave()
                    .node("cap", "Caption", Map.of("content", "a cat"))
                    .input("caption", "cap", "content")
                    .build();

            ValidationResult result = validator.validate(graph, Map.of());

            assertThat(result.problems()).isEmpty();
            assertThat(result.graph().params("cap").string("content")).isEqualTo("a cat");
        }

        @Test
        void putsARunInputValueInPlaceOfTheGraphValue() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("blur", "Blur", Map.of("radius", 3))
                    .node("save", "Save")
                    .edge("src.image", "blur.image")
                    .edge("blur.image", "save.image")
                    .input("radius", "blur", "radius")
                    .build();

            ValidatedGraph validated = validator.validate(graph, Map.of("radius", 7)).graph();

            assertThat(validated.params("blur").integer("radius")).isEqualTo(7);
        }

        @Test
        void reportsARunInputTheWorkflowDoesNotHave() {
            Graph graph = withCaptionInput().build();

            ValidationResult result = validator.validate(graph, Map.of("caption", "a cat", "prompt", "a dog"));

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_WORKFLOW_INPUT, null));
            assertThat(onlyMessage(result))
                    .isEqualTo("the workflow has no input named \"prompt\"; its inputs are [caption]");
        }

        @Test
        void reportsARunInputValueOutOfRangeAsABadParamOfItsNode() {
            Graph graph = sourceBlurSave().input("radius", "blur", "radius").build();

            ValidationResult result = validator.validate(graph, Map.of("radius", 500));

            assertProblems(result).containsExactly(tuple(ProblemCode.INVALID_PARAMETER, "blur"));
            assertThat(onlyMessage(result)).isEqualTo("parameter 'radius' must be between 1 and 100, got 500");
        }
    }

    @Nested
    class Require {

        @Test
        void throwsWithEveryProblemOfAnInvalidGraph() {
            Graph graph = graph()
                    .node("src", "Source")
                    .node("blur", "Blur", Map.of("radius", 0))
                    .edge("src.image", "blur.image")
                    .build();

            assertThatThrownBy(() -> validator.require(graph, Map.of()))
                    .isInstanceOf(InvalidGraphException.class)
                    .hasMessageStartingWith("2 problem(s) in the graph: [blur: parameter 'radius' must be between")
                    .extracting(e -> ((InvalidGraphException) e).problems())
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(GraphProblem.class))
                    .extracting(GraphProblem::code, GraphProblem::nodeId)
                    .containsExactly(
                            tuple(ProblemCode.INVALID_PARAMETER, "blur"),
                            tuple(ProblemCode.NO_OUTPUT_NODE, null));
        }

        @Test
        void returnsTheValidatedGraphOfAValidGraph() {
            ValidatedGraph validated = validator.require(sourceBlurSave().build(), Map.of());

            assertThat(validated.order()).containsExactly("src", "blur", "save");
        }
    }

    @Nested
    class ValidGraph {

        /** A diamond drawn output first: src feeds blur and seg, which both feed mask, which feeds save. */
        private final Graph diamond = graph()
                .node("save", "Save")
                .node("mask", "ApplyMask")
                .node("seg", "Segment")
                .node("blur", "Blur", Map.of("radius", 3.0))
                .node("src", "Source")
                .edge("mask.image", "save.image")
                .edge("blur.image", "mask.image")
                .edge("seg.mask", "mask.mask")
                .edge("src.image", "seg.image")
                .edge("src.image", "blur.image")
                .build();

        @Test
        void isValidWithoutProblems() {
            ValidationResult result = validator.validate(diamond);

            assertThat(result.isValid()).isTrue();
            assertThat(result.problems()).isEmpty();
        }

        @Test
        void ordersEveryNodeAfterTheNodesThatFeedIt() {
            List<String> order = validator.validate(diamond).graph().order();

            assertThat(order).containsExactlyInAnyOrder("save", "mask", "seg", "blur", "src");
            for (Edge edge : diamond.edges()) {
                assertThat(order.indexOf(edge.source().node()))
                        .as("%s before %s", edge.source().node(), edge.target().node())
                        .isLessThan(order.indexOf(edge.target().node()));
            }
        }

        @Test
        void mapsEachInputPortToTheOutputThatFeedsIt() {
            ValidatedGraph validated = validator.validate(diamond).graph();

            assertThat(validated.incoming("mask")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "image", new PortRef("blur", "image"),
                    "mask", new PortRef("seg", "mask")));
            assertThat(validated.incoming("src")).isEmpty();
        }

        @Test
        void fillsDefaultsAndGivesParamsTheirCanonicalTypes() {
            ValidatedGraph validated = validator.validate(diamond).graph();

            assertThat(validated.params("blur").asMap()).isEqualTo(Map.of("radius", 3, "mode", "gaussian"));
            assertThat(validated.params("blur").asMap().get("radius")).isInstanceOf(Integer.class);
            assertThat(validated.params("mask").asMap()).isEqualTo(Map.of("background", "#000000"));
            assertThat(validated.params("src").asMap()).isEmpty();
        }

        @Test
        void givesTheSchemaOfEachNode() {
            ValidatedGraph validated = validator.validate(diamond).graph();

            assertThat(validated.schema("seg")).isEqualTo(TestNodes.SEGMENT.schema());
        }

        @Test
        void keepsTheEdgesAndInputsOfTheGraphAsDrawn() {
            ValidatedGraph validated = validator.validate(diamond).graph();

            assertThat(validated.graph().edges()).isEqualTo(diamond.edges());
            assertThat(validated.graph().inputs()).isEqualTo(diamond.inputs());
        }
    }
}
