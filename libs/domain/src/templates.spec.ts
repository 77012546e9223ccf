import { TEMPLATES, templateFor } from './templates';

describe('templates', () => {
  it('gives the casus every section of the intervisie method, in order', () => {
    const headings = [...templateFor('CASE')!.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Situatie',
      'Werkvraag',
      "Dilemma's",
      'Perspectieven',
      'Verdiepende vragen',
      'Aandachtspunten',
      'Suggesties',
      'Afspraken',
    ]);
  });

  it('asks the three reflection questions', () => {
    expect(templateFor('REFLECTION')).toMatch(/Wat deed je\?[\s\S]*Wat gebeurde er\?[\s\S]*Wat zou je anders doen\?/);
  });

  it('has templates for a story and a werkvraag, none for a concept', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(['CASE', 'QUESTION', 'REFLECTION', 'STORY']);
    expect(templateFor('CONCEPT')).toBeNull();
  });
});
