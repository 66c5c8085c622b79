package com.imagestudio.flow.web.runs;

import com.imagestudio.flow.catalog.graph.Graph;

import java.util.Map;

/** The body of {@code POST /api/runs}: a graph and the values of its workflow inputs. */
record RunStart(Graph graph, Map<String, Object> inputs) {

    RunStart {
        inputs = inputs == null ? Map.of() : inputs;
    }
}
