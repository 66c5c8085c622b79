package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.catalog.schema.Choice;
import com.imagestudio.flow.catalog.schema.ParamType;

import java.util.List;

/**
 * A named input of a saved workflow, bound at run time, with the spec of the node parameter it
 * sets: what a client needs to build a form or a valid {@code inputs} object.
 *
 * @param node     the node whose parameter the input sets
 * @param nodeType that node's type (a {@code LoadImage} input takes an image, sent as a file or a blob hash)
 */
public record WorkflowInput(
        String name,
        String description,
        String node,
        String nodeType,
        String param,
        ParamType type,
        boolean required,
        Object defaultValue,
        Double minimum,
        Double maximum,
        String pattern,
        List<Choice> choices) {
}
