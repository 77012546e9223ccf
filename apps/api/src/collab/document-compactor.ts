import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';

/**
 * Merges a document's snapshot and appended updates into a new snapshot, in
 * one transaction that deletes exactly the update rows it merged (rows
 * appended meanwhile stay).
 */
@Injectable()
export class DocumentCompactor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Returns how many update rows were merged. */
  async compact(itemId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const snapshot = (await tx.query('SELECT state FROM yjs_snapshots WHERE item_id = $1 FOR UPDATE', [itemId])) as {
        state: Buffer;
      }[];
      const updates = (await tx.query('SELECT id, update FROM yjs_updates WHERE item_id = $1 ORDER BY id FOR UPDATE', [
        itemId,
      ])) as {
        id: string;
        update: Buffer;
      }[];
      if (!updates.length) return 0;
      const parts = [...snapshot.map((s) => new Uint8Array(s.state)), ...updates.map((u) => new Uint8Array(u.update))];
      // Through a Y.Doc, so the snapshot is garbage-collected, not just concatenated.
      const doc = new Y.Doc();
      try {
        for (const part of parts) Y.applyUpdate(doc, part);
        const state = Y.encodeStateAsUpdate(doc);
        await tx.query(
          `INSERT INTO yjs_snapshots (item_id, state) VALUES ($1, $2)
           ON CONFLICT (item_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
          [itemId, Buffer.from(state)],
        );
      } finally {
        doc.destroy();
      }
      await tx.query('DELETE FROM yjs_updates WHERE id = ANY($1::bigint[])', [updates.map((u) => u.id)]);
      return updates.length;
    });
  }
}
