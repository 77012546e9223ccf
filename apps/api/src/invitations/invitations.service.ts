import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isUuid,
  Perspective,
  Role,
  ROLE_LABELS,
  validateDisplayName,
  validateEmail,
  validatePassword,
} from '@spiraal/domain';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import type { AuthUser } from '../common/request-context';
import { badInput, notFound } from '../common/errors';
import { RateLimits } from '../common/rate-limits';
import { ServerSecretService } from '../database/server-secret.service';
import { MembershipEvents } from '../communities/membership-events';
import { EmailVerificationService } from '../email-verification/email-verification.service';
import { NotificationsService } from '../notifications/notifications.service';
import { invitationIdOf, signInvitation, verifyInvitation } from './invitation-link';
import { InvitationMailer } from './invitation-mailer';

/** How long an invitation may be accepted. */
export const INVITATION_TTL_DAYS = 14;

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  perspective: Perspective;
  community: { id: string; name: string };
  invitedBy: { displayName: string } | null;
  expiresAt: Date;
  /** Only for the community's facilitators, and only when nothing is mailed (they pass the link on). */
  linkToken?: string | null;
}

interface InvitationRow {
  id: string;
  community_id: string;
  email: string;
  role: Role;
  perspective: Perspective;
  expires_at: Date;
  community_name: string;
  inviter_name: string | null;
}

const SELECT = `
  SELECT i.id, i.community_id, i.email, i.role, i.perspective, i.expires_at, c.name AS community_name, u.display_name AS inviter_name
    FROM invitations i
    JOIN communities c ON c.id = i.community_id
    LEFT JOIN users u ON u.id = i.invited_by`;
const OPEN = `i.outcome IS NULL AND i.expires_at > now()`;

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    perspective: row.perspective,
    community: { id: row.community_id, name: row.community_name },
    invitedBy: row.inviter_name === null ? null : { displayName: row.inviter_name },
    expiresAt: new Date(row.expires_at),
  };
}

const notThisInvitation = () => notFound('Deze uitnodiging');

/**
 * Joining a community with consent (issue 20): a facilitator invites an
 * e-mail address; the person behind it accepts or declines, in the app or
 * through the signed link in the mail (which creates the account when the
 * address has none). The answer to an invitation is the same whether or not
 * the address has an account, so it cannot be used to look people up.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly limits: RateLimits,
    private readonly secrets: ServerSecretService,
    private readonly mailer: InvitationMailer,
    private readonly hasher: PasswordHasher,
    private readonly events: MembershipEvents,
    private readonly verification: EmailVerificationService,
    private readonly notifications: NotificationsService,
  ) {}

  async invite(
    user: AuthUser,
    input: { communityId: string; email: string; role: Role; perspective: Perspective },
  ): Promise<InvitationView> {
    await this.access.toCommunity(user, input.communityId, 'member.manage');
    const email = validateEmail(input.email);
    await this.limits.invitation(user.id);
    const secret = await this.secrets.get('invitation-links');
    const view = await this.db.transaction(async (tx) => {
      // Whether the address is a member is no secret to a facilitator (the member list shows it); whether it has an account is.
      const member: unknown[] = await tx.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.community_id = $1 AND u.email = $2`,
        [input.communityId, email],
      );
      if (member.length)
        throw badInput('Dit e-mailadres is al lid van dit leernetwerk / This address is a member already', 'email');
      // A new invitation to the same address replaces the open one (new role, new expiry, older links invalid).
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO invitations (community_id, email, role, perspective, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
         ON CONFLICT (community_id, email) WHERE outcome IS NULL
         DO UPDATE SET role = EXCLUDED.role, perspective = EXCLUDED.perspective, invited_by = EXCLUDED.invited_by, expires_at = EXCLUDED.expires_at
         RETURNING id`,
        [input.communityId, email, input.role, input.perspective, user.id, INVITATION_TTL_DAYS],
      );
      await this.audit.record(tx, {
        communityId: input.communityId,
        actorId: user.id,
        action: 'member.invite',
        targetId: null,
        details: { invitation: id, role: input.role },
      });
      const invitation = await this.one(tx, id);
      // An account that proved this address hears of it in its inbox too (an unverified one does not: see `mine`).
      const [invitee]: { id: string }[] = await tx.query(
        `SELECT id FROM users WHERE email = $1 AND email_verified_at IS NOT NULL AND id <> $2`,
        [email, user.id],
      );
      if (invitee)
        await this.notifications.notifyInvited(tx, {
          userId: invitee.id,
          actorId: user.id,
          communityId: input.communityId,
          excerpt: `${invitation.community.name}, als ${ROLE_LABELS[input.role].nl.toLowerCase()}`,
        });
      const token = signInvitation(secret, invitation);
      await this.mailer.send(
        {
          email,
          communityName: invitation.community.name,
          inviterName: user.displayName,
          token,
          expiresAt: invitation.expiresAt,
        },
        tx,
      );
      return { ...invitation, linkToken: this.verification.linksProveAddress ? null : token };
    });
    return view;
  }

  /**
   * The open invitations to the signed-in user's address, once they proved
   * it is theirs (a verified address): registering with someone else's
   * address shows nothing of their invitations.
   */
  async mine(user: AuthUser): Promise<InvitationView[]> {
    if (!(await this.verification.isVerified(user))) return [];
    const rows: InvitationRow[] = await this.db.query(
      `${SELECT} WHERE i.email = $1 AND ${OPEN} ORDER BY i.created_at, i.id`,
      [user.email],
    );
    return rows.map(toView);
  }

  /** A community's open invitations, for its facilitators. */
  async ofCommunity(user: AuthUser, communityId: string): Promise<InvitationView[]> {
    await this.access.toCommunity(user, communityId, 'member.manage');
    const rows: InvitationRow[] = await this.db.query(
      `${SELECT} WHERE i.community_id = $1 AND ${OPEN} ORDER BY i.created_at, i.id`,
      [communityId],
    );
    const secret = this.verification.linksProveAddress ? null : await this.secrets.get('invitation-links');
    return rows.map((row) => {
      const view = toView(row);
      return { ...view, linkToken: secret ? signInvitation(secret, view) : null };
    });
  }

  /**
   * Accepts an invitation to the user's own address: from now on a member.
   * Returns the community's id. The user proves the address is theirs with
   * the link's token or a verified address; an account that merely carries
   * the address gets NOT_FOUND, word for word as for a missing invitation.
   */
  async accept(user: AuthUser, id: string, token: string | null = null): Promise<string> {
    const invitation = await this.db.transaction(async (tx) => {
      const open = await this.lockOwn(tx, user, id, token);
      await this.join(tx, open, user.id);
      return open;
    });
    this.events.emit({ communityId: invitation.community_id, userId: user.id, role: invitation.role });
    return invitation.community_id;
  }

  async decline(user: AuthUser, id: string, token: string | null = null): Promise<boolean> {
    await this.db.transaction(async (tx) => {
      await this.lockOwn(tx, user, id, token);
      await tx.query(`UPDATE invitations SET outcome = 'DECLINED', answered_at = now() WHERE id = $1`, [id]);
    });
    return true;
  }

  /** Facilitators of the community withdraw an open invitation. */
  async withdraw(user: AuthUser, id: string): Promise<boolean> {
    const [row]: { community_id: string }[] = isUuid(id)
      ? await this.db.query(`SELECT community_id FROM invitations i WHERE i.id = $1 AND ${OPEN}`, [id])
      : [];
    if (!row) throw notThisInvitation();
    // Someone who may not see the community hears of no invitation either: word for word as for a missing one.
    await this.access.toCommunity(user, row.community_id, 'member.manage').catch((error: unknown) => {
      throw error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND' ? notThisInvitation() : error;
    });
    await this.db.transaction(async (tx) => {
      const updated: [unknown[], number] = await tx.query(
        `UPDATE invitations SET outcome = 'WITHDRAWN', answered_at = now() WHERE id = $1 AND outcome IS NULL`,
        [id],
      );
      if (!updated[1]) throw notThisInvitation();
      await this.audit.record(tx, {
        communityId: row.community_id,
        actorId: user.id,
        action: 'member.invite.withdraw',
        targetId: null,
        details: { invitation: id },
      });
    });
    return true;
  }

  /**
   * Accepts through the signed link, creating the account of an address
   * that has none; an address with an account signs in and accepts in the app.
   * Returns the new user.
   */
  async acceptWithNewAccount(
    input: { token: string; displayName: string; password: string },
    address: string,
  ): Promise<{ user: AuthUser; communityId: string }> {
    await this.limits.registration(address);
    const id = invitationIdOf(String(input.token));
    const secret = await this.secrets.get('invitation-links');
    const displayName = validateDisplayName(input.displayName);
    const password = validatePassword(input.password);
    const passwordHash = await this.hasher.hash(password);
    const joined = await this.db.transaction(async (tx) => {
      const [row]: (InvitationRow & { email: string })[] = id
        ? await tx.query(`${SELECT} WHERE i.id = $1 AND ${OPEN} FOR UPDATE OF i`, [id])
        : [];
      if (
        !row ||
        !verifyInvitation(secret, input.token, { id: row.id, email: row.email, expiresAt: new Date(row.expires_at) })
      ) {
        throw notFound('Deze uitnodiging (verlopen, ingetrokken of al beantwoord)');
      }
      // A mailed link proves the address (a link the facilitator passed on, without mail, does not).
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO users (email, display_name, password_hash, email_verified_at)
         VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN now() END) ON CONFLICT DO NOTHING RETURNING id`,
        [row.email, displayName, passwordHash, this.verification.linksProveAddress],
      );
      if (!inserted.length)
        throw badInput(
          'Er is al een account met dit e-mailadres: log in en neem de uitnodiging daar aan / This address has an account: sign in and accept there',
          'token',
        );
      await this.join(tx, row, inserted[0].id);
      return { userId: inserted[0].id, communityId: row.community_id, role: row.role, email: row.email };
    });
    this.events.emit({ communityId: joined.communityId, userId: joined.userId, role: joined.role });
    return { user: { id: joined.userId, email: joined.email, displayName }, communityId: joined.communityId };
  }

  private async join(tx: EntityManager, invitation: InvitationRow, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO memberships (community_id, user_id, role, perspective) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [invitation.community_id, userId, invitation.role, invitation.perspective],
    );
    await tx.query(`UPDATE invitations SET outcome = 'ACCEPTED', answered_at = now() WHERE id = $1`, [invitation.id]);
    await this.audit.record(tx, {
      communityId: invitation.community_id,
      actorId: userId,
      action: 'member.add',
      targetId: userId,
      details: { invitation: invitation.id, role: invitation.role, perspective: invitation.perspective },
    });
  }

  /**
   * The open invitation to the user's address, locked, when they proved the
   * address is theirs: with the link's token (which then verifies the address,
   * when it came by mail), or with an address verified before.
   */
  private async lockOwn(tx: EntityManager, user: AuthUser, id: string, token: string | null): Promise<InvitationRow> {
    const [row]: InvitationRow[] = isUuid(id)
      ? await tx.query(`${SELECT} WHERE i.id = $1 AND i.email = $2 AND ${OPEN} FOR UPDATE OF i`, [id, user.email])
      : [];
    if (!row) throw notThisInvitation();
    if (token !== null) {
      const secret = await this.secrets.get('invitation-links');
      const claim = { id: row.id, email: row.email, expiresAt: new Date(row.expires_at) };
      if (invitationIdOf(token) !== row.id || !verifyInvitation(secret, token, claim)) throw notThisInvitation();
      if (this.verification.linksProveAddress) await this.verification.markVerified(user.id, row.email, tx);
    } else if (!(await this.verification.isVerified(user, tx))) {
      throw notThisInvitation();
    }
    return row;
  }

  private async one(tx: EntityManager, id: string): Promise<InvitationView> {
    const [row]: InvitationRow[] = await tx.query(`${SELECT} WHERE i.id = $1`, [id]);
    return toView(row);
  }
}
