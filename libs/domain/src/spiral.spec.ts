import { labelled } from './knowledge';
import {
  defaultReviewDate,
  guidelineAttention,
  guidelineDraft,
  keyPassages,
  movesPerMonth,
  orderComments,
  sharedTags,
} from './spiral';

describe('keyPassages', () => {
  it('takes the lesson-bearing sections of a casus when it has them', () => {
    const casus =
      '## Situatie\n\nMevrouw woont alleen.\n\n## Suggesties\n\nEerst koffie, dan pas vragen.\n\n## Afspraken\n\nOver twee weken terugkijken.\n';
    expect(keyPassages(casus)).toEqual([
      'Suggesties: Eerst koffie, dan pas vragen.',
      'Afspraken: Over twee weken terugkijken.',
    ]);
  });

  it('takes the opening paragraphs of anything else, shortened at a word', () => {
    const story = `Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.\n\n${'lang '.repeat(200)}`;
    expect(keyPassages(story)).toEqual(['Eerste alinea.', 'Tweede alinea.']);
    const [long] = keyPassages('woord '.repeat(300));
    expect(long.length).toBeLessThanOrEqual(602);
    expect(long.endsWith(' …')).toBe(true);
  });

  it('skips empty template sections', () => {
    expect(keyPassages('## Suggesties\n\n## Situatie\n\nIets.')).toEqual(['Iets.']);
  });
});

describe('guidelineDraft', () => {
  it('writes a section per source with its title, a link and its key passages', () => {
    const draft = guidelineDraft([
      { id: 'a1', kind: 'CASE', title: 'Casus [mevrouw] J', markdown: '## Suggesties\n\nLuisteren.' },
      { id: 'b2', kind: 'STORY', title: '# Koffie', markdown: 'Hij bleef zitten.' },
    ]);
    expect(draft).toContain(
      '## Casus \\[mevrouw\\] J\n\nBron: [Casus \\[mevrouw\\] J](/items/a1)\n\n> Suggesties: Luisteren.',
    );
    expect(draft).toContain('## Koffie\n\nBron: [Verhaal: # Koffie](/items/b2)\n\n> Hij bleef zitten.');
    expect(draft.indexOf('a1')).toBeLessThan(draft.indexOf('b2'));
  });
});

describe('labelled and sharedTags', () => {
  it('puts the kind before a title only once', () => {
    expect(labelled('Casus', 'overbelaste mantelzorger')).toBe('Casus: overbelaste mantelzorger');
    expect(labelled('Casus', 'Casus: overbelaste mantelzorger')).toBe('Casus: overbelaste mantelzorger');
    expect(labelled('Richtlijn', 'richtlijn contact leggen')).toBe('richtlijn contact leggen');
    expect(labelled('Casus', 'Casussen bespreken')).toBe('Casus: Casussen bespreken');
  });

  it('proposes the tags more than half of the sources share', () => {
    expect(
      sharedTags([
        ['mantelzorg', 'ggz', 'wijk'],
        ['Mantelzorg', 'schulden'],
        ['mantelzorg', 'wijk', 'jeugd'],
      ]),
    ).toEqual(['mantelzorg', 'wijk']);
    expect(sharedTags([['a', 'b'], ['c']])).toEqual([]);
    expect(sharedTags([['a', 'b']])).toEqual(['a', 'b']);
    expect(sharedTags([])).toEqual([]);
  });
});

describe('guidelineAttention', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('says when the review date passed and which source changed after adoption', () => {
    const reasons = guidelineAttention(
      {
        status: 'VASTGESTELD',
        reviewDate: new Date('2026-11-01T00:00:00Z'),
        adoptedAt: new Date('2026-10-01T00:00:00Z'),
        sources: [
          { id: 's1', title: 'Oud', updatedAt: new Date('2026-09-01T00:00:00Z') },
          { id: 's2', title: 'Nieuw', updatedAt: new Date('2026-10-02T00:00:00Z') },
        ],
      },
      now,
    );
    expect(reasons.map((r) => [r.code, r.itemId])).toEqual([
      ['REVIEW_DATE_PASSED', null],
      ['SOURCE_CHANGED', 's2'],
    ]);
  });

  it('is quiet for a guideline never adopted with a future review date', () => {
    const facts = {
      status: 'CONCEPT' as const,
      reviewDate: new Date('2027-01-01T00:00:00Z'),
      adoptedAt: null,
      sources: [{ id: 's', title: 't', updatedAt: now }],
    };
    expect(guidelineAttention(facts, now)).toEqual([]);
  });
});

describe('spiral helpers', () => {
  it('puts questions first and suggestions last ("uitstellen van oordeel")', () => {
    const at = (m: number) => new Date(2026, 0, 1, 0, m);
    const ordered = orderComments([
      { kind: 'SUGGESTION' as const, createdAt: at(1) },
      { kind: 'QUESTION' as const, createdAt: at(3) },
      { kind: 'REACTION' as const, createdAt: at(2) },
      { kind: 'QUESTION' as const, createdAt: at(2) },
    ]);
    expect(ordered.map((c) => `${c.kind}@${c.createdAt.getMinutes()}`)).toEqual([
      'QUESTION@2',
      'QUESTION@3',
      'REACTION@2',
      'SUGGESTION@1',
    ]);
  });

  it('counts moves per month and pair of stages', () => {
    const moves = movesPerMonth([
      { from: 'EXTERNALISATIE', to: 'COMBINATIE', at: new Date('2026-10-05T00:00:00Z') },
      { from: 'EXTERNALISATIE', to: 'COMBINATIE', at: new Date('2026-10-20T00:00:00Z') },
      { from: 'COMBINATIE', to: 'INTERNALISATIE', at: new Date('2026-11-01T00:00:00Z') },
    ]);
    expect(moves).toEqual([
      { month: '2026-10', from: 'EXTERNALISATIE', to: 'COMBINATIE', count: 2 },
      { month: '2026-11', from: 'COMBINATIE', to: 'INTERNALISATIE', count: 1 },
    ]);
  });

  it('reviews a year after adoption by default', () => {
    expect(defaultReviewDate(new Date('2026-11-21T10:00:00Z')).toISOString()).toBe('2027-11-21T10:00:00.000Z');
  });
});
