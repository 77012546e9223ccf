import type { Editor, Range } from '@tiptap/core';

/**
 * One entry of the "/" menu. Other features add their own (images and files
 * bring "Afbeelding" and "Bestand") by passing them to `createEditor` in
 * `editorKit.slashCommands`; see docs/editor-kit.md.
 */
export interface SlashCommand {
  id: string;
  /** Shown in the menu, in the interface's language. */
  label: string;
  /** A second line, e.g. what a template is for. */
  hint?: string;
  /** Words it is also found by (Dutch and English), lower case. */
  keywords: readonly string[];
  /** Group heading in the menu, e.g. "Blokken" or "Sjablonen". */
  group: string;
  run(editor: Editor, range: Range): void;
}

export interface SlashTexts {
  blocks: string;
  heading2: string;
  heading3: string;
  bulletList: string;
  orderedList: string;
  quote: string;
  table: string;
  divider: string;
  image: string;
  file: string;
}

/** The blocks every editor offers: headings, lists, quote, table, divider, an image or a file. */
export function blockCommands(t: SlashTexts): SlashCommand[] {
  const block = (
    id: string,
    label: string,
    keywords: string[],
    apply: (editor: Editor, range: Range) => void,
  ): SlashCommand => ({ id, label, keywords, group: t.blocks, run: apply });
  return [
    block('heading2', t.heading2, ['kop', 'kop 2', 'h2', 'heading', 'titel'], (editor, range) =>
      editor.chain().focus().deleteRange(range).setNode('heading', { level: 2 }).run(),
    ),
    block('heading3', t.heading3, ['kop', 'kop 3', 'h3', 'heading', 'subkop'], (editor, range) =>
      editor.chain().focus().deleteRange(range).setNode('heading', { level: 3 }).run(),
    ),
    block('bulletList', t.bulletList, ['lijst', 'opsomming', 'list', 'bullet'], (editor, range) =>
      editor.chain().focus().deleteRange(range).toggleBulletList().run(),
    ),
    block('orderedList', t.orderedList, ['lijst', 'genummerd', 'nummers', 'numbered', 'list'], (editor, range) =>
      editor.chain().focus().deleteRange(range).toggleOrderedList().run(),
    ),
    block('quote', t.quote, ['citaat', 'quote', 'blockquote'], (editor, range) =>
      editor.chain().focus().deleteRange(range).toggleBlockquote().run(),
    ),
    block('table', t.table, ['tabel', 'table', 'raster', 'grid'], (editor, range) =>
      editor.chain().focus().deleteRange(range).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    ),
    block('divider', t.divider, ['scheidingslijn', 'lijn', 'divider', 'horizontal rule', 'hr'], (editor, range) =>
      editor.chain().focus().deleteRange(range).setHorizontalRule().run(),
    ),
    // The file picker of features/editor/file-nodes.ts (absent in an editor without uploads).
    block('image', t.image, ['afbeelding', 'foto', 'plaatje', 'image', 'photo', 'picture'], (editor, range) => {
      editor.chain().focus().deleteRange(range).run();
      pickFile(editor, 'image');
    }),
    block('file', t.file, ['bestand', 'bijlage', 'document', 'pdf', 'file', 'attachment'], (editor, range) => {
      editor.chain().focus().deleteRange(range).run();
      pickFile(editor, 'any');
    }),
  ];
}

/** Folds case and accents, so "/tabel", "/Tabel" and "/tábel" find the same entry. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/** The entries whose label or keywords contain the typed query, label matches first. */
export function filterSlashCommands(commands: readonly SlashCommand[], query: string): SlashCommand[] {
  const q = fold(query.trim());
  if (!q) return [...commands];
  const byLabel = commands.filter((command) => fold(command.label).includes(q));
  const byKeyword = commands.filter(
    (command) => !byLabel.includes(command) && command.keywords.some((keyword) => fold(keyword).includes(q)),
  );
  return [...byLabel, ...byKeyword];
}

function pickFile(editor: Editor, kind: 'image' | 'any'): void {
  const commands = editor.commands as Partial<Editor['commands']>;
  commands.pickFile?.(kind);
}
