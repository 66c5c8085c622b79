package com.imagestudio.flow.catalog.graph;

/**
 * How big a graph and its inputs may be. A run's graph travels in its Temporal workflow's
 * argument, which Temporal refuses over 2 MB (4 MB for a whole gRPC message): with at most
 * {@link #MAX_TOTAL_TEXT} characters of text (6 bytes each at worst, as JSON escapes) and
 * {@link #MAX_NODES} nodes, a run's argument stays under 1 MB. Images never ride there: they are
 * blob references.
 */
public final class GraphLimits {

    public static final int MAX_NODES = 200;
    public static final int MAX_EDGES = 1_000;
    /** Input values of one run. */
    public static final int MAX_INPUTS = 100;
    /** Characters in one parameter or input value (a long prompt fits easily). */
    public static final int MAX_TEXT = 20_000;
    /** Characters of text in every parameter and input value together. */
    public static final int MAX_TOTAL_TEXT = 100_000;

    private GraphLimits() {
    }
}
