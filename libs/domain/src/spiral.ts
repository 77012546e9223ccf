import { ItemKind, KIND_LABELS, labelled, SeciStage } from './knowledge';
import { tagKey } from './tags';

/**
 * The tags a guideline made from these sources starts with: those that more
 * than half of the sources share, most shared first (one source: all of its
 * tags). Inheriting every tag of every source buried guidelines under
 * unrelated tags.
 */
export function sharedTags(sourceTags: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, { tag: string; n: number; first: number }>();
  let order = 0;
  for (const tags of sourceTags) {
    for (const tag of new Set(tags.map((t) => tagKey(t)))) {
      const spelled = tags.find((t) => tagKey(t) === tag)!;
      const entry = counts.get(tag) ?? { tag: spelled, n: 0, first: order++ };
      entry.n++;
      counts.set(tag, entry);
    }
  }
  return [...counts.values()]
    .filter((entry) => entry.n * 2 > sourceTags.length)
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .map((entry) => entry.tag);
}

/** Guideline lifecycle (docs/DOMAIN.md, move 4): concept → in uitprobeerfase → vastgesteld. */
export const GUIDELINE_STATUSES = ['CONCEPT', 'IN_UITPROBEERFASE', 'VASTGESTELD'] as const;
export type GuidelineStatus = (typeof GUIDELINE_STATUSES)[number];

export const GUIDELINE_STATUS_LABELS: Readonly<Record<GuidelineStatus, { nl: string; en: string }>> = {
  CONCEPT: { nl: 'Concept', en: 'Draft' },
  IN_UITPROBEERFASE: { nl: 'In uitprobeerfase', en: 'Being tried out' },
  VASTGESTELD: { nl: 'Vastgesteld', en: 'Adopted' },
};

/** Guidelines are "tijdelijk geldig": without a date of their own they are reviewed a year after adoption. */
export const DEFAULT_REVIEW_MONTHS = 12;

export function defaultReviewDate(adoptedAt: Date): Date {
  const date = new Date(adoptedAt);
  date.setUTCMonth(date.getUTCMonth() + DEFAULT_REVIEW_MONTHS);
  return date;
}

/** Klankbord: kinds of response, in the order they are shown ("uitstellen van oordeel": suggestions last). */
export const COMMENT_KINDS = ['QUESTION', 'REACTION', 'SUMMARY', 'SUGGESTION'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const COMMENT_KIND_LABELS: Readonly<Record<CommentKind, { nl: string; en: string }>> = {
  QUESTION: { nl: 'Verdiepende vraag', en: 'Deepening question' },
  REACTION: { nl: 'Reactie', en: 'Reaction' },
  SUMMARY: { nl: 'Samenvatting', en: 'Summary' },
  SUGGESTION: { nl: 'Suggestie', en: 'Suggestion' },
};

/** Sorts comments for display: by kind (questions first, suggestions last), then oldest first. */
export function orderComments<T extends { kind: CommentKind; createdAt: Date }>(comments: readonly T[]): T[] {
  const rank = (kind: CommentKind) => COMMENT_KINDS.indexOf(kind);
  return [...comments].sort((a, b) => rank(a.kind) - rank(b.kind) || a.createdAt.getTime() - b.createdAt.getTime());
}

export const MEETING_KINDS = ['INTERVISIE', 'KLANKBORD', 'REFLECTIE', 'OTHER'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, { nl: string; en: string }>> = {
  INTERVISIE: { nl: 'Intervisie', en: 'Peer consultation' },
  KLANKBORD: { nl: 'Klankbord', en: 'Sounding board' },
  REFLECTIE: { nl: 'Reflectiebijeenkomst', en: 'Reflection meeting' },
  OTHER: { nl: 'Bijeenkomst', en: 'Meeting' },
};

/** Kinds that can be worked up into a guideline (everything but guidelines and reflections on them). */
export const PROMOTABLE_KINDS: readonly ItemKind[] = [
  'STORY',
  'QUESTION',
  'CASE',
  'CONCEPT',
  'TENSION',
  'NOTE',
  'REFLECTION',
];
export const PROMOTE_MAX_SOURCES = 20;

/** Sections whose content is what a guideline needs from a source (the casus, verhaal and reflectie templates). */
const KEY_SECTIONS =
  /^(suggesties|afspraken|aandachtspunten|wat neem je mee\??|wat zou je anders doen\??|wat zou me helpen\??|wat gebeurde er\??)$/i;
const PASSAGE_MAX_CHARS = 600;

/**
 * The key passages of a source, in Markdown: the sections that carry
 * lessons (suggesties, afspraken, aandachtspunten, …) when the source has
 * them, else its opening paragraphs; at most about 600 characters each.
 */
export function keyPassages(markdown: string): string[] {
  const sections = splitSections(markdown);
  const key = sections.filter((s) => s.heading && KEY_SECTIONS.test(s.heading.trim()) && s.body.trim());
  const chosen = key.length
    ? key.map((s) => `${s.heading}: ${s.body.trim()}`)
    : paragraphs(sections.map((s) => s.body).join('\n\n')).slice(0, 2);
  return chosen.map((text) => shorten(text.replace(/\s*\n\s*/g, ' ').trim(), PASSAGE_MAX_CHARS)).filter(Boolean);
}

export interface GuidelineSource {
  id: string;
  kind: ItemKind;
  title: string;
  markdown: string;
}

/**
 * The starting document of a guideline made from sources ("uitwerken tot
 * richtlijn"): a section per source with its title, a link to it and its key
 * passages, and room for what the network agrees on.
 */
export function guidelineDraft(sources: readonly GuidelineSource[]): string {
  const parts = sources.map((source) => {
    const passages = keyPassages(source.markdown).map((p) => `> ${p}`);
    const link = `[${escapeLinkText(labelled(KIND_LABELS[source.kind].nl, source.title))}](/items/${source.id})`;
    return [`## ${escapeHeading(source.title)}`, `Bron: ${link}`, ...passages].join('\n\n');
  });
  return (
    [
      '## Waar gaat deze richtlijn over?',
      'Beschrijf in een paar zinnen de situatie en het doel.',
      ...parts,
      '## Wat spreken we af?',
      'Wat doen we voortaan, en wanneer kijken we terug?',
    ].join('\n\n') + '\n'
  );
}

/**
 * The start of a practice reflection ("uitproberen in de praktijk"): what
 * the writer will try and when they look back, above the reflection's
 * own questions (wat deed je, wat gebeurde er, wat zou je anders doen).
 */
export function applicationDraft(intention: string, lookBackOn: Date | null, reflectionTemplate: string): string {
  const parts = intention.trim() ? ['## Wat ga ik proberen?', escapeParagraph(intention.trim())] : [];
  if (lookBackOn) {
    const date = lookBackOn.toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    parts.push('## Wanneer kijk ik terug?', date);
  }
  return `${parts.join('\n\n')}\n\n${reflectionTemplate}`;
}

/** Plain text as one Markdown paragraph: a leading #, >, - or number does not turn it into a heading, quote or list. */
function escapeParagraph(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^([#>+*-]|\d+[.)])/, '\\$1'))
    .filter(Boolean)
    .join('\n');
}

/** Why a guideline asks for attention. */
export type AttentionCode = 'REVIEW_DATE_PASSED' | 'SOURCE_CHANGED';

export interface AttentionReason {
  code: AttentionCode;
  message: string;
  /** The source that changed. */
  itemId: string | null;
}

export interface GuidelineFacts {
  status: GuidelineStatus;
  reviewDate: Date | null;
  /** When the latest version was adopted; null when none was. */
  adoptedAt: Date | null;
  sources: readonly { id: string; title: string; updatedAt: Date }[];
}

/** A guideline past its review date, or whose source changed after adoption, says so. */
export function guidelineAttention(facts: GuidelineFacts, now: Date): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (facts.reviewDate && facts.reviewDate.getTime() < now.getTime()) {
    reasons.push({
      code: 'REVIEW_DATE_PASSED',
      message: 'De herzieningsdatum is verstreken: tijd om bij te stellen? / The review date has passed',
      itemId: null,
    });
  }
  if (facts.adoptedAt) {
    for (const source of facts.sources) {
      if (source.updatedAt.getTime() > facts.adoptedAt.getTime()) {
        reasons.push({
          code: 'SOURCE_CHANGED',
          message: `Bron "${source.title}" is gewijzigd na het vaststellen / A source changed after adoption`,
          itemId: source.id,
        });
      }
    }
  }
  return reasons;
}

/** Where the spiral may stall, phrased as questions (a mirror, not a score). */
export const SIGNALS = {
  CASES_NOT_COMBINED: {
    days: 60,
    question:
      'Welke casussen wachten al meer dan 60 dagen op een plek in een richtlijn? / Which cases have waited over 60 days for a guideline?',
  },
  GUIDELINES_NOT_TRIED: {
    days: 90,
    question:
      'Welke vastgestelde richtlijnen zijn in 90 dagen niet uitgeprobeerd? / Which adopted guidelines were not tried in 90 days?',
  },
  REFLECTIONS_NOT_DISCUSSED: {
    days: 0,
    question:
      'Welke toepassingsreflecties hebben we nog niet samen besproken? / Which practice reflections have we not discussed together?',
  },
  REVIEW_DATES_PASSED: {
    days: 0,
    question: 'Welke richtlijnen zijn toe aan bijstellen? / Which guidelines are due for review?',
  },
  MISSING_PERSPECTIVES: { days: 0, question: 'Welke stemmen horen we nog niet? / Which voices do we not hear yet?' },
} as const;
export type SignalCode = keyof typeof SIGNALS;

/** A move of knowledge between stages, as the spiral report counts it. */
export interface StageMove {
  from: SeciStage;
  to: SeciStage;
  at: Date;
}

/** Moves per month ("2026-11") and pair of stages, months in order. */
export function movesPerMonth(
  moves: readonly StageMove[],
): { month: string; from: SeciStage; to: SeciStage; count: number }[] {
  const counts = new Map<string, { month: string; from: SeciStage; to: SeciStage; count: number }>();
  for (const move of moves) {
    const month = move.at.toISOString().slice(0, 7);
    const key = `${month}|${move.from}|${move.to}`;
    const entry = counts.get(key) ?? { month, from: move.from, to: move.to, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}

function splitSections(markdown: string): { heading: string | null; body: string }[] {
  const sections: { heading: string | null; body: string }[] = [{ heading: null, body: '' }];
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) sections.push({ heading: heading[1].trim(), body: '' });
    else sections[sections.length - 1].body += `${line}\n`;
  }
  return sections;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !/^[-*_]{3,}$/.test(p));
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max).trimEnd()} …`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

function escapeHeading(text: string): string {
  return text.replace(/^#+\s*/, '').replace(/[\\`*_[\]<>]/g, '\\$&');
}
