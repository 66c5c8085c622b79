package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.catalog.graph.Graph;

import java.util.Map;

/**
 * What a person sends to create or change a saved workflow. On a change every part may be left
 * out (null) to keep it; an empty {@code webhookUrl} removes the webhook.
 *
 * @param positions where the editor drew each node, by node id; not part of the graph, so a change
 *                  of positions alone adds no version
 */
public record WorkflowEdit(String name, String description, Graph graph, String webhookUrl,
                           Map<String, NodePosition> positions) {

    /** An edit that leaves the drawing's positions as they are. */
    public WorkflowEdit(String name, String description, Graph graph, String webhookUrl) {
        this(name, description, graph, webhookUrl, null);
    }
}
