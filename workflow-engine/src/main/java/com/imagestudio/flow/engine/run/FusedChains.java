package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.catalog.schema.NodeKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a plan's nodes are grouped into activities. A fused chain is a maximal run of local nodes
 * where each node's only consumer is the next and the next's only source is that node: it runs as
 * one activity that hands decoded images on in memory. Every other node (a provider node, a node
 * whose output fans out, a node that joins several sources) is a unit of its own. A chain goes on
 * from a node that gives a list into the nodes that run once per image of it (the worker runs
 * those per image; a folder is loaded in the same activity as its photos are worked on), but never
 * from those into the node that gathers their lists.
 */
final class FusedChains {

    private FusedChains() {
    }

    /** The units, each a chain of one or more nodes in order, listed by their first node's place in the plan. */
    static List<List<PlannedNode>> of(ExecutionPlan plan) {
        return of(plan, true);
    }

    /**
     * As runs recorded before a chain went on into the nodes mapped over its list made them: a
     * chain's nodes all ran once per image, or none did.
     */
    static List<List<PlannedNode>> notIntoMapped(ExecutionPlan plan) {
        return of(plan, false);
    }

    private static List<List<PlannedNode>> of(ExecutionPlan plan, boolean intoMapped) {
        Map<String, List<String>> consumers = new HashMap<>();
        for (PlannedNode node : plan.nodes()) {
            node.sources().forEach(source -> consumers.computeIfAbsent(source, s -> new ArrayList<>()).add(node.id()));
        }
        Map<String, PlannedNode> byId = new HashMap<>();
        plan.nodes().forEach(node -> byId.put(node.id(), node));
        Map<String, PlannedNode> next = new HashMap<>();
        for (PlannedNode node : plan.nodes()) {
            if (node.kind() != NodeKind.LOCAL || node.sources().size() != 1) {
                continue;
            }
            PlannedNode source = byId.get(node.sources().iterator().next());
            boolean mappedAlike = source.mapped() == node.mapped() || intoMapped && !source.mapped();
            if (source.kind() == NodeKind.LOCAL && mappedAlike
                    && consumers.get(source.id()).equals(List.of(node.id()))) {
                next.put(source.id(), node);
            }
        }
        List<String> continuations = next.values().stream().map(PlannedNode::id).toList();
        List<List<PlannedNode>> units = new ArrayList<>();
        for (PlannedNode node : plan.nodes()) {
            if (continuations.contains(node.id())) {
                continue;
            }
            List<PlannedNode> chain = new ArrayList<>(List.of(node));
            for (PlannedNode n = next.get(node.id()); n != null; n = next.get(n.id())) {
                chain.add(n);
            }
            units.add(List.copyOf(chain));
        }
        return List.copyOf(units);
    }

    /** Every node a unit of its own: how runs recorded before fusion ran. */
    static List<List<PlannedNode>> unfused(ExecutionPlan plan) {
        return plan.nodes().stream().map(List::of).toList();
    }
}
