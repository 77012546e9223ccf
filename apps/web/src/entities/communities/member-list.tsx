import { useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { Dialog } from '../../shared/ui/dialog';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDate } from '../../shared/ui/format';
import { CHANGE_MEMBER_ROLE, Member, REMOVE_MEMBER } from './community-queries';
import { communityMessages } from './messages';
import { Role, ROLES } from './vocabulary';
import './communities.css';

interface MemberListProps {
  communityId: string;
  members: Member[];
  viewerId: string;
  /** Facilitators change roles and remove people; others only read. */
  manage: boolean;
  onChanged(): void;
}

/** Who is in the leernetwerk: a table; facilitators get a role control and a remove button per row. */
export function MemberList({ communityId, members, viewerId, manage, onChanged }: MemberListProps) {
  const m = useMessages(communityMessages);
  const { language } = useLanguage();
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState<Member | null>(null);
  const action = useAction();
  const showEmail = members.some((member) => member.email && member.user.id !== viewerId);

  const changeRole = async (member: Member, role: Role) => {
    setDone('');
    const result = await action.run(() =>
      graphql(CHANGE_MEMBER_ROLE, { input: { communityId, userId: member.user.id, role } }),
    );
    if (!result) return;
    setDone(m.roleChanged(member.user.displayName, m.roles[role]));
    onChanged();
  };
  const remove = async (member: Member) => {
    setDone('');
    const result = await action.run(() => graphql(REMOVE_MEMBER, { input: { communityId, userId: member.user.id } }));
    setRemoving(null);
    if (!result) return;
    setDone(m.removed(member.user.displayName));
    onChanged();
  };

  return (
    <>
      <ErrorMessage error={action.error} />
      <p role="status" className="message message-success" hidden={!done}>
        {done}
      </p>
      <div className="table-wrap">
        <table className="members">
          <caption className="visually-hidden">{m.memberList}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colName}</th>
              <th scope="col">{m.colPerspective}</th>
              <th scope="col">{m.colRole}</th>
              {showEmail && <th scope="col">{m.colEmail}</th>}
              <th scope="col">{m.colSince}</th>
              {manage && <th scope="col">{m.colActions}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.user.id}>
                <th scope="row">
                  {member.user.displayName} {member.user.id === viewerId && <span className="muted">{m.you}</span>}
                </th>
                <td>{m.perspectives[member.perspective]}</td>
                <td>
                  {manage ? (
                    <RoleControl member={member} busy={action.busy} onSave={(role) => void changeRole(member, role)} />
                  ) : (
                    m.roles[member.role]
                  )}
                </td>
                {showEmail && <td className="email">{member.email}</td>}
                <td>
                  <time dateTime={member.joinedAt}>{formatDate(member.joinedAt, language)}</time>
                </td>
                {manage && (
                  <td>
                    {/* Leaving is not removing someone: no remove button on your own row. */}
                    {member.user.id !== viewerId && (
                      <button type="button" className="button-quiet button-danger" onClick={() => setRemoving(member)}>
                        <span aria-hidden="true">{m.remove}</span>
                        <span className="visually-hidden">{m.removeOf(member.user.displayName)}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removing && (
        <Dialog title={m.removeTitle} onClose={() => setRemoving(null)}>
          <p>{m.removeConfirm(removing.user.displayName)}</p>
          <div className="actions">
            <button
              type="button"
              className="button-danger-solid"
              disabled={action.busy}
              onClick={() => void remove(removing)}
            >
              {m.removeYes}
            </button>
            <button type="button" className="button-secondary" data-autofocus onClick={() => setRemoving(null)}>
              {m.cancel}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** A role select with its own save button, so browsing options with the arrow keys changes nothing yet. */
function RoleControl({ member, busy, onSave }: { member: Member; busy: boolean; onSave(role: Role): void }) {
  const m = useMessages(communityMessages);
  const [role, setRole] = useState<Role>(member.role);
  const id = `role-${member.user.id}`;
  return (
    <div className="role-control">
      <label htmlFor={id} className="visually-hidden">
        {m.roleOf(member.user.displayName)}
      </label>
      <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {m.roles[r]}
          </option>
        ))}
      </select>
      {role !== member.role && (
        <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => onSave(role)}>
          {m.saveRole}
        </button>
      )}
    </div>
  );
}
