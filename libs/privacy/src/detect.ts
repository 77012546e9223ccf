import type { PrivacyFinding, PrivacyKind } from './kinds';
import { findNames, tokenize } from './names';
import {
  findAddresses,
  findAges,
  findBirthdates,
  findBsns,
  findEmails,
  findIbans,
  findIdentifiers,
  findPhones,
  findPostcodes,
} from './patterns';
import { findInstitutions, findLocations, findTowns } from './places';

/** Which finding wins where two overlap: the more specific and the more sensitive first. */
const PRIORITY: readonly PrivacyKind[] = [
  'EMAIL',
  'IBAN',
  'BSN',
  'PHONE',
  'POSTCODE',
  'BIRTHDATE',
  'IDENTIFIER',
  'ADDRESS',
  'INSTITUTION',
  'NAME',
  'AGE',
  'LOCATION',
];

/** The largest text the detector reads at once; longer texts are read up to here (the API limits bodies lower). */
export const MAX_DETECT_CHARS = 2_000_000;

/**
 * Finds personal data in Dutch text (docs/privacy.md): pure, synchronous,
 * about 100 kB in a few milliseconds. Findings are sorted by position and
 * never overlap.
 */
export function detectPersonalData(input: string): PrivacyFinding[] {
  const text = input.length > MAX_DETECT_CHARS ? input.slice(0, MAX_DETECT_CHARS) : input;
  const tokens = tokenize(text);
  const names = findNames(text, tokens);
  const postcodes = findPostcodes(text);
  const addresses = findAddresses(text);
  const all = [
    ...findEmails(text),
    ...findIbans(text),
    ...findBsns(text),
    ...findPhones(text),
    ...postcodes,
    ...findBirthdates(text),
    ...findIdentifiers(text),
    ...addresses,
    ...findInstitutions(text, tokens, names),
    ...names,
    ...findAges(text),
    ...findLocations(text),
    ...findTowns(text, [...postcodes, ...addresses]),
  ];
  return resolveOverlaps(all);
}

function resolveOverlaps(findings: PrivacyFinding[]): PrivacyFinding[] {
  const ranked = [...findings].sort(
    (a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start),
  );
  const kept: PrivacyFinding[] = [];
  const taken = new Uint8Array(Math.max(...findings.map((f) => f.end), 0));
  for (const f of ranked) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
