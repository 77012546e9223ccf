import { FormEvent, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction } from '../shared/api/use-query';
import { useSession } from '../shared/api/session';
import { navigate, useLocationSearch } from '../shared/router/router';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { TextField } from '../shared/ui/text-field';
import { RESET_PASSWORD } from '../features/auth/auth-queries';
import { AuthLayout } from '../features/auth/auth-layout';
import { authMessages } from '../features/auth/messages';

const PASSWORD_MIN = 10;

/** /wachtwoord-herstellen?token=…: the link from the mail (or from an administrator); a new password signs you in. */
export function ResetPasswordPage() {
  const m = useMessages(authMessages);
  const { signedIn } = useSession();
  const token = new URLSearchParams(useLocationSearch()).get('token') ?? '';
  const { run, busy, error } = useAction();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password.length < PASSWORD_MIN) {
      setProblem(password ? m.passwordTooShort : m.fillPassword);
      return;
    }
    setProblem(undefined);
    const result = await run(() => graphql(RESET_PASSWORD, { input: { token, password } }));
    if (!result) return;
    navigate('/', { replace: true });
    signedIn(result.resetPassword.user);
  };

  return (
    <AuthLayout title={m.resetTitle} intro={m.resetIntro}>
      {!token ? (
        <p role="alert" className="message message-error">
          {m.noToken} <Link href="/wachtwoord-vergeten">{m.forgotPassword}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={m.newPassword}
            hint={m.passwordHint}
            type="password"
            name="new-password"
            autoComplete="new-password"
            value={password}
            problem={problem}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorMessage error={error} />
          <button type="submit" className="button-primary button-wide" disabled={busy}>
            {busy ? m.savingPassword : m.savePassword}
          </button>
        </form>
      )}
      <p className="auth-switch">
        <Link href="/wachtwoord-vergeten">{m.forgotPassword}</Link>
      </p>
    </AuthLayout>
  );
}
