import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BODY_FRAGMENT, proposalQuotes, readBody, yDocToMarkdown, type ProposalQuote } from '@spiraal/collab';
import type { CommentKind, GuidelineStatus, ItemKind, SeciStage } from '@spiraal/domain';
import { linkedItemIds } from '@spiraal/interchange';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { CollabService } from '../collab/collab.service';
import { documentStateFromRows } from '../documents/document.store';

export interface SnapshotItem {
  id: string;
  title: string;
  kind: ItemKind;
  stage: SeciStage;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  guidelineStatus: GuidelineStatus | null;
  guidelineVersion: number | null;
  reviewDate: Date | null;
  appliesGuidelineId: string | null;
  appliesVersion: number | null;
  appliesTitle: string | null;
  /** Display names of everyone who wrote in the body, first contributor first. */
  authors: string[];
}

export interface SnapshotBody {
  markdown: string;
  /** Ids of the items the body links to (`/items/<id>`). */
  links: string[];
  /** Open voorstellen, by their place in `markdown` (which leaves them out). */
  proposals: ProposalQuote[];
}

export interface CommunitySnapshot {
  community: { id: string; name: string; description: string };
  items: SnapshotItem[];
  sources: { guidelineId: string; sourceId: string; title: string; position: number; sourceStage: SeciStage }[];
  stageChanges: {
    itemId: string;
    from: SeciStage | null;
    to: SeciStage;
    reason: string | null;
    by: string | null;
    at: Date;
  }[];
  guidelineVersions: {
    guidelineId: string;
    number: number;
    title: string;
    markdown: string;
    adoptedBy: string | null;
    adoptedAt: Date;
    reviewDate: Date | null;
  }[];
  comments: {
    itemId: string;
    kind: CommentKind;
    body: string;
    author: string | null;
    createdAt: Date;
    resolvedAt: Date | null;
    id: string;
    replyTo: string | null;
    anchor: { exact: string; prefix: string | null; suffix: string | null } | null;
    deleted: boolean;
  }[];
  bodies: Map<string, SnapshotBody>;
}

/** Documents read per query: their states are held in memory until converted. */
const BODY_BATCH = 100;

/**
 * Reads everything an export needs about a community (or one of its items)
 * in one read-only REPEATABLE READ transaction, so items, links and history
 * agree with each other. A body being edited in this process is read from
 * its live document, which may hold edits not yet stored.
 */
@Injectable()
export class CommunitySnapshotReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly collab: CollabService,
  ) {}

  read(communityId: string, onlyItemId: string | null = null): Promise<CommunitySnapshot> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      const [community] = await tx.query(`SELECT id, name, description FROM communities WHERE id = $1`, [communityId]);
      const items: SnapshotItem[] = await tx.query(
        `SELECT i.id, i.title, i.kind, i.stage, i.tags, i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.archived_at AS "archivedAt",
                i.guideline_status AS "guidelineStatus", i.guideline_version AS "guidelineVersion", i.review_date AS "reviewDate",
                i.applies_guideline_id AS "appliesGuidelineId", i.applies_version AS "appliesVersion", g.title AS "appliesTitle",
                coalesce((SELECT array_agg(u.display_name ORDER BY a.first_contributed_at, u.display_name)
                            FROM item_authors a JOIN users u ON u.id = a.user_id WHERE a.item_id = i.id), '{}') AS authors
           FROM items i LEFT JOIN items g ON g.id = i.applies_guideline_id
          WHERE i.community_id = $1 AND ($2::uuid IS NULL OR i.id = $2)
          ORDER BY i.created_at, i.id`,
        [communityId, onlyItemId],
      );
      const ids = items.map((item) => item.id);
      return {
        community,
        items,
        sources: await tx.query(
          `SELECT s.guideline_id AS "guidelineId", s.source_id AS "sourceId", i.title, s.position, s.source_stage AS "sourceStage"
             FROM item_sources s JOIN items i ON i.id = s.source_id
            WHERE s.guideline_id = ANY($1) ORDER BY s.guideline_id, s.position`,
          [ids],
        ),
        stageChanges: await tx.query(
          `SELECT c.item_id AS "itemId", c.from_stage AS "from", c.to_stage AS "to", c.reason, u.display_name AS "by", c.changed_at AS "at"
             FROM stage_changes c LEFT JOIN users u ON u.id = c.changed_by
            WHERE c.item_id = ANY($1) ORDER BY c.changed_at, c.id`,
          [ids],
        ),
        guidelineVersions: await tx.query(
          `SELECT v.guideline_id AS "guidelineId", v.number, v.title, v.markdown, u.display_name AS "adoptedBy", v.adopted_at AS "adoptedAt", v.review_date AS "reviewDate"
             FROM guideline_versions v LEFT JOIN users u ON u.id = v.adopted_by
            WHERE v.guideline_id = ANY($1) ORDER BY v.guideline_id, v.number`,
          [ids],
        ),
        comments: await tx.query(
          // Threads keep their replies and the passage they are about (docs/decisions/comment-anchors.md); threads come first.
          `SELECT c.item_id AS "itemId", c.kind, c.body, u.display_name AS author, c.created_at AS "createdAt", c.resolved_at AS "resolvedAt",
                  c.id, c.parent_id AS "replyTo", c.deleted_at IS NOT NULL AS deleted,
                  CASE WHEN c.anchor_exact IS NULL THEN NULL
                       ELSE jsonb_build_object('exact', c.anchor_exact, 'prefix', c.anchor_prefix, 'suffix', c.anchor_suffix) END AS anchor
             FROM comments c LEFT JOIN users u ON u.id = c.author_id
            WHERE c.item_id = ANY($1) ORDER BY c.parent_id IS NOT NULL, c.created_at, c.id`,
          [ids],
        ),
        bodies: await this.bodies(tx, ids),
      };
    });
  }

  private async bodies(tx: EntityManager, ids: string[]): Promise<Map<string, SnapshotBody>> {
    const bodies = new Map<string, SnapshotBody>();
    for (let start = 0; start < ids.length; start += BODY_BATCH) {
      const batch = ids.slice(start, start + BODY_BATCH);
      const live = new Map(
        batch.flatMap((id) => {
          const room = this.collab.registry.loaded(id);
          return room ? [[id, room.doc] as const] : [];
        }),
      );
      const stored = await this.storedStates(
        tx,
        batch.filter((id) => !live.has(id)),
      );
      for (const id of batch) {
        const doc = live.get(id);
        if (doc) {
          bodies.set(id, bodyOf(doc));
          continue;
        }
        const fresh = new Y.Doc();
        try {
          const state = documentStateFromRows(stored.get(id) ?? []);
          if (state) Y.applyUpdate(fresh, state);
          bodies.set(id, bodyOf(fresh));
        } finally {
          fresh.destroy();
        }
      }
    }
    return bodies;
  }

  /** Snapshot and later updates per item, in order, as DocumentStore reads them. */
  private async storedStates(tx: EntityManager, ids: string[]): Promise<Map<string, Uint8Array[]>> {
    const states = new Map<string, Uint8Array[]>();
    if (!ids.length) return states;
    const rows: { itemId: string; state: Buffer }[] = await tx.query(
      `SELECT item_id AS "itemId", state FROM (
         SELECT item_id, 0 AS part, 0::bigint AS id, state FROM yjs_snapshots WHERE item_id = ANY($1)
         UNION ALL
         SELECT item_id, 1 AS part, id, update AS state FROM yjs_updates WHERE item_id = ANY($1)
       ) parts ORDER BY item_id, part, id`,
      [ids],
    );
    for (const row of rows) {
      const list = states.get(row.itemId) ?? [];
      list.push(new Uint8Array(row.state));
      states.set(row.itemId, list);
    }
    return states;
  }
}

function bodyOf(doc: Y.Doc): SnapshotBody {
  const body = readBody(doc.getXmlFragment(BODY_FRAGMENT));
  return { markdown: yDocToMarkdown(doc), links: linkedItemIds(body), proposals: proposalQuotes(body) };
}
