import { useEffect, useState } from 'react';
import { listWorkflows, type WorkflowSummary } from './api';

/** The workflow on the canvas: saved (id and version) or not yet. */
export interface CurrentWorkflow {
  id: string | null;
  name: string;
  version: number | null;
}

interface Props {
  workflow: CurrentWorkflow;
  dirty: boolean;
  canSave: boolean;
  saving: boolean;
  onSave(): void;
  onNew(): void;
  onOpen(id: string): void;
  /** resolves once renamed; rejects (after saying why) when the name was refused */
  onRename(name: string): Promise<void>;
  onError(message: string): void;
}

/** Name, version and unsaved-changes marker of the workflow, with Save, Open and New. */
export function WorkflowBar({ workflow, dirty, canSave, saving, onSave, onNew, onOpen, onRename, onError }: Props) {
  const [draftName, setDraftName] = useState(workflow.name);
  const [listed, setListed] = useState<WorkflowSummary[] | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const [discard, setDiscard] = useState<{ question: string; then: () => void } | null>(null);

  useEffect(() => setDraftName(workflow.name), [workflow.id, workflow.name]);

  /** Runs the action at once, or after the person agreed to lose the unsaved changes. */
  const unlessUnsaved = (question: string, then: () => void) => (dirty ? setDiscard({ question, then }) : then());

  const commitName = () => {
    const name = draftName.trim();
    if (name === '' || name === workflow.name) {
      setDraftName(workflow.name);
      return;
    }
    onRename(name).catch(() => setDraftName(workflow.name));
  };

  const toggleList = () => {
    if (listOpen) {
      setListOpen(false);
      return;
    }
    setListed(null);
    setListOpen(true);
    listWorkflows().then(setListed, (e: Error) => {
      setListOpen(false);
      onError(`Cannot list the saved workflows: ${e.message}`);
    });
  };

  return (
    <div className="group workflow-bar" data-testid="workflow-bar" data-workflow-id={workflow.id ?? ''}>
      <input
        className="workflow-name"
        aria-label="Workflow name"
        title={workflow.id ? 'Rename the saved workflow' : 'Name of the workflow, used when it is first saved'}
        data-testid="workflow-name"
        value={draftName}
        maxLength={200}
        onChange={(e) => setDraftName(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraftName(workflow.name);
        }}
      />
      {workflow.version !== null && (
        <span className="chip version" title="Saved version" data-testid="workflow-version">
          v{workflow.version}
        </span>
      )}
      {dirty && (
        <span className="dirty" title="Unsaved changes" data-testid="workflow-dirty">
          ● unsaved
        </span>
      )}
      <button onClick={onSave} disabled={!canSave || saving} title="Save the workflow (Ctrl+S); a changed graph is a new version" data-testid="workflow-save">
        {saving ? 'Saving…' : 'Save'}
      </button>
      <div className="dropdown">
        <button onClick={toggleList} title="Open a saved workflow" data-testid="workflow-open">
          Open
        </button>
        {listOpen && (
          <div className="dropdown-panel" data-testid="workflow-list">
            {listed === null && <p className="hint">Loading…</p>}
            {listed?.length === 0 && <p className="hint">No saved workflows yet: draw one and press Save.</p>}
            {listed?.map((w) => (
              <button
                key={w.id}
                className={`workflow-item ${w.id === workflow.id ? 'current' : ''}`}
                data-testid={`open-${w.id}`}
                onClick={() => {
                  setListOpen(false);
                  unlessUnsaved(`Open “${w.name}” and lose the unsaved changes to “${workflow.name}”?`, () => onOpen(w.id));
                }}
              >
                <b>{w.name}</b>
                <span className="chip version">v{w.latestVersion}</span>
                <span className="hint">{new Date(w.updatedAt).toLocaleString()}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <button onClick={() => unlessUnsaved(`Start a new workflow and lose the unsaved changes to “${workflow.name}”?`, onNew)} title="Start an empty workflow" data-testid="workflow-new">
        New
      </button>
      {discard && (
        <div className="dialog-backdrop" onClick={() => setDiscard(null)}>
          <div className="dialog" role="dialog" aria-modal="true" onClick={(e) => e.stopPropagation()} data-testid="discard-dialog">
            <p>{discard.question}</p>
            <div className="dialog-buttons">
              <button onClick={() => setDiscard(null)} data-testid="discard-cancel" autoFocus>
                Keep editing
              </button>
              <button
                className="danger"
                onClick={() => {
                  setDiscard(null);
                  discard.then();
                }}
                data-testid="discard-confirm"
              >
                Discard changes
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
