import type { Editor } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import type { Node as PMNode } from '@tiptap/pm/model';
import './editor-kit.css';
import type { SlashCommand } from './slash-commands';
import { slashMenu } from './slash-menu';

/**
 * What the editor kit needs from the page: the "/" menu's entries and the
 * prompt under a heading. Both are functions, read when used, so templates
 * that arrive after the editor was made still count.
 */
export interface EditorKitOptions {
  slashCommands(): readonly SlashCommand[];
  /** The prompt for the empty paragraph below a heading with this text (`null`: the first paragraph). */
  promptFor(headingText: string | null): string;
  menuLabel(): string;
  found(n: number): string;
}

/** Without a page to ask (tests, previews): tables still load, no prompts, only blocks in the menu. */
const NO_KIT: EditorKitOptions = { slashCommands: () => [], promptFor: () => '', menuLabel: () => '', found: () => '' };

/**
 * Tables, template prompts as placeholders and the "/" menu (docs/editor-kit.md).
 * Tables are TipTap's (collaborative through y-prosemirror like every node):
 * Tab and Shift+Tab move between cells, Tab in the last cell adds a row.
 */
export function editorKit(options: EditorKitOptions = NO_KIT) {
  return [
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({
      // Every empty paragraph under a heading shows its prompt, not only the one with the caret.
      showOnlyCurrent: false,
      includeChildren: false,
      placeholder: ({ editor, node, pos }) => promptAt(editor, node, pos, options),
    }),
    slashMenu({ commands: options.slashCommands, label: options.menuLabel, found: options.found }),
  ];
}

/** The prompt for a top-level empty paragraph: from the heading right above it, or the document's first. */
function promptAt(editor: Editor, node: PMNode, pos: number, options: EditorKitOptions): string {
  if (node.type.name !== 'paragraph') return '';
  const $pos = editor.state.doc.resolve(pos);
  if ($pos.depth !== 0) return '';
  const index = $pos.index(0);
  if (index === 0) return options.promptFor(null);
  const above = editor.state.doc.child(index - 1);
  return above.type.name === 'heading' ? options.promptFor(above.textContent) : '';
}

/** Shows prompts that arrived after the editor was drawn (the placeholders are decorations). */
export function redrawPrompts(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
}
