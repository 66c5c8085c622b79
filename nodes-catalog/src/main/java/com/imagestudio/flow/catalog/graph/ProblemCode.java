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
    PROVIDER_NOT_CONFIGURED
}
