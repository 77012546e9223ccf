import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid, LIMITS } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { badInput, notFound } from '../common/errors';
import { MembershipEvents } from './membership-events';

export interface JoinRequestView {
  id: string;
  user: { id: string; displayName: string };
  message: string | null;
  createdAt: Date;
}

/**
 * "Vraag om lid te worden": someone who sees a LISTED or NETWORK community
 * asks to join; its facilitators accept (the asker becomes a member) or
 * decline. Every step passes `can` (community.join, member.manage).
 */
@Injectable()
export class JoinRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly events: MembershipEvents,
  ) {}

  /** Asking twice while the first request is open changes nothing. */
  async request(user: AuthUser, communityId: string, rawMessage: string | null | undefined): Promise<void> {
    await this.access.toCommunity(user, communityId, 'community.join');
    const message = validateJoinMessage(rawMessage);
    await this.db.query(
      `INSERT INTO join_requests (community_id, user_id, message) VALUES ($1, $2, $3)
       ON CONFLICT (community_id, user_id) WHERE answered_at IS NULL DO NOTHING`,
      [communityId, user.id, message],
    );
  }

  /** Open requests, oldest first (facilitators). */
  async open(user: AuthUser, communityId: string): Promise<JoinRequestView[]> {
    await this.access.toCommunity(user, communityId, 'member.manage');
    const rows: { id: string; user_id: string; display_name: string; message: string | null; created_at: Date }[] =
      await this.db.query(
        `SELECT r.id, r.user_id, u.display_name, r.message, r.created_at
         FROM join_requests r JOIN users u ON u.id = r.user_id
        WHERE r.community_id = $1 AND r.answered_at IS NULL
        ORDER BY r.created_at, r.id`,
        [communityId],
      );
    return rows.map((r) => ({
      id: r.id,
      user: { id: r.user_id, displayName: r.display_name },
      message: r.message,
      createdAt: r.created_at,
    }));
  }

  /** Whether the user has an open request for each of these communities. */
  async pendingFor(userId: string, communityIds: readonly string[]): Promise<Set<string>> {
    if (!communityIds.length) return new Set();
    const rows: { community_id: string }[] = await this.db.query(
      `SELECT community_id FROM join_requests WHERE user_id = $1 AND community_id = ANY($2::uuid[]) AND answered_at IS NULL`,
      [userId, communityIds],
    );
    return new Set(rows.map((r) => r.community_id));
  }

  /** Accepting makes the asker a member (role MEMBER); either way the request is closed and logged. */
  async answer(user: AuthUser, id: string, accept: boolean): Promise<void> {
    const what = 'Dit verzoek';
    const [request]: { community_id: string; user_id: string }[] = isUuid(id)
      ? await this.db.query(`SELECT community_id, user_id FROM join_requests WHERE id = $1`, [id])
      : [];
    if (!request) throw notFound(what);
    try {
      await this.access.toCommunity(user, request.community_id, 'member.manage');
    } catch (error) {
      // Someone who may not answer learns nothing about the request or its community.
      if ((error as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') throw notFound(what);
      throw error;
    }
    const joined = await this.db.transaction(async (tx) => {
      const [rows]: [{ id: string }[], number] = await tx.query(
        `UPDATE join_requests SET answered_at = now(), answered_by = $2, accepted = $3 WHERE id = $1 AND answered_at IS NULL RETURNING id`,
        [id, user.id, accept],
      );
      if (!rows.length) throw badInput('Dit verzoek is al beantwoord / This request was answered already', 'id');
      let added = false;
      if (accept) {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO memberships (community_id, user_id, role, perspective) VALUES ($1, $2, 'MEMBER', 'OTHER')
           ON CONFLICT DO NOTHING RETURNING user_id`,
          [request.community_id, request.user_id],
        );
        added = inserted.length > 0;
      }
      await this.audit.record(tx, {
        communityId: request.community_id,
        actorId: user.id,
        action: 'join.answer',
        targetId: request.user_id,
        details: { accepted: accept, ...(added ? { role: 'MEMBER' } : {}) },
      });
      return added;
    });
    if (joined) this.events.emit({ communityId: request.community_id, userId: request.user_id, role: 'MEMBER' });
  }
}

function validateJoinMessage(value: string | null | undefined): string | null {
  const message = (value ?? '').trim();
  if (message.length > LIMITS.reasonMax) {
    throw badInput(
      `Een bericht mag hoogstens ${LIMITS.reasonMax} tekens hebben / A message may have at most ${LIMITS.reasonMax} characters`,
      'message',
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(message)) {
    throw badInput(
      'Het bericht bevat ongeldige stuurtekens / The message contains invalid control characters',
      'message',
    );
  }
  return message || null;
}
