import type { PrivacyFinding } from './kinds';
import { INSTITUTION_NOUNS } from './lexicon';
import type { Token } from './names';

/**
 * The soft kinds (shown, never gating on their own): a named school,
 * practice or care organisation, and a place someone lives or comes from,
 * both only in a sentence about a person.
 */

const PERSON_IN_SENTENCE =
  /\b(mevrouw|meneer|mw|dhr|hij|zij|ze|haar|zijn|hem|cli[eë]nte?|pati[eë]nte?|bewoner|bewoonster|leerling|zoon|dochter|moeder|vader|kind|jongere|gezin|familie|oma|opa)\b/i;
const NAME_WORD = `\\p{Lu}[\\p{Ll}'’-]+`;
const NAME_RUN = `(?:(?:De|Het|de|het|'t|van|der)\\s)?${NAME_WORD}(?:\\s(?:${NAME_WORD}|de|van|der|den|het))*?(?:\\s${NAME_WORD})?`;
const NOUNS = [...INSTITUTION_NOUNS].join('|');
const INSTITUTION_SUFFIXES = new Set([
  'Ziekenhuis',
  'College',
  'Lyceum',
  'Zorggroep',
  'Zorg',
  'Praktijk',
  'Kliniek',
  'Gymnasium',
  'Academie',
  'Basisschool',
]);
const INSTITUTION = new RegExp(
  `(?<![\\p{L}])(?:${NOUNS})\\s(${NAME_RUN})(?![\\p{L}])|(?<![\\p{L}])(${NAME_WORD}(?:\\s${NAME_WORD})?)\\s(?:Ziekenhuis|College|Lyceum|Zorggroep|Zorg|Praktijk|Kliniek|Gymnasium|Academie|Basisschool)(?![\\p{L}])`,
  'gu',
);

function sentenceAround(text: string, index: number): string {
  const from = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index), 0);
  const dot = text.slice(index).search(/[.!?\n]/);
  return text.slice(from, dot < 0 ? text.length : index + dot);
}

/** Matches of INSTITUTION, looked for only around an institution word (the pattern alone is slow over long texts). */
function* institutionMatches(text: string, tokens: readonly Token[]): Generator<{ index: number; 0: string }> {
  let after = 0;
  for (const t of tokens) {
    if (t.start < after || !(INSTITUTION_NOUNS.has(t.lower) || INSTITUTION_SUFFIXES.has(t.text))) continue;
    const from = text.lastIndexOf(' ', Math.max(0, t.start - 40)) + 1;
    for (const m of text.slice(from, t.end + 80).matchAll(INSTITUTION)) {
      const index = from + m.index;
      if (index <= t.start && index + m[0].length >= t.end) {
        after = index + m[0].length;
        yield { index, 0: m[0] };
        break;
      }
    }
  }
}

export function findInstitutions(
  text: string,
  tokens: readonly Token[],
  names: readonly PrivacyFinding[],
): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const m of institutionMatches(text, tokens)) {
    const sentence = sentenceAround(text, m.index);
    const aboutPerson = PERSON_IN_SENTENCE.test(sentence) || names.some((n) => Math.abs(n.start - m.index) < 200);
    if (!aboutPerson) continue;
    const start = m.index;
    const value = m[0];
    out.push({ kind: 'INSTITUTION', start, end: start + value.length, text: value, confidence: 0.5 });
  }
  return out;
}

const COUNTRIES =
  /^(Nederland|België|Belgie|Duitsland|Frankrijk|Marokko|Turkije|Suriname|Syrië|Syrie|Eritrea|Somalië|Polen|Ghana|China|Vietnam|Indonesië|Europa|Afrika|Azië|Curaçao|Aruba|Spanje|Italië|Engeland|Oekraïne|Afghanistan|Irak|Iran)$/;
const LOCATION = new RegExp(
  `\\b(?:(?:woont|woonde|wonen|woonachtig|verhuisd|verhuist|verhuisde|opgegroeid|geboren|afkomstig)\\s(?:[\\p{Ll}]+\\s){0,3}?(?:in|te|naar|uit|de wijk|het dorp)|(?:komt|kwam|komen) uit|wijk|buurt|dorp|stadsdeel)\\s?((?:Den\\s|De\\s|Het\\s|'s-)?${NAME_WORD}(?:[- ]${NAME_WORD})?)`,
  'gu',
);

/** The town after a postcode or a street address ("1063 BJ Amsterdam", "Kerkstraat 12a in Zwolle"). */
const AFTER_ADDRESS = new RegExp(`^,?\\s(?:in\\s|te\\s)?((?:Den\\s|De\\s|'s-)?${NAME_WORD}(?:[- ]${NAME_WORD})?)`, 'u');

export function findTowns(text: string, addresses: readonly PrivacyFinding[]): PrivacyFinding[] {
  return addresses.flatMap((a) => {
    const m = AFTER_ADDRESS.exec(text.slice(a.end, a.end + 60));
    if (!m || COUNTRIES.test(m[1])) return [];
    const start = a.end + m[0].length - m[1].length;
    return [{ kind: 'LOCATION' as const, start, end: start + m[1].length, text: m[1], confidence: 0.5 }];
  });
}

export function findLocations(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const m of text.matchAll(LOCATION)) {
    const place = m[1];
    if (COUNTRIES.test(place)) continue;
    const start = m.index + m[0].length - place.length;
    out.push({ kind: 'LOCATION', start, end: start + place.length, text: place, confidence: 0.5 });
  }
  return out;
}
