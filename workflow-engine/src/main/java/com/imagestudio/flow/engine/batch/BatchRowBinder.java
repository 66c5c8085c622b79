package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.GraphProblem;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ValidationResult;
import com.imagestudio.flow.catalog.cost.CostEstimator;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamType;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Binds each CSV row to the graph's workflow inputs and checks it with the graph validator, so a
 * batch is refused with every bad row before anything runs. CSV values are text: a value bound
 * to a whole-number, number or yes/no parameter is read as one; a value that names an uploaded
 * file becomes that file's blob hash; an empty cell is no value.
 */
@Component
public final class BatchRowBinder {

    private final GraphValidator validator;
    private final NodeCatalog catalog;

    public BatchRowBinder(GraphValidator validator, NodeCatalog catalog) {
        this.validator = validator;
        this.catalog = catalog;
    }

    /** A row ready to run: its line, its input values, and what one run of it is estimated to cost. */
    public record BoundRow(int line, Map<String, Object> inputs, int credits) {
    }

    /**
     * @param uploads file name to blob hash, for image columns that name uploaded files
     * @throws InvalidGraphException  when the graph cannot run whatever the rows say
     * @throws BatchRejectedException with every bad row and its line
     */
    public List<BoundRow> bind(BatchSpec spec, BatchCsv.Table table, Map<String, String> uploads) {
        Graph graph = spec.graph();
        ValidationResult design = validator.validate(graph);
        if (!design.isValid()) {
            throw new InvalidGraphException(design.problems());
        }
        checkMapping(spec, table);
        Map<String, ParamType> types = inputTypes(graph);
        List<RowProblem> problems = new ArrayList<>();
        List<BoundRow> rows = new ArrayList<>(table.rows().size());
        for (BatchCsv.Row row : table.rows()) {
            Map<String, Object> inputs = new LinkedHashMap<>(spec.inputs());
            spec.mapping().forEach((input, column) -> {
                String text = row.values().get(column);
                if (text != null && !text.isEmpty()) {
                    inputs.put(input, typed(text, types.get(input), uploads));
                }
            });
            ValidationResult result = validator.validate(graph, inputs);
            if (result.isValid()) {
                rows.add(new BoundRow(row.line(), inputs, CostEstimator.estimate(result.graph()).totalCredits()));
            } else {
                result.problems().forEach(p -> problems.add(new RowProblem(row.line(), describe(p, spec))));
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        return rows;
    }

    private static void checkMapping(BatchSpec spec, BatchCsv.Table table) {
        List<RowProblem> problems = new ArrayList<>();
        TreeSet<String> inputNames = new TreeSet<>(spec.graph().inputs().stream().map(GraphInput::name).toList());
        spec.mapping().forEach((input, column) -> {
            if (!inputNames.contains(input)) {
                problems.add(new RowProblem(null, "the mapping binds \"" + input + "\", but the workflow has no input "
                        + "of that name; its inputs are " + inputNames));
            }
            if (!table.columns().contains(column)) {
                problems.add(new RowProblem(1, "the mapping reads column \"" + column + "\" for input \"" + input
                        + "\", but the CSV has no such column; its columns are " + table.columns()));
            }
        });
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
    }

    /** The type of the parameter each workflow input is bound to. */
    private Map<String, ParamType> inputTypes(Graph graph) {
        Map<String, ParamType> types = new LinkedHashMap<>();
        for (GraphInput input : graph.inputs()) {
            graph.nodes().stream().filter(n -> n.id().equals(input.node())).findFirst()
                    .flatMap(this::definition)
                    .flatMap(d -> d.schema().param(input.param()))
                    .map(ParamSpec::type)
                    .ifPresent(type -> types.put(input.name(), type));
        }
        return types;
    }

    private Optional<NodeDefinition> definition(GraphNode node) {
        return node.version() == null ? catalog.latest(node.type()) : catalog.find(node.type(), node.version());
    }

    /** The CSV text as the value its parameter takes; left as text when it does not read, so the validator says why. */
    static Object typed(String text, ParamType type, Map<String, String> uploads) {
        String value = text.strip();
        if (type == null) {
            return value;
        }
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> Double.parseDouble(value);
                case BOOLEAN -> value.equalsIgnoreCase("true") ? Boolean.TRUE
                        : value.equalsIgnoreCase("false") ? Boolean.FALSE : value;
                case STRING -> !BlobRef.isHash(value) && uploads.containsKey(value) ? uploads.get(value) : value;
                case ENUM, COLOR -> value;
            };
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    /** A validator problem in the words of the batch: which input and column a bad parameter came from. */
    private static String describe(GraphProblem problem, BatchSpec spec) {
        String message = (problem.nodeId() == null ? "" : problem.nodeId() + ": ") + problem.message();
        for (GraphInput input : spec.graph().inputs()) {
            if (input.node().equals(problem.nodeId()) && problem.message().startsWith("parameter '" + input.param() + "'")) {
                String column = spec.mapping().get(input.name());
                return message + " (input \"" + input.name() + "\"" + (column == null ? "" : ", column \"" + column + "\"") + ")";
            }
        }
        return message;
    }
}
