import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion, { type SuggestionKeyDownProps, type SuggestionProps } from '@tiptap/suggestion';
import { filterSlashCommands, type SlashCommand } from './slash-commands';

export interface SlashMenuOptions {
  /** The entries, asked for each time the menu opens (templates arrive after the editor is made). */
  commands(): readonly SlashCommand[];
  label(): string;
  found(n: number): string;
}

/** At most this many at once; typing narrows the list (the menu does not scroll, editor-kit.css). */
const SHOWN = 10;
const LIST_ID = 'slash-menu';

/**
 * "/" at the start of a line or after a space opens a listbox of blocks and
 * templates under the caret, filtered as one types ("/tabel"). Keyboard
 * first: arrows move, Enter or Tab picks, Escape closes; the editing area
 * points at the active option with aria-activedescendant and a polite live
 * region says how many were found (as the `@` menu does, mention-suggestion.ts).
 */
export function slashMenu(options: SlashMenuOptions) {
  return Extension.create({
    name: 'slashMenu',
    addProseMirrorPlugins() {
      return [
        Suggestion<SlashCommand, SlashCommand>({
          editor: this.editor,
          pluginKey: new PluginKey('slashMenu'),
          char: '/',
          allowSpaces: false,
          allowedPrefixes: [' ', '\u00a0'],
          allow: ({ editor }) => editor.isEditable,
          items: ({ query }) => filterSlashCommands(options.commands(), query).slice(0, SHOWN),
          command: ({ editor, range, props }) => props.run(editor, range),
          render: renderMenu(options),
        }),
      ];
    },
  });
}

function renderMenu(options: SlashMenuOptions) {
  return () => {
    let list: HTMLUListElement | null = null;
    let status: HTMLSpanElement | null = null;
    let props: SuggestionProps<SlashCommand, SlashCommand> | null = null;
    let active = 0;

    const draw = () => {
      if (!list || !props) return;
      const options_: HTMLElement[] = [];
      let group = '';
      props.items.forEach((item, index) => {
        if (item.group !== group) {
          group = item.group;
          const heading = document.createElement('li');
          heading.setAttribute('role', 'presentation');
          heading.className = 'slash-menu__group';
          heading.textContent = group;
          options_.push(heading);
        }
        const option = document.createElement('li');
        option.id = `${LIST_ID}-option-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(index === active));
        option.className = index === active ? 'slash-menu__option slash-menu__option--active' : 'slash-menu__option';
        const label = document.createElement('span');
        label.className = 'slash-menu__label';
        label.textContent = item.label;
        option.append(label);
        if (item.hint) {
          const hint = document.createElement('span');
          hint.className = 'slash-menu__hint';
          hint.textContent = item.hint;
          option.append(hint);
        }
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          props?.command(item);
        });
        options_.push(option);
      });
      list.replaceChildren(...options_);
      list.hidden = props.items.length === 0;
      const rect = props.clientRect?.();
      if (rect) {
        list.style.left = `${rect.left + window.scrollX}px`;
        list.style.top = `${rect.bottom + window.scrollY + 4}px`;
      }
      const editorDom = props.editor.view.dom;
      if (props.items.length) editorDom.setAttribute('aria-activedescendant', `${LIST_ID}-option-${active}`);
      else editorDom.removeAttribute('aria-activedescendant');
      if (status) status.textContent = options.found(props.items.length);
    };

    return {
      onStart: (start: SuggestionProps<SlashCommand, SlashCommand>) => {
        props = start;
        active = 0;
        list = document.createElement('ul');
        list.id = LIST_ID;
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', options.label());
        list.className = 'slash-menu';
        status = document.createElement('span');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');
        document.body.append(list, status);
        start.editor.view.dom.setAttribute('aria-controls', LIST_ID);
        draw();
      },
      onUpdate: (next: SuggestionProps<SlashCommand, SlashCommand>) => {
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
        const dom = props?.editor.view.dom;
        dom?.removeAttribute('aria-activedescendant');
        dom?.removeAttribute('aria-controls');
        list?.remove();
        status?.remove();
        list = null;
        status = null;
        props = null;
      },
    };
  };
}
