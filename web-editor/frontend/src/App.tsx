import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  addEdge,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import {
  ApiError,
  cancelRun,
  checkGraph,
  createWorkflow,
  fetchNodes,
  fetchWorkflow,
  followRun,
  startRun,
  updateWorkflow,
  uploadBlob,
  type Checked,
  type GraphProblem,
  type NodeRun,
  type NodeType,
  type RunView,
} from './api';
import { EditorContext, type EditorState, type InputValue } from './EditorContext';
import { Palette } from './Palette';
import { ResultPanel } from './ResultPanel';
import { StudioNode, type StudioFlowNode } from './StudioNode';
import { WorkflowBar, type CurrentWorkflow } from './WorkflowBar';
import { downloadName } from './logic/fileNames';
import { edgeId, fromFile, newInputName, newNodeId, toFile, toGraph, type Drawing } from './logic/graphJson';
import { record, redo, start, undo, type History } from './logic/history';
import { layeredLayout } from './logic/layout';
import { portColor, refusal, type PortEnd } from './logic/ports';
import { drawingKey, fromSaved, toEdit } from './logic/savedWorkflow';
import { defaultsOf, fieldsOf } from './logic/schemaForm';
import { saveFile } from './download';

const nodeTypes = { studio: StudioNode };
const EMPTY: Drawing = { nodes: [], edges: [] };
const UNTITLED: CurrentWorkflow = { id: null, name: 'Untitled workflow', version: null };

function snapshot(nodes: StudioFlowNode[], edges: Edge[]): Drawing {
  return {
    nodes: nodes.map(({ id, position, data }) => ({ id, type: 'studio', position, data })),
    edges: edges.map(({ id, source, sourceHandle, target, targetHandle }) => ({ id, source, sourceHandle, target, targetHandle })),
  };
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable);
}

/** `active` is false while another page of the studio shows: the editor's keys are then not its own. */
export function App({ active = true }: { active?: boolean }) {
  const flow = useReactFlow<StudioFlowNode, Edge>();
  const [catalogList, setCatalogList] = useState<NodeType[]>([]);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const catalog = useMemo(() => new Map(catalogList.map((n) => [n.id, n])), [catalogList]);
  const [nodes, setNodes, applyNodeChanges] = useNodesState<StudioFlowNode>([]);
  const [edges, setEdges, applyEdgeChanges] = useEdgesState<Edge>([]);
  const [inputValues, setInputValues] = useState<Record<string, InputValue>>({});
  const [uploading, setUploading] = useState<Set<string>>(new Set());
  const [check, setCheck] = useState<Checked | null>(null);
  const [run, setRun] = useState<RunView | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [compareNode, setCompareNode] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [workflow, setWorkflow] = useState<CurrentWorkflow>(UNTITLED);
  const [savedKey, setSavedKey] = useState(() => drawingKey(EMPTY));
  const [saving, setSaving] = useState(false);
  const stopFollowing = useRef<(() => void) | null>(null);
  const importInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fetchNodes().then(setCatalogList, (e: Error) => setCatalogError(e.message));
    return () => stopFollowing.current?.();
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // ---- undo/redo: a snapshot is recorded after each edit has reached the state
  const history = useRef<History<Drawing>>(start({ nodes: [], edges: [] }));
  const pending = useRef<{ key?: string } | null>(null);
  const [, setHistoryVersion] = useState(0);
  const commit = useCallback((key?: string) => {
    pending.current = { key };
  }, []);
  useEffect(() => {
    if (!pending.current) return;
    history.current = record(history.current, snapshot(nodes, edges), pending.current.key);
    pending.current = null;
    setHistoryVersion((v) => v + 1);
  }, [nodes, edges]);
  const restore = useCallback(
    (next: History<Drawing>) => {
      if (next === history.current) return;
      history.current = next;
      setNodes(next.present.nodes.map((n) => ({ ...n, type: 'studio' as const })));
      setEdges(next.present.edges);
      setHistoryVersion((v) => v + 1);
    },
    [setNodes, setEdges],
  );
  const doUndo = useCallback(() => restore(undo(history.current)), [restore]);
  const doRedo = useCallback(() => restore(redo(history.current)), [restore]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StudioFlowNode>[]) => {
      applyNodeChanges(changes);
      if (changes.some((c) => c.type === 'remove' || (c.type === 'position' && c.dragging === false))) commit();
    },
    [applyNodeChanges, commit],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<Edge>[]) => {
      applyEdgeChanges(changes);
      if (changes.some((c) => c.type === 'remove')) commit();
    },
    [applyEdgeChanges, commit],
  );

  // ---- connections: typed ports, one edge per input
  const portEnd = useCallback(
    (nodeId: string, handle: string | null | undefined, side: 'in' | 'out'): PortEnd | null => {
      const node = flow.getNode(nodeId);
      const type = node && catalog.get(node.data.type);
      const port = type && (side === 'in' ? type.inputs : type.outputs).find((p) => p.name === handle);
      return port ? { node: nodeId, port: port.name, type: port.type } : null;
    },
    [flow, catalog],
  );
  const whyRefused = useCallback(
    (c: { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }) => {
      const from = portEnd(c.source, c.sourceHandle, 'out');
      const to = portEnd(c.target, c.targetHandle, 'in');
      if (!from || !to) return 'unknown port';
      return refusal(from, to, flow.getEdges());
    },
    [portEnd, flow],
  );
  const isValidConnection: IsValidConnection<Edge> = useCallback((c) => whyRefused(c) === null, [whyRefused]);
  const onConnect = useCallback(
    (c: Connection) => {
      if (whyRefused(c) !== null) return;
      const id = edgeId(c.source, c.sourceHandle ?? '', c.target, c.targetHandle ?? '');
      setEdges((eds) => addEdge({ ...c, id }, eds));
      commit();
    },
    [whyRefused, setEdges, commit],
  );
  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromHandle || !state.toHandle) return;
      const [out, into] = state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      const reason = whyRefused({ source: out.nodeId, sourceHandle: out.id, target: into.nodeId, targetHandle: into.id });
      if (reason) setNotice(`Not connected: ${reason}`);
    },
    [whyRefused],
  );

  // ---- editing nodes
  const addNode = useCallback(
    (typeId: string, point: { x: number; y: number } | null) => {
      const type = catalog.get(typeId);
      if (!type) return;
      let position;
      if (point) {
        const target = document.elementFromPoint(point.x, point.y);
        if (!target?.closest('.react-flow')) return; // dropped outside the canvas
        position = flow.screenToFlowPosition(point);
      } else {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const centre = flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 });
        const offset = (flow.getNodes().length % 6) * 24;
        position = { x: centre.x - 110 + offset, y: centre.y + offset };
      }
      const drawing = snapshot(flow.getNodes(), flow.getEdges());
      const id = newNodeId(typeId, drawing.nodes.map((n) => n.id));
      const bindings: Record<string, string> = {};
      // an image parameter is almost always given per run: bind it to a workflow input at once
      for (const field of fieldsOf(type.params)) if (field.kind === 'image') bindings[field.name] = newInputName('photo', drawing);
      const node: StudioFlowNode = {
        id,
        type: 'studio',
        position,
        data: { type: typeId, version: type.version, params: defaultsOf(type.params), bindings },
      };
      setNodes((ns) => [...ns, node]);
      commit();
    },
    [catalog, flow, setNodes, commit],
  );

  const setParam = useCallback(
    (nodeId: string, name: string, value: unknown) => {
      setNodes((ns) =>
        ns.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, params: { ...n.data.params, [name]: value } } } : n)),
      );
      commit(`param:${nodeId}:${name}`);
    },
    [setNodes, commit],
  );
  const setBinding = useCallback(
    (nodeId: string, param: string, inputName: string | null) => {
      setNodes((ns) =>
        ns.map((n) => {
          if (n.id !== nodeId) return n;
          const bindings = { ...n.data.bindings };
          if (inputName === null) delete bindings[param];
          else bindings[param] = inputName;
          return { ...n, data: { ...n.data, bindings } };
        }),
      );
      commit(`bind:${nodeId}:${param}`);
    },
    [setNodes, commit],
  );
  const upload = useCallback(
    (nodeId: string, param: string, files: File[]) => {
      const key = `${nodeId}.${param}`;
      setUploading((u) => new Set(u).add(key));
      Promise.all(files.map(uploadBlob))
        .then((blobs) => {
          const hashes = blobs.map((b) => b.hash).join(',');
          const label = files.length === 1 ? files[0].name : `${files.length} images`;
          const binding = flow.getNode(nodeId)?.data.bindings[param];
          if (binding !== undefined) setInputValues((v) => ({ ...v, [binding]: { value: hashes, label } }));
          else setParam(nodeId, param, hashes);
        })
        .catch((e: Error) => setNotice(`Upload refused: ${e.message}`))
        .finally(() =>
          setUploading((u) => {
            const next = new Set(u);
            next.delete(key);
            return next;
          }),
        );
    },
    [flow, setParam],
  );

  const layout = useCallback(() => {
    const positions = layeredLayout(
      flow.getNodes().map((n) => n.id),
      flow.getEdges(),
    );
    setNodes((ns) => ns.map((n) => ({ ...n, position: positions[n.id] ?? n.position })));
    commit();
    window.setTimeout(() => flow.fitView({ padding: 0.15, duration: 200 }), 50);
  }, [flow, setNodes, commit]);

  // ---- files
  const exportFile = useCallback(() => {
    const file = toFile(snapshot(flow.getNodes(), flow.getEdges()));
    saveFile(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), 'workflow.json');
  }, [flow]);
  const importFile = useCallback(
    async (file: File) => {
      try {
        const drawing = fromFile(JSON.parse(await file.text()));
        setNodes(drawing.nodes.map((n) => ({ ...n, type: 'studio' as const })));
        setEdges(drawing.edges);
        commit();
        setRun(null);
        window.setTimeout(() => flow.fitView({ padding: 0.15 }), 50);
      } catch (e) {
        setNotice(`Cannot import ${file.name}: ${(e as Error).message}`);
      }
    },
    [setNodes, setEdges, commit, flow],
  );

  // ---- saved workflows
  const dirty = useMemo(() => drawingKey(snapshot(nodes, edges)) !== savedKey, [nodes, edges, savedKey]);
  const showProblems = useCallback((e: unknown) => {
    const problems = e instanceof ApiError ? e.problems : [];
    if (problems.length > 0) setCheck({ valid: false, problems, detail: (e as Error).message });
  }, []);
  /** Puts another workflow on the canvas: its own undo history, no run, no input values. */
  const replaceDrawing = useCallback(
    (drawing: Drawing) => {
      stopFollowing.current?.();
      pending.current = null;
      history.current = start(drawing);
      setHistoryVersion((v) => v + 1);
      setNodes(drawing.nodes.map((n) => ({ ...n, type: 'studio' as const })));
      setEdges(drawing.edges);
      setRun(null);
      setRunError(null);
      setCompareNode(null);
      setInputValues({});
      window.setTimeout(() => flow.fitView({ padding: 0.15 }), 50);
    },
    [setNodes, setEdges, flow],
  );
  const saveWorkflow = useCallback(async () => {
    const drawing = snapshot(flow.getNodes(), flow.getEdges());
    if (drawing.nodes.length === 0) return;
    setSaving(true);
    try {
      const edit = toEdit(drawing);
      const saved = workflow.id ? await updateWorkflow(workflow.id, edit) : await createWorkflow({ name: workflow.name, ...edit });
      setWorkflow({ id: saved.id, name: saved.name, version: saved.version });
      setSavedKey(drawingKey(drawing));
      setNotice(
        saved.version === workflow.version
          ? `Saved “${saved.name}”: the graph is unchanged, still version ${saved.version}`
          : `Saved “${saved.name}” as version ${saved.version}`,
      );
    } catch (e) {
      showProblems(e);
      setNotice(`Cannot save: ${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  }, [flow, workflow, showProblems]);
  const renameWorkflow = useCallback(
    async (name: string) => {
      if (!workflow.id) {
        setWorkflow((w) => ({ ...w, name }));
        return;
      }
      try {
        const saved = await updateWorkflow(workflow.id, { name });
        setWorkflow((w) => ({ ...w, name: saved.name }));
      } catch (e) {
        setNotice(`Cannot rename: ${(e as Error).message}`);
        throw e;
      }
    },
    [workflow.id],
  );
  const openWorkflow = useCallback(
    async (id: string) => {
      try {
        const saved = await fetchWorkflow(id);
        const drawing = fromSaved(saved);
        replaceDrawing(drawing);
        setWorkflow({ id: saved.id, name: saved.name, version: saved.version });
        setSavedKey(drawingKey(drawing));
      } catch (e) {
        setNotice(`Cannot open the workflow: ${(e as Error).message}`);
      }
    },
    [replaceDrawing],
  );
  const newWorkflow = useCallback(() => {
    replaceDrawing(EMPTY);
    setWorkflow(UNTITLED);
    setSavedKey(drawingKey(EMPTY));
  }, [replaceDrawing]);

  // ---- checking as the graph is drawn
  const graph = useMemo(() => toGraph(snapshot(nodes, edges)), [nodes, edges]);
  const graphKey = JSON.stringify(graph);
  useEffect(() => {
    if (graph.nodes.length === 0 || catalog.size === 0) {
      setCheck(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      checkGraph(graph).then(
        (result) => current && setCheck(result),
        (e: Error) => current && setNotice(`Cannot check the graph: ${e.message}`),
      );
    }, 400);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graphKey, catalog]);

  const imageInputs = useMemo(() => {
    const names = new Set<string>();
    for (const n of nodes) {
      const type = catalog.get(n.data.type);
      for (const [param, name] of Object.entries(n.data.bindings)) {
        if (type && fieldsOf(type.params).find((f) => f.name === param)?.kind === 'image') names.add(name);
      }
    }
    return names;
  }, [nodes, catalog]);

  // ---- running
  const startCurrentRun = useCallback(async () => {
    setRunError(null);
    setStarting(true);
    try {
      const checked = await checkGraph(graph);
      setCheck(checked);
      if (!checked.valid) {
        setRunError('The graph cannot run yet: fix the problems marked on the nodes.');
        return;
      }
      const missing = [...new Set(graph.inputs.map((i) => i.name))].filter((name) => !(name in inputValues));
      if (missing.length > 0) {
        setRunError(`Give a value to ${missing.map((m) => `"${m}"`).join(', ')} first${imageInputs.has(missing[0]) ? ' (upload a photo on its node)' : ''}.`);
        return;
      }
      const values: Record<string, unknown> = {};
      for (const name of new Set(graph.inputs.map((i) => i.name))) values[name] = inputValues[name].value;
      stopFollowing.current?.();
      setCompareNode(null);
      const started = await startRun(graph, values);
      setRun(started);
      stopFollowing.current = followRun(started.id, setRun);
    } catch (e) {
      showProblems(e);
      setRunError((e as Error).message);
    } finally {
      setStarting(false);
    }
  }, [graph, inputValues, imageInputs, showProblems]);

  // ---- keyboard
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || !active) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void saveWorkflow();
      } else if (isTyping(e.target)) {
        return; // a field's own undo
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        doRedo();
      } else if (key === 'z') {
        e.preventDefault();
        doUndo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveWorkflow, doUndo, doRedo, active]);

  // ---- what the nodes show
  const runNodes = useMemo(() => new Map<string, NodeRun>((run?.nodes ?? []).map((n) => [n.id, n])), [run]);
  const problems = useMemo(() => {
    const byNode = new Map<string, GraphProblem[]>();
    if (check && !check.valid) {
      for (const p of check.problems) if (p.nodeId) byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);
    }
    return byNode;
  }, [check]);
  const mapped = useMemo(() => new Set(check?.valid ? check.mapped : []), [check]);
  const editor: EditorState = useMemo(
    () => ({ catalog, runNodes, problems, mapped, inputValues, uploading, setParam, setBinding, upload, compare: setCompareNode }),
    [catalog, runNodes, problems, mapped, inputValues, uploading, setParam, setBinding, upload],
  );
  const styledEdges = useMemo(
    () =>
      edges.map((e) => {
        const from = portEnd(e.source, e.sourceHandle, 'out');
        const running = runNodes.get(e.source)?.status === 'SUCCEEDED' && runNodes.get(e.target)?.status === 'RUNNING';
        return { ...e, animated: running, style: { stroke: from ? portColor(from.type) : '#888', strokeWidth: 2 } };
      }),
    // nodes: a port's type is known once its node is
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [edges, nodes, runNodes, portEnd],
  );

  const running = run !== null && (run.status === 'QUEUED' || run.status === 'RUNNING');
  return (
    <EditorContext.Provider value={editor}>
      <div className="app">
        <header className="toolbar">
          <h1>Image Studio Flow</h1>
          <WorkflowBar
            workflow={workflow}
            dirty={dirty}
            canSave={nodes.length > 0}
            saving={saving}
            onSave={() => void saveWorkflow()}
            onNew={newWorkflow}
            onOpen={(id) => void openWorkflow(id)}
            onRename={renameWorkflow}
            onError={setNotice}
          />
          <div className="group">
            <button onClick={doUndo} disabled={history.current.past.length === 0} title="Undo (Ctrl+Z)" data-testid="undo">
              Undo
            </button>
            <button onClick={doRedo} disabled={history.current.future.length === 0} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
              Redo
            </button>
            <button onClick={layout} disabled={nodes.length === 0} title="Arrange the nodes by depth" data-testid="layout">
              Auto-layout
            </button>
          </div>
          <div className="group">
            <button onClick={() => importInput.current?.click()} title="Load a workflow from a JSON file">
              Import
            </button>
            <input
              ref={importInput}
              type="file"
              accept="application/json,.json"
              hidden
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importFile(file);
                e.target.value = '';
              }}
            />
            <button onClick={exportFile} disabled={nodes.length === 0} title="Download the workflow as a JSON file" data-testid="export">
              Export
            </button>
          </div>
          <div className="group right">
            {check?.valid && <span className="chip">≈ {check.estimate.totalCredits} credits</span>}
            {check && !check.valid && (
              <span className="chip warn">
                {check.problems.length} problem{check.problems.length === 1 ? '' : 's'}
              </span>
            )}
            {running && (
              <button onClick={() => cancelRun(run.id).catch((e: Error) => setNotice(`Cannot cancel: ${e.message}`))} data-testid="cancel">
                Cancel
              </button>
            )}
            <button className="primary" onClick={() => void startCurrentRun()} disabled={nodes.length === 0 || starting || running} data-testid="run">
              {running ? 'Running…' : 'Run'}
            </button>
          </div>
        </header>
        <Palette nodes={catalogList} onAdd={addNode} />
        <main className="canvas">
          {catalogError && <div className="notice error">Cannot load the node catalog: {catalogError}</div>}
          {notice && (
            <div className="notice" data-testid="notice" onClick={() => setNotice(null)}>
              {notice}
            </div>
          )}
          {nodes.length === 0 && (
            <div className="empty-hint">Drag nodes here from the palette, or open a saved workflow. Connect an output (right) to an input (left).</div>
          )}
          <ReactFlow
            nodes={nodes}
            edges={styledEdges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            deleteKeyCode={active ? ['Delete', 'Backspace'] : null}
            connectionRadius={24}
            minZoom={0.2}
            fitViewOptions={{ padding: 0.2 }}
          >
            <Background gap={20} />
            <Controls />
            <MiniMap pannable zoomable />
          </ReactFlow>
        </main>
        <ResultPanel
          check={check}
          run={run}
          runError={runError}
          inputs={graph.inputs}
          inputValues={inputValues}
          setInputValue={(name, value) =>
            setInputValues((v) => {
              const next = { ...v };
              if (value === null) delete next[name];
              else next[name] = value;
              return next;
            })
          }
          imageInputs={imageInputs}
          compareNode={compareNode}
          fileName={(nodeId, mediaType) => downloadName(workflow.id ? workflow.name : null, nodeId, mediaType)}
        />
      </div>
    </EditorContext.Provider>
  );
}
