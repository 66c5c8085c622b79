import { describe, expect, it } from 'vitest';
import { assetQuery, NO_FILTERS, rangeProblem, tagsOf } from './assetQuery';

const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('the library query', () => {
  it('sends only the sort and the page when nothing is filtered', () => {
    expect(params(assetQuery(NO_FILTERS, 'created-desc', 48, 0))).toEqual({
      sort: 'created',
      order: 'desc',
      limit: '48',
      offset: '0',
    });
  });

  it('sends the search text and every filter that is set', () => {
    const query = assetQuery(
      { ...NO_FILTERS, text: '  harbour "at dawn" ', type: 'IMAGE', favourite: true, collection: 'col-1', status: 'READY', tag: 'sea' },
      'name-asc',
      48,
      96,
    );

    expect(params(query)).toEqual({
      q: 'harbour "at dawn"',
      type: 'IMAGE',
      favourite: 'true',
      collection: 'col-1',
      status: 'READY',
      tag: 'sea',
      sort: 'name',
      order: 'asc',
      limit: '48',
      offset: '96',
    });
  });

  it('turns a range of days into instants from the first midnight to the midnight after the last day', () => {
    const query = params(assetQuery({ ...NO_FILTERS, from: '2025-03-30', to: '2025-03-31' }, 'size-desc', 10, 0));

    expect(query.from).toBe(new Date(2025, 2, 30).toISOString());
    expect(query.to).toBe(new Date(2025, 3, 1).toISOString());
  });

  it('refuses a range that ends before it starts', () => {
    expect(rangeProblem({ ...NO_FILTERS, from: '2025-05-02', to: '2025-05-01' })).toContain('after');
    expect(rangeProblem({ ...NO_FILTERS, from: '2025-05-01', to: '2025-05-01' })).toBeNull();
    expect(rangeProblem({ ...NO_FILTERS, to: '2025-05-01' })).toBeNull();
  });

  it('reads typed tags separated by commas', () => {
    expect(tagsOf(' summer, sea ,, summer,')).toEqual(['summer', 'sea']);
  });
});
