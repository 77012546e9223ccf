import type { Editor } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import './editor-kit.css';
import type { SlashCommand } from './slash-commands';
import { slashMenu } from './slash-menu';
import { PROMPTS_CHANGED, templatePrompts } from './template-prompts-plugin';

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
    templatePrompts((heading) => options.promptFor(heading)),
    slashMenu({ commands: options.slashCommands, label: options.menuLabel, found: options.found }),
  ];
}

/** Shows prompts that arrived after the editor was drawn (the placeholders are decorations). */
export function redrawPrompts(editor: Editor): void {
  if (!editor.isDestroyed)
    editor.view.dispatch(editor.state.tr.setMeta(PROMPTS_CHANGED, true).setMeta('addToHistory', false));
}
