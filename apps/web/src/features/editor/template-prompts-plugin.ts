import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Template prompts as placeholders (docs/templates.md): every empty
 * top-level paragraph right below a heading shows that heading's prompt
 * (the document's first paragraph: the prompt before the first heading) in
 * a `data-placeholder` attribute that editor-kit.css draws. A decoration, so
 * the prompt is never document text: not stored, indexed or exported.
 *
 * TipTap's Placeholder extension keeps its decorations incrementally and
 * only rescans blocks a change touches; the prompts arrive after the editor
 * is made and depend on the heading above, so this plugin recomputes the
 * (top-level only, cheap) decorations whenever the document or the prompts
 * change. `redrawPrompts` in editor-kit.ts asks for that.
 */
export function templatePrompts(promptFor: (headingText: string | null) => string) {
  return Extension.create({
    name: 'templatePrompts',
    addProseMirrorPlugins() {
      const editor = this.editor;
      const key = new PluginKey<number>('templatePrompts');
      let cache: { doc: PMNode; editable: boolean; version: number; set: DecorationSet } | null = null;
      return [
        new Plugin<number>({
          key,
          state: {
            init: () => 0,
            // A transaction marked by redrawPrompts means: the prompts changed.
            apply: (tr, value) => (tr.getMeta(PROMPTS_CHANGED) ? value + 1 : value),
          },
          props: {
            decorations: (state) => {
              const editable = editor.isEditable;
              const version = key.getState(state) ?? 0;
              if (cache && cache.doc === state.doc && cache.editable === editable && cache.version === version)
                return cache.set;
              const set = editable ? promptDecorations(state.doc, promptFor) : DecorationSet.empty;
              cache = { doc: state.doc, editable, version, set };
              return set;
            },
          },
        }),
      ];
    },
  });
}

/** Meta key of a transaction that only says "the prompts changed". */
export const PROMPTS_CHANGED = 'templatePromptsChanged';

function promptDecorations(doc: PMNode, promptFor: (headingText: string | null) => string): DecorationSet {
  const decorations: Decoration[] = [];
  let previous: PMNode | null = null;
  doc.forEach((node, offset, index) => {
    if (node.type.name === 'paragraph' && node.content.size === 0) {
      const prompt =
        index === 0 ? promptFor(null) : previous?.type.name === 'heading' ? promptFor(previous.textContent) : '';
      if (prompt) {
        decorations.push(
          Decoration.node(offset, offset + node.nodeSize, { class: 'template-prompt', 'data-placeholder': prompt }),
        );
      }
    }
    previous = node;
  });
  return DecorationSet.create(doc, decorations);
}
