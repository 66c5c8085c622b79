// The library's search box, filters and sort order as the query string of GET /api/assets.
import type { AssetType } from '../api';

export interface AssetFilters {
  /** Full text over name, prompt and tags (web search syntax). */
  text: string;
  type: AssetType | '';
  /** Calendar days (yyyy-mm-dd) in the person's time zone, both included; '' for open-ended. */
  from: string;
  to: string;
  favourite: boolean;
  collection: string;
  status: string;
  tag: string;
}

export const NO_FILTERS: AssetFilters = { text: '', type: '', from: '', to: '', favourite: false, collection: '', status: '', tag: '' };

export const SORTS = {
  'created-desc': 'Newest first',
  'created-asc': 'Oldest first',
  'name-asc': 'Name A–Z',
  'name-desc': 'Name Z–A',
  'size-desc': 'Largest first',
  'size-asc': 'Smallest first',
} as const;
export type AssetSort = keyof typeof SORTS;

/** Local midnight of a calendar day, `days` later, as the instant the API takes. */
function midnight(day: string, days = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
}

/** Why the date range cannot be searched, or null. */
export function rangeProblem(filters: AssetFilters): string | null {
  return filters.from && filters.to && filters.from > filters.to ? 'The "from" day is after the "to" day.' : null;
}

export function assetQuery(filters: AssetFilters, sort: AssetSort, limit: number, offset: number): string {
  const params = new URLSearchParams();
  if (filters.text.trim()) params.set('q', filters.text.trim());
  if (filters.type) params.set('type', filters.type);
  if (filters.from) params.set('from', midnight(filters.from));
  // the API's `to` is exclusive: the day after the last day shown
  if (filters.to) params.set('to', midnight(filters.to, 1));
  if (filters.favourite) params.set('favourite', 'true');
  if (filters.collection) params.set('collection', filters.collection);
  if (filters.status) params.set('status', filters.status);
  if (filters.tag.trim()) params.set('tag', filters.tag.trim());
  const [by, order] = sort.split('-');
  params.set('sort', by);
  params.set('order', order);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
}

/** Tags typed by a person: separated by commas, trimmed, without empties or repeats. */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
}
