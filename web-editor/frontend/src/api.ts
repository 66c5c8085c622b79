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
  | { valid: true; order: string[]; estimate: Estimate; /** nodes that run once per image of a list */ mapped: string[] }
  | { valid: false; problems: GraphProblem[]; detail: string };

/** A problem+json answer, or any other failed call, as an error a person can read. */
export class ApiError extends Error {
  /** `problem` is the whole problem+json body, for the properties of one kind (a batch's bad `rows`). */
  constructor(
    message: string,
    readonly problems: GraphProblem[] = [],
    readonly problem: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const problem = await response.json();
    return new ApiError(problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.problems ?? [], problem);
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

// ---- the library, saved workflows, batches and schedules, as their pages use them

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? (undefined as T) : response.json();
}

function sending(method: string, body?: unknown): RequestInit {
  return body === undefined
    ? { method }
    : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export type AssetType = 'IMAGE' | 'VIDEO' | 'AUDIO' | 'TEXT';

export interface Asset {
  id: string;
  type: AssetType;
  name: string;
  version: number;
  runId?: string;
  nodeId?: string;
  port?: string;
  workflowId?: string;
  nodeType?: string;
  module?: string;
  provider?: string;
  model?: string;
  prompt?: string;
  parameters?: Record<string, unknown>;
  cost: number;
  width?: number;
  height?: number;
  size: number;
  mediaType: string;
  blobHash: string;
  status: string;
  favourite: boolean;
  tags: string[];
  autoTags: string[];
  downloads: number;
  shares: number;
  createdAt: string;
}

export interface AssetDetail {
  asset: Asset;
  sources: string[];
  derived: string[];
  collections: string[];
}

export interface AssetPage {
  items: Asset[];
  total: number;
  limit: number;
  offset: number;
}

export interface AssetCollection {
  id: string;
  name: string;
  assets: number;
  createdAt: string;
}

/** `query` is a query string made by logic/assetQuery. */
export const searchAssets = (query: string) => call<AssetPage>(`/api/assets?${query}`);
export const fetchAsset = (id: string) => call<AssetDetail>(`/api/assets/${path(id)}`);
export const updateAsset = (id: string, change: { name?: string; favourite?: boolean; tags?: string[] }) =>
  call<AssetDetail>(`/api/assets/${path(id)}`, sending('PATCH', change));
export const deleteAssets = (ids: string[]) => call<void>('/api/assets/bulk/delete', sending('POST', { ids }));
export const tagAssets = (ids: string[], tags: string[]) => call<void>('/api/assets/bulk/tag', sending('POST', { ids, tags }));
/** The bytes, counted as a download. */
export const assetContentUrl = (id: string) => `/api/assets/${path(id)}/content`;

/** A ZIP of the assets: the call is a POST, so the page saves the answer itself. */
export async function downloadAssetsZip(ids: string[]): Promise<Blob> {
  const response = await fetch('/api/assets/bulk/download', sending('POST', { ids }));
  if (!response.ok) throw await failure(response);
  return response.blob();
}

export const listCollections = () => call<AssetCollection[]>('/api/collections');
export const createCollection = (name: string) => call<AssetCollection>('/api/collections', sending('POST', { name }));
export const renameCollection = (id: string, name: string) =>
  call<AssetCollection>(`/api/collections/${path(id)}`, sending('PATCH', { name }));
export const deleteCollection = (id: string) => call<void>(`/api/collections/${path(id)}`, sending('DELETE'));
export const addToCollection = (id: string, ids: string[]) =>
  call<AssetCollection>(`/api/collections/${path(id)}/assets`, sending('POST', { ids }));
export const removeFromCollection = (id: string, assetId: string) =>
  call<AssetCollection>(`/api/collections/${path(id, 'assets', assetId)}`, sending('DELETE'));

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string | null;
  latestVersion: number;
  inputs: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Position {
  x: number;
  y: number;
}

export interface WorkflowInput {
  name: string;
  description?: string;
  node: string;
  nodeType: string;
  param: string;
  type: 'INTEGER' | 'NUMBER' | 'BOOLEAN' | 'STRING' | 'ENUM' | 'COLOR';
  required: boolean;
  defaultValue?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  choices?: { value: string; label: string; description?: string }[];
}

/** One saved workflow at its newest version, as GET /api/workflows/{id} answers it. */
export interface SavedWorkflow {
  id: string;
  name: string;
  description?: string | null;
  version: number;
  latestVersion: number;
  graph: GraphJson;
  inputs: WorkflowInput[];
  /** where the editor drew each node, by node id; empty when it was never drawn */
  positions: Record<string, Position>;
  updatedAt: string;
}

/** What a save sends: every part left out is kept as it is. */
export interface WorkflowEdit {
  name?: string;
  graph?: GraphJson;
  positions?: Record<string, Position>;
}

/** The newest workflows first; the API pages by 100 at most. */
export const listWorkflows = () =>
  call<{ items: WorkflowSummary[]; total: number }>('/api/workflows?page=0&size=100').then((page) => page.items);
export const fetchWorkflow = (id: string) => call<SavedWorkflow>(`/api/workflows/${path(id)}`);
export const createWorkflow = (edit: WorkflowEdit & { name: string; graph: GraphJson }) =>
  call<SavedWorkflow>('/api/workflows', sending('POST', edit));
/** A different graph becomes a new version; a name or positions alone change no version. */
export const updateWorkflow = (id: string, edit: WorkflowEdit) =>
  call<SavedWorkflow>(`/api/workflows/${path(id)}`, sending('PUT', edit));

export type BatchStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type BatchRowStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface BatchView {
  id: string;
  status: BatchStatus;
  workflowId?: string;
  workflowVersion?: number;
  scheduleId?: string;
  concurrency: number;
  totalRows: number;
  progress: { pending: number; running: number; succeeded: number; failed: number; cancelled: number };
  estimatedCredits: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface BatchRow {
  line: number;
  inputs: Record<string, unknown>;
  status: BatchRowStatus;
  runId?: string;
  error?: string;
  attempts: number;
}

/** One bad row of a refused batch (400 invalid-batch); `line` is null for the batch as a whole. */
export interface RowProblem {
  line: number | null;
  message: string;
}

/** A batch of a saved workflow (its newest version unless `version` pins one) or of a graph as is. */
export interface BatchSpec {
  workflowId?: string;
  version?: number;
  graph?: GraphJson;
  mapping: Record<string, string>;
  inputs: Record<string, unknown>;
  concurrency?: number;
}

/** Starts a batch from a CSV file and the images its cells name; a refusal's bad rows are in `problem.rows`. */
export function startBatch(spec: BatchSpec, csv: File, images: File[]): Promise<BatchView> {
  const form = new FormData();
  form.append('batch', new Blob([JSON.stringify(spec)], { type: 'application/json' }));
  form.append('csv', csv);
  for (const image of images) form.append('images', image);
  return call<BatchView>('/api/batches', { method: 'POST', body: form });
}

export const listBatches = () => call<BatchView[]>('/api/batches?limit=50');
export const fetchBatch = (id: string) => call<BatchView>(`/api/batches/${path(id)}`);
export const fetchBatchRows = (id: string, limit: number, status?: BatchRowStatus) =>
  call<BatchRow[]>(`/api/batches/${path(id)}/rows?limit=${limit}${status ? `&status=${status}` : ''}`);
export const retryFailedRows = (id: string) => call<BatchView>(`/api/batches/${path(id)}/retry-failed`, sending('POST'));
export const cancelBatch = (id: string) => call<BatchView>(`/api/batches/${path(id)}/cancel`, sending('POST'));
export const batchResultsUrl = (id: string, kind: 'csv' | 'zip') => `/api/batches/${path(id)}/results.${kind}`;

export interface ScheduleFire {
  sequence: number;
  dueAt: string;
  firedAt: string;
  manual: boolean;
  startedId?: string;
  error?: string;
}

export interface ScheduleView {
  id: string;
  name: string;
  cron: string;
  zone: string;
  target: string;
  paused: boolean;
  workflowId?: string;
  workflowVersion?: number;
  createdAt: string;
  nextFireTimes: string[];
  recentFires: ScheduleFire[];
}

export interface ScheduleSpec {
  name: string;
  cron: string;
  zone: string;
  /** a saved workflow, run at its newest version each time the schedule fires, or a graph as is */
  run: { workflowId?: string; graph?: GraphJson; inputs: Record<string, unknown> };
}

export const listSchedules = () => call<ScheduleView[]>('/api/schedules');
export const fetchSchedule = (id: string, next: number) => call<ScheduleView>(`/api/schedules/${path(id)}?next=${next}`);
export const createSchedule = (spec: ScheduleSpec) => call<ScheduleView>('/api/schedules', sending('POST', spec));
export const pauseSchedule = (id: string) => call<ScheduleView>(`/api/schedules/${path(id)}/pause`, sending('POST'));
export const resumeSchedule = (id: string) => call<ScheduleView>(`/api/schedules/${path(id)}/resume`, sending('POST'));
export const triggerSchedule = (id: string) => call<ScheduleView>(`/api/schedules/${path(id)}/trigger`, sending('POST'));
export const deleteSchedule = (id: string) => call<void>(`/api/schedules/${path(id)}`, sending('DELETE'));
