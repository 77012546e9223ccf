import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { MailMessage, MailReadCheck, validateMailMessage } from './mail-message';

export interface EnqueueOptions {
  /** The caller's transaction: the mail exists exactly when the change that caused it is committed. */
  manager?: EntityManager;
  /** Checked again at send time (notifications); invitations and password resets leave it out. */
  readCheck?: MailReadCheck;
}

/**
 * The one way to send mail (notifications, invitations, password resets):
 * `enqueue` writes the mail to the outbox; MailOutboxWorker sends it, with
 * retries, exactly once as far as SMTP allows (docs/decisions/mail-outbox.md).
 * Without SMTP_URL nothing is stored and nothing is mailed.
 */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether mail goes out at all (SMTP_URL is set). */
  get enabled(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  /** Absolute link into the web app for a path such as `/items/…`. */
  link(path: string): string {
    return `${this.config.mail.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** Puts a mail in the outbox; its id, or null when mail is off. */
  async enqueue(message: MailMessage, options: EnqueueOptions = {}): Promise<string | null> {
    return (await this.enqueueMany([message], options))[0] ?? null;
  }

  /** Several mails in one statement (digests); ids in order, or [] when mail is off. */
  async enqueueMany(
    messages: readonly (MailMessage & { readCheck?: MailReadCheck })[],
    options: EnqueueOptions = {},
  ): Promise<string[]> {
    if (!this.enabled || !messages.length) return [];
    messages.forEach(validateMailMessage);
    const rows = messages.map((m) => {
      const check = m.readCheck ?? options.readCheck;
      return [
        m.to,
        m.subject,
        m.text,
        m.html,
        JSON.stringify(m.headers ?? {}),
        check?.userId ?? null,
        (check?.itemIds ?? []).join(','),
      ];
    });
    const runner = options.manager ?? this.db.manager;
    const result: { id: string }[] = await runner.query(
      `INSERT INTO mail_outbox (to_address, subject, text_body, html_body, headers, recipient_id, item_ids)
       SELECT t, s, x, h, hd, r, CASE WHEN ids = '' THEN '{}'::uuid[] ELSE string_to_array(ids, ',')::uuid[] END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[], $7::text[]) AS u(t, s, x, h, hd, r, ids)
       RETURNING id`,
      [0, 1, 2, 3, 4, 5, 6].map((column) => rows.map((row) => row[column])),
    );
    return result.map((r) => String(r.id));
  }
}
