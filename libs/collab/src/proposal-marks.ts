/**
 * Proposals (voorstellen): suggested insertions and deletions kept in the
 * document as marks, apart from the klankbord's SUGGESTION comments
 * (docs/decisions/proposals.md). An inserted run carries a `proposalInsert`
 * mark, text proposed for deletion a `proposalDelete` mark, both with
 * `{ id, authorId, authorName, createdAt }`. The insert and delete parts of
 * one replacement share an id and are decided together.
 *
 * "Without open proposals" is the text as if every proposal were rejected:
 * inserts left out, deletions kept as text. Search, Markdown export and the
 * text of an adopted version read that (ydoc-body.ts).
 */
import { appendInline, type PMMark, type PMNode } from './prosemirror';

export const PROPOSAL_INSERT = 'proposalInsert';
export const PROPOSAL_DELETE = 'proposalDelete';
const PROPOSAL_MARKS: readonly string[] = [PROPOSAL_INSERT, PROPOSAL_DELETE];

/** Longest id, author id, name or timestamp a proposal mark may carry. */
const MAX_ATTR_LENGTH = 200;

export interface ProposalAttrs {
  id: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export interface Proposal extends ProposalAttrs {
  /** Proposed new text (empty when only a deletion). */
  inserted: string;
  /** Text proposed for deletion (empty when only an insertion). */
  deleted: string;
}

export type ProposalDecision = 'accept' | 'reject';

export function isProposalMark(type: string): boolean {
  return PROPOSAL_MARKS.includes(type);
}

/** The document as if every open proposal were rejected: inserts left out, deletions kept as text. */
export function withoutProposals(node: PMNode): PMNode {
  if (!node.content) return node;
  const content: PMNode[] = [];
  for (const child of node.content) {
    const marks = child.marks ?? [];
    if (marks.some((mark) => mark.type === PROPOSAL_INSERT)) continue;
    const kept = marks.filter((mark) => !isProposalMark(mark.type));
    const plain: PMNode =
      kept.length === marks.length ? child : kept.length ? { ...child, marks: kept } : withoutMarks(child);
    appendInline(content, withoutProposals(plain));
  }
  const result: PMNode = { ...node };
  if (content.length) result.content = content;
  else delete result.content;
  return result;
}

function withoutMarks(node: PMNode): PMNode {
  const copy = { ...node };
  delete copy.marks;
  return copy;
}

/** Every open proposal in the document, in reading order. */
export function listProposals(doc: PMNode): Proposal[] {
  const byId = new Map<string, Proposal>();
  visitInline(doc, (node) => {
    for (const mark of node.marks ?? []) {
      if (!isProposalMark(mark.type)) continue;
      const attrs = proposalAttrs(mark);
      if (!attrs) continue;
      let proposal = byId.get(attrs.id);
      if (!proposal) byId.set(attrs.id, (proposal = { ...attrs, inserted: '', deleted: '' }));
      if (mark.type === PROPOSAL_INSERT) proposal.inserted += inlineText(node);
      else proposal.deleted += inlineText(node);
    }
  });
  return [...byId.values()];
}

/** The attrs of a proposal mark, or null when they are not all short strings. */
export function proposalAttrs(mark: PMMark): ProposalAttrs | null {
  const attrs = mark.attrs ?? {};
  const fields = ['id', 'authorId', 'authorName', 'createdAt'] as const;
  for (const field of fields) {
    const value = attrs[field];
    if (typeof value !== 'string' || value === '' || value.length > MAX_ATTR_LENGTH) return null;
  }
  return {
    id: attrs.id as string,
    authorId: attrs.authorId as string,
    authorName: attrs.authorName as string,
    createdAt: attrs.createdAt as string,
  };
}

/** Who makes a change, as the server knows them from the connection. */
export interface ProposalAuthor {
  id: string;
  name: string;
}

/**
 * Why a change from `author` must be refused, or null when it may stand.
 * Every proposal mark the change adds must carry the author (id and name)
 * and well-formed attrs. With `onlyProposals` (a connection in SUGGEST
 * mode), the change must also leave the document without proposals as it
 * was, and leave other people's proposals as they were.
 */
export function proposalViolation(
  before: PMNode,
  after: PMNode,
  author: ProposalAuthor,
  onlyProposals: boolean,
): string | null {
  const groupsBefore = proposalGroups(before);
  const groupsAfter = proposalGroups(after);
  for (const [key, group] of groupsAfter) {
    if (groupsBefore.has(key)) continue;
    if (!group.attrs) return 'a proposal mark without valid attributes';
    if (group.attrs.authorId !== author.id || group.attrs.authorName !== author.name)
      return 'a proposal mark claiming another author';
  }
  if (!onlyProposals) return null;
  if (canonical(withoutProposals(before)) !== canonical(withoutProposals(after))) return 'changes outside proposals';
  return othersProposalsChanged(skeleton(before, author.id), skeleton(after, author.id));
}

/** A character of the text others see (own proposed inserts left out), with who proposes what on it. */
interface Cell {
  char: string;
  /** Canonical attrs of another person's insert mark, 'own', or '' for none. */
  insert: string;
}

function skeleton(doc: PMNode, authorId: string): Cell[] {
  const cells: Cell[] = [];
  const label = (mark: PMMark | undefined) =>
    !mark ? '' : proposalAttrs(mark)?.authorId === authorId ? 'own' : canonical(mark.attrs ?? {});
  visitAllInline(doc, (node) => {
    const marks = node.marks ?? [];
    const insert = label(marks.find((mark) => mark.type === PROPOSAL_INSERT));
    if (insert === 'own') return;
    for (const char of inlineText(node)) cells.push({ char, insert });
  });
  return cells;
}

/**
 * Another person's proposed insert may not be removed (its text stays and
 * stays proposed). Proposed deletions are marks only, and marks are where
 * Yjs resolves concurrent formatting per character: two people who mark
 * overlapping text at once can cut into each other's marks without meaning
 * to, so who carries a deletion mark is not checked (decision record).
 */
function othersProposalsChanged(before: Cell[], after: Cell[]): string | null {
  const changed = 'changes another person’s proposal';
  if (before.length !== after.length) return changed;
  for (let i = 0; i < before.length; i++) {
    const [was, is] = [before[i], after[i]];
    if (was.char !== is.char) return changed;
    if (was.insert !== '' && was.insert !== 'own' && is.insert === '') return changed;
  }
  return null;
}

interface Group {
  attrs: ProposalAttrs | null;
}

/** Proposal marks by kind and exact attrs. */
function proposalGroups(doc: PMNode): Map<string, Group> {
  const groups = new Map<string, Group>();
  visitInline(doc, (node) => {
    for (const mark of node.marks ?? []) {
      if (!isProposalMark(mark.type)) continue;
      const key = `${mark.type}\u0000${canonical(mark.attrs ?? {})}`;
      groups.set(key, groups.get(key) ?? { attrs: proposalAttrs(mark) });
    }
  });
  return groups;
}

/** JSON with object keys sorted, so equal trees give equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Every inline node, with or without marks, in reading order (blocks end with a newline). */
function visitAllInline(node: PMNode, visit: (inline: PMNode) => void): void {
  for (const child of node.content ?? []) {
    if (child.type === 'text' || !child.content) visit(child);
    else {
      visitAllInline(child, visit);
      visit({ type: 'text', text: '\n' });
    }
  }
}

function visitInline(node: PMNode, visit: (inline: PMNode) => void): void {
  for (const child of node.content ?? []) {
    if (child.marks?.length) visit(child);
    visitInline(child, visit);
  }
}

/** A non-text inline node (a hard break, a mention) counts as one object character. */
function inlineText(node: PMNode): string {
  return node.type === 'text' ? (node.text ?? '') : '\ufffc';
}
