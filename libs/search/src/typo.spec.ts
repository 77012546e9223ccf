import fc from 'fast-check';
import { editDistance, isTypoOf, isTypoPrefixOf, typoBudget } from './typo';

describe('typo tolerance', () => {
  it('allows no typo under 5 letters, one from 5, two from 9', () => {
    expect([
      typoBudget('ggz'),
      typoBudget('wijk'),
      typoBudget('casus'),
      typoBudget('intervis'),
      typoBudget('intervisie'),
    ]).toEqual([0, 0, 1, 1, 2]);
  });

  it('counts insertions, deletions, substitutions and adjacent swaps as one edit', () => {
    expect(editDistance('intervisie', 'intervisie')).toBe(0);
    expect(editDistance('intervsie', 'intervisie')).toBe(1);
    expect(editDistance('intervisiee', 'intervisie')).toBe(1);
    expect(editDistance('intervisoe', 'intervisie')).toBe(1);
    expect(editDistance('intervsiie', 'intervisie')).toBe(1);
    expect(editDistance('mantelzroger', 'mantelzorger')).toBe(1);
  });

  it('is a symmetric distance that stops early above its maximum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(editDistance(a, b, 1)).toBe(Math.min(d, 2));
      }),
    );
  });

  it('matches words and half-typed words within the budget only', () => {
    expect(isTypoOf('casus', 'cacus')).toBe(true);
    expect(isTypoOf('gzz', 'ggz')).toBe(false);
    expect(isTypoOf('casus', 'casus')).toBe(false);
    expect(isTypoOf('ervaringsdeskndge', 'ervaringsdeskundige')).toBe(true);
    expect(isTypoPrefixOf('intervsi', 'intervisie')).toBe(true);
    expect(isTypoPrefixOf('interivs', 'intervisies')).toBe(true);
    expect(isTypoPrefixOf('begl', 'begeleiding')).toBe(false);
    expect(isTypoPrefixOf('mantlz', 'begeleiding')).toBe(false);
  });
});
