import fc from 'fast-check';
import { IndexedItem, PassageIndex } from './passage-index';
import { RankFilters, RankQuery, RankRun, topOf } from './passage-ranking';
import { packCounts } from './tsvector';

/** An item of one passage; `body` and `title` are lists of lexemes, each occurrence counted. */
function item(
  itemId: string,
  body: string[],
  options: { title?: string[]; community?: string; kind?: string; stage?: string; tags?: string[]; at?: number } = {},
): IndexedItem {
  const counts = new Map<string, [number, number]>();
  for (const t of options.title ?? []) counts.set(t, [(counts.get(t)?.[0] ?? 0) + 1, counts.get(t)?.[1] ?? 0]);
  for (const t of body) counts.set(t, [counts.get(t)?.[0] ?? 0, (counts.get(t)?.[1] ?? 0) + 1]);
  return {
    itemId,
    communityId: options.community ?? 'c1',
    kind: options.kind ?? 'NOTE',
    stage: options.stage ?? 'EXTERNALISATIE',
    tags: options.tags ?? [],
    updatedAt: options.at ?? 0,
    passages: [
      {
        ordinal: 0,
        len: counts.size,
        lexemes: [...counts].map(([term, [a, c]]) => ({ term, counts: packCounts(a, 0, c, 0) })),
      },
    ],
  };
}

/** A query of single words, each its own group, matched as typed. */
function words(...list: string[]): RankQuery {
  return {
    groups: list.map((w) => ({ alternatives: [{ words: [[{ term: w, prefix: false, factor: 1 }]], check: null }] })),
    bonuses: [],
    checks: 0,
  };
}

const ALL: RankFilters = { readable: ['c1', 'c2'], communities: null, kinds: null, stages: null, tags: null };
const never = () => Promise.reject(new Error('no check expected'));

async function ids(index: PassageIndex, query: RankQuery, filters = ALL, limit = 10): Promise<string[]> {
  return (await new RankRun(index, query, filters, 20).top(0, limit, never)).map((h) => h.itemId);
}

function indexOf(items: IndexedItem[]): PassageIndex {
  const index = new PassageIndex();
  items.forEach((i) => index.put(i));
  return index;
}

const FILLER = ['wijk', 'buurt', 'bewoner', 'gesprek', 'moment', 'afspraak', 'verhaal', 'vraag'];

describe('in-memory ranking', () => {
  it('needs no word, ranks more of the query first, and the rarer word higher', async () => {
    const index = indexOf([
      item('both', ['weerstand', 'team', ...FILLER]),
      item('common', ['team', 'team', ...FILLER]),
      item('rare', ['weerstand', ...FILLER]),
      item('none', FILLER),
      item('team2', ['team', ...FILLER]),
    ]);
    expect(await ids(index, words('weerstand', 'team'))).toEqual(['both', 'rare', 'common', 'team2']);
  });

  it('ranks a title match above the same word in the body, and breaks ties by recency', async () => {
    const index = indexOf([
      item('body-old', ['intervisie', ...FILLER], { at: 1 }),
      item('title', FILLER, { title: ['intervisie'] }),
      item('body-new', ['intervisie', ...FILLER], { at: 2 }),
    ]);
    expect(await ids(index, words('intervisie'))).toEqual(['title', 'body-new', 'body-old']);
  });

  it('never counts or returns what lies outside the readable communities, and counts facets per other filter', async () => {
    const index = indexOf([
      item('a', ['casus'], { community: 'c1', kind: 'CASE', tags: ['ggz'] }),
      item('b', ['casus'], { community: 'c1', kind: 'NOTE', tags: ['ggz', 'wmo'] }),
      item('hidden', ['casus'], { community: 'c3', kind: 'CASE', tags: ['ggz'] }),
    ]);
    const run = new RankRun(index, words('casus'), { ...ALL, kinds: ['CASE'] }, 20);
    expect((await run.top(0, 10, never)).map((h) => h.itemId)).toEqual(['a']);
    expect(run.df).toEqual([2]);
    const kinds = run.facetRows.filter((r) => r[3] && r[5] && r[6]).map((r) => [r[1], r[7]]);
    expect(kinds.sort()).toEqual([
      ['CASE', 1],
      ['NOTE', 1],
    ]);
    expect(run.tagCounts).toEqual([['ggz', 1]]);
  });

  it('checks words in a row on the best candidates only, and drops an item whose check fails', async () => {
    const index = indexOf([
      item('apart', ['wet', ...FILLER, 'ondersteuning']),
      item('inarow', ['wet', 'ondersteuning', ...FILLER]),
      item('abbreviation', ['wmo', ...FILLER]),
    ]);
    const query: RankQuery = {
      groups: [
        {
          alternatives: [
            { words: [[{ term: 'wmo', prefix: false, factor: 1 }]], check: null },
            {
              words: [
                [{ term: 'wet', prefix: false, factor: 0.7 }],
                [{ term: 'ondersteuning', prefix: false, factor: 0.7 }],
              ],
              check: 0,
            },
          ],
        },
      ],
      bonuses: [],
      checks: 1,
    };
    const asked: string[] = [];
    const hits = await new RankRun(index, query, ALL, 20).top(0, 10, async (passages) => {
      asked.push(...passages.map((p) => p.itemId));
      return passages.map((p) => [p.itemId === 'inarow']);
    });
    expect(hits.map((h) => h.itemId)).toEqual(['abbreviation', 'inarow']);
    expect(asked.sort()).toEqual(['abbreviation', 'apart', 'inarow']);
  });

  it('gives the definition bonus only where every group matches and the check holds', async () => {
    const index = indexOf([
      item('mentions', ['actieleren', 'actieleren', ...FILLER]),
      item('defines', ['actieleren', ...FILLER]),
    ]);
    const query: RankQuery = { ...words('actieleren'), bonuses: [{ check: 0, factor: 1.5, needs: 'all' }], checks: 1 };
    const plain = await ids(index, words('actieleren'));
    expect(plain).toEqual(['mentions', 'defines']);
    const hits = await new RankRun(index, query, ALL, 20).top(0, 10, async (passages) =>
      passages.map((p) => [p.itemId === 'defines']),
    );
    expect(hits.map((h) => h.itemId)).toEqual(['defines', 'mentions']);
  });

  it('completes a half word from the terms that start with it', async () => {
    const index = indexOf([item('a', ['overleggen', ...FILLER]), item('b', ['overloop']), item('c', FILLER)]);
    const query: RankQuery = {
      groups: [{ alternatives: [{ words: [[{ term: 'overl', prefix: true, factor: 0.7 }]], check: null }] }],
      bonuses: [],
      checks: 0,
    };
    expect((await ids(index, query)).sort()).toEqual(['a', 'b']);
  });

  it('finds the relatives of a word only a few letters longer, below the word itself', async () => {
    const index = indexOf([
      item('word', ['zorgmijder', ...FILLER]),
      item('relative', ['zorgmijding', ...FILLER]),
      item('compound', ['zorgmijdingsprotocollen', ...FILLER]),
    ]);
    const query: RankQuery = {
      groups: [
        {
          alternatives: [
            {
              words: [
                [
                  { term: 'zorgmijder', prefix: false, factor: 1 },
                  { term: 'zorgmij', prefix: true, factor: 0.5, longer: 7 },
                ],
              ],
              check: null,
            },
          ],
        },
      ],
      bonuses: [],
      checks: 0,
    };
    expect(await ids(index, query)).toEqual(['word', 'relative']);
  });

  it('answers after any mix of replacements and removals exactly as an index built from the end state', async () => {
    const vocabulary = ['team', 'overleg', 'casus', 'wijk', 'ggz', 'mantelzorg'];
    const change = fc.record({
      id: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5'),
      body: fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }),
      remove: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 40 }), async (changes) => {
        const index = new PassageIndex();
        const end = new Map<string, IndexedItem>();
        for (const [n, c] of changes.entries()) {
          if (c.remove) {
            index.remove(c.id);
            end.delete(c.id);
          } else {
            const next = item(c.id, c.body, { at: n });
            index.put(next);
            end.set(c.id, next);
          }
          if (n % 7 === 6) index.compact();
        }
        const fresh = indexOf([...end.values()]);
        for (const w of vocabulary) {
          const a = await new RankRun(index, words(w, 'team'), ALL, 20).top(0, 10, never);
          const b = await new RankRun(fresh, words(w, 'team'), ALL, 20).top(0, 10, never);
          expect(a).toEqual(b);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('drops replaced passages by itself once they pile up, and still answers the same', async () => {
    const index = indexOf([item('other', ['casus', ...FILLER])]);
    for (let n = 0; n < 3_000; n++) index.put(item('edited', ['casus', n % 2 ? 'team' : 'wijk'], { at: n }));
    expect(index.docCount).toBeLessThan(1_100);
    expect(index.generation).toBeGreaterThan(0);
    expect(await ids(index, words('team'))).toEqual(['edited']);
    expect(await ids(index, words('casus'))).toEqual(['edited', 'other']);
  });

  it('picks the first k in order without sorting everything', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.nat(40), (list, k) => {
        const compare = (a: number, b: number) => b - a;
        expect(topOf(list, k, compare)).toEqual([...list].sort(compare).slice(0, k));
      }),
    );
  });
});
