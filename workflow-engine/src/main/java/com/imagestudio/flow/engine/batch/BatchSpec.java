package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.engine.workflows.SavedWorkflow;

import java.util.Map;

/**
 * What a batch runs: a saved workflow or a graph sent as is, and how each row binds its
 * workflow inputs.
 *
 * @param workflowId  the saved workflow each row runs (give this or {@code graph}); its rows'
 *                    runs record the workflow and version they ran
 * @param version     the workflow's version; null for its newest when the batch is made
 * @param graph       a graph run once per row, when no workflow is named; its {@code inputs} are
 *                    the names rows bind
 * @param mapping     workflow input name to CSV column, e.g. {@code {"photo": "image", "platform": "platform"}};
 *                    for a batch of uploaded images without a CSV, the one column is {@code file}
 * @param inputs      values every row shares, for inputs the mapping leaves out
 * @param concurrency how many rows run at once (default 4, at most the plan's runs in progress)
 * @param csv         the CSV as text when it travels inside JSON (a schedule keeps it this way);
 *                    null when it is uploaded as a file
 */
public record BatchSpec(String workflowId, Integer version, Graph graph, Map<String, String> mapping,
                        Map<String, Object> inputs, Integer concurrency, String csv) {

    public static final int DEFAULT_CONCURRENCY = 4;
    /** The column of a batch of uploaded images sent without a CSV: each row is one file name. */
    public static final String FILE_COLUMN = "file";

    public BatchSpec {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        inputs = inputs == null ? Map.of() : inputs;
    }

    /** A batch of a graph sent as is. */
    public BatchSpec(Graph graph, Map<String, String> mapping, Map<String, Object> inputs, Integer concurrency, String csv) {
        this(null, null, graph, mapping, inputs, concurrency, csv);
    }

    public BatchSpec withoutCsv() {
        return new BatchSpec(workflowId, version, graph, mapping, inputs, concurrency, null);
    }

    /** This batch running that version of its workflow. */
    BatchSpec pinnedTo(SavedWorkflow workflow) {
        return new BatchSpec(workflow.id(), workflow.version(), workflow.graph(), mapping, inputs, concurrency, csv);
    }
}
