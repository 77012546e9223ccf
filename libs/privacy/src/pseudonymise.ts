import type { IdentifiedFinding } from './finding-id';
import type { PrivacyKind } from './kinds';
import { PARTICLES } from './lexicon';

/** What each kind becomes; NAME becomes "Persoon A", "Persoon B", … per person. */
const PLACEHOLDERS: Record<Exclude<PrivacyKind, 'NAME'>, string> = {
  BSN: '[BSN]',
  IBAN: '[IBAN]',
  PHONE: '[telefoonnummer]',
  EMAIL: '[e-mailadres]',
  POSTCODE: '[postcode]',
  ADDRESS: '[adres]',
  BIRTHDATE: '[geboortedatum]',
  AGE: '[leeftijd]',
  IDENTIFIER: '[nummer]',
  INSTITUTION: '[instelling]',
  LOCATION: '[plaats]',
};

export interface Replacement {
  findingId: string;
  start: number;
  end: number;
  text: string;
  replacement: string;
}

export interface PseudonymPlan {
  replacements: Replacement[];
  /** person key → label, including those assigned now (store them to stay consistent later). */
  labels: Map<string, string>;
}

const nameWords = (text: string) =>
  text
    .split(/[\s.]+/)
    .filter((w) => w.length > 1 && !PARTICLES.has(w.toLowerCase()))
    .map((w) => w.toLowerCase());

/** Who a name is: its surname (the last word), lower case. */
export function personKey(nameText: string): string {
  const words = nameWords(nameText);
  return words[words.length - 1] ?? nameText.toLowerCase();
}

function label(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Decides the replacements for the chosen findings (all when `chosen` is
 * absent). The same person keeps one letter throughout the item: "Anna
 * Jansen", "mevrouw Jansen" and later "Anna" are all Persoon A; choosing one
 * mention of a person replaces every mention. Letters already in the text or
 * in `existing` are not given to anyone else.
 */
export function planPseudonyms(
  text: string,
  findings: readonly IdentifiedFinding[],
  chosen?: ReadonlySet<string>,
  existing: ReadonlyMap<string, string> = new Map(),
): PseudonymPlan {
  const labels = new Map(existing);
  const used = new Set<string>([
    ...existing.values(),
    ...[...text.matchAll(/Persoon ([A-Z]{1,3})\b/g)].map((m) => `Persoon ${m[1]}`),
  ]);
  let next = 0;
  const fresh = () => {
    while (used.has(`Persoon ${label(next)}`)) next++;
    const value = `Persoon ${label(next)}`;
    used.add(value);
    return value;
  };
  // Group mentions into persons: same surname, or a single word that is part of a longer name.
  const persons: { key: string; words: Set<string> }[] = [];
  const personOf = new Map<string, string>();
  for (const f of findings.filter((x) => x.kind === 'NAME')) {
    const words = nameWords(f.text);
    const key = personKey(f.text);
    let person =
      persons.find((p) => p.key === key) ??
      (words.length === 1 ? persons.find((p) => p.words.has(words[0])) : undefined);
    if (!person) {
      person = { key, words: new Set(words) };
      persons.push(person);
    } else words.forEach((w) => person!.words.add(w));
    personOf.set(f.id, person.key);
  }
  const selectedPersons = new Set(
    findings.filter((f) => f.kind === 'NAME' && (!chosen || chosen.has(f.id))).map((f) => personOf.get(f.id)!),
  );
  const replacements: Replacement[] = [];
  for (const f of findings) {
    if (f.kind === 'NAME') {
      const key = personOf.get(f.id)!;
      if (!selectedPersons.has(key)) continue;
      if (!labels.has(key)) labels.set(key, fresh());
      replacements.push({ findingId: f.id, start: f.start, end: f.end, text: f.text, replacement: labels.get(key)! });
    } else if (!chosen || chosen.has(f.id)) {
      replacements.push({
        findingId: f.id,
        start: f.start,
        end: f.end,
        text: f.text,
        replacement: PLACEHOLDERS[f.kind],
      });
    }
  }
  return { replacements: replacements.sort((a, b) => a.start - b.start), labels };
}

/** The text with the replacements made (they must not overlap). */
export function applyReplacements(
  text: string,
  replacements: readonly Pick<Replacement, 'start' | 'end' | 'replacement'>[],
): string {
  let out = '';
  let at = 0;
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + text.slice(at);
}

/** Which occurrence (from 0, non-overlapping) of `piece` in `text` starts at `start`. */
export function occurrenceAt(text: string, piece: string, start: number): number {
  let count = 0;
  for (let i = text.indexOf(piece); i >= 0 && i < start; i = text.indexOf(piece, i + piece.length)) count++;
  return count;
}
