import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { blobUrl, type NodeRun, type PortValue } from './api';
import { useEditor } from './EditorContext';
import { ParamField } from './ParamField';
import type { StudioNodeData } from './logic/graphJson';
import { portColor } from './logic/ports';
import { fieldsOf } from './logic/schemaForm';

export type StudioFlowNode = Node<StudioNodeData, 'studio'>;

export function categoryColor(category: string): string {
  let hash = 0;
  for (const c of category) hash = (hash * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${hash}, 55%, 45%)`;
}

/** The first image among a node's outputs, for its thumbnail. */
export function imageOutput(run: NodeRun | undefined): PortValue | undefined {
  return Object.values(run?.outputs ?? {}).find((v) => v.blob && v.blob.mediaType.startsWith('image/'));
}

function StudioNodeView({ id, data, selected }: NodeProps<StudioFlowNode>) {
  const editor = useEditor();
  const type = editor.catalog.get(data.type);
  const run = editor.runNodes.get(id);
  const problems = editor.problems.get(id) ?? [];
  const status = run?.status;
  const classes = ['studio-node', status ? `status-${status.toLowerCase()}` : '', problems.length ? 'has-problems' : '', selected ? 'selected' : ''];
  if (!type) {
    return (
      <div className={classes.join(' ')} data-testid={`node-${id}`}>
        <header>
          <span className="title">Unknown node type {data.type}</span>
        </header>
        {problems.map((p, i) => (
          <div key={i} className="node-problem">{p.message}</div>
        ))}
      </div>
    );
  }
  const thumbnail = imageOutput(run);
  return (
    <div className={classes.join(' ')} data-testid={`node-${id}`} data-status={status ?? ''}>
      <header style={{ borderTopColor: categoryColor(type.category) }}>
        <span className="title" title={type.description}>{type.displayName}</span>
        <span className="node-id">{id}</span>
        {editor.mapped.has(id) && (
          <span className="chip" data-testid={`mapped-${id}`} title="Fed a list of images: runs once per image">
            × each image
          </span>
        )}
        {status && (
          <span
            className={`badge badge-${status.toLowerCase()}`}
            data-testid={`status-${id}`}
            title={run?.fused ? 'Ran in one step with the nodes next to it' : undefined}
          >
            {status.toLowerCase()}
            {run?.cached ? ' · cached' : ''}
            {run?.fused ? ' · fused' : ''}
          </span>
        )}
      </header>
      <div className="ports">
        <div className="port-column">
          {type.inputs.map((p) => (
            <div key={p.name} className="port port-in" title={`${p.type}${p.required ? '' : ' (optional)'}: ${p.description}`}>
              <Handle type="target" position={Position.Left} id={p.name} className="port-handle" style={{ background: portColor(p.type) }} />
              <span>{p.name}</span>
              <small style={{ color: portColor(p.type) }}>{p.type}</small>
            </div>
          ))}
        </div>
        <div className="port-column right">
          {type.outputs.map((p) => (
            <div key={p.name} className="port port-out" title={`${p.type}: ${p.description}`}>
              <small style={{ color: portColor(p.type) }}>{p.type}</small>
              <span>{p.name}</span>
              <Handle type="source" position={Position.Right} id={p.name} className="port-handle" style={{ background: portColor(p.type) }} />
            </div>
          ))}
        </div>
      </div>
      {Object.keys(type.params.properties ?? {}).length > 0 && (
        <div className="params nodrag nowheel">
          {fieldsOf(type.params).map((field) => (
            <ParamField key={field.name} nodeId={id} field={field} value={data.params[field.name]} binding={data.bindings[field.name]} />
          ))}
        </div>
      )}
      {thumbnail?.blob && (
        <figure className="thumb nodrag" onClick={() => editor.compare(id)} title="Compare with the input">
          <img src={blobUrl(thumbnail.blob.hash)} alt={`${id} output`} data-testid={`thumb-${id}`} />
          <figcaption>
            {thumbnail.blob.width}×{thumbnail.blob.height} · {thumbnail.blob.mediaType.replace('image/', '')} ·{' '}
            {formatSize(thumbnail.blob.size)}
          </figcaption>
        </figure>
      )}
      {status === 'SUCCEEDED' && run?.fused && !thumbnail && (
        <div className="hint" data-testid={`fused-${id}`}>
          Its image went on to the next node in memory and was not stored.
        </div>
      )}
      {run?.error && (
        <div className="node-error" data-testid={`error-${id}`}>
          {run.error}
        </div>
      )}
      {problems.map((p, i) => (
        <div key={i} className="node-problem" data-testid={`problem-${id}`}>
          {p.message}
        </div>
      ))}
    </div>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const StudioNode = memo(StudioNodeView);
