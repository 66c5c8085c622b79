import type { ReactNode } from 'react';

/** An API's problem detail (or any failure) as a sentence on the page, dismissable. */
export function Problem({ error, testId, onClose, children }: { error: string | null; testId: string; onClose?: () => void; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div className="problem" role="alert" data-testid={testId}>
      <div className="problem-text">
        {error}
        {children}
      </div>
      {onClose && (
        <button className="link" onClick={onClose} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}

/** The message of whatever a call threw. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
