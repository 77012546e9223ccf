import { MouseEvent, useEffect } from 'react';
import { LoginPage } from '../pages/login-page';
import { InvitationAnswerPage } from '../pages/invitation-answer-page';
import { InvitationLinkPage } from '../pages/invitation-link-page';
import { VerifyEmailPage } from '../pages/verify-email-page';
import { RegisterPage } from '../pages/register-page';
import { ForgotPasswordPage } from '../pages/forgot-password-page';
import { ResetPasswordPage } from '../pages/reset-password-page';
import { DirectoryPage } from '../pages/directory-page';
import { CommunitiesProvider } from '../entities/communities/communities-provider';
import { CommunityHomePage } from '../pages/community-home-page';
import { MembersPage } from '../pages/members-page';
import { StartPage } from '../pages/start-page';
import { useMessages } from '../shared/i18n/language';
import { ItemListPage } from '../pages/item-list-page';
// The item page holds the lazily loaded editor: `lazy(() => import('../features/editor/item-editor'))`.
import { ItemPage } from '../pages/item-page';
import { MeetingPage } from '../pages/meeting-page';
import { TemplatesPage } from '../pages/templates-page';
import { MeetingsPage } from '../pages/meetings-page';
import { SEARCH_PATH } from '../features/search/search-address';
import { SearchPage } from '../pages/search-page';
import { SpiralPage } from '../pages/spiral-page';
import { Loading } from '../shared/ui/loading';
import { AppHeader } from './app-header';
import { appMessages } from './messages';
import { InboxPage } from '../pages/inbox-page';
import { PreferencesPage } from '../pages/preferences-page';
import { NotFoundPage } from './not-found-page';
import { match, navigate, usePath } from '../shared/router/router';
import { useSession } from '../shared/api/session';
import './app.css';

/** The page for an address, for a signed-in user. */
function SignedInRoutes({ path }: { path: string }) {
  const isAuthPage = path === '/login' || path === '/register';
  useEffect(() => {
    if (isAuthPage) navigate('/', { replace: true });
  }, [isAuthPage]);
  if (path === '/' || isAuthPage) return <StartPage />;
  // Signed in, the invitation link is answered with its token (the address need not be verified).
  if (path === '/uitnodiging') return <InvitationAnswerPage />;
  if (path === '/e-mailadres-bevestigen') return <VerifyEmailPage />;
  let params: Record<string, string> | null;
  if ((params = match('/c/:id', path))) return <CommunityHomePage key={params.id} communityId={params.id} />;
  if ((params = match('/c/:id/items', path))) return <ItemListPage key={params.id} communityId={params.id} />;
  if ((params = match('/c/:id/members', path))) return <MembersPage key={params.id} communityId={params.id} />;
  if ((params = match('/c/:id/spiraal', path))) return <SpiralPage key={params.id} communityId={params.id} />;
  if ((params = match('/c/:id/bijeenkomsten', path))) return <MeetingsPage key={params.id} communityId={params.id} />;
  if ((params = match('/c/:id/sjablonen', path))) return <TemplatesPage key={params.id} communityId={params.id} />;
  if ((params = match('/items/:id', path))) return <ItemPage key={params.id} itemId={params.id} />;
  if ((params = match('/bijeenkomsten/:id', path))) return <MeetingPage key={params.id} meetingId={params.id} />;
  if (match(SEARCH_PATH, path)) return <SearchPage />;
  if (path === '/meldingen') return <InboxPage />;
  if (path === '/meldingen/instellingen') return <PreferencesPage />;
  if (path === '/leernetwerken') return <DirectoryPage />;
  return <NotFoundPage />;
}

/** Signed out: signing up, a forgotten password, else signing in (any other address signs in first). */
function SignedOutRoutes({ path }: { path: string }) {
  if (path === '/register') return <RegisterPage />;
  if (path === '/wachtwoord-vergeten') return <ForgotPasswordPage />;
  if (path === '/uitnodiging') return <InvitationLinkPage />;
  if (path === '/e-mailadres-bevestigen') return <VerifyEmailPage />;
  return <LoginPage />;
}

/** The shell: skip link, header, main. Signed-out visitors get the login page at any address. */
export function App() {
  const m = useMessages(appMessages);
  const path = usePath();
  const { user } = useSession();

  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <CommunitiesProvider>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {m.skipLink}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className={user ? 'page' : 'page page-narrow'}>
        {user === undefined ? (
          <Loading />
        ) : path === '/wachtwoord-herstellen' ? (
          <ResetPasswordPage />
        ) : user === null ? (
          <SignedOutRoutes path={path} />
        ) : (
          <SignedInRoutes path={path} />
        )}
      </main>
    </CommunitiesProvider>
  );
}
