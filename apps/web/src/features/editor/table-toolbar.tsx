import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useMessages } from '../../shared/i18n/language';
import { slashMessages } from './slash-messages';

/**
 * Row and column buttons, shown while the caret is in a table. The keyboard
 * does the same: Tab and Shift+Tab move between cells, Tab in the last cell
 * adds a row.
 */
export function TableToolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const t = useMessages(slashMessages);
  const inTable = useEditorState({ editor, selector: ({ editor: e }) => !e.isDestroyed && e.isActive('table') });
  if (!inTable) return null;
  const button = (label: string, run: () => boolean) => (
    <button
      type="button"
      className="button-secondary"
      aria-controls={controls}
      // Keeps the caret (and so the table) in the editor.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => run()}
    >
      {label}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div role="toolbar" aria-label={t.tableToolbar} className="table-toolbar">
      {button(t.rowBefore, () => chain().addRowBefore().run())}
      {button(t.rowAfter, () => chain().addRowAfter().run())}
      {button(t.rowDelete, () => chain().deleteRow().run())}
      {button(t.columnBefore, () => chain().addColumnBefore().run())}
      {button(t.columnAfter, () => chain().addColumnAfter().run())}
      {button(t.columnDelete, () => chain().deleteColumn().run())}
      {button(t.headerRow, () => chain().toggleHeaderRow().run())}
      {button(t.tableDelete, () => chain().deleteTable().run())}
    </div>
  );
}
