package com.imagestudio.flow.engine.batch;

/**
 * One thing wrong with a batch's rows: the line of the CSV it is on (the header is line 1; a row
 * with a quoted line break spans several lines and is named by its first), or null when it is
 * about the batch as a whole (the mapping, the row count).
 */
public record RowProblem(Integer line, String message) {
}
