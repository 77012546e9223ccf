import { isValidBsn, isValidIban } from './checksums';
import type { PrivacyFinding, PrivacyKind } from './kinds';

/**
 * The kinds with a fixed form: numbers with a check digit, e-mail, phone,
 * postcode, street address, and those that need a context word nearby
 * (birth date, age, client or dossier numbers).
 */

const finding = (kind: PrivacyKind, start: number, text: string, confidence: number): PrivacyFinding => ({
  kind,
  start,
  end: start + text.length,
  text,
  confidence,
});

/** The `before` characters ahead of `index`, lower case, for context words. */
const before = (text: string, index: number, length: number) =>
  text.slice(Math.max(0, index - length), index).toLowerCase();

const BSN_CONTEXT =
  /(bsn|burgerservicenummer|burgerservice-nummer|sofinummer|sofi-nummer)[\s:.#-]*(nummer|nr\.?)?[\s:.#-]*$/;

export function findBsns(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const m of text.matchAll(/(?<![\d.,-])(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{8,9})(?![\d]|[.,]\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    const context = BSN_CONTEXT.test(before(text, m.index, 40));
    if (isValidBsn(digits)) out.push(finding('BSN', m.index, m[0], context ? 0.99 : 0.85));
  }
  return out;
}

export function findIbans(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const m of text.matchAll(/\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?\b/g)) {
    // Trailing groups that belong to the next words are trimmed until the check passes.
    let candidate = m[0];
    while (candidate.length >= 15 && !isValidIban(candidate)) {
      const cut = candidate.lastIndexOf(' ');
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
    if (isValidIban(candidate)) out.push(finding('IBAN', m.index, candidate, 0.99));
  }
  return out;
}

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[\p{L}]{2,}/u;

/** Looked for only around an "@": the pattern alone is slow over long texts. */
export function findEmails(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let from = at;
    while (from > 0 && at - from < 64 && /[\p{L}\d._%+-]/u.test(text[from - 1])) from--;
    const m = EMAIL.exec(text.slice(from, at + 256));
    if (!m || m.index !== 0 || (out.length && out[out.length - 1].end > from)) continue;
    out.push(finding('EMAIL', from, m[0], 0.99));
  }
  return out;
}

/**
 * Dutch phone numbers: 0 or +31/0031 (with an optional "(0)"), then nine
 * digits in groups separated by single spaces, dashes or dots.
 */
export function findPhones(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  const starts = /(?<![\w+])(?:\+31|0031|\(0(?=\d{1,3}\))|0(?=[1-9]))/g;
  for (const m of text.matchAll(starts)) {
    let i = m.index + m[0].length;
    let digits = 0;
    let end = i;
    // "+31 (0)6": the (0) is a trunk prefix, not a digit of the number.
    const trunk = /^[ -]?\(0\)[ -]?/.exec(text.slice(i));
    if (m[0] !== '0' && m[0] !== '(0' && trunk) i += trunk[0].length;
    else if (m[0] !== '0' && m[0] !== '(0' && /^[ -]/.test(text.slice(i, i + 1))) i += 1;
    while (i < text.length && digits < 9) {
      const ch = text[i];
      if (ch >= '0' && ch <= '9') {
        digits++;
        i++;
        end = i;
      } else if (
        (ch === ' ' || ch === '-' || ch === '.' || ch === ')') &&
        /\d/.test(text[i + 1] ?? '') &&
        !/[ .)-]/.test(text[i - 1])
      ) {
        i++;
      } else if (ch === ')' && text[i + 1] === ' ' && /\d/.test(text[i + 2] ?? '')) {
        i += 2;
      } else if (ch === ' ' && text[i + 1] === '-' && text[i + 2] === ' ' && /\d/.test(text[i + 3] ?? '')) {
        i += 3;
      } else break;
    }
    if (digits !== 9 || /\d/.test(text[end] ?? '') || /^[.,]\d/.test(text.slice(end, end + 2))) continue;
    const found = text.slice(m.index, end);
    // Dates (01-02-2024) and amounts are not phone numbers: the groups must look like one.
    if (/^\d{2}[-.]\d{2}[-.]\d{4}$/.test(found)) continue;
    if (out.length && out[out.length - 1].end > m.index) continue;
    out.push(finding('PHONE', m.index, found, 0.95));
  }
  return out;
}

export function findPostcodes(text: string): PrivacyFinding[] {
  return [...text.matchAll(/\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b/g)]
    .filter((m) => !/^\d{4} ?(EN|OF|IN|OP|AN|IS|DE|EU|NL|BV|NV)$/.test(m[0]) || /\d{4}[A-Z]{2}/.test(m[0]))
    .map((m) => finding('POSTCODE', m.index, m[0], 0.95));
}

const STREET_SUFFIX =
  'straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|markt|baan|wal|plantsoen|erf|ring|boulevard|allee|haven|straatweg|kanaal|dwarsstraat|veld|akker|hoeve|gaarde|laantje|pleintje|wetering|vaart|burgwal|hage|weide|zoom|brink|lint';
const STREET_WORD = `\\p{Lu}[\\p{Ll}'’-]*(?:${STREET_SUFFIX})`;
/** Words that may stand before the street word: "Burgemeester de Vlugtlaan", "Tweede Jan Steenstraat", "Van Heenvlietlaan". */
const STREET_LEAD = `(?:(?:\\p{Lu}[\\p{Ll}.'’]*|van|de|der|den|het|ten|ter|'t)\\s){0,3}`;
const HOUSE_NUMBER = `\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}])|[-\\s]?(?:hs|bis|huis|I{1,3}|\\d{1,3})(?![\\p{L}\\d]))?`;
const ADDRESS = new RegExp(
  `(?<![\\p{L}])${STREET_LEAD}${STREET_WORD}\\s(?:nr\\.?\\s?|nummer\\s)?${HOUSE_NUMBER}(?![\\d])`,
  'gu',
);
const NOT_STREET =
  /^(?:Amsterdam|Rotterdam|Schiedam|Zaandam|Edam|Volendam|Den|Het|De|In|Op|Bij|Van|Met|Na|Aan|Voor|Sinds|Tot|Om|Per|Tijdens|Dat|Dit|Deze|Die)$/;

const STREET_THEN_NUMBER = new RegExp(`(?:${STREET_SUFFIX})\\s(?:nr\\.?\\s?|nummer\\s)?\\d`, 'g');

export function findAddresses(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  // The full pattern runs only in a window around a street word followed by a number: fast over long texts.
  const matches: { index: number; value: string }[] = [];
  for (const hit of text.matchAll(STREET_THEN_NUMBER)) {
    const from = text.lastIndexOf(' ', Math.max(0, hit.index - 80)) + 1;
    const window = text.slice(from, hit.index + 40);
    for (const m of window.matchAll(ADDRESS)) {
      const index = from + m.index;
      if (index <= hit.index && index + m[0].length > hit.index && !matches.some((x) => x.index === index))
        matches.push({ index, value: m[0] });
    }
  }
  for (const m of matches) {
    let start = m.index;
    let value = m.value;
    // Lead words that only begin the sentence ("Sinds", "Op", "de") are not part of the street.
    for (;;) {
      const first = /^(\S+)\s/.exec(value);
      if (!first || !(NOT_STREET.test(first[1]) || /^(de|het|van|den|der|'t)$/.test(first[1]))) break;
      const sentenceStart = start === 0 || /[.!?:\n]\s*$/.test(text.slice(Math.max(0, start - 3), start));
      if (/^(Van|De|Den|Het)$/.test(first[1]) && !sentenceStart) break;
      start += first[0].length;
      value = value.slice(first[0].length);
    }
    // A year after a street-like word is a date, not a house number ("sinds de Schoolweg 2019").
    const number = /\d+/.exec(value.slice(value.search(/\s\d/)))?.[0] ?? '';
    if (Number(number) >= 1900 && Number(number) <= 2100) continue;
    out.push(finding('ADDRESS', start, value.trimEnd(), 0.9));
  }
  return out;
}

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)?\\d{2}|\\d{1,2}\\s(?:${MONTHS})\\.?\\s(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2})`;
const BIRTH = new RegExp(
  `(geboren|geboortedatum|geb\\.|geb\\s|geboortedag|d\\.o\\.b\\.)[^.\\n]{0,30}?(${DATE})`,
  'giu',
);

const BIRTH_AFTER = new RegExp(`(${DATE})\\s?(?:geboren|\\(geboren\\))`, 'giu');

export function findBirthdates(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const m of text.matchAll(BIRTH_AFTER)) out.push(finding('BIRTHDATE', m.index, m[1], 0.9));
  for (const m of text.matchAll(BIRTH)) {
    const start = m.index + m[0].length - m[2].length;
    out.push(finding('BIRTHDATE', start, m[2], 0.95));
  }
  return out;
}

const ID_CONTEXT =
  /(?:^|[^\p{L}])(cli[eë]ntnummer|clientnummer|dossiernummer|dossiernr|dossier|patiëntnummer|patientnummer|pati[eë]ntnr|registratienummer|agb[- ]?code|agb[- ]?nummer|agb|big[- ]?nummer|big[- ]?registratie|big|zaaknummer|polisnummer|verzekerdennummer|klantnummer|kindnummer|leerlingnummer|onderwijsnummer|cli[eë]ntnr|nummer|nr\.?)[\s:.#-]*(is|van|nummer|nr\.?|code)?[\s:.#-]*$/u;

export function findIdentifiers(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  for (const m of text.matchAll(/(?<![\w.-])(?:[A-Z]{1,3}-?)?\d(?:[\d.-]?\d){6,15}(?![\w-]|[.,]\d)/g)) {
    const context = before(text, m.index, 40);
    if (!ID_CONTEXT.test(context)) continue;
    // Bare "nummer"/"nr" counts only where a person's file is the subject nearby.
    if (
      /(?:^|[^a-z])(nummer|nr\.?)[\s:.#-]*$/.test(context) &&
      !/(cli[eë]nt|dossier|pati[eë]nt|leerling|zaak|polis|klant)/.test(context)
    )
      continue;
    out.push(finding('IDENTIFIER', m.index, m[0], 0.9));
  }
  return out;
}

const PERSON_NOUN =
  /(vrouw|man|jongen|meisje|moeder|vader|zoon|dochter|cli[eë]nte?|pati[eë]nte?|kind|bewoner|bewoonster|jongere|broer|zus|oma|opa|leerling|buurman|buurvrouw|partner|weduwe|weduwnaar|baby|peuter|tiener|puber)\s+(van\s+)?$/i;
const DURATION_AFTER =
  /^\s*(geleden|lang|later|ervaring|werkzaam|in dienst|oud\s+(?:project|systeem)|samen|getrouwd|bekend|bezig|actief|terug)/i;
const NOT_PERSON_JARIG =
  /^\s*(bestaan|jubileum|samenwerking|project|traject|geschiedenis|contract|plan|programma|periode|looptijd|ervaring)/i;

export function findAges(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  // "(82)" or "(82 jaar)" right after a word: the age of who was just named.
  for (const m of text.matchAll(/(?<=\p{L}\s?)\((\d{1,3})(?:\s?(?:jaar|jr\.?))?\)/gu)) {
    if (Number(m[1]) <= 115) out.push(finding('AGE', m.index, m[0], 0.85));
  }
  // "een 16-jarige", "de 82-jarige mevrouw"
  for (const m of text.matchAll(/\b(\d{1,3})[- ]?jarige?\b/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (Number(m[1]) > 115 || NOT_PERSON_JARIG.test(after)) continue;
    out.push(finding('AGE', m.index, m[0], 0.85));
  }
  // "82 jaar oud", "is 82 jaar", "een vrouw van 82 (jaar)", "op 16-jarige leeftijd", "leeftijd van 82 jaar"
  for (const m of text.matchAll(/\b(\d{1,3})\s(jaar|jr\.?)(\soud)?\b/g)) {
    const n = Number(m[1]);
    const prior = before(text, m.index, 40);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 25);
    if (n > 115 || DURATION_AFTER.test(after)) continue;
    const aged =
      Boolean(m[3]) ||
      (/\b(is|wordt|werd|was|inmiddels|nu|pas|bijna|ruim|net|leeftijd van|van)\s+$/.test(prior) &&
        !/\b(al|sinds|na|binnen|over|voor|ruim|per|elke|iedere|afgelopen|laatste|eerste)\s+$/.test(
          prior.replace(/\b(bijna|ruim|pas|net)\s+$/, ''),
        ));
    if (!aged) continue;
    if (/\bvan\s+$/.test(prior) && !PERSON_NOUN.test(prior.replace(/van\s+$/, ''))) continue;
    if (
      /\b(project|traject|contract|team|school|organisatie|netwerk|leernetwerk|gebouw|plan)\b[^.]*$/.test(prior) &&
      !m[3]
    )
      continue;
    out.push(finding('AGE', m.index, m[0], 0.8));
  }
  for (const m of text.matchAll(
    /\b(?:vrouw|man|jongen|meisje|moeder|vader|zoon|dochter|cli[eë]nte?|pati[eë]nte?|kind|bewoner|bewoonster|jongere|weduwe|weduwnaar)\s+van\s+(\d{1,3})\b(?!\s*(?:jaar|jr|%|procent|euro|kilo|kg|uur|minuten|[-.,]\d))/gi,
  )) {
    const start = m.index + m[0].length - m[1].length;
    if (Number(m[1]) <= 115) out.push(finding('AGE', start, m[1], 0.8));
  }
  return out;
}
