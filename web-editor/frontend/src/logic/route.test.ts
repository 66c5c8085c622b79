import { describe, expect, it } from 'vitest';
import { addressOf, pageOf, PAGES } from './route';

describe('page addresses', () => {
  it('reads the page from the hash, ignoring anything after its name', () => {
    expect(pageOf('#/library')).toBe('library');
    expect(pageOf('#/batches?id=batch-1')).toBe('batches');
    expect(pageOf('#/schedules/')).toBe('schedules');
  });

  it('shows the editor for no hash and for an unknown one', () => {
    expect(pageOf('')).toBe('editor');
    expect(pageOf('#/')).toBe('editor');
    expect(pageOf('#/nowhere')).toBe('editor');
  });

  it('keeps the editor at the bare address and every page round-trips', () => {
    expect(addressOf('editor')).toBe('/');
    for (const page of PAGES.filter((p) => p !== 'editor')) expect(pageOf(addressOf(page))).toBe(page);
  });
});
