import { describe, expect, it } from 'vitest';
import type { BatchView } from '../api';
import { batchEnded, progressOf } from './batchProgress';

function batch(totalRows: number, progress: BatchView['progress']): BatchView {
  return { id: 'b', status: 'RUNNING', concurrency: 4, totalRows, progress, estimatedCredits: 0, createdAt: '2025-01-01T00:00:00Z' };
}

describe('batch progress', () => {
  it('counts succeeded, failed and cancelled rows as done', () => {
    expect(progressOf(batch(8, { pending: 2, running: 2, succeeded: 2, failed: 1, cancelled: 1 }))).toEqual({
      done: 4,
      total: 8,
      percent: 50,
      label: '4/8',
    });
  });

  it('is at zero for a batch without rows', () => {
    expect(progressOf(batch(0, { pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 })).percent).toBe(0);
  });

  it('knows which statuses end a batch', () => {
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'].filter((s) => batchEnded(s as BatchView['status']))).toEqual([
      'SUCCEEDED',
      'FAILED',
      'CANCELLED',
    ]);
  });
});
