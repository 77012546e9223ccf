import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { decodeAnchorPosition, MAX_QUOTE_LENGTH, resolveAnchor } from '@spiraal/collab/anchors';
import type * as Y from 'yjs';
import { commentAnchorsStore, type ChosenQuote, type CommentAnchorsStore } from './comment-anchors-store';
import './comment-highlights.css';

const key = new PluginKey<DecorationSet>('commentHighlights');
const REFRESH = 'refresh';

/** What y-prosemirror's sync plugin keeps: the Y.Doc, its body fragment and which ProseMirror node each Y type is. */
interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

function bindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: YBinding | null } | undefined;
  return sync?.binding ?? null;
}

/**
 * The open threads' passages as inline decorations (never a change to the
 * document): their stored relative positions made absolute through the
 * ySync binding, so they are where the text is now, whoever typed what.
 */
function highlights(state: EditorState, store: CommentAnchorsStore): DecorationSet {
  const binding = bindingOf(state);
  if (!binding) return DecorationSet.empty;
  const { threads, active } = store.getSnapshot();
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    let from: number | null;
    let to: number | null;
    try {
      // The mapping may still miss nodes right after loading: then this thread waits for the next change.
      from = relativePositionToAbsolutePosition(
        binding.doc,
        binding.type,
        decodeAnchorPosition(thread.start),
        binding.mapping as never,
      );
      to = relativePositionToAbsolutePosition(
        binding.doc,
        binding.type,
        decodeAnchorPosition(thread.end),
        binding.mapping as never,
      );
    } catch {
      continue;
    }
    if (from === null || to === null || from < 0 || to <= from || to > size) continue;
    decorations.push(
      Decoration.inline(from, to, {
        class: thread.id === active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
        'data-comment-id': thread.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The quote (in the server's text model, libs/collab anchors) of the text selected in the page, or null. */
function selectedQuote(view: EditorView): { quote: ChosenQuote; to: number } | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  const binding = bindingOf(view.state);
  if (!binding) return null;
  try {
    const from = view.posAtDOM(range.startContainer, range.startOffset);
    const to = view.posAtDOM(range.endContainer, range.endOffset);
    if (to <= from) return null;
    const start = absolutePositionToRelativePosition(
      from,
      binding.type,
      binding.mapping as never,
    ) as Y.RelativePosition;
    const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping as never) as Y.RelativePosition;
    const read = resolveAnchor(binding.doc, { start, end });
    if (!read || !read.exact.trim() || read.exact.length > MAX_QUOTE_LENGTH) return null;
    return { quote: { exact: read.exact, prefix: read.prefix, suffix: read.suffix }, to };
  } catch {
    return null;
  }
}

const LABEL = { nl: 'Reageer op deze tekst', en: 'Comment on this text' };

/** "Respond to this text" beside a selection: it hands the quote to the klankbord's form. */
function respondButton(view: EditorView, store: CommentAnchorsStore): { update(): void; destroy(): void } {
  const button = view.dom.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'comment-respond-button';
  button.hidden = true;
  let chosen: ChosenQuote | null = null;
  // Keeps the selection where it is while the button is pressed.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => {
    if (chosen) store.choose(chosen);
    button.hidden = true;
  });
  // Beside the editing area: TipTap moves the area (and so this button) into its React container when mounted.
  view.dom.parentElement?.append(button);
  const update = () => {
    const host = button.parentElement;
    const found = selectedQuote(view);
    if (!found || !host) {
      button.hidden = true;
      chosen = null;
      return;
    }
    chosen = found.quote;
    const lang = view.dom.ownerDocument.documentElement.lang === 'en' ? 'en' : 'nl';
    button.textContent = LABEL[lang];
    const at = view.coordsAtPos(found.to);
    const box = host.getBoundingClientRect();
    button.style.top = `${at.bottom - box.top + 4}px`;
    button.style.left = `${Math.max(0, at.left - box.left - 40)}px`;
    button.hidden = false;
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, 120);
  };
  view.dom.ownerDocument.addEventListener('selectionchange', later);
  return {
    update: later,
    destroy: () => {
      if (timer) clearTimeout(timer);
      view.dom.ownerDocument.removeEventListener('selectionchange', later);
      button.remove();
    },
  };
}

/**
 * Highlights of an item's anchored klankbord threads in its editor, and the
 * way to start one from a selection (docs/decisions/comment-anchors.md).
 */
export function commentHighlights(itemId: string) {
  const store = commentAnchorsStore(itemId);
  return Extension.create({
    name: 'commentHighlights',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: (_config, state) => highlights(state, store),
            apply: (tr, old, _oldState, state) => {
              // Remote changes (and our refresh) are read from the Y positions; our own typing just maps.
              if (tr.getMeta(key) === REFRESH || tr.getMeta(ySyncPluginKey)) return highlights(state, store);
              return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
            },
          },
          props: {
            decorations: (state: EditorState) => key.getState(state),
            handleDOMEvents: {
              click: (_view, event) => {
                const target = event.target instanceof Element ? event.target.closest('[data-comment-id]') : null;
                if (target) store.setActive(target.getAttribute('data-comment-id'));
                return false;
              },
            },
          },
          view: (view) => {
            const refresh = () => {
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, REFRESH).setMeta('addToHistory', false));
            };
            const unsubscribe = store.subscribe(refresh);
            const button = respondButton(view, store);
            return {
              update: () => button.update(),
              destroy: () => {
                unsubscribe();
                button.destroy();
              },
            };
          },
        }),
      ];
    },
  });
}
