import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validatePageSize } from '@spiraal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { badInput } from '../common/errors';

/** What the audit log records (OWASP ASVS: log security-relevant events). */
export type AuditAction =
  | 'member.add'
  | 'member.invite'
  | 'member.invite.withdraw'
  | 'member.role'
  | 'member.perspective'
  | 'member.remove'
  | 'member.leave'
  | 'item.stage'
  | 'item.stage.reason'
  | 'item.archive'
  | 'guideline.promote'
  | 'guideline.status'
  | 'guideline.revise'
  | 'revision.restore'
  | 'archive.import'
  | 'privacy.dismiss'
  | 'privacy.pseudonymise'
  | 'privacy.override'
  | 'community.update'
  | 'join.answer'
  | 'template.create'
  | 'template.update'
  | 'template.archive'
  | 'proposal.accept'
  | 'proposal.reject';

export interface AuditEntry {
  communityId: string;
  actorId: string;
  action: AuditAction;
  targetId: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  action: AuditAction;
  actorId: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** Who did what, when: written in the same transaction as the change, read by the community's facilitators. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (community_id, actor_id, action, target_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [entry.communityId, entry.actorId, entry.action, entry.targetId, JSON.stringify(entry.details ?? {})],
    );
  }

  /** Newest first; `after` is the id of the last entry seen. */
  async list(
    user: AuthUser,
    communityId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<{ entries: AuditRow[]; hasNextPage: boolean }> {
    await this.access.toCommunity(user, communityId, 'audit.read');
    const size = validatePageSize(first, 50);
    if (after != null && !/^\d{1,18}$/.test(after)) throw badInput('Ongeldige cursor / Invalid cursor', 'after');
    const rows: AuditRow[] = await this.db.query(
      `SELECT id::text, action, actor_id AS "actorId", target_id AS "targetId", details, created_at AS "createdAt"
         FROM audit_log WHERE community_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [communityId, after ?? null, size + 1],
    );
    return { entries: rows.slice(0, size), hasNextPage: rows.length > size };
  }
}
