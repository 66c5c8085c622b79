import { useEffect, useState } from 'react';
import { fetchWorkflow, listWorkflows, type SavedWorkflow, type WorkflowSummary } from '../api';
import { messageOf } from './Problem';

/** A select of the saved workflows; reads the chosen one (its newest version: graph and inputs) in full. */
export function WorkflowPicker(props: { active: boolean; testId: string; onPick(workflow: SavedWorkflow | null): void; onError(message: string): void }) {
  const { active, onPick, onError } = props;
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    if (active) listWorkflows().then(setWorkflows, (e) => onError(`Cannot list the saved workflows: ${messageOf(e)}`));
  }, [active, onError]);
  const pick = (id: string) => {
    setChosen(id);
    if (!id) onPick(null);
    else fetchWorkflow(id).then(onPick, (e) => onError(`Cannot read the workflow: ${messageOf(e)}`));
  };
  if (workflows !== null && workflows.length === 0) {
    return <p className="hint">No saved workflow yet: save one in the editor, with its workflow inputs.</p>;
  }
  return (
    <select value={chosen} onChange={(e) => pick(e.target.value)} data-testid={props.testId} aria-label="Saved workflow">
      <option value="">Choose a saved workflow…</option>
      {(workflows ?? []).map((w) => (
        <option key={w.id} value={w.id}>
          {w.name} (v{w.latestVersion}
          {w.inputs.length > 0 ? `; ${w.inputs.join(', ')}` : ''})
        </option>
      ))}
    </select>
  );
}
