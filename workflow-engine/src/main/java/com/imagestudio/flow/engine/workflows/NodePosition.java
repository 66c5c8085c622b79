package com.imagestudio.flow.engine.workflows;

/** Where the editor drew a node of a saved workflow, in canvas units. */
public record NodePosition(double x, double y) {
}
