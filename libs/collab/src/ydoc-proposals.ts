/**
 * Proposals on the live Y.Doc: deciding them in place, and checking a
 * client's update against the proposal rules before it is applied
 * (docs/decisions/proposals.md). The rules themselves are in proposal-marks.ts.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from './prosemirror';
import {
  isProposalMark,
  listProposals,
  PROPOSAL_INSERT,
  proposalViolation,
  type Proposal,
  type ProposalAuthor,
  type ProposalDecision,
} from './proposal-marks';
import { readBlocks, readBody } from './ydoc-body';

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

function textNodes(parent: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) textNodes(child, out);
  }
  return out;
}

/** The proposal mark names in a Y.XmlText attribute set (y-prosemirror may hash overlapping names). */
function proposalKeys(attributes: Record<string, unknown>): { key: string; type: string; id: string | null }[] {
  const keys: { key: string; type: string; id: string | null }[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    const type = /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key;
    if (!isProposalMark(type)) continue;
    const id = typeof value === 'object' ? (value as Record<string, unknown>).id : null;
    keys.push({ key, type, id: typeof id === 'string' ? id : null });
  }
  return keys;
}

/**
 * Accepts or rejects proposals on the live document, in one transaction with
 * `origin`, editing only the proposed runs so that edits others make at the
 * same time survive. `ids` null decides every open proposal. Accepting an
 * insert drops its mark, accepting a deletion removes its text; rejecting does
 * the opposite. Returns the proposals decided (as they were before).
 */
export function decideProposals(
  doc: Y.Doc,
  ids: ReadonlySet<string> | null,
  decision: ProposalDecision,
  origin: unknown,
): Proposal[] {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  const decided = listProposals(readBody(fragment)).filter((p) => ids === null || ids.has(p.id));
  if (!decided.length) return [];
  const chosen = new Set(decided.map((p) => p.id));
  doc.transact(() => {
    for (const node of textNodes(fragment)) {
      const edits: { index: number; length: number; remove: boolean; unformat: string[] }[] = [];
      let index = 0;
      for (const op of node.toDelta() as DeltaOp[]) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1;
        const keys = proposalKeys(op.attributes ?? {}).filter((k) => k.id !== null && chosen.has(k.id));
        if (keys.length) {
          const gone = keys.some((k) => (k.type === PROPOSAL_INSERT) === (decision === 'reject'));
          edits.push({ index, length, remove: gone, unformat: keys.map((k) => k.key) });
        }
        index += length;
      }
      for (const edit of edits.reverse()) {
        if (edit.remove) node.delete(edit.index, edit.length);
        else node.format(edit.index, edit.length, Object.fromEntries(edit.unformat.map((key) => [key, null])));
      }
    }
  }, origin);
  return decided;
}

/** Every open proposal in the live document. */
export function proposalsIn(doc: Y.Doc): Proposal[] {
  return listProposals(readBody(doc.getXmlFragment(BODY_FRAGMENT)));
}

const PROPOSAL_BYTES = new TextEncoder().encode('proposal');

/**
 * Whether an update can touch proposal marks at all: Yjs writes formatting
 * keys as plain UTF-8, so an update that never names one cannot add, change
 * or remove a proposal mark. Lets editors' ordinary updates skip the check.
 */
export function mentionsProposals(update: Uint8Array): boolean {
  outer: for (let i = 0; i + PROPOSAL_BYTES.length <= update.length; i++) {
    for (let j = 0; j < PROPOSAL_BYTES.length; j++) if (update[i + j] !== PROPOSAL_BYTES[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why `update` from `author` must be refused on `doc`, or null. The update is
 * applied to a copy, never to `doc`; the bodies before and after are compared
 * as `proposalViolation` says, block by block: only the top-level blocks the
 * update touched (an update that adds or removes blocks is compared whole,
 * and in SUGGEST mode is refused: blocks are not proposable).
 * `onlyProposals` for a connection in SUGGEST mode.
 */
export function checkProposalUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  author: ProposalAuthor,
  onlyProposals: boolean,
): string | null {
  if (!onlyProposals && !mentionsProposals(update)) return null;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const body = copy.getXmlFragment(BODY_FRAGMENT);
    const changed = new Set<unknown>();
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) changed.add(type);
    });
    const fragmentBefore = body.length;
    Y.applyUpdate(copy, update);
    const touched = touchedBlocks(body, changed);
    if (touched === null || body.length !== fragmentBefore) {
      if (onlyProposals) return 'changes outside proposals';
      return proposalViolation(readBody(doc.getXmlFragment(BODY_FRAGMENT)), readBody(body), author, false);
    }
    if (!touched.length) return null;
    const original = doc.getXmlFragment(BODY_FRAGMENT);
    const before = readBlocks(touched.map((i) => original.get(i) as Y.XmlElement | Y.XmlText));
    const after = readBlocks(touched.map((i) => body.get(i) as Y.XmlElement | Y.XmlText));
    return proposalViolation(before, after, author, onlyProposals);
  } finally {
    copy.destroy();
  }
}

/** Indices of the top-level blocks under the changed types; null when the body's own list of blocks changed. */
function touchedBlocks(body: Y.XmlFragment, changed: ReadonlySet<unknown>): number[] | null {
  if (changed.has(body)) return null;
  const tops = new Set<unknown>();
  for (const start of changed) {
    let type = start as { parent: unknown };
    while (type.parent && type.parent !== body) type = type.parent as { parent: unknown };
    if (type.parent === body) tops.add(type);
  }
  if (!tops.size) return [];
  const indices: number[] = [];
  body.toArray().forEach((child, i) => tops.has(child) && indices.push(i));
  return indices;
}
