/**
 * `npm run eval:privacy`: precision and recall per kind of the Dutch
 * personal-data detector (@spiraal/privacy) beside a plain-regex baseline, on
 * the project's own annotated sentences (test/eval/privacy/*.txt), plus the
 * time the detector takes over a 100 kB write-up. See docs/privacy.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { detectPersonalData, PRIVACY_KINDS, type PrivacyKind } from '@spiraal/privacy';

interface Span {
  kind: PrivacyKind;
  start: number;
  end: number;
  text?: string;
}
interface Sentence {
  file: string;
  text: string;
  gold: Span[];
}

/** "Mevrouw {{NAME|Jansen}} …" → the plain sentence and its gold spans. */
export function parseLine(line: string): { text: string; gold: Span[] } {
  const gold: Span[] = [];
  let text = '';
  let at = 0;
  for (const m of line.matchAll(/\{\{([A-Z]+)\|([^}]*)\}\}/g)) {
    text += line.slice(at, m.index);
    if (!(PRIVACY_KINDS as readonly string[]).includes(m[1])) throw new Error(`Unknown kind ${m[1]} in: ${line}`);
    gold.push({ kind: m[1] as PrivacyKind, start: text.length, end: text.length + m[2].length, text: m[2] });
    text += m[2];
    at = m.index + m[0].length;
  }
  return { text: text + line.slice(at), gold };
}

function loadSentences(dir: string): Sentence[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('#'))
        .map((line) => ({ file, ...parseLine(line) })),
    );
}

/** The naive detector a first attempt would be: one regular expression per kind, no checks, no context. */
const BASELINE: Partial<Record<PrivacyKind, RegExp>> = {
  BSN: /\b\d{9}\b/g,
  IBAN: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b/g,
  PHONE: /(?:\+31|0)[\d -]{8,12}\d/g,
  EMAIL: /\S+@\S+\.\w+/g,
  POSTCODE: /\b\d{4} ?[A-Z]{2}\b/g,
  ADDRESS: /\b[A-Z][a-z]+(?:straat|laan|weg|plein|gracht|kade|singel) \d+\w*/g,
  BIRTHDATE: /\b\d{1,2}[-/]\d{1,2}[-/]\d{4}\b/g,
  NAME: /(?<=[a-z,] )[A-Z][a-z]+(?: [A-Z][a-z]+)?/g,
  AGE: /\b\d{1,3} jaar\b|\(\d{1,3}\)|\b\d{1,3}-jarige?\b/g,
  IDENTIFIER: /\b\d{7,}\b/g,
};

function baseline(text: string): Span[] {
  return Object.entries(BASELINE).flatMap(([kind, re]) =>
    [...text.matchAll(re!)].map((m) => ({ kind: kind as PrivacyKind, start: m.index, end: m.index + m[0].length })),
  );
}

const overlaps = (a: Span, b: Span) => a.kind === b.kind && a.start < b.end && b.start < a.end;

interface Counts {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

function score(
  sentences: Sentence[],
  detect: (text: string) => Span[],
  misses?: string[],
): Map<PrivacyKind | 'ALL', Counts> {
  const counts = new Map<PrivacyKind | 'ALL', Counts>();
  const bump = (kind: PrivacyKind, key: keyof Counts) => {
    for (const k of [kind, 'ALL'] as const) {
      const c = counts.get(k) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
      c[key]++;
      counts.set(k, c);
    }
  };
  for (const s of sentences) {
    const predicted = detect(s.text);
    for (const g of s.gold) {
      bump(g.kind, 'gold');
      if (predicted.some((p) => overlaps(p, g))) bump(g.kind, 'found');
      else misses?.push(`miss ${g.kind} "${g.text}" in: ${s.text}`);
    }
    for (const p of predicted) {
      bump(p.kind, 'predicted');
      if (s.gold.some((g) => overlaps(p, g))) bump(p.kind, 'correct');
      else misses?.push(`false ${p.kind} "${s.text.slice(p.start, p.end)}" in: ${s.text}`);
    }
  }
  return counts;
}

const ratio = (a: number, b: number) => (b === 0 ? '   —' : (a / b).toFixed(2));

/** Median milliseconds of the detector over a 100 kB write-up made of the sentences. */
function timing(sentences: Sentence[]): { bytes: number; medianMs: number; maxMs: number; cpuMs: number } {
  let doc = '';
  for (let i = 0; doc.length < 100_000; i++) doc += sentences[i % sentences.length].text + (i % 5 === 4 ? '\n\n' : ' ');
  doc = doc.slice(0, 100_000);
  for (let i = 0; i < 3; i++) detectPersonalData(doc);
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    detectPersonalData(doc);
    const c = process.cpuUsage(c0);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((c.user + c.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    bytes: Buffer.byteLength(doc),
    medianMs: runs[Math.floor(runs.length / 2)],
    maxMs: runs[runs.length - 1],
    cpuMs: cpu[Math.floor(cpu.length / 2)],
  };
}

function table(title: string, sentences: Sentence[], misses: string[]): void {
  const ours = score(sentences, detectPersonalData, misses);
  const naive = score(sentences, baseline);
  const withGold = sentences.filter((s) => s.gold.length).length;
  console.log(
    `${title}: ${sentences.length} sentences (${withGold} with personal data, ${sentences.length - withGold} without), overlap match per kind\n`,
  );
  console.log('kind          gold | detector  P     R    | regex baseline  P     R');
  console.log('------------- ---- | ---------------------- | ---------------------------');
  for (const kind of [...PRIVACY_KINDS, 'ALL'] as const) {
    const a = ours.get(kind) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
    const b = naive.get(kind) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
    console.log(
      `${kind.padEnd(13)} ${String(a.gold).padStart(4)} | ${String(a.predicted).padStart(4)} found  ${ratio(a.correct, a.predicted)}  ${ratio(a.found, a.gold)} | ${String(b.predicted).padStart(4)} found      ${ratio(b.correct, b.predicted)}  ${ratio(b.found, b.gold)}`,
    );
  }
}

function main(): void {
  const sentences = loadSentences(__dirname);
  const holdout = loadSentences(join(__dirname, 'holdout'));
  const misses: string[] = [];
  table('Privacy detector, development set', sentences, misses);
  console.log('');
  const held: string[] = [];
  table('Held-out set (never tuned on)', holdout, held);
  console.log('');
  table('Both sets together', [...sentences, ...holdout], []);
  const t = timing(sentences);
  const load = loadavg()[0].toFixed(1);
  console.log(
    `\nDetector over a ${(t.bytes / 1000).toFixed(0)} kB write-up (target < 50 ms), 15 runs: median ${t.medianMs.toFixed(1)} ms wall, slowest ${t.maxMs.toFixed(1)} ms; median CPU time ${t.cpuMs.toFixed(1)} ms (load average ${load} on ${cpus().length} cores: wall time grows with the load)`,
  );
  if (process.argv.includes('--verbose'))
    console.log('\n' + [...misses, ...held.map((m) => `held-out ${m}`)].join('\n'));
}

main();
