package com.imagestudio.flow.catalog.graph;

/** One thing wrong with a graph; {@code nodeId} is null when the problem is not with one node. */
public record GraphProblem(String nodeId, ProblemCode code, String message) {
}
