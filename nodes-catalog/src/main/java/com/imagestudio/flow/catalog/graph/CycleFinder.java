package com.imagestudio.flow.catalog.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the cycles of a small directed graph: Tarjan's strongly connected components. */
final class CycleFinder {

    private final Map<String, Set<String>> predecessors;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private int counter;

    CycleFinder(Map<String, Set<String>> predecessors) {
        this.predecessors = predecessors;
    }

    /**
     * Each cycle as its nodes in the order the data flows, starting at the node given first;
     * the cycles in the order of those first nodes.
     */
    List<List<String>> cycles() {
        for (String node : predecessors.keySet()) {
            if (!index.containsKey(node)) {
                visit(node);
            }
        }
        List<String> given = List.copyOf(predecessors.keySet());
        Comparator<String> byPosition = Comparator.comparingInt(given::indexOf);
        for (List<String> cycle : cycles) {
            Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle, byPosition)));
        }
        cycles.sort(Comparator.comparing(cycle -> cycle.get(0), byPosition));
        return cycles;
    }

    private void visit(String node) {
        index.put(node, counter);
        lowLink.put(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
        for (String pred : predecessors.getOrDefault(node, Set.of())) {
            if (!index.containsKey(pred)) {
                visit(pred);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(pred)));
            } else if (onStack.contains(pred)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(pred)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            boolean selfLoop = predecessors.getOrDefault(node, Set.of()).contains(node);
            if (component.size() > 1 || selfLoop) {
                // visited along predecessor links, so popping the stack follows the data
                cycles.add(component);
            }
        }
    }
}
