package com.imagestudio.flow.catalog.schema;

/** Where a node does its work; it decides the retry policy and timeouts of its activity. */
public enum NodeKind {
    /** Done on the worker with local libraries: fails fast, few retries. */
    LOCAL,
    /** Calls a remote provider: retried with backoff, may poll for a long time. */
    PROVIDER
}
