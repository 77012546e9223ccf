import { describe, expect, it } from 'vitest';
import { apiFilter, filtersFromSearch, searchFromFilters } from './item-filters';
import { canEdit, isItemKind, isSeciStage, kindsFor } from './vocabulary';

describe('item list filters', () => {
  it('read from and write to the address, both ways', () => {
    const filters = filtersFromSearch('?kind=CASE&stage=EXTERNALISATIE&tag=%20zorg%20&archived=1');
    expect(filters).toEqual({ kind: 'CASE', stage: 'EXTERNALISATIE', tag: 'zorg', archived: true });
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('ignore unknown kinds and stages, and leave no filters as no query string', () => {
    expect(filtersFromSearch('?kind=POEM&stage=x')).toEqual({ kind: null, stage: null, tag: '', archived: false });
    expect(searchFromFilters({ kind: null, stage: null, tag: '', archived: false })).toBe('');
  });

  it("become the API's ItemFilter: null where nothing is chosen", () => {
    expect(apiFilter({ kind: 'STORY', stage: null, tag: '', archived: false })).toEqual({ kinds: ['STORY'], stages: null, tags: null, includeArchived: false });
  });
});

describe('item vocabulary', () => {
  it('knows the kinds and stages of the API', () => {
    expect(isItemKind('GUIDELINE')).toBe(true);
    expect(isItemKind('guideline')).toBe(false);
    expect(isItemKind(null)).toBe(false);
    expect(isSeciStage('INTERNALISATIE')).toBe(true);
    expect(isSeciStage('')).toBe(false);
  });

  it('offers a guideline only to facilitators, and nothing to readers', () => {
    expect(kindsFor('FACILITATOR')).toContain('GUIDELINE');
    expect(kindsFor('MEMBER')).not.toContain('GUIDELINE');
    expect(kindsFor('MEMBER')).toContain('CASE');
    expect(kindsFor('READER')).toEqual([]);
    expect(canEdit('MEMBER')).toBe(true);
    expect(canEdit('READER')).toBe(false);
  });
});
