import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { navigate } from '../../shared/router/router';
import { useMessages } from '../../shared/i18n/language';
import { useErrorText } from '../../shared/ui/error-message';
import { searchMessages } from './messages';
import { addressForQuery } from './search-address';
import { SearchSuggestion } from './search-suggestion';
import { useLiveSearch } from './use-live-search';
import './search.css';

const ALL = 'all-results';

/** "/" jumps to the search box, unless the user is typing somewhere (a field, the editor) or a dialog is open. */
function useSlashShortcut(focus: () => void): void {
  const focusRef = useRef(focus);
  focusRef.current = focus;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (
        target?.closest(
          'input:not([type=checkbox], [type=radio], [type=button], [type=submit]), textarea, select, [contenteditable]:not([contenteditable="false"])',
        )
      )
        return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      focusRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function SearchIcon() {
  return (
    <svg className="search-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12.6 12.6 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's search box: a WAI-ARIA combobox with a listbox of suggestions
 * that follow the typing. Focus stays in the box; arrow keys move the active
 * option (aria-activedescendant), Enter opens it or, with none active, the
 * results page; Escape closes the list, a second Escape empties the box.
 */
export function SearchBox() {
  const m = useMessages(searchMessages);
  const errorText = useErrorText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  // The active option by what it stands for (an item id, or ALL), so it stays put while answers refine.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // A trailing space matters (the last word is then complete, not a prefix); leading ones do not.
  const query = value.trimStart();
  const { answer, error, loading } = useLiveSearch(query);
  useSlashShortcut(() => {
    input.current?.focus();
    input.current?.select();
  });

  const typed = query.trim() !== '';
  const hits = typed ? (answer?.result.hits ?? []) : [];
  const total = answer?.result.totalHits ?? 0;
  const keys = hits.length > 0 ? [...hits.map((hit) => hit.item.id), ALL] : []; // the hits, then "Alle resultaten"
  const optionCount = keys.length;
  const active = activeKey === null ? -1 : keys.indexOf(activeKey);
  const setActive = (i: number) => setActiveKey(keys[i] ?? null);
  const expanded = open && optionCount > 0;
  const listboxId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const go = (href: string) => {
    setValue('');
    setOpen(false);
    setActive(-1);
    // Leaving the box lets the next page's heading take focus, as after any link.
    input.current?.blur();
    navigate(href);
  };
  const choose = (i: number) => (i < hits.length ? go(`/items/${hits[i].item.id}`) : go(addressForQuery(query)));

  // What the popup says besides the options, and what a screen reader hears.
  let note = '';
  if (open && typed) {
    if (error?.query === query) note = `${m.failed} ${errorText(error.error)}`;
    else if (answer && answer.query === query && total === 0 && !loading) note = m.nothingFound(query.trim());
    else if (!answer && loading) note = m.searching;
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!optionCount) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!expanded) {
          setOpen(true);
          setActive(down ? 0 : optionCount - 1);
        } else if (down) setActive(active + 1 >= optionCount ? 0 : active + 1);
        else setActive(active <= 0 ? optionCount - 1 : active - 1);
        break;
      }
      case 'Enter':
        event.preventDefault();
        if (expanded && active >= 0) choose(active);
        else if (typed) go(addressForQuery(query));
        break;
      case 'Escape':
        if (expanded || note) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          event.preventDefault();
          setValue('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const announcement = expanded ? m.announce(hits.length, total) : note;

  return (
    <form
      role="search"
      aria-label={m.headerLandmark}
      className="header-search"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed) go(addressForQuery(query));
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {m.search}
      </label>
      <SearchIcon />
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts="/"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={m.placeholder}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="search-popup" hidden={!expanded && !note}>
        {note && <p className="search-popup-note">{note}</p>}
        {/* Options are chosen with the mouse without taking focus from the box. */}
        <ul
          id={listboxId}
          role="listbox"
          aria-label={m.suggestions}
          hidden={!expanded}
          onMouseDown={(event) => event.preventDefault()}
        >
          {hits.map((hit, i) => (
            <li
              key={hit.item.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="suggestion"
              onClick={() => choose(i)}
            >
              <SearchSuggestion hit={hit} />
            </li>
          ))}
          {hits.length > 0 && (
            <li
              id={optionId(hits.length)}
              role="option"
              aria-selected={active === hits.length}
              className="suggestion suggestion-all"
              onClick={() => choose(hits.length)}
            >
              {m.allResults(query.trim())}
              {total > hits.length && <span className="suggestion-total"> ({total})</span>}
            </li>
          )}
        </ul>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}
