package com.imagestudio.flow.catalog.graph;

import java.util.List;

/** A graph that cannot run, with every problem found in it. */
public class InvalidGraphException extends RuntimeException {

    private final transient List<GraphProblem> problems;

    public InvalidGraphException(List<GraphProblem> problems) {
        super(problems.size() + " problem(s) in the graph: " + problems.stream()
                .map(p -> (p.nodeId() == null ? "" : p.nodeId() + ": ") + p.message()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<GraphProblem> problems() {
        return problems;
    }
}
