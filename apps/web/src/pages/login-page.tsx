import { FormEvent, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction } from '../shared/api/use-query';
import { navigate } from '../shared/router/router';
import { useSession } from '../shared/api/session';
import { useMessages } from '../shared/i18n/language';
import { uiMessages } from '../shared/ui/messages';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { TextField } from '../shared/ui/text-field';
import { LOGIN } from '../features/auth/auth-queries';
import { AuthLayout } from '../features/auth/auth-layout';
import { authMessages } from '../features/auth/messages';

/**
 * Shown at /login, and at any address a signed-out visitor opens: after
 * signing in they are on the page they asked for.
 */
export function LoginPage() {
  const m = useMessages(authMessages);
  const ui = useMessages(uiMessages);
  const { signedIn } = useSession();
  const { run, busy, error } = useAction();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ email?: string; password?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = { email: email.trim() ? undefined : m.fillEmail, password: password ? undefined : m.fillPassword };
    setProblems(found);
    if (found.email || found.password) {
      event.currentTarget.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const result = await run(() => graphql(LOGIN, { input: { email: email.trim(), password } }));
    if (!result) return;
    if (window.location.pathname === '/login') navigate('/', { replace: true });
    signedIn(result.login.user);
  };

  return (
    <AuthLayout title={m.loginTitle} intro={m.loginIntro}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={m.email}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          problem={problems.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={m.password}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          problem={problems.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {/* A wrong password is UNAUTHENTICATED here; say it plainly. */}
        <ErrorMessage error={error} overrides={{ UNAUTHENTICATED: ui.errors.wrongPassword }} />
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          {busy ? m.loggingIn : m.login}
        </button>
      </form>
      <p className="auth-switch">
        <Link href="/wachtwoord-vergeten">{m.forgotPassword}</Link>
      </p>
      <p className="auth-switch">
        {m.noAccount} <Link href="/register">{m.toRegister}</Link>
      </p>
    </AuthLayout>
  );
}
