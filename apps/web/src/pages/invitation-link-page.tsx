import { LIMITS } from '@spiraal/domain';
import { FormEvent, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useAction } from '../shared/api/use-query';
import { navigate, useLocationSearch } from '../shared/router/router';
import { useSession } from '../shared/api/session';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { TextField } from '../shared/ui/text-field';
import { ACCEPT_INVITATION_LINK } from '../features/auth/auth-queries';
import { AuthLayout } from '../features/auth/auth-layout';
import { authMessages } from '../features/auth/messages';

const PASSWORD_MIN = 10;

/**
 * /uitnodiging?token=…: the link in an invitation mail, for an address
 * without an account: a name and a password create the account and accept
 * the invitation in one step (acceptInvitationLink).
 */
export function InvitationLinkPage() {
  const m = useMessages(authMessages);
  const { signedIn } = useSession();
  const token = new URLSearchParams(useLocationSearch()).get('token') ?? '';
  const { run, busy, error } = useAction();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ name?: string; password?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      name: displayName.trim() ? undefined : m.fillName,
      password: [...password].length >= PASSWORD_MIN ? undefined : m.passwordTooShort,
    };
    setProblems(found);
    if (found.name || found.password) return;
    const result = await run(() =>
      graphql(ACCEPT_INVITATION_LINK, { input: { token, displayName: displayName.trim(), password } }),
    );
    if (!result) return;
    navigate('/', { replace: true });
    signedIn(result.acceptInvitationLink.user);
  };

  return (
    <AuthLayout title={m.invitationTitle} intro={m.invitationIntro}>
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
          {m.invitationAccept}
        </button>
      </form>
      <p className="auth-switch">
        {m.invitationHaveAccount} <Link href="/login">{m.toLogin}</Link>
      </p>
    </AuthLayout>
  );
}
