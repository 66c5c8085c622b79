package com.imagestudio.flow.catalog.graph;

public enum ProblemCode {
    EMPTY_GRAPH,
    INVALID_NODE_ID,
    DUPLICATE_NODE_ID,
    UNKNOWN_NODE_TYPE,
    UNKNOWN_NODE_VERSION,
    INVALID_PARAMETER,
    INVALID_EDGE,
    UNKNOWN_PORT,
    TYPE_MISMATCH,
    INPUT_ALREADY_CONNECTED,
    MISSING_INPUT,
    CYCLE,
    NO_OUTPUT_NODE,
    INVALID_WORKFLOW_INPUT,
    MISSING_WORKFLOW_INPUT,
    /** The node calls a provider that has no API key where the graph runs. */
    PROVIDER_NOT_CONFIGURED,
    /** A node fed lists on two or more image inputs: it maps over one list at a time. */
    MAPS_OVER_SEVERAL_LISTS,
    /** A provider node fed a list: only local nodes run once per item; providers run in a batch. */
    PROVIDER_NODE_MAPPED,
    /** A connected output of a mapped node whose type has no list (text, number, or a list itself). */
    NO_LIST_OF_OUTPUT_TYPE,
    /** The graph, a parameter or an input is over one of the size limits of {@link GraphLimits}. */
    TOO_LARGE
}
