package com.imagestudio.flow.catalog.cost;

import java.util.List;

public record CostEstimate(List<NodeCost> nodes, int totalCredits) {

    public record NodeCost(String nodeId, String type, int credits) {
    }

    /** The same graph run once per row of a batch. */
    public CostEstimate times(int runs) {
        return new CostEstimate(nodes, Math.multiplyExact(totalCredits, runs));
    }
}
