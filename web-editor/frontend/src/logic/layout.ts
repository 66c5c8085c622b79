// Auto-layout: columns by topological depth (longest path from a source), rows ordered by the
// average row of each node's parents so that edges cross less.

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface Point {
  x: number;
  y: number;
}

export function depths(nodeIds: string[], edges: LayoutEdge[]): Map<string, number> {
  const known = new Set(nodeIds);
  const inner = edges.filter((e) => known.has(e.source) && known.has(e.target));
  const incoming = new Map(nodeIds.map((id) => [id, 0]));
  const next = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const e of inner) {
    incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
    next.get(e.source)!.push(e.target);
  }
  const depth = new Map<string, number>();
  const queue = nodeIds.filter((id) => incoming.get(id) === 0);
  queue.forEach((id) => depth.set(id, 0));
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const target of next.get(id)!) {
      depth.set(target, Math.max(depth.get(target) ?? 0, depth.get(id)! + 1));
      incoming.set(target, incoming.get(target)! - 1);
      if (incoming.get(target) === 0) queue.push(target);
    }
  }
  // nodes on a cycle never reach zero incoming edges: put them after everything else
  const last = Math.max(-1, ...depth.values()) + 1;
  for (const id of nodeIds) if (!depth.has(id)) depth.set(id, last);
  return depth;
}

export function layeredLayout(
  nodeIds: string[],
  edges: LayoutEdge[],
  spacing: { column: number; row: number } = { column: 320, row: 240 },
): Record<string, Point> {
  const depth = depths(nodeIds, edges);
  const columns: string[][] = [];
  for (const id of nodeIds) (columns[depth.get(id)!] ??= []).push(id);
  const row = new Map<string, number>();
  const positions: Record<string, Point> = {};
  columns.forEach((column, x) => {
    const weight = (id: string) => {
      const parents = edges.filter((e) => e.target === id && row.has(e.source)).map((e) => row.get(e.source)!);
      return parents.length === 0 ? Number.MAX_SAFE_INTEGER : parents.reduce((a, b) => a + b, 0) / parents.length;
    };
    const ordered = column
      .map((id, index) => ({ id, index, weight: weight(id) }))
      .sort((a, b) => a.weight - b.weight || a.index - b.index);
    ordered.forEach(({ id }, y) => {
      row.set(id, y);
      positions[id] = { x: x * spacing.column, y: y * spacing.row };
    });
  });
  return positions;
}
