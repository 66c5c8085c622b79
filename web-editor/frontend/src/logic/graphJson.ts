// The drawing (React Flow's nodes and edges) to and from the studio's graph JSON.
import type { GraphJson, GraphNodeJson } from '../api';
import { layeredLayout, type Point } from './layout';

export interface StudioNodeData extends Record<string, unknown> {
  type: string;
  version?: number;
  params: Record<string, unknown>;
  /** parameter name -> workflow input name, for parameters given at run time */
  bindings: Record<string, string>;
}

export interface DrawnNode {
  id: string;
  type?: string;
  position: Point;
  data: StudioNodeData;
}

export interface DrawnEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export interface Drawing {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

/** What Export writes: the run request shape ({"graph": ...}), plus where each node was drawn. */
export interface WorkflowFile {
  graph: GraphJson;
  editor?: { positions: Record<string, Point> };
}

export const edgeId = (source: string, sourceHandle: string, target: string, targetHandle: string) =>
  `${source}.${sourceHandle}->${target}.${targetHandle}`;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function toGraph(drawing: Drawing): GraphJson {
  return {
    nodes: drawing.nodes.map((n) => {
      const params: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(n.data.params)) {
        if (!isBlank(value) && !(name in n.data.bindings)) params[name] = value;
      }
      const node: GraphNodeJson = { id: n.id, type: n.data.type };
      if (n.data.version !== undefined) node.version = n.data.version;
      node.params = params;
      return node;
    }),
    edges: drawing.edges.map((e) => ({ from: `${e.source}.${e.sourceHandle}`, to: `${e.target}.${e.targetHandle}` })),
    inputs: drawing.nodes.flatMap((n) =>
      Object.entries(n.data.bindings).map(([param, name]) => ({ name, node: n.id, param })),
    ),
  };
}

export function toFile(drawing: Drawing): Required<WorkflowFile> {
  const positions: Record<string, Point> = {};
  for (const n of drawing.nodes) positions[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
  return { graph: toGraph(drawing), editor: { positions } };
}

function splitRef(ref: string): [string, string] {
  const dot = ref.indexOf('.');
  if (dot <= 0 || dot === ref.length - 1) throw new Error(`"${ref}" is not node.port`);
  return [ref.slice(0, dot), ref.slice(dot + 1)];
}

/** Reads an exported file, a run request or a bare graph; nodes without a position are laid out. */
export function fromFile(json: unknown): Drawing {
  const file = json as Partial<WorkflowFile> & Partial<GraphJson>;
  const graph: Partial<GraphJson> | undefined = file?.graph ?? (Array.isArray(file?.nodes) ? file : undefined);
  if (!graph || !Array.isArray(graph.nodes)) throw new Error('no graph in this file: expected {"graph": {"nodes": [...]}}');
  const edges: DrawnEdge[] = (graph.edges ?? []).map((e) => {
    const [source, sourceHandle] = splitRef(e.from);
    const [target, targetHandle] = splitRef(e.to);
    return { id: edgeId(source, sourceHandle, target, targetHandle), source, sourceHandle, target, targetHandle };
  });
  const ids = graph.nodes.map((n) => n.id);
  const saved = file.editor?.positions ?? {};
  const laidOut = ids.every((id) => saved[id]) ? saved : layeredLayout(ids, edges);
  const nodes: DrawnNode[] = graph.nodes.map((n) => {
    if (typeof n.id !== 'string' || typeof n.type !== 'string') throw new Error('every node needs an id and a type');
    const bindings: Record<string, string> = {};
    for (const input of graph.inputs ?? []) if (input.node === n.id) bindings[input.param] = input.name;
    return {
      id: n.id,
      type: 'studio',
      position: laidOut[n.id] ?? { x: 0, y: 0 },
      data: { type: n.type, version: n.version, params: { ...(n.params ?? {}) }, bindings },
    };
  });
  return { nodes, edges };
}

/** A readable id for a new node: "resize", then "resize2", ... */
export function newNodeId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = type.charAt(0).toLowerCase() + type.slice(1);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/** A workflow input name not used yet: "photo", then "photo2", ... */
export function newInputName(base: string, drawing: Drawing): string {
  const used = new Set(drawing.nodes.flatMap((n) => Object.values(n.data.bindings)));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}
