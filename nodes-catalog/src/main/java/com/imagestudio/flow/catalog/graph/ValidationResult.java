package com.imagestudio.flow.catalog.graph;

import java.util.List;

/** Either a runnable graph or the full list of its problems. */
public record ValidationResult(ValidatedGraph graph, List<GraphProblem> problems) {

    static ValidationResult valid(ValidatedGraph graph) {
        return new ValidationResult(graph, List.of());
    }

    static ValidationResult invalid(List<GraphProblem> problems) {
        return new ValidationResult(null, List.copyOf(problems));
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
