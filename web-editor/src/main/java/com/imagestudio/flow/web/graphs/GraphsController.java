package com.imagestudio.flow.web.graphs;

import com.imagestudio.flow.catalog.cost.CostEstimate;
import com.imagestudio.flow.catalog.cost.CostEstimator;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ValidationResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Checks a graph while it is drawn: its problems (400) or its run order and cost (200). */
@RestController
@RequestMapping("/api/graphs")
class GraphsController {

    private final GraphValidator validator;

    GraphsController(GraphValidator validator) {
        this.validator = validator;
    }

    @PostMapping("/validate")
    ValidGraph validate(@RequestBody Graph graph) {
        ValidationResult result = validator.validate(graph);
        if (!result.isValid()) {
            throw new InvalidGraphException(result.problems());
        }
        return new ValidGraph(true, result.graph().order(), CostEstimator.estimate(result.graph()),
                result.graph().order().stream().filter(result.graph()::mapped).toList());
    }

    /**
     * Credits per node and in total; with {@code rows}, for a batch that runs the graph once per
     * row. Run inputs are not needed: a cost depends on parameters, not on the images.
     */
    @PostMapping("/estimate")
    CostEstimate estimate(@RequestBody Graph graph, @RequestParam(defaultValue = "1") int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
        ValidationResult result = validator.validate(graph);
        if (!result.isValid()) {
            throw new InvalidGraphException(result.problems());
        }
        return CostEstimator.estimate(result.graph()).times(rows);
    }

    /** @param mapped the nodes fed a list where they take one image: they run once per image */
    record ValidGraph(boolean valid, List<String> order, CostEstimate estimate, List<String> mapped) {
    }
}
