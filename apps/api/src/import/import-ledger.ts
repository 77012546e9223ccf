import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface LedgerEntry {
  itemIds: string[];
  sourceName: string;
  importedAt: Date;
}

/**
 * The `item_imports` table: what each import source became. Callers hold
 * `lock` for the rest of their transaction, so two runs of the same import
 * at once cannot both write.
 */
@Injectable()
export class ImportLedger {
  /** Serialises imports of one source into one community until the transaction ends. */
  async lock(tx: EntityManager, communityId: string, sourceKey: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `item_imports\n${communityId}\n${sourceKey}`,
    ]);
  }

  async find(tx: EntityManager, communityId: string, sourceKey: string): Promise<LedgerEntry | null> {
    const rows: { item_id: string; source_name: string; imported_at: Date }[] = await tx.query(
      `SELECT item_id, source_name, imported_at FROM item_imports WHERE community_id = $1 AND source_key = $2 ORDER BY part`,
      [communityId, sourceKey],
    );
    if (rows.length === 0) return null;
    return { itemIds: rows.map((r) => r.item_id), sourceName: rows[0].source_name, importedAt: rows[0].imported_at };
  }

  async record(
    tx: EntityManager,
    entry: { communityId: string; sourceKey: string; sourceName: string; itemIds: string[]; importedBy: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO item_imports (community_id, source_key, part, item_id, source_name, imported_by)
       SELECT $1, $2, part - 1, item_id, $4, $5 FROM unnest($3::uuid[]) WITH ORDINALITY AS t(item_id, part)`,
      [entry.communityId, entry.sourceKey, entry.itemIds, entry.sourceName, entry.importedBy],
    );
  }
}
