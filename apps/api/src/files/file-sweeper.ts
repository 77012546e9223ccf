import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BODY_FRAGMENT } from '@spiraal/collab';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DocumentStore } from '../documents/document.store';
import { FILE_STORE, FileStore } from './file-store';

/**
 * Removes files no item refers to any more: one whose address (`/files/<id>`)
 * is in no live document of its community is marked, and removed once it has
 * stayed so for FILES_ORPHAN_GRACE_HOURS (an undo, or a paste into another
 * item, brings it back in the meantime). Files younger than the grace period
 * are not looked at: an upload arrives before its node is in the document.
 */
@Injectable()
export class FileSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FileSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentStore,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.files.sweepIntervalMs;
    if (interval <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: unknown) => this.logger.error(`The file sweep failed: ${String(error)}`))
        .finally(() => (this.running = null));
    }, interval);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One sweep (also called by tests with a grace period of 0); returns the ids removed. */
  async sweep(graceMs = this.config.files.orphanGraceMs): Promise<string[]> {
    const candidates: { id: string; community_id: string; item_id: string | null }[] = await this.db.query(
      `SELECT id, community_id, item_id FROM files WHERE created_at <= now() - make_interval(secs => $1::double precision / 1000)`,
      [graceMs],
    );
    if (!candidates.length) return [];
    const bodies = new Map<string, string>();
    const bodyOf = async (itemId: string): Promise<string> => {
      let body = bodies.get(itemId);
      if (body === undefined) {
        const doc = await this.documents.loadDoc(itemId);
        body = doc.getXmlFragment(BODY_FRAGMENT).toString();
        doc.destroy();
        bodies.set(itemId, body);
      }
      return body;
    };
    const communityItems = new Map<string, string[]>();
    const itemsOf = async (communityId: string): Promise<string[]> => {
      let ids = communityItems.get(communityId);
      if (!ids) {
        const rows: { id: string }[] = await this.db.query(`SELECT id FROM items WHERE community_id = $1`, [
          communityId,
        ]);
        ids = rows.map((r) => r.id);
        communityItems.set(communityId, ids);
      }
      return ids;
    };
    const referenced: string[] = [];
    const unreferenced: string[] = [];
    for (const file of candidates) {
      const address = `/files/${file.id}`;
      let found = file.item_id !== null && (await bodyOf(file.item_id)).includes(address);
      // Copied into another item of the community: still in use.
      if (!found) {
        for (const itemId of await itemsOf(file.community_id)) {
          if (itemId !== file.item_id && (await bodyOf(itemId)).includes(address)) {
            found = true;
            break;
          }
        }
      }
      (found ? referenced : unreferenced).push(file.id);
    }
    if (referenced.length)
      await this.db.query(`UPDATE files SET unreferenced_since = NULL WHERE id = ANY($1::uuid[])`, [referenced]);
    if (!unreferenced.length) return [];
    await this.db.query(
      `UPDATE files SET unreferenced_since = now() WHERE id = ANY($1::uuid[]) AND unreferenced_since IS NULL`,
      [unreferenced],
    );
    const removed: { id: string }[] = await this.db.query(
      `WITH gone AS (
         DELETE FROM files
          WHERE id = ANY($1::uuid[])
            AND unreferenced_since <= now() - make_interval(secs => $2::double precision / 1000)
         RETURNING id)
       SELECT id FROM gone`,
      [unreferenced, graceMs],
    );
    const ids = removed.map((r) => r.id);
    if (ids.length) {
      await this.store.remove(ids);
      this.logger.log(`Removed ${ids.length} file(s) no item refers to any more`);
    }
    return ids;
  }
}
