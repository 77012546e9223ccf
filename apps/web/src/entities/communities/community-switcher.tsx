import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { Link } from '../../shared/ui/link';
import { useCommunities } from './communities-provider';
import { CommunitySummary } from './community-queries';
import { communityMessages } from './messages';
import { NewCommunityDialog } from './new-community-dialog';
import './communities.css';

/**
 * The header's leernetwerk switcher: a disclosure button with links (not a
 * select that navigates on every arrow key), plus "Nieuw leernetwerk".
 */
export function CommunitySwitcher() {
  const m = useMessages(communityMessages);
  const { list, currentId } = useCommunities();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const current = list?.find((c) => c.id === currentId);
  const mine = list?.filter((c) => c.myRole) ?? [];
  const open_ = list?.filter((c) => !c.myRole) ?? [];

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };

  const group = (label: string, communities: CommunitySummary[]) =>
    communities.length > 0 && (
      <>
        <p className="switcher-group" aria-hidden="true">
          {label}
        </p>
        <ul aria-label={label}>
          {communities.map((c) => (
            <li key={c.id}>
              <Link
                href={`/c/${c.id}`}
                aria-current={c.id === currentId ? 'page' : undefined}
                onClick={() => setOpen(false)}
              >
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <div className="switcher" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="switcher-label">{m.switcherLabel}</span>
        <span className="switcher-current">{current?.name ?? m.chooseCommunity}</span>
        <span aria-hidden="true" className="switcher-arrow">
          ▾
        </span>
      </button>
      <div id={panelId} className="switcher-panel" hidden={!open}>
        {group(m.myCommunities, mine)}
        {group(m.openCommunities, open_)}
        <button
          type="button"
          className="button-quiet switcher-new"
          onClick={() => {
            setOpen(false);
            button.current?.focus(); // so focus returns somewhere visible when the dialog closes
            setCreating(true);
          }}
        >
          <span aria-hidden="true">+ </span>
          {m.newCommunity}
        </button>
      </div>
      {creating && <NewCommunityDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
