import { useCommunities } from '../entities/communities/communities-provider';
import { CommunitySwitcher } from '../entities/communities/community-switcher';
import { communityMessages } from '../entities/communities/messages';
import { useMessages } from '../shared/i18n/language';
import { SearchBox } from '../features/search/search-box';
import { Link } from '../shared/ui/link';
import { LanguageSwitch } from './language-switch';
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

/** The header: name, leernetwerk switcher and its pages, search, language, who is signed in. */
export function AppHeader() {
  const m = useMessages(appMessages);
  const cm = useMessages(communityMessages);
  const { user, signOut } = useSession();
  const { list, currentId } = useCommunities();
  const path = usePath();
  const current = list?.find((c) => c.id === currentId);

  const navLink = (href: string, label: string) => (
    <li>
      <Link href={href} aria-current={path === href ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );

  return (
    <header className="site-header">
      <div className="header-row">
        <Link href="/" className="brand" aria-label={m.home}>
          <Logo />
          <span>Spiraal</span>
        </Link>
        {user && <CommunitySwitcher />}
        {user && <SearchBox />}
        <div className="header-tools">
          <LanguageSwitch />
          {user && (
            <>
              <span className="user-name" title={m.signedInAs(user.displayName)}>
                <span className="visually-hidden">{m.signedInAs('')}</span>
                {user.displayName}
              </span>
              <button
                type="button"
                className="button-quiet"
                onClick={async () => {
                  await signOut();
                  navigate('/login');
                }}
              >
                {m.signOut}
              </button>
            </>
          )}
        </div>
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
