// How far a batch has got, for its progress bar.
import type { BatchStatus, BatchView } from '../api';

export interface Progress {
  done: number;
  total: number;
  /** 0 to 100 */
  percent: number;
  label: string;
}

export function progressOf(batch: BatchView): Progress {
  const { succeeded, failed, cancelled } = batch.progress;
  const done = succeeded + failed + cancelled;
  const total = batch.totalRows;
  return { done, total, percent: total === 0 ? 0 : Math.round((done * 100) / total), label: `${done}/${total}` };
}

export function batchEnded(status: BatchStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}
