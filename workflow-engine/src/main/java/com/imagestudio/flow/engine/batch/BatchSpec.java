package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.catalog.graph.Graph;

import java.util.Map;

/**
 * What a batch runs: a graph, and how each row binds its workflow inputs.
 *
 * @param graph       the graph run once per row; its {@code inputs} are the names rows bind
 * @param mapping     workflow input name to CSV column, e.g. {@code {"photo": "image", "platform": "platform"}};
 *                    for a batch of uploaded images without a CSV, the one column is {@code file}
 * @param inputs      values every row shares, for inputs the mapping leaves out
 * @param concurrency how many rows run at once (default 4, at most the plan's runs in progress)
 * @param csv         the CSV as text when it travels inside JSON (a schedule keeps it this way);
 *                    null when it is uploaded as a file
 */
public record BatchSpec(Graph graph, Map<String, String> mapping, Map<String, Object> inputs, Integer concurrency,
                        String csv) {

    public static final int DEFAULT_CONCURRENCY = 4;
    /** The column of a batch of uploaded images sent without a CSV: each row is one file name. */
    public static final String FILE_COLUMN = "file";

    public BatchSpec {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        inputs = inputs == null ? Map.of() : inputs;
    }

    BatchSpec withoutCsv() {
        return new BatchSpec(graph, mapping, inputs, concurrency, null);
    }
}
