import { describe, expect, it } from 'vitest';
import { activeFilters, addressFor, addressForQuery, isChosen, searchFromAddress, searchInput, SEARCH_PATH, toggleFilter, withoutFilters } from './search-address';

describe('search address', () => {
  it('reads the query and every facet, several values each, from the address', () => {
    const state = searchFromAddress('?q=ouderen&stage=COMBINATIE&stage=SOCIALISATIE&kind=CASE&tag=zorg&community=c1');
    expect(state).toEqual({ q: 'ouderen', stages: ['COMBINATIE', 'SOCIALISATIE'], kinds: ['CASE'], tags: ['zorg'], communities: ['c1'] });
  });

  it('drops unknown stages and kinds, blanks and repeats', () => {
    const state = searchFromAddress('?stage=NONSENSE&kind=case&tag=%20zorg%20&tag=zorg&tag=');
    expect(state).toEqual({ q: '', stages: [], kinds: [], tags: ['zorg'], communities: [] });
  });

  it('writes an address that reads back to the same state', () => {
    const state = { q: 'wijk team', stages: ['INTERNALISATIE' as const], kinds: ['STORY' as const, 'CASE' as const], tags: ['a&b'], communities: ['c2'] };
    const address = addressFor(state);
    expect(address.startsWith(`${SEARCH_PATH}?`)).toBe(true);
    expect(searchFromAddress(address.slice(SEARCH_PATH.length))).toEqual(state);
  });

  it('leaves an empty search at the bare path', () => {
    expect(addressForQuery('  ')).toBe(SEARCH_PATH);
    expect(addressForQuery('casus')).toBe(`${SEARCH_PATH}?q=casus`);
  });

  it("builds the API's SearchInput without empty filters", () => {
    const state = searchFromAddress('?q=%20zorg%20&kind=CASE');
    expect(searchInput(state, { limit: 20 })).toEqual({ query: 'zorg', kinds: ['CASE'], limit: 20 });
    expect(searchInput(state, { limit: 20, offset: 40 })).toEqual({ query: 'zorg', kinds: ['CASE'], limit: 20, offset: 40 });
  });

  it('toggles a filter on and off and lists the active ones in facet order', () => {
    const empty = searchFromAddress('?q=x');
    const one = toggleFilter(empty, 'tag', 'zorg');
    const two = toggleFilter(one, 'stage', 'COMBINATIE');
    expect(isChosen(two, 'tag', 'zorg')).toBe(true);
    expect(activeFilters(two)).toEqual([
      { facet: 'stage', value: 'COMBINATIE' },
      { facet: 'tag', value: 'zorg' },
    ]);
    expect(isChosen(toggleFilter(two, 'tag', 'zorg'), 'tag', 'zorg')).toBe(false);
    expect(withoutFilters(two)).toEqual(empty);
  });
});
