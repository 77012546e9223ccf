import { LIMITS } from '@spiraal/domain';
import { FormEvent, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction } from '../shared/api/use-query';
import { navigate } from '../shared/router/router';
import { useSession } from '../shared/api/session';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { TextField } from '../shared/ui/text-field';
import { REGISTER } from '../features/auth/auth-queries';
import { AuthLayout } from '../features/auth/auth-layout';
import { authMessages } from '../features/auth/messages';

const PASSWORD_MIN = 10;

/** /register: name, e-mail address and a password of at least 10 characters. */
export function RegisterPage() {
  const m = useMessages(authMessages);
  const { signedIn } = useSession();
  const { run, busy, error } = useAction();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ name?: string; email?: string; password?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      name: displayName.trim() ? undefined : m.fillName,
      email: email.trim() ? undefined : m.fillEmail,
      // Code points, as the server counts them.
      password: [...password].length >= PASSWORD_MIN ? undefined : m.passwordTooShort,
    };
    setProblems(found);
    if (found.name || found.email || found.password) {
      event.currentTarget.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const result = await run(() =>
      graphql(REGISTER, { input: { displayName: displayName.trim(), email: email.trim(), password } }),
    );
    if (!result) return;
    navigate('/', { replace: true });
    signedIn(result.register.user);
  };

  return (
    <AuthLayout title={m.registerTitle} intro={m.registerIntro}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={m.name}
          name="name"
          autoComplete="name"
          maxLength={LIMITS.displayNameMax}
          hint={m.nameHint}
          value={displayName}
          problem={problems.name}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextField
          label={m.email}
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          problem={problems.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={m.password}
          type="password"
          name="password"
          autoComplete="new-password"
          hint={m.passwordHint}
          value={password}
          problem={problems.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage error={error} />
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          {busy ? m.registering : m.register}
        </button>
      </form>
      <p className="auth-switch">
        {m.haveAccount} <Link href="/login">{m.toLogin}</Link>
      </p>
    </AuthLayout>
  );
}
