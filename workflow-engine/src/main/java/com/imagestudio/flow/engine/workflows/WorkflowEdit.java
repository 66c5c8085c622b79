package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.catalog.graph.Graph;

/**
 * What a person sends to create or change a saved workflow. On a change every part may be left
 * out (null) to keep it; an empty {@code webhookUrl} removes the webhook.
 */
public record WorkflowEdit(String name, String description, Graph graph, String webhookUrl) {
}
