import '../../entities/communities/mentions.css';
import Mention from '@tiptap/extension-mention';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';

export interface MentionCandidate {
  id: string;
  label: string;
}

const SHOWN = 8;

/**
 * `@` in the live editor: suggests the community's members in a listbox under
 * the caret (arrows move, Enter or Tab picks, Escape closes); a polite live
 * region says how many were found. The chosen person becomes a mention node
 * holding their user id, which the server reads when it stores the text.
 */
export function mentionExtension(members: () => Promise<MentionCandidate[]>, texts: { found(n: number): string }) {
  return Mention.configure({
    HTMLAttributes: { class: 'mention' },
    suggestion: {
      char: '@',
      items: async ({ query }) => {
        const q = query.toLocaleLowerCase('nl');
        return (await members()).filter((m) => m.label.toLocaleLowerCase('nl').includes(q)).slice(0, SHOWN);
      },
      render: () => {
        let list: HTMLUListElement | null = null;
        let status: HTMLSpanElement | null = null;
        let props: SuggestionProps<MentionCandidate> | null = null;
        let active = 0;

        const draw = () => {
          if (!list || !props) return;
          list.replaceChildren(
            ...props.items.map((item, index) => {
              const option = document.createElement('li');
              option.id = `mention-option-${index}`;
              option.setAttribute('role', 'option');
              option.setAttribute('aria-selected', String(index === active));
              option.className = index === active ? 'mention-option mention-option-active' : 'mention-option';
              option.textContent = item.label;
              option.addEventListener('mousedown', (event) => {
                event.preventDefault();
                props?.command(item);
              });
              return option;
            }),
          );
          list.hidden = props.items.length === 0;
          const rect = props.clientRect?.();
          if (rect) {
            list.style.left = `${rect.left + window.scrollX}px`;
            list.style.top = `${rect.bottom + window.scrollY + 4}px`;
          }
          const editorDom = props.editor.view.dom;
          editorDom.setAttribute('aria-activedescendant', props.items.length ? `mention-option-${active}` : '');
          if (status) status.textContent = texts.found(props.items.length);
        };

        return {
          onStart: (start) => {
            props = start;
            active = 0;
            list = document.createElement('ul');
            list.id = 'mention-suggestions';
            list.setAttribute('role', 'listbox');
            list.className = 'mention-suggestions mention-suggestions-floating';
            status = document.createElement('span');
            status.className = 'visually-hidden';
            status.setAttribute('role', 'status');
            status.setAttribute('aria-live', 'polite');
            document.body.append(list, status);
            start.editor.view.dom.setAttribute('aria-controls', list.id);
            draw();
          },
          onUpdate: (next) => {
            props = next;
            active = Math.min(active, Math.max(0, next.items.length - 1));
            draw();
          },
          onKeyDown: ({ event }: SuggestionKeyDownProps) => {
            if (!props || !props.items.length) return event.key === 'Escape';
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              active = (active + (event.key === 'ArrowDown' ? 1 : props.items.length - 1)) % props.items.length;
              draw();
              return true;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              props.command(props.items[active]);
              return true;
            }
            return event.key === 'Escape';
          },
          onExit: () => {
            props?.editor.view.dom.removeAttribute('aria-activedescendant');
            props?.editor.view.dom.removeAttribute('aria-controls');
            list?.remove();
            status?.remove();
            list = null;
            status = null;
            props = null;
          },
        };
      },
    },
  });
}
