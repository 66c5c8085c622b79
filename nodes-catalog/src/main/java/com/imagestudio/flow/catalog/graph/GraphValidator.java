package com.imagestudio.flow.catalog.graph;

import com.imagestudio.flow.catalog.provider.ProviderAvailability;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a graph against the catalog and lists every problem at once, each with the node it is
 * about, so the editor can mark them all and an API client can fix them in one go.
 */
public final class GraphValidator {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final NodeCatalog catalog;
    private final ProviderAvailability providers;

    /** A validator that does not check provider keys (see {@link #GraphValidator(NodeCatalog, ProviderAvailability)}). */
    public GraphValidator(NodeCatalog catalog) {
        this(catalog, ProviderAvailability.unchecked());
    }

    /** A validator that reports nodes whose providers have no API key among {@code providers}. */
    public GraphValidator(NodeCatalog catalog, ProviderAvailability providers) {
        this.catalog = catalog;
        this.providers = providers;
    }

    /** Validates a graph being designed: inputs bound at run time may still be empty. */
    public ValidationResult validate(Graph graph) {
        return new Run(graph, null).validate();
    }

    /** Validates a graph about to run with these input values. */
    public ValidationResult validate(Graph graph, Map<String, ?> runInputs) {
        return new Run(graph, runInputs == null ? Map.of() : runInputs).validate();
    }

    /** Validates and returns the runnable graph, or throws with every problem. */
    public ValidatedGraph require(Graph graph, Map<String, ?> runInputs) {
        ValidationResult result = validate(graph, runInputs);
        if (!result.isValid()) {
            throw new InvalidGraphException(result.problems());
        }
        return result.graph();
    }

    /** One validation: the graph, the inputs, and the problems found so far. */
    private final class Run {
        private final Graph graph;
        private final Map<String, ?> runInputs;
        private final List<GraphProblem> problems = new ArrayList<>();
        private final Map<String, NodeSchema> schemas = new LinkedHashMap<>();
        private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
        /** Per node, the parameters whose values come from workflow inputs at run time. */
        private final Map<String, Set<String>> boundLater = new HashMap<>();
        /** Every input an edge leads to, even an edge refused: such an input is not reported as unconnected. */
        private final Set<PortRef> reached = new HashSet<>();
        /** The nodes fed a list on an image input, directly or through other mapped nodes. */
        private final Set<String> mapped = new HashSet<>();

        Run(Graph graph, Map<String, ?> runInputs) {
            this.graph = graph;
            this.runInputs = runInputs;
        }

        ValidationResult validate() {
            if (graph == null || graph.nodes().isEmpty()) {
                problem(null, ProblemCode.EMPTY_GRAPH, "the graph has no nodes");
                return ValidationResult.invalid(problems);
            }
            checkSize();
            if (!problems.isEmpty()) {
                // nothing else is worth checking on a graph too big to record or to run
                return ValidationResult.invalid(problems);
            }
            resolveNodes();
            Map<String, Map<String, Object>> rawParams = bindInputs();
            Map<String, ParamValues> params = checkParams(rawParams);
            Map<String, Map<String, PortRef>> incoming = checkEdges();
            checkRequiredPorts();
            List<String> order = orderOrReportCycles(incoming);
            if (schemas.values().stream().noneMatch(s -> s.has(NodeFlag.OUTPUT))) {
                problem(null, ProblemCode.NO_OUTPUT_NODE,
                        "the graph has no output node: add one (such as SaveToLibrary) to keep its results");
            }
            if (!problems.isEmpty()) {
                return ValidationResult.invalid(problems);
            }
            List<GraphNode> pinned = graph.nodes().stream()
                    .map(n -> n.pinned(schemas.get(n.id()).version())).toList();
            return ValidationResult.valid(new ValidatedGraph(
                    new Graph(pinned, graph.edges(), graph.inputs()), schemas, params, incoming, order,
                    Set.copyOf(mapped)));
        }

        private void checkSize() {
            if (graph.nodes().size() > GraphLimits.MAX_NODES) {
                problem(null, ProblemCode.TOO_LARGE, "the graph has " + graph.nodes().size() + " nodes; the limit is "
                        + GraphLimits.MAX_NODES);
            }
            int edges = graph.edges() == null ? 0 : graph.edges().size();
            if (edges > GraphLimits.MAX_EDGES) {
                problem(null, ProblemCode.TOO_LARGE, "the graph has " + edges + " edges; the limit is " + GraphLimits.MAX_EDGES);
            }
            long text = 0;
            for (GraphNode node : graph.nodes()) {
                if (node.params() != null) {
                    for (Map.Entry<String, Object> param : node.params().entrySet()) {
                        text += checkText(node.id(), "parameter \"" + param.getKey() + "\"", param.getValue());
                    }
                }
            }
            if (runInputs != null) {
                if (runInputs.size() > GraphLimits.MAX_INPUTS) {
                    problem(null, ProblemCode.TOO_LARGE, runInputs.size() + " input values; the limit is "
                            + GraphLimits.MAX_INPUTS);
                }
                for (Map.Entry<String, ?> input : runInputs.entrySet()) {
                    text += checkText(null, "input \"" + input.getKey() + "\"", input.getValue());
                }
            }
            if (text > GraphLimits.MAX_TOTAL_TEXT) {
                problem(null, ProblemCode.TOO_LARGE, "the graph's parameters and inputs hold " + text
                        + " characters of text; the limit is " + GraphLimits.MAX_TOTAL_TEXT);
            }
        }

        /** Reports a string over the limit anywhere in a value (lists and maps included); returns the characters seen. */
        private long checkText(String nodeId, String what, Object value) {
            long length = textLength(value);
            if (length > GraphLimits.MAX_TEXT) {
                problem(nodeId, ProblemCode.TOO_LARGE, what + " holds " + length + " characters; the limit is "
                        + GraphLimits.MAX_TEXT);
            }
            return length;
        }

        private static long textLength(Object value) {
            if (value instanceof CharSequence text) {
                return text.length();
            }
            if (value instanceof Map<?, ?> map) {
                long length = 0;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    length += textLength(entry.getKey()) + textLength(entry.getValue());
                }
                return length;
            }
            if (value instanceof Iterable<?> items) {
                long length = 0;
                for (Object item : items) {
                    length += textLength(item);
                }
                return length;
            }
            return 0;
        }

        private void resolveNodes() {
            for (GraphNode node : graph.nodes()) {
                if (node.id() == null || !NODE_ID.matcher(node.id()).matches()) {
                    problem(node.id(), ProblemCode.INVALID_NODE_ID,
                            "node id must be 1 to 64 letters, digits, '_' or '-', got \"" + node.id() + "\"");
                    continue;
                }
                if (nodes.putIfAbsent(node.id(), node) != null) {
                    problem(node.id(), ProblemCode.DUPLICATE_NODE_ID, "two nodes have the id \"" + node.id() + "\"");
                    continue;
                }
                if (node.type() == null || !catalog.knows(node.type())) {
                    problem(node.id(), ProblemCode.UNKNOWN_NODE_TYPE, "unknown node type \"" + node.type() + "\"");
                    continue;
                }
                var definition = node.version() == null
                        ? catalog.latest(node.type())
                        : catalog.find(node.type(), node.version());
                if (definition.isEmpty()) {
                    problem(node.id(), ProblemCode.UNKNOWN_NODE_VERSION, node.type() + " has no version "
                            + node.version() + "; known versions: " + catalog.versions(node.type()));
                    continue;
                }
                schemas.put(node.id(), definition.get().schema());
            }
        }

        /** The parameters of each known node, with run input values put in place. */
        private Map<String, Map<String, Object>> bindInputs() {
            Map<String, Map<String, Object>> raw = new HashMap<>();
            schemas.keySet().forEach(id -> raw.put(id, new HashMap<>(nodes.get(id).params())));
            Set<String> names = new HashSet<>();
            for (GraphInput input : graph.inputs()) {
                if (input.name() == null || input.name().isBlank() || !names.add(input.name())) {
                    problem(input.node(), ProblemCode.INVALID_WORKFLOW_INPUT,
                            "workflow input names must be present and unique, got \"" + input.name() + "\"");
                    continue;
                }
                NodeSchema schema = schemas.get(input.node());
                if (schema == null || schema.param(input.param()).isEmpty()) {
                    problem(input.node(), ProblemCode.INVALID_WORKFLOW_INPUT, "workflow input \"" + input.name()
                            + "\" is bound to " + input.node() + "." + input.param() + ", which does not exist");
                    continue;
                }
                if (runInputs == null) {
                    // designing: the value comes when a run starts
                    boundLater.computeIfAbsent(input.node(), n -> new HashSet<>()).add(input.param());
                    continue;
                }
                Object value = runInputs.get(input.name());
                if (value != null) {
                    raw.get(input.node()).put(input.param(), value);
                } else if (schema.param(input.param()).get().required()
                        && !raw.get(input.node()).containsKey(input.param())) {
                    problem(input.node(), ProblemCode.MISSING_WORKFLOW_INPUT,
                            "workflow input \"" + input.name() + "\" needs a value");
                    boundLater.computeIfAbsent(input.node(), n -> new HashSet<>()).add(input.param());
                }
            }
            if (runInputs != null) {
                for (String name : runInputs.keySet()) {
                    if (!names.contains(name)) {
                        problem(null, ProblemCode.INVALID_WORKFLOW_INPUT,
                                "the workflow has no input named \"" + name + "\"; its inputs are " + names);
                    }
                }
            }
            return raw;
        }

        private Map<String, ParamValues> checkParams(Map<String, Map<String, Object>> rawParams) {
            Map<String, ParamValues> params = new HashMap<>();
            schemas.forEach((id, schema) -> {
                NodeSchema.ParamCheck check = schema.checkParams(rawParams.get(id), boundLater.getOrDefault(id, Set.of()));
                check.problems().forEach(p -> problem(id, ProblemCode.INVALID_PARAMETER, p));
                params.put(id, check.values());
                if (check.isValid()) {
                    providers.problemWith(schema.providers().anyOf(check.values())).ifPresent(message ->
                            problem(id, ProblemCode.PROVIDER_NOT_CONFIGURED, schema.id() + ": " + message));
                }
            });
            return params;
        }

        private Map<String, Map<String, PortRef>> checkEdges() {
            List<Link> links = resolveEdges();
            findMappedNodes(links);
            Map<String, Map<String, PortRef>> incoming = new HashMap<>();
            for (Link link : links) {
                PortType carried = carried(link);
                if (!link.in().type().mapsOver(carried) && !link.in().type().accepts(carried)) {
                    problem(link.to().node(), ProblemCode.TYPE_MISMATCH, "cannot connect " + link.from() + " ("
                            + carried + (carried == link.out().type() ? "" : ", as " + link.from().node()
                            + " runs once per item") + ") to " + link.to() + " (" + link.in().type() + ")");
                    continue;
                }
                PortRef previous = incoming.computeIfAbsent(link.to().node(), n -> new HashMap<>())
                        .putIfAbsent(link.to().port(), link.from());
                if (previous != null) {
                    problem(link.to().node(), ProblemCode.INPUT_ALREADY_CONNECTED, "input " + link.to()
                            + " is fed by both " + previous + " and " + link.from());
                }
            }
            checkMappedNodes(links);
            return incoming;
        }

        /** The edges whose two ends are ports of known nodes; the others are reported. */
        private List<Link> resolveEdges() {
            List<Link> links = new ArrayList<>();
            for (Edge edge : graph.edges()) {
                PortRef from = edge.source();
                PortRef to = edge.target();
                if (to != null) {
                    reached.add(to);
                }
                if (from == null || to == null) {
                    problem(null, ProblemCode.INVALID_EDGE, "edge " + edge.from() + " -> " + edge.to()
                            + " must connect \"node.port\" to \"node.port\"");
                    continue;
                }
                Port out = outputPort(from);
                Port in = inputPort(to);
                if (out != null && in != null) {
                    links.add(new Link(from, out, to, in));
                }
            }
            return links;
        }

        /**
         * A node is mapped when a list reaches one of its image inputs, from a list output or from
         * an image output of a mapped node. Grown until nothing changes: any edge order works, and a
         * cycle ends the loop too, as a node is added once at most.
         */
        private void findMappedNodes(List<Link> links) {
            boolean grown = true;
            while (grown) {
                grown = false;
                for (Link link : links) {
                    if (link.in().type().mapsOver(carried(link))) {
                        grown |= mapped.add(link.to().node());
                    }
                }
            }
        }

        /** What flows along a link: a mapped node's image outputs gather one image per item into a list. */
        private PortType carried(Link link) {
            return mapped.contains(link.from().node()) && link.out().type().isSingleImage()
                    ? PortType.IMAGE_LIST
                    : link.out().type();
        }

        private void checkMappedNodes(List<Link> links) {
            Map<String, Set<String>> listInputs = new HashMap<>();
            Set<PortRef> connectedOutputs = new LinkedHashSet<>();
            for (Link link : links) {
                if (link.in().type().mapsOver(carried(link))) {
                    listInputs.computeIfAbsent(link.to().node(), n -> new HashSet<>()).add(link.to().port());
                }
                if (mapped.contains(link.from().node()) && connectedOutputs.add(link.from())) {
                    checkMappedOutput(link.from(), link.out());
                }
            }
            for (String id : schemas.keySet()) {
                if (!mapped.contains(id)) {
                    continue;
                }
                NodeSchema schema = schemas.get(id);
                List<String> lists = schema.inputs().stream().map(Port::name)
                        .filter(listInputs.getOrDefault(id, Set.of())::contains).toList();
                if (lists.size() > 1) {
                    problem(id, ProblemCode.MAPS_OVER_SEVERAL_LISTS, schema.id() + " maps over one list at a time: inputs "
                            + String.join(" and ", lists) + (lists.size() == 2 ? " both" : " all") + " receive lists");
                }
                if (schema.kind() != NodeKind.LOCAL) {
                    problem(id, ProblemCode.PROVIDER_NODE_MAPPED, schema.id() + " calls a provider, so it cannot run"
                            + " once per image of a list: only local nodes can; to call it for each image, run the"
                            + " workflow as a batch (one run per image)");
                }
            }
        }

        /** Only images gather into a list: any other output of a mapped node would need a list type there is not. */
        private void checkMappedOutput(PortRef output, Port port) {
            if (port.type() == PortType.IMAGE_LIST) {
                problem(output.node(), ProblemCode.NO_LIST_OF_OUTPUT_TYPE, output.node() + "'s " + port.type()
                        + " output \"" + port.name() + "\" would be one list per item; lists of lists are not supported");
            } else if (!port.type().isSingleImage()) {
                problem(output.node(), ProblemCode.NO_LIST_OF_OUTPUT_TYPE, output.node() + "'s " + port.type()
                        + " output \"" + port.name() + "\" would be one value per item; lists of " + port.type()
                        + " are not supported");
            }
        }

        private Port outputPort(PortRef ref) {
            return port(ref, true);
        }

        private Port inputPort(PortRef ref) {
            return port(ref, false);
        }

        private Port port(PortRef ref, boolean output) {
            if (!nodes.containsKey(ref.node())) {
                problem(ref.node(), ProblemCode.INVALID_EDGE, "an edge refers to node \"" + ref.node()
                        + "\", which is not in the graph");
                return null;
            }
            NodeSchema schema = schemas.get(ref.node());
            if (schema == null) {
                return null; // already reported as unknown type or version
            }
            var port = output ? schema.output(ref.port()) : schema.input(ref.port());
            if (port.isEmpty()) {
                List<String> known = (output ? schema.outputs() : schema.inputs()).stream().map(Port::name).toList();
                problem(ref.node(), ProblemCode.UNKNOWN_PORT, schema.id() + " has no " + (output ? "output" : "input")
                        + " \"" + ref.port() + "\"; its " + (output ? "outputs" : "inputs") + " are " + known);
                return null;
            }
            return port.get();
        }

        private void checkRequiredPorts() {
            schemas.forEach((id, schema) -> {
                for (Port port : schema.inputs()) {
                    if (port.required() && !reached.contains(new PortRef(id, port.name()))) {
                        problem(id, ProblemCode.MISSING_INPUT, "input \"" + port.name() + "\" (" + port.type()
                                + ") of " + schema.id() + " is not connected");
                    }
                }
            });
        }

        /** Kahn's algorithm; what it cannot order sits on or behind a cycle, reported per cycle. */
        private List<String> orderOrReportCycles(Map<String, Map<String, PortRef>> incoming) {
            Map<String, Set<String>> predecessors = new LinkedHashMap<>();
            nodes.keySet().forEach(id -> predecessors.put(id, new HashSet<>()));
            incoming.forEach((to, ports) -> ports.values().forEach(from -> predecessors.get(to).add(from.node())));
            List<String> order = new ArrayList<>();
            Map<String, Integer> waiting = new HashMap<>();
            predecessors.forEach((id, preds) -> waiting.put(id, preds.size()));
            List<String> ready = new ArrayList<>(predecessors.keySet().stream().filter(id -> waiting.get(id) == 0).toList());
            while (!ready.isEmpty()) {
                String id = ready.remove(0);
                order.add(id);
                predecessors.forEach((other, preds) -> {
                    if (preds.contains(id) && waiting.merge(other, -1, Integer::sum) == 0) {
                        ready.add(other);
                    }
                });
            }
            if (order.size() < nodes.size()) {
                new CycleFinder(predecessors).cycles().forEach(cycle -> problem(cycle.get(0), ProblemCode.CYCLE,
                        "the graph has a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0)));
            }
            return order;
        }

        private void problem(String nodeId, ProblemCode code, String message) {
            problems.add(new GraphProblem(nodeId, code, message));
        }
    }

    /** An edge whose ends are known ports. */
    private record Link(PortRef from, Port out, PortRef to, Port in) {
    }
}
