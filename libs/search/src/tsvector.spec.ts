import { packCounts, parseTsvector, unpackCounts } from './tsvector';

describe('tsvector text', () => {
  it('counts positions per weight class, no letter being D', () => {
    const parsed = parseTsvector(`'overleg':1A,4,7C,9C 'team':2B,12`);
    expect(parsed.map((l) => [l.term, unpackCounts(l.counts)])).toEqual([
      ['overleg', [1, 0, 2, 1]],
      ['team', [0, 1, 0, 1]],
    ]);
  });

  it('reads doubled quotes and backslashes inside a lexeme, and lexemes without positions', () => {
    const parsed = parseTsvector(`'d''r':3C 'a\\\\b' 'ç'`);
    expect(parsed.map((l) => [l.term, unpackCounts(l.counts)])).toEqual([
      ["d'r", [0, 0, 1, 0]],
      ['a\\b', [0, 0, 0, 1]],
      ['ç', [0, 0, 0, 1]],
    ]);
  });

  it('clamps each count at 255 and keeps the others apart', () => {
    expect(unpackCounts(packCounts(300, 1, 256, 255))).toEqual([255, 1, 255, 255]);
    expect(parseTsvector('')).toEqual([]);
  });

  it('refuses text that ends inside a lexeme', () => {
    expect(() => parseTsvector(`'team':1 'over`)).toThrow(/inside a lexeme/);
  });
});
