import { parseQuery, planWords } from '@spiraal/search';
import { boundableLexemes, buildQueries } from './postgres-query';

describe('boundableLexemes', () => {
  it('gathers the lexemes of plain OR queries into one OR query', () => {
    expect(boundableLexemes(["('teams' | 'team')", "('teams' | 'team')", "'teams'"])).toBe("'teams' | 'team'");
    // An AND inside an OR still ranks per lexeme, so the group stays bounded.
    expect(boundableLexemes(["(('wandelgroep') | (('wandel') & ('groep')))", "('wandelgroep')", "'wandelgroep'"])).toBe(
      "'wandelgroep' | 'wandel' | 'groep'",
    );
    expect(boundableLexemes(["'it\\'s'"])).toBe("'it\\'s'");
  });

  it('gives no bound for a half word or an AND or phrase at the top', () => {
    expect(boundableLexemes(["('overl' | 'overl':*)"])).toBeNull();
    expect(boundableLexemes(["(('overleg') <-> ('team'))"])).toBeNull();
    expect(boundableLexemes(["('a' | 'b')", "(('a') & ('b'))"])).toBeNull();
    // Operators inside a quoted lexeme are text, not operators.
    expect(boundableLexemes(["'a&b'"])).toBe("'a&b'");
  });
});

describe('buildQueries for the in-memory ranking', () => {
  const info = (simple: string, stem: string) => ({ simple, stem, known: true, near: [], completions: [] });

  it('counts the word as typed over its stem over its relatives, and checks a definition question', () => {
    const plan = parseQuery('wat zijn zorgmijders ');
    const built = buildQueries(plan, new Map([['zorgmijders', info('zorgmijders', 'zorgmijder')]]));
    expect(built.rank.groups).toHaveLength(1);
    expect(built.rank.groups[0].alternatives[0].words[0]).toEqual(
      expect.arrayContaining([
        { term: 'zorgmijders', prefix: false, factor: 1 },
        { term: 'zorgmijder', prefix: false, factor: 0.9 },
        { term: 'zorgmij', prefix: true, factor: 0.5, longer: 7 },
      ]),
    );
    expect(built.rank.bonuses).toEqual([{ check: 0, factor: 1.5, needs: 'all' }]);
    expect(built.checks[0]).toContain("<-> ('is' | 'zijn'");
  });

  it('checks neighbouring words side by side, and a multi-word synonym in a row', () => {
    const plan = parseQuery('wmo werkplaats ');
    const words = planWords(plan);
    const built = buildQueries(plan, new Map(words.map((w) => [w, info(w, w)])));
    const alternatives = built.rank.groups[0].alternatives;
    expect(alternatives.filter((a) => a.words.length > 1).every((a) => a.check !== null)).toBe(true);
    expect(built.rank.bonuses.map((b) => b.needs)).toEqual(['neighbours']);
    expect(built.checks).toHaveLength(alternatives.filter((a) => a.check !== null).length + 1);
  });
});
