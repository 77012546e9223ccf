import { Extension, Mark, type Editor } from '@tiptap/core';
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { colorFor, safeColor } from './people';

/**
 * Voorstellen (proposals): suggested insertions and deletions kept in the
 * text as marks, named apart from the klankbord's SUGGESTION comments
 * (docs/decisions/proposals.md). The server checks them the same way
 * (libs/collab proposal-marks.ts): in SUGGEST mode only your own proposals
 * are stored, and every proposal mark must name you.
 */
export const PROPOSAL_INSERT = 'proposalInsert';
export const PROPOSAL_DELETE = 'proposalDelete';

/** How this connection may work on the document (the ticket's `mode`). */
export type CollabMode = 'EDIT' | 'SUGGEST' | 'READ';

export interface ProposalAuthor {
  id: string;
  name: string;
  color: string;
}

interface ProposalStorage {
  /** Edits become proposals. */
  suggesting: boolean;
  /** SUGGEST mode: the server stores nothing else, so it cannot be switched off. */
  forced: boolean;
}

declare module '@tiptap/core' {
  interface Storage {
    proposals: ProposalStorage;
  }
}

/** A mark attribute kept in the DOM as `data-<data>`. */
const attribute = (name: string, data: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${data}`),
  renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${data}`]: attrs[name] }),
});

function proposalMark(name: string, tag: 'ins' | 'del') {
  return Mark.create({
    name,
    // Typing next to a proposal is handled below, not by ProseMirror extending the mark.
    inclusive: false,
    addAttributes: () => ({
      id: attribute('id', 'proposal'),
      authorId: attribute('authorId', 'author-id'),
      authorName: attribute('authorName', 'author'),
      createdAt: attribute('createdAt', 'created'),
    }),
    parseHTML: () => [{ tag: `${tag}[data-proposal]` }],
    renderHTML: ({ HTMLAttributes }) => {
      const authorId = String(HTMLAttributes['data-author-id'] ?? '');
      const color = safeColor(authorId ? colorFor(authorId) : null);
      return [
        tag,
        {
          ...HTMLAttributes,
          class: `proposal proposal--${tag === 'ins' ? 'insert' : 'delete'}`,
          style: `--proposal-color: ${color}`,
          title: String(HTMLAttributes['data-author'] ?? ''),
        },
        0,
      ];
    },
  });
}

export const ProposalInsert = proposalMark(PROPOSAL_INSERT, 'ins');
export const ProposalDelete = proposalMark(PROPOSAL_DELETE, 'del');

/**
 * The proposal marks and suggestion mode: while `suggesting`, a typed or
 * deleted piece of text (one step within one paragraph) is turned into a
 * proposal instead of a change; other changes (new paragraphs, formatting)
 * are not made. Changes from other editors (y-sync) pass unchanged.
 */
export function proposalExtensions(author: ProposalAuthor) {
  const Proposals = Extension.create<Record<string, never>, ProposalStorage>({
    name: 'proposals',
    addStorage: () => ({ suggesting: false, forced: false }),
    addKeyboardShortcuts() {
      return {
        'Mod-Shift-e': () => setSuggesting(this.editor, !this.storage.suggesting),
      };
    },
    dispatchTransaction({ transaction, next }) {
      if (!this.storage.suggesting || !transaction.docChanged || transaction.getMeta(ySyncPluginKey)) {
        next(transaction);
        return;
      }
      const proposed = asProposal(this.editor.state, transaction, author);
      if (proposed) next(proposed);
    },
  });
  return [ProposalInsert, ProposalDelete, Proposals];
}

/** Switches suggestion mode (not off in SUGGEST mode). Returns whether it changed. */
export function setSuggesting(editor: Editor, on: boolean): boolean {
  const storage = editor.storage.proposals;
  if (!storage || (storage.forced && !on) || storage.suggesting === on) return false;
  storage.suggesting = on;
  // An empty transaction lets toolbars that read the storage update.
  editor.view.dispatch(editor.state.tr.setMeta('proposals', on));
  return true;
}

/**
 * Applies a connection's mode to the editor: EDIT edits (suggestion mode is
 * a choice), SUGGEST always suggests, READ reads. The one place the editor
 * learns its mode, also when it changes while open.
 */
export function applyMode(editor: Editor, mode: CollabMode): void {
  if (editor.isDestroyed) return;
  const storage = editor.storage.proposals;
  const editable = mode !== 'READ';
  if (editor.isEditable !== editable) editor.setEditable(editable, false);
  if (!storage) return;
  storage.forced = mode === 'SUGGEST';
  if (mode === 'SUGGEST') setSuggesting(editor, true);
  else if (mode === 'READ') storage.suggesting = false;
}

/** The same transaction as proposals, or null when it cannot be one (it is dropped then). */
export function asProposal(state: EditorState, tr: Transaction, author: ProposalAuthor): Transaction | null {
  if (tr.steps.length !== 1 || !(tr.steps[0] instanceof ReplaceStep)) return null;
  const step = tr.steps[0] as ReplaceStep & { from: number; to: number; slice: ReplaceStep['slice'] };
  const { from, to, slice } = step;
  const $from = state.doc.resolve(from);
  const $to = state.doc.resolve(to);
  if (!$from.parent.isTextblock || $from.parent !== $to.parent) return null;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return null;
  let inline = true;
  slice.content.forEach((node) => (inline &&= node.isInline));
  if (!inline) return null;

  const out = state.tr;
  const attrs = continuing(state.doc, from, to, author) ?? {
    id: newId(),
    authorId: author.id,
    authorName: author.name,
    createdAt: new Date().toISOString(),
  };
  // Deleted text: own proposed inserts go for real, the rest is marked for deletion.
  const ranges: { from: number; to: number; own: boolean }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    if (start < end) ranges.push({ from: start, to: end, own: isOwnInsert(node.marks, author.id) });
    return false;
  });
  const deleteMark = state.schema.marks[PROPOSAL_DELETE].create(attrs);
  for (const range of ranges.reverse()) {
    if (range.own) out.delete(range.from, range.to);
    else out.addMark(range.from, range.to, deleteMark);
  }
  const insertAt = out.mapping.map(to);
  let inserted = 0;
  if (slice.content.size) {
    const insertMark = state.schema.marks[PROPOSAL_INSERT].create(attrs);
    const nodes: PMNode[] = [];
    slice.content.forEach((node) =>
      nodes.push(node.mark(insertMark.addToSet(node.marks.filter((mark) => !isProposal(mark))))),
    );
    out.insert(insertAt, nodes);
    inserted = slice.content.size;
  }
  // Backspace leaves the caret before the struck text; typing and Delete after what was written.
  const backwards = !slice.content.size && tr.selection.head === from;
  const caret = backwards ? out.mapping.map(from, -1) : insertAt + inserted;
  out.setSelection(TextSelection.create(out.doc, caret));
  out.setMeta('proposals', true);
  return out;
}

/**
 * The attrs of the author's own proposal right next to this range (under
 * their current name), so that a word typed, or typed over, is one proposal.
 */
function continuing(doc: PMNode, from: number, to: number, author: ProposalAuthor): Record<string, string> | null {
  for (const pos of [from, to]) {
    const $pos = doc.resolve(pos);
    for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
      const mark = node?.marks.find(
        (m) => isProposal(m) && m.attrs.authorId === author.id && m.attrs.authorName === author.name,
      );
      if (mark) return { ...(mark.attrs as Record<string, string>) };
    }
  }
  return null;
}

function isProposal(mark: PMMark): boolean {
  return mark.type.name === PROPOSAL_INSERT || mark.type.name === PROPOSAL_DELETE;
}

function isOwnInsert(marks: readonly PMMark[], authorId: string): boolean {
  return marks.some((mark) => mark.type.name === PROPOSAL_INSERT && mark.attrs.authorId === authorId);
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface OpenProposal {
  id: string;
  authorId: string;
  authorName: string;
  inserted: string;
  deleted: string;
}

/** The open proposals in the editor's document, in reading order. */
export function openProposals(doc: PMNode): OpenProposal[] {
  const byId = new Map<string, OpenProposal>();
  doc.descendants((node) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!isProposal(mark)) continue;
      const id = String(mark.attrs.id ?? '');
      if (!id) continue;
      let proposal = byId.get(id);
      if (!proposal) {
        proposal = {
          id,
          authorId: String(mark.attrs.authorId ?? ''),
          authorName: String(mark.attrs.authorName ?? ''),
          inserted: '',
          deleted: '',
        };
        byId.set(id, proposal);
      }
      const text = node.isText ? (node.text ?? '') : ' ';
      if (mark.type.name === PROPOSAL_INSERT) proposal.inserted += text;
      else proposal.deleted += text;
    }
    return false;
  });
  return [...byId.values()];
}
