import { CompoundSplitter } from './compounds';
import { asksForDefinition, meaningfulGroups, parseQuery, planWords, QUERY_MAX_CHARS, QueryError } from './query';

const alternatives = (query: string) => parseQuery(query).groups.map((g) => g.alternatives);

describe('parseQuery', () => {
  it('folds case and accents and splits on punctuation', () => {
    expect(planWords(parseQuery('Cliënten, ZORG-mijding '))).toEqual(['clienten', 'zorg', 'mijding']);
  });

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(alternatives('intervisie beg').map((a) => a[0].prefix)).toEqual([false, true]);
    expect(alternatives('intervisie beg ').map((a) => a[0].prefix)).toEqual([false, false]);
  });

  it('allows typos from five letters, as Meilisearch does', () => {
    expect(alternatives('ggz wijk begeleiding ').map((a) => a[0].fuzzy)).toEqual([false, false, true]);
  });

  it('expands a synonym into its whole group, multi-word expressions included', () => {
    const [group] = parseQuery('ggz ').groups;
    expect(group.alternatives.map((a) => a.words.join(' '))).toEqual(['ggz', 'geestelijke gezondheidszorg']);
    const [multi] = parseQuery('sociaal wijkteam ').groups;
    expect(multi.alternatives.map((a) => a.words.join(' '))).toEqual(['wijkteam', 'sociaal wijkteam', 'buurtteam']);
  });

  it('keeps a synonym that is still being typed open as a prefix too', () => {
    const [group] = parseQuery('ggz').groups;
    expect(group.alternatives.some((a) => a.prefix && a.words.join(' ') === 'ggz')).toBe(true);
  });

  it('keeps quoted phrases together, without synonyms, prefixes or typos', () => {
    const groups = parseQuery('"collegiale consultatie" wijk').groups;
    expect(groups[0].alternatives).toEqual([{ words: ['collegiale', 'consultatie'], prefix: false, fuzzy: false }]);
    expect(groups[1].alternatives[0]).toMatchObject({ words: ['wijk'], prefix: true });
  });

  it('treats an unclosed quote as a phrase up to the end', () => {
    expect(parseQuery('"sociaal wijk').groups[0].alternatives[0].words).toEqual(['sociaal', 'wijk']);
  });

  it('gives an empty plan for nothing but spaces and punctuation', () => {
    expect(parseQuery('  ?! ').groups).toEqual([]);
  });

  it('refuses queries over the length limit and with too many words, clearly', () => {
    expect(() => parseQuery('a'.repeat(QUERY_MAX_CHARS + 1))).toThrow(QueryError);
    expect(() => parseQuery('a'.repeat(QUERY_MAX_CHARS))).not.toThrow();
    expect(() => parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toThrow(/hoogstens 32 woorden/);
  });
});

describe('parseQuery: stop words, compounds and extra synonyms', () => {
  it('marks stop and question words, which then neither decide nor rank', () => {
    const plan = parseQuery('hoe ga je om met weerstand ');
    expect(plan.groups.filter((g) => g.stop).map((g) => g.source)).toEqual(['hoe', 'ga', 'je', 'om', 'met']);
    expect(meaningfulGroups(plan).map((g) => g.source)).toEqual(['weerstand']);
  });

  it('keeps every word meaningful when the query has nothing else, and the word being typed too', () => {
    expect(meaningfulGroups(parseQuery('wat is dat ')).map((g) => g.source)).toEqual(['wat', 'is', 'dat']);
    expect(meaningfulGroups(parseQuery('intervisie me')).map((g) => g.source)).toEqual(['intervisie', 'me']);
  });

  it('adds the parts of a compound as words that may stand anywhere', () => {
    const splitter = new CompoundSplitter(new Set(['team', 'overleg']));
    const [group] = parseQuery('teamoverleg ', { splitter }).groups;
    expect(group.alternatives).toEqual([
      { words: ['teamoverleg'], prefix: false, fuzzy: true },
      { words: ['team', 'overleg'], prefix: false, fuzzy: false, loose: true },
    ]);
  });

  it("uses a community's own synonyms beside the built-in list", () => {
    const [group] = parseQuery('vog ', { synonyms: [['VOG', 'verklaring omtrent het gedrag']] }).groups;
    expect(group.alternatives.map((a) => a.words.join(' '))).toEqual(['vog', 'verklaring omtrent het gedrag']);
    expect(parseQuery('vog ').groups[0].alternatives).toHaveLength(1);
  });
});

describe('asksForDefinition', () => {
  it('tells a question after what something is from other questions', () => {
    const asks = (q: string) => asksForDefinition(parseQuery(q));
    expect(
      ['wat is intervisie', 'Wat zijn wmo-werkplaatsen?', 'wat verstaan we onder actieleren', 'definitie van ggz'].map(
        asks,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ['hoe ga je om met weerstand', 'wat doet een facilitator', 'intervisie is', 'watis intervisie'].map(asks),
    ).toEqual([false, false, false, false]);
  });
});
