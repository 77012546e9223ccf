import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defaultDelivery, MAIL_DELIVERIES, MailDelivery, NOTIFICATION_KINDS, NotificationKind } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/request-context';
import { badInput } from '../common/errors';
import type { UnsubscribeScope } from './unsubscribe-token';

export interface Preference {
  kind: NotificationKind;
  delivery: MailDelivery;
}

/** Per user and kind: mail at once, in the daily or weekly digest, or never. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every kind with the user's choice or the default. */
  async list(userId: string): Promise<Preference[]> {
    const rows: Preference[] = await this.db.query(
      `SELECT kind, delivery FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? defaultDelivery(kind) }));
  }

  async update(user: AuthUser, preferences: readonly Preference[]): Promise<Preference[]> {
    if (preferences.length > NOTIFICATION_KINDS.length * 2)
      throw badInput('Te veel voorkeuren / Too many preferences', 'preferences');
    for (const p of preferences) {
      if (!NOTIFICATION_KINDS.includes(p.kind))
        throw badInput(`Onbekend soort melding: ${p.kind} / Unknown notification kind`, 'kind');
      if (!MAIL_DELIVERIES.includes(p.delivery))
        throw badInput(`Onbekende bezorging: ${p.delivery} / Unknown delivery`, 'delivery');
    }
    // A kind named twice keeps its last choice (one row per kind: PostgreSQL refuses to update a row twice in one INSERT).
    const chosen = new Map(preferences.map((p) => [p.kind, p.delivery]));
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, kind, delivery) SELECT $1, unnest($2::text[]), unnest($3::text[])
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery`,
      [user.id, [...chosen.keys()], [...chosen.values()]],
    );
    return this.list(user.id);
  }

  /** One-click unsubscribe: one kind, or every kind now in that digest, becomes NEVER; how many kinds changed. */
  async unsubscribe(userId: string, scope: UnsubscribeScope): Promise<number> {
    const current = await this.list(userId);
    const kinds = current
      .filter(
        (p) =>
          (scope === 'DAILY' || scope === 'WEEKLY' ? p.delivery === scope : p.kind === scope) && p.delivery !== 'NEVER',
      )
      .map((p) => p.kind);
    if (!kinds.length) return 0;
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, kind, delivery) SELECT u.id, unnest($2::text[]), 'NEVER' FROM users u WHERE u.id = $1
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = 'NEVER'`,
      [userId, kinds],
    );
    return kinds.length;
  }
}
