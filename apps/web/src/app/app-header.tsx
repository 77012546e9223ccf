import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useCommunities } from '../entities/communities/communities-provider';
import { CommunitySwitcher } from '../entities/communities/community-switcher';
import { communityMessages } from '../entities/communities/messages';
import { useMessages } from '../shared/i18n/language';
import { SearchBox } from '../features/search/search-box';
import { Link } from '../shared/ui/link';
import { NotificationBell } from '../features/notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { ThemeSwitch } from './theme-switch';
import { appMessages } from './messages';
import { navigate, usePath } from '../shared/router/router';
import { useSession } from '../shared/api/session';

/** The spiral mark: decoration only. */
function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <path
        d="M16 16c0-1.7 1.3-3 3-3s3 1.3 3 3c0 3.3-2.7 6-6 6s-6-2.7-6-6c0-5 4-9 9-9s9 4 9 9c0 6.6-5.4 12-12 12S4 22.6 4 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}

function MenuIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header: name, leernetwerk switcher and its pages, search, language,
 * dark mode, who is signed in. One row on a laptop; on a phone (and a narrow
 * window) the switcher, search and tools fold into a menu behind one button
 * (app.css), which closes on navigation and on Escape.
 */
export function AppHeader() {
  const m = useMessages(appMessages);
  const cm = useMessages(communityMessages);
  const { user, signOut } = useSession();
  const { list, currentId } = useCommunities();
  const path = usePath();
  const current = list?.find((c) => c.id === currentId);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setMenuOpen(false), [path]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    // Escape in an open list of the menu (switcher, search) closes that list first.
    const target = event.target as Element;
    if (target.closest('[aria-expanded="true"]:not(.menu-button), .switcher-panel, .search-popup')) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  const navLink = (href: string, label: string) => (
    <li>
      <Link href={href} aria-current={path === href ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );

  return (
    <header className="site-header" onKeyDown={onKeyDown}>
      <div className="header-row">
        <Link href="/" className="brand" aria-label={m.home}>
          <Logo />
          <span>Spiraal</span>
        </Link>
        <div id={menuId} className="header-menu" data-menu={user ? (menuOpen ? 'open' : 'closed') : undefined}>
          {user && <CommunitySwitcher />}
          {user && <SearchBox />}
          <div className="header-tools">
            <LanguageSwitch />
            <ThemeSwitch />
            {user && (
              <>
                <span className="user-name" title={m.signedInAs(user.displayName)}>
                  <span className="visually-hidden">{m.signedInAs('')}</span>
                  {user.displayName}
                </span>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => void signOut().then(() => navigate('/login'))}
                >
                  {m.signOut}
                </button>
              </>
            )}
          </div>
        </div>
        {user && <NotificationBell />}
        {user && (
          <button
            ref={menuButton}
            type="button"
            className="menu-button button-quiet"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <MenuIcon />
            <span>{m.menu}</span>
          </button>
        )}
      </div>
      {user && current && (
        <nav aria-label={cm.nav} className="community-nav">
          <ul>
            {navLink(`/c/${current.id}`, cm.navHome)}
            {navLink(`/c/${current.id}/items`, cm.navItems)}
            {navLink(`/c/${current.id}/spiraal`, cm.navSpiral)}
            {navLink(`/c/${current.id}/bijeenkomsten`, cm.navMeetings)}
            {current.myRole && navLink(`/c/${current.id}/members`, cm.navMembers)}
          </ul>
        </nav>
      )}
    </header>
  );
}
