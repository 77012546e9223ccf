import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { accessFor, can, NotificationKind, notificationSummary, Role, Visibility } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import { MailService } from '../mail/mail.service';
import { digestMail, MailEntry } from './notification-mail';
import { deliverySql, NotificationMailer } from './notification-mailer';

interface PendingRow {
  id: string;
  user_id: string;
  email: string;
  kind: NotificationKind;
  community_id: string;
  community_name: string;
  visibility: Visibility;
  role: Role | null;
  item_id: string | null;
  item_title: string | null;
  comment_id: string | null;
  actor_name: string | null;
  actor_count: number;
  excerpt: string;
}

/** Users per transaction: bounds memory and the length of each transaction. */
const USERS_PER_BATCH = 500;

/**
 * The daily and weekly digests: for every user, their unread notifications
 * not mailed yet whose kind they get in this digest, grouped per community,
 * in one mail; what they may no longer read is left out (and not mailed later).
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly mailer: NotificationMailer,
  ) {}

  /** Puts the digests in the outbox; how many mails. */
  async run(period: 'DAILY' | 'WEEKLY'): Promise<number> {
    if (!this.mail.enabled) return 0;
    let after = '00000000-0000-0000-0000-000000000000';
    let mails = 0;
    for (;;) {
      const users: { user_id: string }[] = await this.db.query(
        `SELECT DISTINCT n.user_id FROM notifications n
           LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
          WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND n.user_id > $2 AND ${deliverySql('n.kind', 'p.delivery')} = $1
          ORDER BY n.user_id LIMIT ${USERS_PER_BATCH}`,
        [period, after],
      );
      if (!users.length) break;
      after = users[users.length - 1].user_id;
      mails += await this.batch(
        period,
        users.map((u) => u.user_id),
      );
    }
    if (mails) this.logger.log(`${period} digest: ${mails} mails`);
    return mails;
  }

  private batch(period: 'DAILY' | 'WEEKLY', userIds: string[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      // SKIP LOCKED: a digest running at the same time elsewhere takes none of these twice.
      const rows: PendingRow[] = await tx.query(
        `SELECT n.id, n.user_id, u.email, n.kind, n.community_id, c.name AS community_name, c.visibility, m.role,
                n.item_id, i.title AS item_title, n.comment_id, a.display_name AS actor_name,
                greatest(cardinality(n.actor_ids), 1) AS actor_count, n.excerpt
           FROM notifications n
           JOIN users u ON u.id = n.user_id
           JOIN communities c ON c.id = n.community_id
           LEFT JOIN memberships m ON m.community_id = n.community_id AND m.user_id = n.user_id
           LEFT JOIN items i ON i.id = n.item_id
           LEFT JOIN users a ON a.id = n.actor_id
           LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
          WHERE n.user_id = ANY($2::uuid[]) AND n.mailed_at IS NULL AND n.read_at IS NULL AND ${deliverySql('n.kind', 'p.delivery')} = $1
          ORDER BY n.user_id, c.name, n.created_at DESC
            FOR UPDATE OF n SKIP LOCKED`,
        [period, userIds],
      );
      const perUser = new Map<string, PendingRow[]>();
      for (const row of rows) {
        if (!can(accessFor(row.role, row.visibility), 'community.read')) continue;
        const list = perUser.get(row.user_id);
        if (list) list.push(row);
        else perUser.set(row.user_id, [row]);
      }
      const mails = await Promise.all(
        [...perUser].map(async ([userId, list]) => {
          const communities = new Map<string, { name: string; entries: MailEntry[] }>();
          for (const row of list) {
            let group = communities.get(row.community_id);
            if (!group) communities.set(row.community_id, (group = { name: row.community_name, entries: [] }));
            group.entries.push({
              kind: row.kind,
              summary: notificationSummary(row.kind, row.actor_name, row.actor_count),
              itemTitle: row.item_title,
              excerpt: row.excerpt,
              link: this.mailer.link({ itemId: row.item_id, commentId: row.comment_id, communityId: row.community_id }),
            });
          }
          const itemIds = [...new Set(list.map((r) => r.item_id).filter((id): id is string => id !== null))];
          return {
            ...digestMail(list[0].email, period, [...communities.values()], await this.mailer.links(userId, period)),
            readCheck: { userId, itemIds },
          };
        }),
      );
      await this.mail.enqueueMany(mails, { manager: tx });
      await tx.query(`UPDATE notifications SET mailed_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return mails.length;
    });
  }
}
