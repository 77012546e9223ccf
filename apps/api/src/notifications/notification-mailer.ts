import { Injectable } from '@nestjs/common';
import { defaultDelivery, MailDelivery, NotificationKind, notificationSummary } from '@spiraal/domain';
import { EntityManager } from 'typeorm';
import { ServerSecretService } from '../database/server-secret.service';
import { MailService } from '../mail/mail.service';
import { immediateMail, MailEntry, MailLinks } from './notification-mail';
import { signUnsubscribe, UnsubscribeScope } from './unsubscribe-token';

/** The SQL for a user's delivery of a notification kind: their preference, else the default. */
export function deliverySql(kindColumn: string, preferenceColumn: string): string {
  return `coalesce(${preferenceColumn}, CASE WHEN ${kindColumn} IN ('MENTION', 'INVITATION') THEN 'IMMEDIATE' ELSE 'DAILY' END)`;
}

export interface NotificationLink {
  itemId: string | null;
  commentId: string | null;
  communityId: string;
}

/** Turns notifications into mails: links, unsubscribe tokens and the mails sent at once. */
@Injectable()
export class NotificationMailer {
  constructor(
    private readonly mail: MailService,
    private readonly secrets: ServerSecretService,
  ) {}

  get enabled(): boolean {
    return this.mail.enabled;
  }

  /** Where a notification leads in the web app: the comment on the item page, the item, or the community. */
  link({ itemId, commentId, communityId }: NotificationLink): string {
    if (itemId) return this.mail.link(`/items/${itemId}${commentId ? `#comment-${commentId}` : ''}`);
    return this.mail.link(`/c/${communityId}`);
  }

  async links(userId: string, scope: UnsubscribeScope): Promise<MailLinks> {
    const token = signUnsubscribe(await this.secrets.get('unsubscribe'), userId, scope);
    return {
      unsubscribe: this.mail.link(`/unsubscribe?token=${token}`),
      preferences: this.mail.link('/meldingen/instellingen'),
    };
  }

  /**
   * Mails the new notifications whose recipients want this kind at once, in
   * the caller's transaction; marks those (and those never mailed) as done,
   * so no digest takes them again. The rest wait for the digest.
   */
  async sendImmediate(
    manager: EntityManager,
    kind: NotificationKind,
    created: { id: string; userId: string }[],
    context: {
      actorName: string | null;
      itemTitle: string | null;
      communityName: string;
      excerpt: string;
      link: NotificationLink;
    },
  ): Promise<void> {
    if (!this.enabled || !created.length) return;
    const rows: { user_id: string; email: string; delivery: MailDelivery }[] = await manager.query(
      `SELECT u.id AS user_id, u.email, ${deliverySql('$2', 'p.delivery')} AS delivery
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = $2
        WHERE u.id = ANY($1::uuid[])`,
      [created.map((c) => c.userId), kind],
    );
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    const entry: MailEntry = {
      kind,
      summary: notificationSummary(kind, context.actorName, 1),
      itemTitle: context.itemTitle,
      excerpt: context.excerpt,
      link: this.link(context.link),
    };
    const now = created.filter((c) => byUser.get(c.userId)?.delivery === 'IMMEDIATE');
    const never = created.filter((c) => (byUser.get(c.userId)?.delivery ?? defaultDelivery(kind)) === 'NEVER');
    const mails = await Promise.all(
      now.map(async (c) => ({
        ...immediateMail(byUser.get(c.userId)!.email, context.communityName, entry, await this.links(c.userId, kind)),
        readCheck: { userId: c.userId, itemIds: context.link.itemId ? [context.link.itemId] : [] },
      })),
    );
    await this.mail.enqueueMany(mails, { manager });
    const done = [...now, ...never].map((c) => c.id);
    if (done.length)
      await manager.query(`UPDATE notifications SET mailed_at = now() WHERE id = ANY($1::uuid[])`, [done]);
  }
}
