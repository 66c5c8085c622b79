// Undo and redo over snapshots of the drawing. Edits with the same key made close together (a
// slider being dragged, a name being typed) count as one step.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey?: string;
  lastAt?: number;
}

const LIMIT = 100;
const COALESCE_MS = 1000;

export function start<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(history: History<T>, next: T, key?: string, now = Date.now()): History<T> {
  const sameEdit =
    key !== undefined && key === history.lastKey && history.lastAt !== undefined && now - history.lastAt < COALESCE_MS;
  if (sameEdit) return { ...history, present: next, future: [], lastAt: now };
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  const previous = history.past[history.past.length - 1];
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next, future: rest };
}
