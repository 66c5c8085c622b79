package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.ParamValues;

/**
 * A node the studio can run: its schema, its parameters as a typed record, and a pure
 * {@code execute} that knows nothing of Temporal, Spring or storage. Register an implementation
 * with {@code @AutoService(NodeDefinition.class)}; nothing else needs to change.
 *
 * @param <P> the node's parameter record
 */
public interface StudioNode<P> extends NodeDefinition {

    /** Builds the typed parameters from values already checked against {@link #schema()}. */
    P params(ParamValues values);

    /**
     * Does the node's work. Never changes its inputs; throws {@link BadInputException} for input
     * that no retry can fix.
     */
    NodeOutputs execute(NodeInputs inputs, P params);
}
