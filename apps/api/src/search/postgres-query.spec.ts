import { boundableLexemes } from './postgres-query';

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
