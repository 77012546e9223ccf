import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';

/**
 * Where item bodies live: a Yjs snapshot per item plus the updates appended
 * after it (`yjs_snapshots`, `yjs_updates`).
 */
@Injectable()
export class DocumentStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async saveSnapshot(manager: EntityManager, itemId: string, state: Uint8Array): Promise<void> {
    await manager.query(
      `INSERT INTO yjs_snapshots (item_id, state) VALUES ($1, $2)
       ON CONFLICT (item_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [itemId, Buffer.from(state)],
    );
  }

  /** The whole document as one update (`documentStateFromRows`), or null when it has none. */
  async load(itemId: string): Promise<Uint8Array | null> {
    const rows: { state: Buffer }[] = await this.db.query(
      `SELECT state FROM (
         SELECT 0 AS part, 0::bigint AS id, state FROM yjs_snapshots WHERE item_id = $1
         UNION ALL
         SELECT 1 AS part, id, update AS state FROM yjs_updates WHERE item_id = $1
       ) parts ORDER BY part, id`,
      [itemId],
    );
    return documentStateFromRows(rows.map((row) => new Uint8Array(row.state)));
  }

  async loadDoc(itemId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const state = await this.load(itemId);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
}

/**
 * A document's stored rows (its snapshot, then its updates in order) as one
 * update, or null when there are none. Applied to a document one by one
 * rather than joined with `Y.mergeUpdates`: the merge of unusual but valid
 * updates (as the collab fuzz test sends) once gave bytes that could not be
 * read back.
 */
export function documentStateFromRows(rows: readonly Uint8Array[]): Uint8Array | null {
  if (!rows.length) return null;
  if (rows.length === 1) return rows[0];
  const doc = new Y.Doc({ gc: false });
  try {
    for (const row of rows) Y.applyUpdate(doc, row);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
