package com.imagestudio.flow.catalog.cost;

import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.catalog.schema.TestNodes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.imagestudio.flow.catalog.graph.TestGraphs.graph;
import static com.imagestudio.flow.catalog.graph.TestGraphs.sourceBlurSave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CostEstimatorTest {

    private final GraphValidator validator = new GraphValidator(TestNodes.catalog());

    /** Two Upscale nodes (10 credits per factor): one at factor 3, one at its default factor 2. */
    private final ValidatedGraph twoUpscales = validator.require(graph()
            .node("src", "Source")
            .node("up3", "Upscale", Map.of("factor", 3))
            .node("up2", "Upscale")
            .node("save", "Save")
            .edge("src.image", "up3.image")
            .edge("up3.image", "up2.image")
            .edge("up2.image", "save.image")
            .build(), Map.of());

    @Test
    void pricesEachNodeFromItsParamsInRunOrder() {
        CostEstimate estimate = CostEstimator.estimate(twoUpscales);

        assertThat(estimate.nodes())
                .extracting(CostEstimate.NodeCost::nodeId, CostEstimate.NodeCost::type, CostEstimate.NodeCost::credits)
                .containsExactly(
                        tuple("src", "Source", 0),
                        tuple("up3", "Upscale", 30),
                        tuple("up2", "Upscale", 20),
                        tuple("save", "Save", 0));
    }

    @Test
    void addsUpTheCreditsOfEveryNode() {
        assertThat(CostEstimator.estimate(twoUpscales).totalCredits()).isEqualTo(50);
    }

    @Test
    void pricesAGraphOfFreeNodesAtZero() {
        ValidatedGraph free = validator.require(sourceBlurSave().build(), Map.of());

        assertThat(CostEstimator.estimate(free).totalCredits()).isZero();
    }

    @Test
    void pricesAParamGivenAsARunInput() {
        ValidatedGraph graph = validator.require(graph()
                .node("src", "Source")
                .node("up", "Upscale")
                .node("save", "Save")
                .edge("src.image", "up.image")
                .edge("up.image", "save.image")
                .input("factor", "up", "factor")
                .build(), Map.of("factor", 4));

        assertThat(CostEstimator.estimate(graph).totalCredits()).isEqualTo(40);
    }

    @Test
    void multipliesTheTotalByTheRowsOfABatch() {
        CostEstimate estimate = CostEstimator.estimate(twoUpscales);

        CostEstimate batch = estimate.times(4);

        assertThat(batch.totalCredits()).isEqualTo(200);
    }

    @Test
    void keepsThePerNodeCreditsOfOneRunInABatch() {
        CostEstimate estimate = CostEstimator.estimate(twoUpscales);

        assertThat(estimate.times(4).nodes()).isEqualTo(estimate.nodes());
    }

    @Test
    void refusesABatchWhoseTotalOverflows() {
        CostEstimate estimate = CostEstimator.estimate(twoUpscales);

        assertThatThrownBy(() -> estimate.times(Integer.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
