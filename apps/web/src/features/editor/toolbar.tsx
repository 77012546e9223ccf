import type { ChainedCommands, Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { FormEvent, KeyboardEvent, ReactNode, useEffect, useId, useRef, useState } from 'react';
import { hrefFromInput } from './links';
import type { EditorMessages } from './messages';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-8" → aria-keyshortcuts "Control+Shift+8" and a readable "Ctrl+Shift+8". */
function shortcut(keys: string): { aria: string; shown: string } {
  const parts = keys
    .split('-')
    .map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part));
  const shown = parts.map(
    (part) => ({ Meta: '⌘', Control: 'Ctrl', Alt: isMac ? '⌥' : 'Alt', Shift: isMac ? '⇧' : 'Shift' })[part] ?? part,
  );
  return { aria: parts.join('+'), shown: shown.join(isMac ? '' : '+') };
}

const svg = (children: ReactNode) => (
  <svg
    viewBox="0 0 20 20"
    width="18"
    height="18"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    {children}
  </svg>
);

const ICONS = {
  bulletList: svg(
    <>
      <circle cx="4" cy="5" r="1" fill="currentColor" />
      <circle cx="4" cy="10" r="1" fill="currentColor" />
      <circle cx="4" cy="15" r="1" fill="currentColor" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </>,
  ),
  orderedList: svg(
    <>
      <path d="M3 3.5h1.5v4M3 7.5h3" />
      <path d="M3 12.5c0-1 3-1 3 .3 0 1.2-3 1.9-3 3.7h3" />
      <path d="M9 5h8M9 10h8M9 15h8" />
    </>,
  ),
  quote: svg(
    <>
      <path d="M4 4v12" strokeWidth="2.2" />
      <path d="M8 6h9M8 10h9M8 14h6" />
    </>,
  ),
  link: svg(
    <>
      <path d="M8.5 11.5a3 3 0 0 0 4.2 0l3-3a3 3 0 0 0-4.2-4.2l-1 1" />
      <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-3 3a3 3 0 0 0 4.2 4.2l1-1" />
    </>,
  ),
  attach: svg(
    <>
      <rect x="3" y="4" width="14" height="12" rx="1.5" />
      <circle cx="7.5" cy="8.5" r="1.3" />
      <path d="m3.5 14.5 4-4 3 3 2-2 4 4" />
    </>,
  ),
  undo: svg(
    <>
      <path d="M7 5 3.5 8.5 7 12" />
      <path d="M4 8.5h8a4.5 4.5 0 0 1 0 9H9" />
    </>,
  ),
  redo: svg(
    <>
      <path d="M13 5l3.5 3.5L13 12" />
      <path d="M16 8.5H8a4.5 4.5 0 0 0 0 9h3" />
    </>,
  ),
};

interface Tool {
  key: string;
  label: string;
  content: ReactNode;
  keys: string;
  /** Toggles say whether they are on (aria-pressed); actions (undo, redo, link) do not. */
  pressed?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
  run(): void;
  separatorBefore?: boolean;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between the buttons
 * (the ARIA toolbar pattern); every button has a name and its shortcut.
 */
export function Toolbar({
  editor,
  t,
  controls,
  linkOpen,
  onLinkOpen,
  onLinkClose,
  onPickFile,
  suggest,
}: {
  editor: Editor;
  t: EditorMessages;
  controls: string;
  linkOpen: boolean;
  onLinkOpen(): void;
  onLinkClose(): void;
  /** Opens the file picker (features/editor/upload-status.tsx). */
  onPickFile?(): void;
  /** The voorstellen toggle (proposal-mode.ts); `forced` in SUGGEST mode. */
  suggest?: { label: string; forced: boolean; toggle(): void };
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      suggesting: e.storage.proposals?.suggesting === true,
    }),
  });
  const linkFormId = useId();
  const run = (command: (chain: ChainedCommands) => ChainedCommands) => command(editor.chain().focus()).run();
  const tools: Tool[] = [
    // The visible text is part of the name (WCAG 2.5.3 label in name).
    {
      key: 'h2',
      label: t.heading2,
      content: 'H2',
      keys: 'Mod-Alt-2',
      pressed: state.h2,
      run: () => run((c) => c.toggleHeading({ level: 2 })),
    },
    {
      key: 'h3',
      label: t.heading3,
      content: 'H3',
      keys: 'Mod-Alt-3',
      pressed: state.h3,
      run: () => run((c) => c.toggleHeading({ level: 3 })),
    },
    {
      key: 'bold',
      label: t.bold,
      content: <b>B</b>,
      keys: 'Mod-b',
      pressed: state.bold,
      run: () => run((c) => c.toggleBold()),
      separatorBefore: true,
    },
    {
      key: 'italic',
      label: t.italic,
      content: <i>I</i>,
      keys: 'Mod-i',
      pressed: state.italic,
      run: () => run((c) => c.toggleItalic()),
    },
    {
      key: 'bulletList',
      label: t.bulletList,
      content: ICONS.bulletList,
      keys: 'Mod-Shift-8',
      pressed: state.bulletList,
      run: () => run((c) => c.toggleBulletList()),
      separatorBefore: true,
    },
    {
      key: 'orderedList',
      label: t.orderedList,
      content: ICONS.orderedList,
      keys: 'Mod-Shift-7',
      pressed: state.orderedList,
      run: () => run((c) => c.toggleOrderedList()),
    },
    {
      key: 'quote',
      label: t.quote,
      content: ICONS.quote,
      keys: 'Mod-Shift-b',
      pressed: state.quote,
      run: () => run((c) => c.toggleBlockquote()),
    },
    {
      key: 'link',
      label: t.link,
      content: ICONS.link,
      keys: 'Mod-k',
      expanded: linkOpen,
      controls: linkOpen ? linkFormId : undefined,
      run: onLinkOpen,
      separatorBefore: true,
    },
    ...(onPickFile
      ? [
          {
            key: 'file',
            label: t.attachFile,
            content: ICONS.attach,
            keys: 'Mod-Alt-f',
            run: onPickFile,
          },
        ]
      : []),
    {
      key: 'undo',
      label: t.undo,
      content: ICONS.undo,
      keys: 'Mod-z',
      disabled: !state.canUndo,
      run: () => run((c) => c.undo()),
      separatorBefore: true,
    },
    {
      key: 'redo',
      label: t.redo,
      content: ICONS.redo,
      keys: 'Mod-Shift-z',
      disabled: !state.canRedo,
      run: () => run((c) => c.redo()),
    },
  ];
  if (suggest) {
    tools.push({
      key: 'suggest',
      label: suggest.label,
      content: suggest.label,
      keys: 'Mod-Shift-e',
      pressed: state.suggesting,
      disabled: suggest.forced,
      run: suggest.toggle,
      separatorBefore: true,
    });
  }

  // Roving tab index: the toolbar is one stop in the tab order.
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = tools.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = next > last ? 0 : next < 0 ? last : next;
    setCurrent(index);
    refs.current[index]?.focus();
  };

  return (
    <>
      <div
        role="toolbar"
        aria-label={t.toolbarLabel}
        aria-controls={controls}
        className="item-editor__toolbar"
        onKeyDown={move}
      >
        {tools.map((tool, index) => {
          const keys = shortcut(tool.keys);
          return (
            <button
              key={tool.key}
              ref={(element) => {
                refs.current[index] = element;
              }}
              type="button"
              className="item-editor__tool"
              data-separator={tool.separatorBefore || undefined}
              data-active={tool.key === 'link' && state.link ? true : undefined}
              tabIndex={index === current ? 0 : -1}
              aria-label={tool.label}
              aria-pressed={tool.pressed}
              aria-expanded={tool.expanded}
              aria-controls={tool.controls}
              aria-disabled={tool.disabled || undefined}
              aria-keyshortcuts={keys.aria}
              title={`${tool.label} (${keys.shown})`}
              onFocus={() => setCurrent(index)}
              onClick={() => {
                if (!tool.disabled) tool.run();
              }}
            >
              {tool.content}
            </button>
          );
        })}
      </div>
      {linkOpen && <LinkForm id={linkFormId} editor={editor} t={t} onClose={onLinkClose} />}
    </>
  );
}

/** Adds, changes or removes the link on the selection. Only http:, https: and mailto: addresses are accepted. */
function LinkForm({ id, editor, t, onClose }: { id: string; editor: Editor; t: EditorMessages; onClose(): void }) {
  const existing = editor.isActive('link') ? String(editor.getAttributes('link').href ?? '') : '';
  const [value, setValue] = useState(existing);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = hrefFromInput(value);
    if (!href) {
      setError(t.linkInvalid);
      input.current?.focus();
      return;
    }
    const { empty } = editor.state.selection;
    let done: boolean;
    if (empty && !editor.isActive('link')) {
      const text = href.replace(/^mailto:/i, '');
      done = editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      done = editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    if (!done) {
      setError(t.linkInvalid);
      return;
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <form
      id={id}
      className="item-editor__link-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-url`}>{t.linkUrl}</label>
      <input
        id={`${id}-url`}
        ref={input}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      <button type="submit">{existing ? t.linkSave : t.linkAdd}</button>
      {existing && (
        <button type="button" onClick={remove}>
          {t.linkRemove}
        </button>
      )}
      <button type="button" onClick={close}>
        {t.linkCancel}
      </button>
      <p id={hintId} className="item-editor__hint">
        {t.linkHint}
      </p>
      {error && (
        <p id={errorId} className="item-editor__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
