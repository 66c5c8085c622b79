// The studio's pages and their addresses: the editor at /, the others at #/name.

export const PAGES = ['editor', 'library', 'batches', 'schedules'] as const;
export type Page = (typeof PAGES)[number];

/** The page a location hash shows; anything unknown is the editor. */
export function pageOf(hash: string): Page {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'editor';
}

/** Where a page lives: the editor keeps the bare address. */
export function addressOf(page: Page): string {
  return page === 'editor' ? '/' : `#/${page}`;
}
