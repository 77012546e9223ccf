import { FormEvent, useId, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { PerspectiveSelect } from './perspective-select';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Invitation, INVITE_MEMBER } from './community-queries';
import { communityMessages } from './messages';
import { Perspective, Role, ROLES } from './vocabulary';
import './communities.css';

/**
 * Facilitators invite someone by e-mail, with a role and a perspective; the
 * person joins only by accepting. The answer is the same whether or not the
 * address has an account.
 */
export function InviteMemberForm({
  communityId,
  onInvited,
}: {
  communityId: string;
  onInvited(invitation: Invitation): void;
}) {
  const m = useMessages(communityMessages);
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [perspective, setPerspective] = useState<Perspective>('PROFESSIONAL');
  const [missingEmail, setMissingEmail] = useState(false);
  const [done, setDone] = useState('');
  const { run, busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (!email.trim()) {
      setMissingEmail(true);
      return;
    }
    setMissingEmail(false);
    const result = await run(() =>
      graphql(INVITE_MEMBER, { input: { communityId, email: email.trim(), role, perspective } }),
    );
    if (!result) return;
    setEmail('');
    setDone(m.invited(result.inviteMember.email));
    onInvited(result.inviteMember);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.invitePerson}</h2>
      <p className="hint" id={`${id}-hint`}>
        {m.invitePersonHint}
      </p>
      <form className="form add-member" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field field-wide">
          <label htmlFor={`${id}-email`}>{m.email}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            aria-describedby={`${id}-hint${missingEmail ? ` ${id}-email-error` : ''}`}
            aria-invalid={missingEmail || undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
          {missingEmail && (
            <p id={`${id}-email-error`} role="alert" className="field-error">
              {m.emailRequired}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{m.role}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {m.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <PerspectiveSelect label={m.perspective} value={perspective} onChange={setPerspective} />
        <div className="field field-button">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? m.inviting : m.invite}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
    </section>
  );
}
