package com.imagestudio.flow.web.nodes;

import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamsJsonSchema;
import com.imagestudio.flow.catalog.schema.Port;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The node catalog: what the editor's palette and forms are built from. */
@RestController
@RequestMapping("/api/nodes")
class NodesController {

    private final List<NodeView> nodes;

    NodesController(NodeCatalog catalog) {
        this.nodes = catalog.schemas().stream().map(NodeView::of).toList();
    }

    @GetMapping
    List<NodeView> list() {
        return nodes;
    }

    record NodeView(String id, int version, String displayName, String category, String description,
                    List<String> aliases, List<Port> inputs, List<Port> outputs, Set<NodeFlag> flags, NodeKind kind,
                    Map<String, Object> params) {

        static NodeView of(NodeSchema schema) {
            return new NodeView(schema.id(), schema.version(), schema.displayName(), schema.category(),
                    schema.description(), schema.aliases(), schema.inputs(), schema.outputs(), schema.flags(),
                    schema.kind(), ParamsJsonSchema.of(schema));
        }
    }
}
