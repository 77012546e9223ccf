import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { smtpTransport } from './mail-transport';

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  recipient_id: string | null;
  item_ids: string[];
  attempts: number;
  created_at: Date;
}

/** Attempts before a mail is given up (failed_at); the waits double from MAIL_RETRY_BASE_MS up to 6 hours. */
export const MAIL_MAX_ATTEMPTS = 12;
const MAX_BACKOFF_MS = 6 * 3600_000;
/** Rows sent side by side; each holds one database connection while its SMTP exchange runs. */
const CONCURRENCY = 2;

/** The wait before the next attempt after `attempts` failed ones. */
export function mailBackoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Sends the outbox. Each mail is sent inside a transaction that holds its
 * row (`FOR UPDATE SKIP LOCKED`), and marked sent in that same transaction:
 * a second process skips it, and a process killed mid-send releases it (its
 * transaction aborts) for the next attempt. The only window for a double
 * send is between the SMTP server's acceptance and the COMMIT; the Message-ID
 * stays the same across attempts, so a receiving server can tell
 * (docs/decisions/mail-outbox.md).
 */
@Injectable()
export class MailOutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailOutboxWorker.name);
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly messageIdHost: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {
    this.messageIdHost = new URL(config.mail.publicUrl).hostname || 'spiraal.local';
  }

  onApplicationBootstrap(): void {
    if (!this.config.mail.smtpUrl) return;
    this.transport = smtpTransport(this.config.mail.smtpUrl);
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** Sends what is due now (also called by tests and benchmarks); resolves when the outbox has nothing due. */
  async drain(): Promise<void> {
    if (!this.transport) return;
    while (this.running) await this.running;
    this.running = this.work().finally(() => (this.running = null));
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain()
        .catch((error: unknown) => this.logger.error(`The mail outbox could not be read: ${String(error)}`))
        .finally(() => this.schedule(this.config.mail.pollMs));
    }, delayMs);
    this.timer.unref();
  }

  private async work(): Promise<void> {
    const loop = async () => {
      while (!this.stopping && (await this.sendOne())) {
        // next due row
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  }

  /** Claims one due row and sends it; false when nothing is due. */
  private sendOne(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row]: OutboxRow[] = await tx.query(
        `SELECT id, to_address, subject, text_body, html_body, headers, recipient_id, item_ids, attempts, created_at
           FROM mail_outbox
          WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id
          LIMIT 1
            FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return false;
      if (!(await this.stillAllowed(row))) {
        await tx.query(`UPDATE mail_outbox SET cancelled_at = now() WHERE id = $1`, [row.id]);
        return true;
      }
      try {
        await this.transport!.sendMail({
          from: this.config.mail.from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          headers: row.headers,
          messageId: `<outbox-${row.id}-${row.created_at.getTime()}@${this.messageIdHost}>`,
        });
      } catch (error) {
        await this.failed(tx, row, error as Error & { responseCode?: number });
        return true;
      }
      await tx.query(`UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
      return true;
    });
  }

  /** The recipient may still read every item the mail is about (a notification mail); other mails always may go. */
  private async stillAllowed(row: OutboxRow): Promise<boolean> {
    if (!row.recipient_id || !row.item_ids.length) return true;
    const readable = await this.access.readableItemIds(row.recipient_id, row.item_ids);
    return row.item_ids.every((id) => readable.has(id));
  }

  /** A permanent refusal (5xx) ends the row at once; anything else is tried again later, up to MAIL_MAX_ATTEMPTS. */
  private async failed(tx: EntityManager, row: OutboxRow, error: Error & { responseCode?: number }): Promise<void> {
    const attempts = row.attempts + 1;
    const permanent = (error.responseCode ?? 0) >= 500 || attempts >= MAIL_MAX_ATTEMPTS;
    const wait = mailBackoffMs(attempts, this.config.mail.retryBaseMs);
    this.logger.warn(`Mail ${row.id} not sent (attempt ${attempts}${permanent ? ', given up' : ''}): ${error.message}`);
    await tx.query(
      `UPDATE mail_outbox
          SET attempts = $2, last_error = $3,
              next_attempt_at = now() + make_interval(secs => $4::double precision / 1000),
              failed_at = CASE WHEN $5 THEN now() END
        WHERE id = $1`,
      [row.id, attempts, error.message.slice(0, 1000), wait, permanent],
    );
  }
}
