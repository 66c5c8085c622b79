package com.imagestudio.flow.engine.batch;

import java.util.List;

/** A batch whose rows cannot all run: nothing was stored, and every bad row is listed. */
public class BatchRejectedException extends RuntimeException {

    /** At most this many problems are listed; the count says how many there were. */
    static final int MAX_LISTED = 100;

    private final transient List<RowProblem> problems;
    private final int badRows;

    public BatchRejectedException(List<RowProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED)));
        this.badRows = (int) problems.stream().map(RowProblem::line).distinct().count();
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** How many distinct lines (or the batch as a whole) have a problem. */
    public int badRows() {
        return badRows;
    }

    private static String summary(List<RowProblem> problems) {
        RowProblem first = problems.get(0);
        return problems.size() + " problem(s) in the batch; first: "
                + (first.line() == null ? "" : "line " + first.line() + ": ") + first.message();
    }
}
