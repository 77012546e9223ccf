import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { asProposal, openProposals, ProposalDelete, ProposalInsert } from './proposal-mode';

const schema = getSchema([StarterKit, ProposalInsert, ProposalDelete]);
const BRAM = { id: 'u-bram', name: 'Bram', color: '#336699' };

function stateOf(text: string): EditorState {
  const doc = schema.node('doc', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])]);
  return EditorState.create({ doc, selection: TextSelection.create(doc, 1) });
}

/** Runs a change as suggestion mode would, returning the state after. */
function suggest(state: EditorState, change: (tr: EditorState['tr']) => void): EditorState {
  const tr = state.tr;
  change(tr);
  const proposed = asProposal(state, tr, BRAM);
  return proposed ? state.apply(proposed) : state;
}

describe('suggestion mode', () => {
  it('turns typing into one proposed insert, the original text untouched', () => {
    let state = stateOf('Bel aan.');
    state = suggest(state, (tr) => tr.insertText('e', 4));
    state = suggest(state, (tr) => tr.insertText('r', 5));
    expect(state.doc.textContent).toBe('Beler aan.');
    expect(openProposals(state.doc)).toEqual([
      { id: expect.any(String), authorId: 'u-bram', authorName: 'Bram', inserted: 'er', deleted: '' },
    ]);
  });

  it('marks deleted text instead of removing it, and removes own proposed text for real', () => {
    let state = stateOf('Bel aan.');
    state = suggest(state, (tr) => tr.delete(5, 8)); // "aan"
    expect(state.doc.textContent).toBe('Bel aan.');
    expect(openProposals(state.doc)[0]).toMatchObject({ deleted: 'aan', inserted: '' });
    state = suggest(state, (tr) => tr.insertText('nu ', 1));
    state = suggest(state, (tr) => tr.delete(1, 4));
    expect(state.doc.textContent).toBe('Bel aan.');
    expect(openProposals(state.doc).map((p) => p.inserted)).toEqual(['']);
  });

  it('typing over a selection proposes a replacement with one id', () => {
    const state = suggest(stateOf('een oud woord'), (tr) => tr.insertText('nieuw', 5, 8));
    expect(state.doc.textContent).toBe('een oudnieuw woord');
    const [proposal] = openProposals(state.doc);
    expect(proposal).toMatchObject({ deleted: 'oud', inserted: 'nieuw' });
  });

  it('does not make structural changes or formatting', () => {
    const state = stateOf('Bel aan.');
    const split = state.tr.split(3);
    expect(asProposal(state, split, BRAM)).toBeNull();
    const bold = state.tr.addMark(1, 4, schema.marks.bold.create());
    expect(asProposal(state, bold, BRAM)).toBeNull();
  });
});
