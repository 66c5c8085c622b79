import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  ApiError,
  createSchedule,
  deleteSchedule,
  fetchSchedule,
  listSchedules,
  pauseSchedule,
  resumeSchedule,
  triggerSchedule,
  type GraphProblem,
  type SavedWorkflow,
  type ScheduleView,
} from '../api';
import { browserZone, formatInstant, timeZones } from '../logic/time';
import { fieldOfInput, missingInputs } from '../logic/workflowInputs';
import { InputField } from './InputField';
import { messageOf, Problem } from './Problem';
import { useWorkflowNames } from './useWorkflowNames';
import { WorkflowPicker } from './WorkflowPicker';

const NEXT_SHOWN = 5;
const REFRESH_MS = 3000;
const PRESETS: [string, string][] = [
  ['0 9 * * *', 'every day at 09:00'],
  ['0 9 * * 1-5', 'weekdays at 09:00'],
  ['0 9 * * 1', 'every Monday at 09:00'],
  ['0 9 1 * *', 'the 1st of each month at 09:00'],
  ['0 * * * *', 'every hour'],
  ['*/15 * * * *', 'every 15 minutes'],
];

/** Schedules: a saved workflow run on a cron in a time zone; pause, resume, fire now, delete. */
export function SchedulesPage({ active }: { active: boolean }) {
  const workflowNames = useWorkflowNames(active);
  const [schedules, setSchedules] = useState<ScheduleView[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [open, setOpen] = useState<ScheduleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const refresh = useCallback(() => {
    listSchedules().then(setSchedules, (e) => setError(`Cannot list the schedules: ${messageOf(e)}`));
  }, []);
  useEffect(() => {
    if (active) refresh();
  }, [active, refresh]);

  // the open schedule's next times and firings: timers fire it at any moment, so it is read again every few seconds
  const [reads, setReads] = useState(0);
  useEffect(() => {
    if (!active || !openId) return;
    let current = true;
    fetchSchedule(openId, NEXT_SHOWN).then(
      (s) => current && setOpen(s),
      (e) => current && setError(messageOf(e)),
    );
    const timer = window.setTimeout(() => setReads((n) => n + 1), REFRESH_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [active, openId, reads]);

  const act = (id: string, action: (id: string) => Promise<unknown>, failure: string) =>
    action(id).then(
      () => {
        refresh();
        setReads((n) => n + 1);
      },
      (e) => setError(`${failure}: ${messageOf(e)}`),
    );

  return (
    <div className="page schedules">
      <aside className="page-side wide">
        <NewSchedule
          active={active}
          onCreated={(s) => {
            refresh();
            setOpen(s);
            setOpenId(s.id);
          }}
        />
      </aside>
      <section className="page-main">
        <h2>Schedules</h2>
        <Problem error={error} testId="schedules-error" onClose={() => setError(null)} />
        {schedules.length === 0 ? (
          <p className="hint">No schedule yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>When</th>
                <th>Status</th>
                <th>Next</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.id} className={`clickable ${s.id === openId ? 'open' : ''}`} onClick={() => setOpenId(s.id)} data-testid={`schedule-${s.id}`}>
                  <td>
                    <b>{s.name}</b>
                    <div className="hint">
                      {s.target === 'BATCH' ? 'a batch' : 'a run'}
                      {s.workflowId && ` of ${workflowNames.get(s.workflowId) ?? s.workflowId}`}
                    </div>
                  </td>
                  <td>
                    <code>{s.cron}</code> <span className="hint">{s.zone}</span>
                  </td>
                  <td data-testid={`schedule-status-${s.id}`}>
                    <span className={`badge ${s.paused ? 'badge-skipped' : 'badge-succeeded'}`}>{s.paused ? 'paused' : 'active'}</span>
                  </td>
                  <td>{s.nextFireTimes[0] ? formatInstant(s.nextFireTimes[0], s.zone) : <span className="hint">—</span>}</td>
                  <td className="row-actions" onClick={(e) => e.stopPropagation()}>
                    {s.paused ? (
                      <button onClick={() => act(s.id, resumeSchedule, 'Cannot resume')} data-testid={`schedule-resume-${s.id}`}>
                        Resume
                      </button>
                    ) : (
                      <button onClick={() => act(s.id, pauseSchedule, 'Cannot pause')} data-testid={`schedule-pause-${s.id}`}>
                        Pause
                      </button>
                    )}
                    <button onClick={() => act(s.id, triggerSchedule, 'Cannot trigger')} data-testid={`schedule-trigger-${s.id}`}>
                      Run now
                    </button>
                    {confirmDelete === s.id ? (
                      <button
                        className="danger"
                        onClick={() => {
                          setConfirmDelete(null);
                          if (openId === s.id) setOpenId(null);
                          void act(s.id, deleteSchedule, 'Cannot delete');
                        }}
                        data-testid={`schedule-delete-confirm-${s.id}`}
                      >
                        Delete for good
                      </button>
                    ) : (
                      <button onClick={() => setConfirmDelete(s.id)} data-testid={`schedule-delete-${s.id}`}>
                        Delete…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {openId && open?.id === openId && <ScheduleDetail schedule={open} />}
      </section>
    </div>
  );
}

function ScheduleDetail({ schedule }: { schedule: ScheduleView }) {
  return (
    <div className="card" data-testid="schedule-detail">
      <div className="card-head">
        <h2>{schedule.name}</h2>
        <span className="hint">
          <code>{schedule.cron}</code> in {schedule.zone}
        </span>
      </div>
      <div className="columns">
        <div>
          <h3>Next fire times</h3>
          {schedule.paused ? (
            <p className="hint">Paused: nothing fires until it is resumed.</p>
          ) : (
            <ol className="times" data-testid="next-fire-times">
              {schedule.nextFireTimes.map((t) => (
                <li key={t}>{formatInstant(t, schedule.zone)}</li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>Recent firings</h3>
          {schedule.recentFires.length === 0 ? (
            <p className="hint">None yet.</p>
          ) : (
            <ul className="times" data-testid="recent-fires">
              {schedule.recentFires.map((f) => (
                <li key={f.sequence}>
                  {formatInstant(f.firedAt, schedule.zone)} <span className="hint">{f.manual ? 'by hand' : 'on time'}</span>{' '}
                  {f.startedId ? <code>{f.startedId}</code> : <span className="error-text">{f.error}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function NewSchedule({ active, onCreated }: { active: boolean; onCreated(schedule: ScheduleView): void }) {
  const [workflow, setWorkflow] = useState<SavedWorkflow | null>(null);
  const [name, setName] = useState('');
  const [cron, setCron] = useState(PRESETS[0][0]);
  const [zone, setZone] = useState(browserZone);
  const zones = useMemo(() => timeZones(browserZone()), []);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<GraphProblem[]>([]);
  const refused = useCallback((message: string) => setError(message), []);

  const pick = (picked: SavedWorkflow | null) => {
    setWorkflow(picked);
    setValues({});
    if (picked && !name) setName(picked.name);
  };
  const missing = workflow ? missingInputs(workflow.inputs, values) : [];
  const create = () => {
    if (!workflow) return;
    setCreating(true);
    setError(null);
    setProblems([]);
    const inputs = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    // each firing runs the workflow's newest version at that time
    createSchedule({ name: name.trim(), cron: cron.trim(), zone: zone.trim(), run: { workflowId: workflow.id, inputs } })
      .then(onCreated)
      .catch((e) => {
        setError(messageOf(e));
        if (e instanceof ApiError) setProblems(e.problems);
      })
      .finally(() => setCreating(false));
  };

  return (
    <div className="card" data-testid="new-schedule">
      <h2>New schedule</h2>
      <label className="field">
        <span>Workflow</span>
        <WorkflowPicker active={active} testId="schedule-workflow" onPick={pick} onError={refused} />
      </label>
      <label className="field">
        <span>Name</span>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} data-testid="schedule-name" />
      </label>
      <div className="field">
        <span>When (cron: minute hour day month weekday)</span>
        <div className="joined">
          <input type="text" className="grow mono" value={cron} onChange={(e) => setCron(e.target.value)} data-testid="schedule-cron" aria-label="Cron" />
          <select value="" onChange={(e) => e.target.value && setCron(e.target.value)} data-testid="schedule-preset" aria-label="Common times">
            <option value="">presets…</option>
            {PRESETS.map(([expression, label]) => (
              <option key={expression} value={expression}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="field">
        <span>Time zone</span>
        <input type="text" list="time-zones" value={zone} onChange={(e) => setZone(e.target.value)} data-testid="schedule-zone" />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      {workflow && workflow.inputs.length > 0 && (
        <div className="field">
          <span>Inputs</span>
          <table className="mapping">
            <tbody>
              {workflow.inputs.map((input) => (
                <tr key={input.name}>
                  <th>
                    {input.name}
                    {input.required && input.defaultValue == null && <span className="required">*</span>}
                  </th>
                  <td>
                    <InputField
                      field={fieldOfInput(input)}
                      value={values[input.name]}
                      onChange={(v) => setValues((vs) => ({ ...vs, [input.name]: v }))}
                      testId={`schedule-input-${input.name}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {missing.length > 0 && <p className="missing">Give {missing.join(', ')} a value.</p>}
      <div className="form-actions">
        <button className="primary" onClick={create} disabled={!workflow || !name.trim() || missing.length > 0 || creating} data-testid="schedule-create">
          Create schedule
        </button>
      </div>
      <Problem error={error} testId="schedule-error" onClose={() => setError(null)}>
        {problems.length > 0 && (
          <ul className="bad-rows">
            {problems.map((p, i) => (
              <li key={i}>
                {p.nodeId && <b>{p.nodeId}: </b>}
                {p.message}
              </li>
            ))}
          </ul>
        )}
      </Problem>
    </div>
  );
}
