import type { PrivacyFinding } from './kinds';

/** A finding with an id that stays the same while the text around it changes. */
export interface IdentifiedFinding extends PrivacyFinding {
  id: string;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s.\-()/]+/g, ' ')
    .trim();

/** FNV-1a, 2×32 bits: short, stable, the same in Node and the browser. */
function hash(input: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * kind + normalised text + which occurrence of it: typing elsewhere keeps the
 * id; changing the text of the finding (or removing it) retires the id.
 */
export function findingId(kind: string, text: string, occurrence: number): string {
  return `pf_${hash(`${kind}|${normalise(text)}|${occurrence}`)}`;
}

export function withIds(findings: readonly PrivacyFinding[]): IdentifiedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.kind}|${normalise(f.text)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { ...f, id: findingId(f.kind, f.text, occurrence) };
  });
}
