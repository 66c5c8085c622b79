package com.imagestudio.flow.engine.workflows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ValidationResult;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.engine.json.EngineJson;
import com.imagestudio.flow.engine.webhooks.WebhookUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Saved workflows, each owned by one user. Every graph a workflow has had is kept as an immutable
 * version: a change to the graph adds a version, a rename or a new webhook does not. Graphs are
 * validated when saved (inputs bound at run time may be missing) and stored pinned, so a version
 * always runs the node versions it was saved with. Where the editor drew the nodes is kept with
 * the workflow, outside the versions.
 */
@Service
public class SavedWorkflows {

    private static final int MAX_NAME = 200;
    private static final int MAX_PAGE_SIZE = 100;
    private static final TypeReference<Map<String, NodePosition>> POSITIONS = new TypeReference<>() {
    };
    private static final String SELECT_VERSION = """
            select w.id, w.name, w.description, w.latest_version, w.webhook_url, w.positions, w.created_at,
                   w.updated_at, v.version, v.graph, v.created_at as version_created_at
            from saved_workflows w join saved_workflow_versions v on v.workflow_id = w.id
            """;

    private final JdbcClient jdbc;
    private final GraphValidator validator;
    private final NodeCatalog catalog;
    private final WebhookUrls webhookUrls;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SavedWorkflows(JdbcClient jdbc, GraphValidator validator, NodeCatalog catalog, WebhookUrls webhookUrls,
                   TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.catalog = catalog;
        this.webhookUrls = webhookUrls;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Saves a new workflow as its version 1.
     *
     * @throws InvalidGraphException    with every problem of the graph
     * @throws IllegalArgumentException for a missing name, a webhook URL that is refused or positions
     *                                  of nodes the graph does not have
     */
    public SavedWorkflow create(String ownerId, WorkflowEdit edit) {
        String name = checkName(edit.name());
        if (edit.graph() == null) {
            throw new IllegalArgumentException("a workflow needs a graph");
        }
        Graph graph = pinned(edit.graph());
        String webhook = blankToNull(edit.webhookUrl()) == null ? null : webhookUrls.check(ownerId, edit.webhookUrl());
        String positions = positionsJson(edit.positions(), graph);
        String id = "wf-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into saved_workflows (id, owner_id, name, description, latest_version, webhook_url,
                                                         positions, created_at, updated_at)
                            values (:id, :owner, :name, :description, 1, :webhook, cast(:positions as jsonb), :now, :now)""")
                    .param("id", id).param("owner", ownerId).param("name", name)
                    .param("description", blankToNull(edit.description())).param("webhook", webhook)
                    .param("positions", positions).param("now", now)
                    .update();
            insertVersion(id, 1, graph, now);
        });
        return find(ownerId, id);
    }

    /** The newest version of a workflow. */
    public SavedWorkflow find(String ownerId, String id) {
        return query(SELECT_VERSION + " where w.id = :id and w.owner_id = :owner and v.version = w.latest_version",
                ownerId, id, null).orElseThrow(() -> new WorkflowNotFoundException(id));
    }

    /** One version of a workflow, as it was saved. */
    public SavedWorkflow findVersion(String ownerId, String id, int version) {
        return query(SELECT_VERSION + " where w.id = :id and w.owner_id = :owner and v.version = :version",
                ownerId, id, version).orElseThrow(() -> {
                    find(ownerId, id); // no such workflow at all: say that
                    return new WorkflowNotFoundException(id, version);
                });
    }

    public WorkflowPage list(String ownerId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE
                    + ", got page " + page + " and size " + size);
        }
        long total = jdbc.sql("select count(*) from saved_workflows where owner_id = :owner")
                .param("owner", ownerId).query(Long.class).single();
        List<WorkflowPage.Summary> items = jdbc.sql(SELECT_VERSION + """
                         where w.owner_id = :owner and v.version = w.latest_version
                         order by w.updated_at desc, w.id limit :limit offset :offset""")
                .param("owner", ownerId).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> {
                    Graph graph = EngineJson.read(rs.getString("graph"), Graph.class);
                    return new WorkflowPage.Summary(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                            rs.getInt("latest_version"), graph.inputs().stream().map(GraphInput::name).toList(),
                            instant(rs, "created_at"), instant(rs, "updated_at"));
                })
                .list();
        return new WorkflowPage(items, page, size, total);
    }

    /**
     * Changes what the edit gives. A graph different from the newest version's becomes a new
     * version; the same graph, a new name, description, webhook or positions change no version.
     */
    public SavedWorkflow update(String ownerId, String id, WorkflowEdit edit) {
        String name = edit.name() == null ? null : checkName(edit.name());
        Graph graph = edit.graph() == null ? null : pinned(edit.graph());
        String webhook = edit.webhookUrl() == null || edit.webhookUrl().isBlank()
                ? edit.webhookUrl() : webhookUrls.check(ownerId, edit.webhookUrl());
        transaction.executeWithoutResult(tx -> {
            // locks the row: concurrent edits number their versions one after the other
            Integer latest = jdbc.sql("select latest_version from saved_workflows where id = :id and owner_id = :owner for update")
                    .param("id", id).param("owner", ownerId).query(Integer.class).optional()
                    .orElseThrow(() -> new WorkflowNotFoundException(id));
            Timestamp now = Timestamp.from(clock.instant());
            Graph newest = find(ownerId, id).graph();
            String positions = positionsJson(edit.positions(), graph == null ? newest : graph);
            int version = latest;
            if (graph != null && !sameGraph(graph, newest)) {
                version = latest + 1;
                insertVersion(id, version, graph, now);
            }
            jdbc.sql("""
                            update saved_workflows set
                                name = coalesce(cast(:name as varchar), name),
                                description = case when :keepDescription then description else cast(:description as text) end,
                                webhook_url = case when :keepWebhook then webhook_url else cast(:webhook as text) end,
                                positions = case when :keepPositions then positions else cast(:positions as jsonb) end,
                                latest_version = :version,
                                updated_at = :now
                            where id = :id""")
                    .param("name", name)
                    .param("keepDescription", edit.description() == null).param("description", blankToNull(edit.description()))
                    .param("keepWebhook", webhook == null).param("webhook", blankToNull(webhook))
                    .param("keepPositions", edit.positions() == null).param("positions", positions)
                    .param("version", version).param("now", now).param("id", id)
                    .update();
        });
        return find(ownerId, id);
    }

    /** Deletes the workflow and its versions; the runs it made keep their record (and their pinned graph). */
    public void delete(String ownerId, String id) {
        if (jdbc.sql("delete from saved_workflows where id = :id and owner_id = :owner")
                .param("id", id).param("owner", ownerId).update() == 0) {
            throw new WorkflowNotFoundException(id);
        }
    }

    private Graph pinned(Graph graph) {
        ValidationResult result = validator.validate(graph);
        if (!result.isValid()) {
            throw new InvalidGraphException(result.problems());
        }
        return result.graph().graph();
    }

    private void insertVersion(String id, int version, Graph graph, Timestamp at) {
        jdbc.sql("""
                        insert into saved_workflow_versions (workflow_id, version, graph, created_at)
                        values (:id, :version, cast(:graph as jsonb), :at)""")
                .param("id", id).param("version", version).param("graph", EngineJson.write(graph)).param("at", at)
                .update();
    }

    private Optional<SavedWorkflow> query(String sql, String ownerId, String id, Integer version) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("id", id).param("owner", ownerId);
        if (version != null) {
            statement = statement.param("version", version);
        }
        return statement.query((rs, i) -> {
            Graph graph = EngineJson.read(rs.getString("graph"), Graph.class);
            return new SavedWorkflow(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                    rs.getInt("version"), rs.getInt("latest_version"), graph, inputsOf(graph),
                    positionsOf(rs.getString("positions")), rs.getString("webhook_url"),
                    instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "version_created_at"));
        }).optional();
    }

    /** Each named input with the spec of the parameter it binds, read from the node's schema. */
    private List<WorkflowInput> inputsOf(Graph graph) {
        return graph.inputs().stream().map(input -> {
            Optional<GraphNode> node = graph.nodes().stream().filter(n -> n.id().equals(input.node())).findFirst();
            Optional<ParamSpec> spec = node
                    .flatMap(n -> n.version() == null ? catalog.latest(n.type()) : catalog.find(n.type(), n.version()))
                    .map(NodeDefinition::schema).flatMap(schema -> schema.param(input.param()));
            return new WorkflowInput(input.name(), input.description(), input.node(), node.map(GraphNode::type).orElse(null),
                    input.param(), spec.map(ParamSpec::type).orElse(null), spec.map(ParamSpec::required).orElse(false),
                    spec.map(ParamSpec::defaultValue).orElse(null), spec.map(ParamSpec::min).orElse(null),
                    spec.map(ParamSpec::max).orElse(null), spec.map(ParamSpec::pattern).orElse(null),
                    spec.map(ParamSpec::choices).orElse(List.of()));
        }).toList();
    }

    /** The positions as JSON for their column, null for none; each must name a node of the graph. */
    private static String positionsJson(Map<String, NodePosition> positions, Graph graph) {
        if (positions == null || positions.isEmpty()) {
            return null;
        }
        Set<String> nodes = graph.nodes().stream().map(GraphNode::id).collect(Collectors.toSet());
        List<String> unknown = positions.keySet().stream().filter(id -> !nodes.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("positions name nodes the graph does not have: " + String.join(", ", unknown));
        }
        if (positions.values().stream().anyMatch(p -> p == null || !Double.isFinite(p.x()) || !Double.isFinite(p.y()))) {
            throw new IllegalArgumentException("every position needs a finite x and y");
        }
        return EngineJson.write(positions);
    }

    private static Map<String, NodePosition> positionsOf(String json) {
        return json == null ? Map.of() : EngineJson.read(json, POSITIONS);
    }

    /** Equal as JSON: the order of parameters in a map is not a change. */
    private static boolean sameGraph(Graph a, Graph b) {
        return EngineJson.read(EngineJson.write(a), JsonNode.class).equals(EngineJson.read(EngineJson.write(b), JsonNode.class));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("a workflow needs a name of 1 to " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
