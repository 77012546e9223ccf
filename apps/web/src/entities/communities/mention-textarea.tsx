import './mentions.css';
import { KeyboardEvent, TextareaHTMLAttributes, useId, useMemo, useRef, useState } from 'react';
import { useQuery } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { MENTION_MEMBERS_QUERY } from './community-queries';
import { mentionMessages } from './mention-messages';

export interface Member {
  id: string;
  displayName: string;
}

const SHOWN = 8;

/** The `@word` being typed right before the caret, if any. */
function queryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

/** The ids of the chosen people whose `@Name` is still in the text: what the comment mentions. */
export function mentionedIds(text: string, chosen: readonly Member[]): string[] {
  return [...new Set(chosen.filter((m) => text.includes(`@${m.displayName}`)).map((m) => m.id))];
}

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  communityId: string;
  value: string;
  onChange(value: string): void;
  /** Called with everyone picked so far; the form keeps those still named. */
  onMention(member: Member): void;
};

/**
 * A textarea where typing `@` suggests the community's members (combobox
 * pattern: arrows move, Enter or Tab picks, Escape closes); the number of
 * suggestions is announced.
 */
export function MentionTextarea({ communityId, value, onChange, onMention, id, ...rest }: Props) {
  const m = useMessages(mentionMessages);
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const { data } = useQuery(MENTION_MEMBERS_QUERY, { id: communityId });

  const options = useMemo(() => {
    if (!at || !data) return [];
    const q = at.query.toLocaleLowerCase('nl');
    return data.community.members
      .map((member) => member.user)
      .filter((user) => user.displayName.toLocaleLowerCase('nl').includes(q))
      .slice(0, SHOWN);
  }, [at, data]);
  const open = at !== null && data !== undefined;

  const update = (text: string, caret: number) => {
    onChange(text);
    setAt(queryAt(text, caret));
    setActive(0);
  };

  const pick = (member: Member) => {
    if (!at) return;
    const caret = area.current?.selectionStart ?? value.length;
    const inserted = `@${member.displayName} `;
    const text = value.slice(0, at.start) + inserted + value.slice(caret);
    onChange(text);
    onMention(member);
    setAt(null);
    requestAnimationFrame(() => {
      const position = at.start + inserted.length;
      area.current?.setSelectionRange(position, position);
    });
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || !options.length) {
      if (event.key === 'Escape' && open) setAt(null);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setAt(null);
    }
  };

  return (
    <div className="mention-field">
      <textarea
        {...rest}
        id={id}
        ref={area}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options.length ? `${listId}-${active}` : undefined}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyDown={keyDown}
        onBlur={() => setTimeout(() => setAt(null), 150)}
      />
      <ul id={listId} role="listbox" className="mention-suggestions" hidden={!open || !options.length} aria-label="@">
        {open &&
          options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'mention-option mention-option-active' : 'mention-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
            >
              {option.displayName}
            </li>
          ))}
      </ul>
      <span className="visually-hidden" role="status" aria-live="polite">
        {open ? m.suggestions(options.length) : ''}
      </span>
    </div>
  );
}
