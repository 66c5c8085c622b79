import { useState } from 'react';
import { blobUrl, outputUrl, type Checked, type GraphProblem, type RunView } from './api';
import type { InputValue } from './EditorContext';
import { formatSize, imageOutput } from './StudioNode';

interface Props {
  check: Checked | null;
  run: RunView | null;
  runError: string | null;
  inputs: { name: string; node: string; param: string }[];
  inputValues: Record<string, InputValue>;
  setInputValue(name: string, value: InputValue | null): void;
  imageInputs: Set<string>;
  compareNode: string | null;
  /** the file name an output downloads as */
  fileName(nodeId: string, mediaType: string): string;
}

/** The right-hand side: workflow inputs, the check and estimate, the run and its results. */
export function ResultPanel(props: Props) {
  const { check, run, compareNode } = props;
  const outputNodes = Object.keys(run?.outputs ?? {});
  const shown = compareNode ?? outputNodes[outputNodes.length - 1] ?? null;
  const shownRun = run?.nodes.find((n) => n.id === shown);
  const after = imageOutput(shownRun)?.blob;
  const firstImageInput = props.inputs.find((i) => props.imageInputs.has(i.name));
  // an input of several images shows its first
  const before = firstImageInput ? (props.inputValues[firstImageInput.name]?.value as string | undefined)?.split(',')[0] : undefined;
  const generalProblems: GraphProblem[] = check && !check.valid ? check.problems.filter((p) => !p.nodeId) : [];
  return (
    <aside className="side">
      <section>
        <h3>Workflow inputs</h3>
        {props.inputs.length === 0 && <p className="hint">None. Mark a parameter with ⇥ to give it at run time.</p>}
        {props.inputs.map((i) => {
          const value = props.inputValues[i.name];
          const image = props.imageInputs.has(i.name);
          return (
            <div key={`${i.node}.${i.param}`} className="input-row" data-testid={`workflow-input-${i.name}`}>
              <b>{i.name}</b> <span className="hint">→ {i.node}.{i.param}</span>
              {image ? (
                <div className={value ? 'ok' : 'missing'}>{value ? value.label : 'upload it on the node'}</div>
              ) : (
                <input
                  type="text"
                  placeholder="value for this run"
                  value={value ? String(value.value) : ''}
                  onChange={(e) =>
                    props.setInputValue(i.name, e.target.value === '' ? null : { value: typed(e.target.value), label: e.target.value })
                  }
                />
              )}
            </div>
          );
        })}
      </section>
      <section>
        <h3>Check</h3>
        {!check && <p className="hint">Draw a graph: it is checked as you go.</p>}
        {check?.valid && (
          <p className="ok" data-testid="estimate">
            Ready · {check.order.length} nodes · estimate {check.estimate.totalCredits} credit{check.estimate.totalCredits === 1 ? '' : 's'}
          </p>
        )}
        {check && !check.valid && (
          <div className="missing" data-testid="problems">
            {check.problems.length} problem{check.problems.length === 1 ? '' : 's'}, marked on the nodes
            {generalProblems.map((p, i) => (
              <div key={i}>{p.message}</div>
            ))}
          </div>
        )}
      </section>
      <section>
        <h3>Run</h3>
        {props.runError && <p className="node-error" data-testid="run-error">{props.runError}</p>}
        {!run && !props.runError && <p className="hint">Press Run to start it.</p>}
        {run && (
          <>
            <p>
              <span className={`badge badge-${run.status.toLowerCase()}`} data-testid="run-status">{run.status.toLowerCase()}</span>{' '}
              <code data-testid="run-id">{run.id}</code>
            </p>
            {run.error && <p className="node-error">{run.error}</p>}
            {outputNodes.map((nodeId) => {
              const blob = Object.values(run.outputs?.[nodeId] ?? {}).find((v) => v.blob)?.blob;
              const list = Object.values(run.outputs?.[nodeId] ?? {}).find((v) => v.list)?.list;
              return (
                <p key={nodeId}>
                  <a
                    href={outputUrl(run.id, nodeId)}
                    download={blob ? props.fileName(nodeId, blob.mediaType) : true}
                    data-testid={`download-${nodeId}`}
                    className="button"
                  >
                    Download {nodeId}
                  </a>{' '}
                  {blob && (
                    <span className="hint">
                      {blob.width}×{blob.height} {blob.mediaType.replace('image/', '')} {formatSize(blob.size)}
                    </span>
                  )}
                  {list && (
                    <span className="hint" data-testid={`list-${nodeId}`}>
                      {list.length} images, {formatSize(list.reduce((sum, b) => sum + b.size, 0))} (ZIP)
                    </span>
                  )}
                </p>
              );
            })}
          </>
        )}
      </section>
      {after && shown && (
        <section>
          <h3>
            {before ? 'Before / after' : 'Output'} · {shown}
          </h3>
          <CompareSlider before={before ? blobUrl(before) : undefined} after={blobUrl(after.hash)} />
        </section>
      )}
    </aside>
  );
}

function typed(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export function CompareSlider({ before, after }: { before?: string; after: string }) {
  const [split, setSplit] = useState(50);
  return (
    <div className="compare" data-testid="compare">
      <div className="compare-stage">
        <img src={after} alt="after" data-testid="compare-after" />
        {before && <img src={before} alt="before" className="before" style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }} />}
        {before && <div className="compare-line" style={{ left: `${split}%` }} />}
      </div>
      {before && (
        <div className="compare-controls">
          <span>before</span>
          <input
            type="range"
            min={0}
            max={100}
            value={split}
            onChange={(e) => setSplit(Number(e.target.value))}
            aria-label="Before and after"
            data-testid="compare-slider"
          />
          <span>after</span>
        </div>
      )}
    </div>
  );
}
