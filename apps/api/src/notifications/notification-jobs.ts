import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DigestService } from './digest.service';
import { NotificationsService } from './notifications.service';

/** Each periodic job and how long after its last run it is due again. */
const JOBS = { DAILY: '1 day', WEEKLY: '7 days', REVIEW_DUE: '1 day' } as const;
type Job = keyof typeof JOBS;
/** How often this process looks whether a job is due. */
const CHECK_EVERY_MS = 5 * 60_000;
/** Facilitators hear of a guideline's review this long before its date. */
const REVIEW_NOTICE = '7 days';

/**
 * The periodic work of notifications: daily and weekly digests and the
 * review check. Whichever process first finds a job due claims it (one
 * UPDATE … RETURNING on notification_jobs), so it runs once over all processes.
 */
@Injectable()
export class NotificationJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationJobs.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly digests: DigestService,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runDue().finally(() => (this.running = null));
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs every job that is due and claimed by this process. */
  async runDue(): Promise<void> {
    for (const job of Object.keys(JOBS) as Job[]) {
      try {
        const claimed: unknown[] = await this.db.query(
          `UPDATE notification_jobs SET last_run_at = now() WHERE name = $1 AND last_run_at <= now() - $2::interval RETURNING name`,
          [job, JOBS[job]],
        );
        if (!(claimed as [unknown[], number])[0]?.length) continue;
        await this.run(job);
      } catch (error) {
        this.logger.error(`Notification job ${job} failed: ${String(error)}`);
      }
    }
  }

  run(job: Job): Promise<number> {
    return job === 'REVIEW_DUE' ? this.reviewDue() : this.digests.run(job);
  }

  /** Tells a community's facilitators of guidelines whose review date is near or past, once per date. */
  async reviewDue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due: { id: string; community_id: string; title: string; review_date: Date }[] = await tx.query(
        `SELECT id, community_id, title, review_date FROM items
          WHERE kind = 'GUIDELINE' AND archived_at IS NULL AND review_date IS NOT NULL AND review_date <= now() + $1::interval
            AND (review_notified_at IS NULL OR review_notified_at < review_date - $1::interval)
            -- Waits for a row another writer holds (search indexing), then re-checks it: a run at the same time skips what this one did.
            FOR UPDATE`,
        [REVIEW_NOTICE],
      );
      let notified = 0;
      for (const guideline of due) {
        const facilitators: { user_id: string }[] = await tx.query(
          `SELECT user_id FROM memberships WHERE community_id = $1 AND role = 'FACILITATOR'`,
          [guideline.community_id],
        );
        notified += await this.notifications.notify(tx, {
          kind: 'REVIEW_DUE',
          actorId: null,
          communityId: guideline.community_id,
          itemId: guideline.id,
          excerpt: `Herzien op ${guideline.review_date.toISOString().slice(0, 10)}`,
          userIds: facilitators.map((f) => f.user_id),
        });
      }
      if (due.length)
        await tx.query(`UPDATE items SET review_notified_at = now() WHERE id = ANY($1::uuid[])`, [
          due.map((d) => d.id),
        ]);
      return notified;
    });
  }
}
