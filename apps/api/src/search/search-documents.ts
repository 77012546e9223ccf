import { splitPassages } from '@spiraal/search';
import type { EntityManager } from 'typeorm';
import { compoundPartsOf } from './dutch-words';
import type { SearchDocument } from './search-engine';

/** The current state of items, as the engines index it; archived and vanished items are to be removed. */
export async function loadSearchDocuments(tx: EntityManager, itemIds: string[]): Promise<{ documents: SearchDocument[]; removed: string[] }> {
  const rows: {
    id: string;
    community_id: string;
    kind: string;
    stage: string;
    tags: string[];
    title: string;
    text: string;
    updated_at: Date;
    archived_at: Date | null;
  }[] = await tx.query(
    `SELECT id, community_id, kind, stage, tags, title, text, updated_at, archived_at FROM items WHERE id = ANY($1::uuid[])`,
    [itemIds],
  );
  const documents = rows
    .filter((row) => !row.archived_at)
    .map((row) => {
      const passages = splitPassages(row.text);
      return {
        itemId: row.id,
        communityId: row.community_id,
        kind: row.kind,
        stage: row.stage,
        tags: row.tags,
        title: row.title,
        passages,
        // The title and tags are indexed with the first passage, and so are their parts.
        compoundParts: passages.map((body, i) => compoundPartsOf(i === 0 ? `${row.title} ${row.tags.join(' ')} ${body}` : body)),
        updatedAt: row.updated_at,
      };
    });
  const live = new Set(documents.map((d) => d.itemId));
  return { documents, removed: itemIds.filter((id) => !live.has(id)) };
}
