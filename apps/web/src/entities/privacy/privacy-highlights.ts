import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { occurrenceOf, type FindingsState } from './findings-store';

const key = new PluginKey<DecorationSet>('privacyHighlights');
const SOFT = new Set(['INSTITUTION', 'LOCATION']);

/** Each textblock's text with the document position of every character. */
function textblocks(doc: PMNode): { text: string; positions: number[] }[] {
  const blocks: { text: string; positions: number[] }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    const positions: number[] = [];
    node.forEach((child, offset) => {
      if (!child.isText) return;
      for (let i = 0; i < child.text!.length; i++) positions.push(pos + 1 + offset + i);
      text += child.text;
    });
    blocks.push({ text, positions });
    return false;
  });
  return blocks;
}

/**
 * Underlines for the findings: each is found again as the n-th occurrence of
 * its text in the editor's document (the server's offsets are into the plain
 * text, which joins blocks differently). Decorations only: never stored.
 */
export function findingDecorations(doc: PMNode, state: FindingsState): DecorationSet {
  const blocks = textblocks(doc);
  const decorations: Decoration[] = [];
  for (const finding of state.findings) {
    let wanted = occurrenceOf(state.text, finding);
    found: for (const block of blocks) {
      for (
        let i = block.text.indexOf(finding.text);
        i >= 0;
        i = block.text.indexOf(finding.text, i + finding.text.length)
      ) {
        if (wanted-- === 0) {
          const from = block.positions[i];
          const to = block.positions[i + finding.text.length - 1] + 1;
          decorations.push(
            Decoration.inline(from, to, {
              class: SOFT.has(finding.kind) ? 'privacy-finding privacy-finding--soft' : 'privacy-finding',
              'data-privacy-kind': finding.kind,
              title: finding.kind,
            }),
          );
          break found;
        }
      }
    }
  }
  return DecorationSet.create(doc, decorations);
}

export function showFindings(editor: { isDestroyed: boolean; view: EditorView }, state: FindingsState): void {
  if (editor.isDestroyed) return;
  let view: EditorView;
  try {
    view = editor.view; // not there before the editor is mounted
  } catch {
    return;
  }
  if (!view?.dom?.isConnected) return;
  view.dispatch(view.state.tr.setMeta(key, findingDecorations(view.state.doc, state)).setMeta('addToHistory', false));
}

export const PrivacyHighlights = Extension.create({
  name: 'privacyHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, old) => (tr.getMeta(key) as DecorationSet | undefined) ?? old.map(tr.mapping, tr.doc),
        },
        props: {
          decorations: (state: EditorState) => key.getState(state),
        },
      }),
    ];
  },
});
