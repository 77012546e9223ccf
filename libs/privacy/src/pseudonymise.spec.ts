import { detectPersonalData } from './detect';
import { findingId, withIds } from './finding-id';
import { applyReplacements, planPseudonyms } from './pseudonymise';

const findingsOf = (text: string) => withIds(detectPersonalData(text));

describe('planPseudonyms', () => {
  it('gives every person one letter throughout the text and placeholders to the rest', () => {
    const text =
      'Anna Jansen belde. Mevrouw Jansen woont op de Kerkstraat 5. Haar zoon Youssef belt 06-12345678. Anna huilde.';
    const plan = planPseudonyms(text, findingsOf(text));
    expect(applyReplacements(text, plan.replacements)).toBe(
      'Persoon A belde. Mevrouw Persoon A woont op de [adres]. Haar zoon Persoon B belt [telefoonnummer]. Persoon A huilde.',
    );
    expect([...plan.labels.entries()]).toEqual([
      ['jansen', 'Persoon A'],
      ['youssef', 'Persoon B'],
    ]);
  });

  it('replaces every mention of a chosen person, and only the chosen findings otherwise', () => {
    const text = 'Mevrouw Jansen belde. Jansen heeft BSN 123457002 en IBAN NL91ABNA0417164300.';
    const findings = findingsOf(text);
    const firstName = findings.find((f) => f.kind === 'NAME')!;
    const plan = planPseudonyms(text, findings, new Set([firstName.id]));
    expect(applyReplacements(text, plan.replacements)).toBe(
      'Mevrouw Persoon A belde. Persoon A heeft BSN 123457002 en IBAN NL91ABNA0417164300.',
    );
  });

  it('keeps letters stored earlier and skips letters already in the text', () => {
    const text = 'Persoon A sprak met Kees de Boer en Fatima.';
    const plan = planPseudonyms(text, findingsOf(text), undefined, new Map([['fatima', 'Persoon C']]));
    expect(applyReplacements(text, plan.replacements)).toBe('Persoon A sprak met Persoon B en Persoon C.');
  });
});

describe('finding ids', () => {
  it('stay the same when text elsewhere changes and differ per occurrence', () => {
    const a = findingsOf('Mevrouw Jansen belde. BSN 123457002.');
    const b = findingsOf('Gisteren belde mevrouw Jansen ons op. Haar BSN is 123457002.');
    expect(b.map((f) => f.id)).toEqual(a.map((f) => f.id));
    expect(findingId('NAME', 'Jansen', 0)).not.toBe(findingId('NAME', 'Jansen', 1));
  });
});
