import {
  BUILT_IN_TEMPLATES,
  builtInTemplateFor,
  TEMPLATE_LIMITS,
  TEMPLATES,
  templateFor,
  validateTemplate,
} from './templates';
import { ValidationError } from './validation';

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

describe('validateTemplate', () => {
  const valid = { kind: 'CASE', name: 'Incidentmethode', description: '', body: '## Het incident\n\nWat gebeurde er?' };

  it('accepts a template with headings and ends its body with one newline', () => {
    expect(validateTemplate(valid)).toEqual({ ...valid, body: '## Het incident\n\nWat gebeurde er?\n' });
  });

  it('refuses a name of only invisible characters, a missing heading, a guideline kind and oversized input', () => {
    expect(() => validateTemplate({ ...valid, name: '\u200b\u200b' })).toThrow(ValidationError);
    expect(() => validateTemplate({ ...valid, name: '   ' })).toThrow(/naam/);
    expect(() => validateTemplate({ ...valid, body: 'Alleen tekst' })).toThrow(/koppen/);
    expect(() => validateTemplate({ ...valid, kind: 'GUIDELINE' })).toThrow(ValidationError);
    expect(() => validateTemplate({ ...valid, body: `## Kop\n\n${'x'.repeat(TEMPLATE_LIMITS.bodyMaxChars)}` })).toThrow(
      ValidationError,
    );
    expect(() => validateTemplate({ ...valid, name: 'x'.repeat(TEMPLATE_LIMITS.nameMax + 1) })).toThrow(
      ValidationError,
    );
  });

  it('offers every kind template and three intervisie methods as built-ins, with unique ids', () => {
    const ids = BUILT_IN_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(BUILT_IN_TEMPLATES.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'Casus',
        'Verhaal',
        'Werkvraag',
        'Toepassingsreflectie',
        'Incidentmethode',
        'Roddelmethode',
      ]),
    );
    expect(builtInTemplateFor('CASE')?.body).toBe(templateFor('CASE'));
  });
});
