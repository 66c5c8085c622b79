package com.imagestudio.flow.catalog.graph;

/**
 * A named input of a workflow (a prompt, an image, a platform...), bound at run time to one
 * parameter of one node, and checked against that parameter's spec.
 */
public record GraphInput(String name, String node, String param, String description) {
}
