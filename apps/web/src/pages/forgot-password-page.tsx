import { FormEvent, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction } from '../shared/api/use-query';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { TextField } from '../shared/ui/text-field';
import { REQUEST_PASSWORD_RESET } from '../features/auth/auth-queries';
import { AuthLayout } from '../features/auth/auth-layout';
import { authMessages } from '../features/auth/messages';

/** /wachtwoord-vergeten: asks for a reset link; the answer is the same for every address. */
export function ForgotPasswordPage() {
  const m = useMessages(authMessages);
  const { run, busy, error } = useAction();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) {
      setProblem(m.fillEmail);
      return;
    }
    setProblem(undefined);
    const result = await run(() => graphql(REQUEST_PASSWORD_RESET, { email: email.trim() }));
    if (result) setSent(true);
  };

  return (
    <AuthLayout title={m.forgotTitle} intro={m.forgotIntro}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={m.email}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          problem={problem}
          onChange={(e) => setEmail(e.target.value)}
        />
        <ErrorMessage error={error} />
        <button type="submit" className="button-primary button-wide" disabled={busy}>
          {busy ? m.sendingLink : m.sendLink}
        </button>
      </form>
      <p role="status" className="message message-success" hidden={!sent}>
        {sent ? m.linkSent : ''}
      </p>
      <p className="auth-switch">
        <Link href="/login">{m.backToLogin}</Link>
      </p>
    </AuthLayout>
  );
}
