import { useCallback, useEffect, useState } from 'react';
import {
  ApiError,
  batchResultsUrl,
  cancelBatch,
  fetchBatch,
  fetchBatchRows,
  listBatches,
  retryFailedRows,
  startBatch,
  type BatchRow,
  type BatchView,
  type RowProblem,
  type SavedWorkflow,
} from '../api';
import { batchEnded, progressOf } from '../logic/batchProgress';
import { parseCsv, type CsvTable } from '../logic/csv';
import { formatInstant } from '../logic/time';
import { bindingsOf, fieldOfInput, initialMapping, missingInputs, type Mapping } from '../logic/workflowInputs';
import { InputField } from './InputField';
import { messageOf, Problem } from './Problem';
import { useWorkflowNames } from './useWorkflowNames';
import { WorkflowPicker } from './WorkflowPicker';

const POLL_MS = 1000;
const ROWS_SHOWN = 200;
const PREVIEW_ROWS = 3;

/** Batches: a saved workflow run once per CSV row (new batch form), and every batch with its progress and rows. */
export function BatchesPage({ active }: { active: boolean }) {
  const workflowNames = useWorkflowNames(active);
  const [batches, setBatches] = useState<BatchView[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const refreshList = useCallback(() => {
    listBatches().then(setBatches, (e) => setListError(`Cannot list the batches: ${messageOf(e)}`));
  }, []);
  useEffect(() => {
    if (active) refreshList();
  }, [active, refreshList]);

  return (
    <div className="page batches">
      <aside className="page-side wide">
        <NewBatch
          active={active}
          onStarted={(batch) => {
            setBatches((list) => [batch, ...list.filter((b) => b.id !== batch.id)]);
            setOpenId(batch.id);
          }}
        />
      </aside>
      <section className="page-main">
        {openId && <BatchDetail key={openId} id={openId} active={active} onChange={refreshList} />}
        <h2>Batches</h2>
        <Problem error={listError} testId="batches-error" onClose={() => setListError(null)} />
        {batches.length === 0 ? (
          <p className="hint">No batch yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Started</th>
                <th>Batch</th>
                <th>Status</th>
                <th>Progress</th>
                <th>Rows</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className={`clickable ${b.id === openId ? 'open' : ''}`} onClick={() => setOpenId(b.id)} data-testid={`batch-${b.id}`}>
                  <td>{formatInstant(b.createdAt)}</td>
                  <td>
                    {b.workflowId ? <b>{workflowNames.get(b.workflowId) ?? b.workflowId}</b> : <code>{b.id}</code>}
                    {b.workflowVersion && <span className="hint"> v{b.workflowVersion}</span>}
                    {b.scheduleId && <span className="hint"> from a schedule</span>}
                  </td>
                  <td>
                    <StatusBadge status={b.status} />
                  </td>
                  <td className="progress-cell">
                    <ProgressBar batch={b} />
                  </td>
                  <td>{b.totalRows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function NewBatch({ active, onStarted }: { active: boolean; onStarted(batch: BatchView): void }) {
  const [workflow, setWorkflow] = useState<SavedWorkflow | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [table, setTable] = useState<CsvTable | null>(null);
  const [images, setImages] = useState<File[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [concurrency, setConcurrency] = useState('');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [badRows, setBadRows] = useState<RowProblem[]>([]);

  const refused = useCallback((message: string) => setError(message), []);
  const columns = table?.header ?? [];
  useEffect(() => {
    // a new workflow or a new CSV: inputs take the columns of the same name
    setMapping(workflow ? initialMapping(workflow.inputs, columns) : {});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workflow, table]);

  const readCsv = async (file: File | undefined) => {
    setBadRows([]);
    setError(null);
    setCsv(file ?? null);
    setTable(file ? parseCsv(await file.text()) : null);
  };

  const missing = workflow ? missingInputs(workflow.inputs, values, mapping) : [];
  const ready = workflow !== null && csv !== null && missing.length === 0 && !starting;
  const start = () => {
    if (!workflow || !csv) return;
    setStarting(true);
    setError(null);
    setBadRows([]);
    // the batch pins the workflow's newest version for all its rows
    startBatch({ workflowId: workflow.id, ...bindingsOf(mapping, values), concurrency: concurrency ? Number(concurrency) : undefined }, csv, images)
      .then(onStarted)
      .catch((e) => {
        setError(messageOf(e));
        if (e instanceof ApiError && Array.isArray(e.problem.rows)) setBadRows(e.problem.rows as RowProblem[]);
      })
      .finally(() => setStarting(false));
  };

  return (
    <div className="card" data-testid="new-batch">
      <h2>New batch</h2>
      <p className="hint">One run of a saved workflow per CSV row.</p>
      <label className="field">
        <span>1. Workflow</span>
        <WorkflowPicker active={active} testId="batch-workflow" onPick={setWorkflow} onError={refused} />
      </label>
      <label className="field">
        <span>2. CSV (a header line, then one row per run)</span>
        <input type="file" accept=".csv,text/csv" onChange={(e) => void readCsv(e.target.files?.[0])} data-testid="batch-csv" />
      </label>
      {table && (
        <div className="csv-preview" data-testid="csv-preview">
          <span className="hint">
            {table.rows.length} row{table.rows.length === 1 ? '' : 's'} · columns {columns.join(', ') || 'none'}
          </span>
          <table className="table compact">
            <thead>
              <tr>
                <th>line</th>
                {columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.slice(0, PREVIEW_ROWS).map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  {r.cells.map((c, i) => (
                    <td key={i} title={c}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <label className="field">
        <span>Images the CSV names by file name (optional)</span>
        <input type="file" accept="image/*" multiple onChange={(e) => setImages([...(e.target.files ?? [])])} data-testid="batch-images" />
      </label>
      {workflow && (
        <div className="field">
          <span>3. Inputs: a column, or one value for every row</span>
          {workflow.inputs.length === 0 && <p className="hint">This workflow has no inputs: every row runs the same graph.</p>}
          <table className="mapping">
            <tbody>
              {workflow.inputs.map((input) => {
                const field = fieldOfInput(input);
                return (
                  <tr key={input.name}>
                    <th>
                      {input.name}
                      {input.required && input.defaultValue == null && <span className="required">*</span>}
                      <div className="hint">
                        {field.kind === 'image' ? 'image: file name or hash' : input.type.toLowerCase()}
                      </div>
                    </th>
                    <td>
                      <select
                        value={mapping[input.name] ?? ''}
                        onChange={(e) => setMapping((m) => ({ ...m, [input.name]: e.target.value }))}
                        data-testid={`map-${input.name}`}
                        aria-label={`Column for ${input.name}`}
                      >
                        <option value="">same value for every row</option>
                        {columns.map((c) => (
                          <option key={c} value={c}>
                            column {c}
                          </option>
                        ))}
                      </select>
                      {!mapping[input.name] && (
                        <InputField
                          field={field}
                          value={values[input.name]}
                          onChange={(v) => setValues((vs) => ({ ...vs, [input.name]: v }))}
                          testId={`shared-${input.name}`}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <label className="field inline">
        <span>Rows at once</span>
        <input type="number" min={1} className="number" placeholder="4" value={concurrency} onChange={(e) => setConcurrency(e.target.value)} data-testid="batch-concurrency" />
      </label>
      {missing.length > 0 && <p className="missing">Give {missing.join(', ')} a column or a value.</p>}
      <div className="form-actions">
        <button className="primary" disabled={!ready} onClick={start} data-testid="batch-start">
          {starting ? 'Checking rows…' : 'Start batch'}
        </button>
      </div>
      <Problem error={error} testId="batch-error" onClose={() => setError(null)}>
        {badRows.length > 0 && (
          <ul className="bad-rows">
            {badRows.map((p, i) => (
              <li key={i} data-testid={p.line === null ? 'bad-batch' : `bad-row-${p.line}`}>
                <b>{p.line === null ? 'Batch' : `Line ${p.line}`}</b>: {p.message}
              </li>
            ))}
          </ul>
        )}
      </Problem>
    </div>
  );
}

function BatchDetail({ id, active, onChange }: { id: string; active: boolean; onChange(): void }) {
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [failedOnly, setFailedOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [follows, setFollows] = useState(0);

  // read the batch and its rows every second until it ends (and again after a retry)
  useEffect(() => {
    if (!active) return;
    let current = true;
    let timer = 0;
    const read = async () => {
      try {
        const [found, page] = await Promise.all([fetchBatch(id), fetchBatchRows(id, ROWS_SHOWN, failedOnly ? 'FAILED' : undefined)]);
        if (!current) return;
        setBatch(found);
        setRows(page);
        setError(null);
        if (batchEnded(found.status)) onChange();
        else timer = window.setTimeout(read, POLL_MS);
      } catch (e) {
        if (current) setError(messageOf(e));
      }
    };
    void read();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [id, active, failedOnly, follows, onChange]);

  const act = (action: () => Promise<BatchView>, failure: string) =>
    action().then(
      (b) => {
        setBatch(b);
        setFollows((n) => n + 1);
        onChange();
      },
      (e) => setError(`${failure}: ${messageOf(e)}`),
    );

  if (!batch) return <div className="card">{error ? <Problem error={error} testId="batch-detail-error" /> : <p className="hint">Loading…</p>}</div>;
  const ended = batchEnded(batch.status);
  return (
    <div className="card batch-detail" data-testid="batch-detail">
      <div className="card-head">
        <h2>
          Batch <code>{batch.id}</code>
        </h2>
        <span data-testid="batch-status">
          <StatusBadge status={batch.status} />
        </span>
      </div>
      <ProgressBar batch={batch} large />
      <p className="counts">
        {batch.progress.succeeded} succeeded · {batch.progress.failed} failed · {batch.progress.running} running · {batch.progress.pending} waiting
        {batch.progress.cancelled > 0 && ` · ${batch.progress.cancelled} cancelled`} · {batch.concurrency} at once · ≈ {batch.estimatedCredits} credits
      </p>
      <Problem error={error} testId="batch-detail-error" onClose={() => setError(null)} />
      <div className="actions">
        <a className="button" href={batchResultsUrl(batch.id, 'csv')} download data-testid="batch-results-csv">
          Results CSV
        </a>
        <a className="button" href={batchResultsUrl(batch.id, 'zip')} download data-testid="batch-results-zip">
          Results ZIP
        </a>
        <button onClick={() => act(() => retryFailedRows(batch.id), 'Cannot retry')} disabled={!ended || batch.progress.failed === 0} data-testid="batch-retry">
          Retry {batch.progress.failed} failed row{batch.progress.failed === 1 ? '' : 's'}
        </button>
        {!ended && (
          <button onClick={() => act(() => cancelBatch(batch.id), 'Cannot cancel')} data-testid="batch-cancel">
            Cancel
          </button>
        )}
        <label className="inline right">
          <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} data-testid="batch-failed-only" /> failed rows only
        </label>
      </div>
      <table className="table rows">
        <thead>
          <tr>
            <th>Line</th>
            <th>Status</th>
            <th>Inputs</th>
            <th>Run</th>
            <th>Error</th>
            <th>Tries</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} data-testid={`batch-row-${r.line}`}>
              <td>{r.line}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="inputs">{Object.entries(r.inputs).map(([k, v]) => `${k}=${shortValue(v)}`).join(' · ')}</td>
              <td>{r.runId && <code>{r.runId}</code>}</td>
              <td className="error-text">{r.error}</td>
              <td>{r.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {batch.totalRows > rows.length && !failedOnly && (
        <p className="hint">
          The first {rows.length} of {batch.totalRows} rows; the results CSV has them all.
        </p>
      )}
    </div>
  );
}

/** Done rows over all rows, green for succeeded, red for failed, grey for cancelled. */
function ProgressBar({ batch, large = false }: { batch: BatchView; large?: boolean }) {
  const progress = progressOf(batch);
  const share = (n: number) => `${batch.totalRows === 0 ? 0 : (n * 100) / batch.totalRows}%`;
  return (
    <div
      className={`progress ${large ? 'large' : ''}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={progress.total}
      aria-valuenow={progress.done}
      data-testid={large ? 'batch-progress' : undefined}
    >
      <div className="track">
        <div className="done ok-bar" style={{ width: share(batch.progress.succeeded) }} />
        <div className="done fail-bar" style={{ width: share(batch.progress.failed) }} />
        <div className="done cancel-bar" style={{ width: share(batch.progress.cancelled) }} />
      </div>
      <span className="label" data-testid={large ? 'batch-progress-label' : undefined}>
        {progress.label}
      </span>
    </div>
  );
}

function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{status.toLowerCase()}</span>;
}

/** Inputs as a row bound them; an image's 64-character hash is cut short. */
function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[0-9a-f]{64}$/.test(text) ? `${text.slice(0, 10)}…` : text;
}
