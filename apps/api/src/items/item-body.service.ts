import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mentionedUserIds, yDocToText } from '@spiraal/collab';
import { ItemMentionsService } from '../notifications/item-mentions.service';
import { DataSource, EntityManager } from 'typeorm';
import type * as Y from 'yjs';

/** How long after an edit the derived data is brought up to date (and at most how often while editing). */
export const DERIVE_DELAY_MS = 1_000;

interface Dirty {
  doc: Y.Doc;
  contributors: Set<string>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Keeps what is derived from an item's live document — its plain text,
 * `updatedAt` and `authors` — in step with it. This is the one place where a
 * body change reaches the rest of the system; search indexing hooks in here.
 */
@Injectable()
export class ItemBodyService {
  private readonly logger = new Logger(ItemBodyService.name);
  private readonly dirty = new Map<string, Dirty>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mentions: ItemMentionsService,
  ) {}

  /** The document changed (by `contributorId`, or by the server when null). */
  touched(itemId: string, doc: Y.Doc, contributorId: string | null): void {
    let entry = this.dirty.get(itemId);
    if (!entry) {
      const timer = setTimeout(() => void this.refresh(itemId), DERIVE_DELAY_MS);
      entry = { doc, contributors: new Set(), timer };
      this.dirty.set(itemId, entry);
    }
    entry.doc = doc;
    if (contributorId) entry.contributors.add(contributorId);
  }

  /** Brings the item up to date now, if anything is waiting (before unloading, on shutdown). */
  async refresh(itemId: string): Promise<void> {
    const entry = this.dirty.get(itemId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.dirty.delete(itemId);
    const contributors = [...entry.contributors];
    let mentioned: string[];
    try {
      const text = yDocToText(entry.doc);
      mentioned = mentionedUserIds(entry.doc);
      await this.db.transaction((tx) => this.apply(tx, itemId, text, contributors));
    } catch (error) {
      this.logger.error(`Updating the text of ${itemId} failed: ${String(error)}`);
      return;
    }
    // Who is newly mentioned in the text hears of it (docs/notifications.md). Apart from the text's own
    // transaction: a failed notification must not undo the stored text and authorship, which nothing retries.
    try {
      await this.db.transaction((tx) => this.mentions.documentStored(tx, itemId, mentioned, contributors[0] ?? null));
    } catch (error) {
      this.logger.error(`Notifying the mentions in ${itemId} failed: ${String(error)}`);
    }
  }

  async refreshAll(): Promise<void> {
    await Promise.all([...this.dirty.keys()].map((itemId) => this.refresh(itemId)));
  }

  private async apply(tx: EntityManager, itemId: string, text: string, contributors: string[]): Promise<void> {
    await tx.query('UPDATE items SET text = $2, updated_at = now() WHERE id = $1', [itemId, text]);
    if (contributors.length) {
      await tx.query(
        `INSERT INTO item_authors (item_id, user_id, first_contributed_at)
         SELECT $1, unnest($2::uuid[]), now() ON CONFLICT DO NOTHING`,
        [itemId, contributors],
      );
    }
  }
}
