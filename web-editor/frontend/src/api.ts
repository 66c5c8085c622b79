// The studio's REST API, as the editor uses it. Shapes follow the server's records.

export interface Port {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export interface SchemaProperty {
  type: 'integer' | 'number' | 'boolean' | 'string';
  format?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  oneOf?: { const: string; title: string; description?: string }[];
}

export interface ParamsSchema {
  title?: string;
  properties: Record<string, SchemaProperty>;
  required?: string[];
}

export interface NodeType {
  id: string;
  version: number;
  displayName: string;
  category: string;
  description: string;
  aliases: string[];
  inputs: Port[];
  outputs: Port[];
  flags: string[];
  kind: string;
  params: ParamsSchema;
}

export interface GraphNodeJson {
  id: string;
  type: string;
  version?: number;
  params?: Record<string, unknown>;
}

export interface GraphInputJson {
  name: string;
  node: string;
  param: string;
  description?: string;
}

export interface GraphJson {
  nodes: GraphNodeJson[];
  edges: { from: string; to: string }[];
  inputs: GraphInputJson[];
}

export interface BlobRef {
  hash: string;
  mediaType: string;
  size: number;
  width: number;
  height: number;
}

export interface PortValue {
  type: string;
  blob?: BlobRef;
  text?: string;
  number?: number;
  list?: BlobRef[];
}

export type NodeStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface NodeRun {
  id: string;
  type: string;
  status: NodeStatus;
  cached: boolean;
  /** Ran in one activity with its neighbours: an image it handed on in memory was not stored. */
  fused: boolean;
  outputs?: Record<string, PortValue>;
  error?: string;
}

export interface RunView {
  id: string;
  status: RunStatus;
  error?: string;
  nodes: NodeRun[];
  outputs?: Record<string, Record<string, PortValue>>;
}

export interface GraphProblem {
  nodeId?: string;
  code: string;
  message: string;
}

export interface Estimate {
  nodes: { nodeId: string; type: string; credits: number }[];
  totalCredits: number;
}

export type Checked =
  | { valid: true; order: string[]; estimate: Estimate }
  | { valid: false; problems: GraphProblem[]; detail: string };

/** A problem+json answer, or any other failed call, as an error a person can read. */
export class ApiError extends Error {
  constructor(message: string, readonly problems: GraphProblem[] = []) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const problem = await response.json();
    return new ApiError(problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.problems ?? []);
  } catch {
    return new ApiError(`HTTP ${response.status}`);
  }
}

export async function fetchNodes(): Promise<NodeType[]> {
  const response = await fetch('/api/nodes');
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function checkGraph(graph: GraphJson): Promise<Checked> {
  const response = await fetch('/api/graphs/validate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(graph),
  });
  if (response.ok) return response.json();
  const error = await failure(response);
  if (response.status === 400) return { valid: false, problems: error.problems, detail: error.message };
  throw error;
}

export async function uploadBlob(file: File): Promise<BlobRef> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch('/api/blobs', { method: 'POST', body: form });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function startRun(graph: GraphJson, inputs: Record<string, unknown>): Promise<RunView> {
  const response = await fetch('/api/runs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ graph, inputs }),
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function fetchRun(id: string): Promise<RunView> {
  const response = await fetch(`/api/runs/${encodeURIComponent(id)}`);
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function cancelRun(id: string): Promise<RunView> {
  const response = await fetch(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export function isFinal(status: RunStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

/**
 * Follows a run over server-sent events until it ends; returns a function that stops following.
 * If the stream breaks before the end, the run is read once more so the page never shows a
 * stale state.
 */
export function followRun(id: string, onUpdate: (run: RunView) => void): () => void {
  const source = new EventSource(`/api/runs/${encodeURIComponent(id)}/events`);
  let ended = false;
  const stop = () => {
    ended = true;
    source.close();
  };
  source.addEventListener('run', (event) => {
    const run: RunView = JSON.parse((event as MessageEvent<string>).data);
    onUpdate(run);
    if (isFinal(run.status)) stop();
  });
  source.onerror = () => {
    if (ended) return;
    stop();
    fetchRun(id).then(onUpdate).catch(() => undefined);
  };
  return stop;
}

export const blobUrl = (hash: string) => `/api/blobs/${hash}`;
export const outputUrl = (runId: string, nodeId: string) =>
  `/api/runs/${encodeURIComponent(runId)}/outputs/${encodeURIComponent(nodeId)}`;
