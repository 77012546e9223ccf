import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readBody, BODY_FRAGMENT, yDocToMarkdown } from '@spiraal/collab';
import { isUuid } from '@spiraal/domain';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { notFound } from '../common/errors';

export interface RevisionRow {
  id: string;
  itemId: string;
  createdAt: Date;
  authorIds: string[];
}

/** Stored versions of item bodies. Access is checked by the callers. */
@Injectable()
export class RevisionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(itemId: string, doc: Y.Doc, text: string, authorIds: string[]): Promise<void> {
    await this.db.query(
      'INSERT INTO item_revisions (item_id, state, text, author_ids) VALUES ($1, $2, $3, $4::uuid[])',
      [itemId, Buffer.from(Y.encodeStateAsUpdate(doc)), text, authorIds],
    );
  }

  async list(itemId: string): Promise<RevisionRow[]> {
    const rows = (await this.db.query(
      `SELECT id, item_id, created_at, author_ids FROM item_revisions WHERE item_id = $1 ORDER BY created_at DESC, id`,
      [itemId],
    )) as { id: string; item_id: string; created_at: Date; author_ids: string[] }[];
    return rows.map((r) => ({ id: r.id, itemId: r.item_id, createdAt: r.created_at, authorIds: r.author_ids }));
  }

  /** The revision's item id, for the access check; NOT_FOUND for unknown ids. */
  async itemOf(revisionId: string): Promise<string> {
    const [row] = isUuid(revisionId)
      ? ((await this.db.query('SELECT item_id FROM item_revisions WHERE id = $1', [revisionId])) as {
          item_id: string;
        }[])
      : [];
    if (!row) throw notFound('Deze versie');
    return row.item_id;
  }

  async get(revisionId: string): Promise<RevisionRow & { text: string; state: Uint8Array }> {
    const [row] = (await this.db.query(
      'SELECT id, item_id, created_at, author_ids, text, state FROM item_revisions WHERE id = $1',
      [revisionId],
    )) as {
      id: string;
      item_id: string;
      created_at: Date;
      author_ids: string[];
      text: string;
      state: Buffer;
    }[];
    if (!row) throw notFound('Deze versie');
    return {
      id: row.id,
      itemId: row.item_id,
      createdAt: row.created_at,
      authorIds: row.author_ids,
      text: row.text,
      state: new Uint8Array(row.state),
    };
  }

  /** The revision's body, as Markdown and as the editor's document tree. */
  static bodyOf(state: Uint8Array): { markdown: string; body: ReturnType<typeof readBody> } {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      return { markdown: yDocToMarkdown(doc), body: readBody(doc.getXmlFragment(BODY_FRAGMENT)) };
    } finally {
      doc.destroy();
    }
  }
}
