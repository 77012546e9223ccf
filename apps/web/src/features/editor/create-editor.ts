import { Editor, Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import type { CollabSession } from './collab-session';
import { FileAttachment, fileDropPaste, SpiraalImage } from './file-nodes';
import type { FileUploads } from './file-uploads';
import { PrivacyHighlights } from '../../entities/privacy/privacy-highlights';
import { editorKit, type EditorKitOptions } from './editor-kit';
import { commentHighlights } from '../../entities/comments/comment-highlights';
import { isAllowedHref } from './links';
import { MentionCandidate, mentionExtension } from './mention-suggestion';
import { safeColor, textColorOn } from './people';
import { proposalExtensions } from './proposal-mode';

export interface EditorLabels {
  label: string;
  readOnly: boolean;
  describedBy?: string;
}

/** The editing area's own attributes: an accessible, multi-line text box. */
export function editorAttributes({ label, readOnly, describedBy }: EditorLabels): Record<string, string> {
  const attributes: Record<string, string> = {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': readOnly ? 'true' : 'false',
    class: 'item-editor__content',
    spellcheck: 'true',
  };
  if (describedBy) attributes['aria-describedby'] = describedBy;
  return attributes;
}

/**
 * The editing area's ProseMirror props: its attributes, and room above the
 * caret when scrolling it into view, so the sticky toolbar never covers it.
 */
export function editorProps(labels: EditorLabels, extra: Record<string, string> = {}) {
  const room = { top: 80, bottom: 40, left: 0, right: 0 };
  return { attributes: { ...editorAttributes(labels), ...extra }, scrollMargin: room, scrollThreshold: room };
}

/** A link typed bare (`www.example.nl`, `naam@example.nl`) gets its scheme the way linkify gives it. */
function autoLinkHref(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return url.includes('@') && !url.includes('/') ? `mailto:${url}` : `https://${url}`;
}

/** Caret of another editor: a coloured bar with their name (hidden from screen readers: the presence list names them). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = textColorOn(color);
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  return {
    nodeName: 'span',
    class: 'collaboration-carets__selection',
    style: `background-color: ${safeColor(user.color)}33`,
  };
}

/**
 * In lists Tab and Shift+Tab indent and outdent, which would trap keyboard
 * users in the text. After Escape, the next Tab or Shift+Tab is left to the
 * browser: focus moves on, out of the editor.
 */
const EscapeThenTab = Extension.create({
  name: 'escapeThenTab',
  addProseMirrorPlugins() {
    let escaped = false;
    return [
      new Plugin({
        key: new PluginKey('escapeThenTab'),
        props: {
          handleDOMEvents: {
            // Runs before the keymaps; returning true without preventDefault leaves the key to the browser.
            keydown: (_view, event) => {
              if (event.key === 'Escape') {
                escaped = true;
                return false;
              }
              if (event.key === 'Tab' && escaped) {
                escaped = false;
                return true;
              }
              if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) escaped = false;
              return false;
            },
            blur: () => {
              escaped = false;
              return false;
            },
          },
        },
      }),
    ];
  },
});

/**
 * The TipTap editor bound to the session's Y.Doc. Created and destroyed with
 * the session (never by React's double mount), so both live exactly as long.
 */
export function createEditor(
  session: CollabSession,
  options: EditorLabels & {
    editable: boolean;
    onLinkShortcut(): void;
    mentions?: { members(): Promise<MentionCandidate[]>; found(n: number): string };
    /** Tables, template prompts and the "/" menu (editor-kit.ts). */
    kit?: EditorKitOptions;
    /** Images and files pasted, dropped or picked (features/editor/file-uploads.ts). */
    uploads?: FileUploads;
  },
): Editor {
  const LinkShortcut = Extension.create({
    name: 'linkShortcut',
    addKeyboardShortcuts() {
      return {
        'Mod-k': () => {
          if (!this.editor.isEditable) return false;
          // A selection just made with the keyboard may not be read yet (that happens on
          // selectionchange, which is ignored once focus is in the link field): read it now.
          (this.editor.view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
          options.onLinkShortcut();
          return true;
        },
      };
    },
  });

  const editor = new Editor({
    editable: options.editable,
    // Styles come from editor.css, not from an injected <style>.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        // Collaboration brings Yjs undo/redo.
        undoRedo: false,
        // Would add a paragraph on its own (also for readers, whose changes the server refuses).
        trailingNode: false,
        // Not in the server's schema (Markdown has no underline).
        underline: false,
        heading: { levels: [2, 3, 4] },
        // Configured below, with typing at a link's end staying outside it.
        link: false,
      }),
      // Autolink makes TipTap's link mark inclusive: text typed at a link's end would join it.
      Link.extend({ inclusive: () => false }).configure({
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: [],
        // Null defaults: the server writes links as { href }; other defaults would make
        // every client rewrite every link it loads (and readers have that refused).
        HTMLAttributes: { target: null, rel: null, class: null },
        // Parsing pasted HTML, setLink/toggleLink, autolink, paste rules and rendering all check this.
        isAllowedUri: (url) => isAllowedHref(url),
        shouldAutoLink: (url) => isAllowedHref(autoLinkHref(url)),
      }),
      Collaboration.configure({ document: session.doc, field: 'default' }),
      CollaborationCaret.configure({
        provider: session.provider,
        user: session.user,
        render: renderCaret,
        selectionRender: renderSelection,
      }),
      LinkShortcut,
      EscapeThenTab,
      // Without a community to suggest from, mention nodes still show (others may have made them).
      mentionExtension(options.mentions?.members ?? (async () => []), { found: options.mentions?.found ?? (() => '') }),
      PrivacyHighlights,
      ...editorKit(options.kit),
      // Images and file chips are nodes in the Y.Doc: every editor of the item sees them.
      SpiraalImage,
      FileAttachment,
      ...(options.uploads ? [fileDropPaste(options.uploads)] : []),
      commentHighlights(session.itemId),
      // Voorstellen: the marks, and suggestion mode (applyMode / setSuggesting in proposal-mode.ts).
      ...proposalExtensions(session.user),
    ],
    editorProps: editorProps(options),
  });
  options.uploads?.attach(editor);
  return editor;
}
