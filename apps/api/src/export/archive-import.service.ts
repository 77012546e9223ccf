import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  anchorQuote,
  encodeAnchorPosition,
  applyProposalQuotes,
  markdownToProseMirror,
  markdownToYDocUpdate,
  proseMirrorToMarkdown,
  proseMirrorToText,
  type TextQuote,
} from '@spiraal/collab';
import {
  PROMOTABLE_KINDS,
  validateBody,
  validateComment,
  validateReason,
  validateTags,
  validateTitle,
  ValidationError,
} from '@spiraal/domain';
import {
  ArchiveError,
  EXPORT_ZIP_LIMITS,
  ExportManifest,
  type InflateMeter,
  linkedItemIds,
  readExportArchive,
  rewriteItemLinks,
} from '@spiraal/interchange';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { badInput } from '../common/errors';
import { DocumentStore } from '../documents/document.store';
import { FilesService } from '../files/files.service';
import { ImportLedger } from '../import/import-ledger';
import { ItemsService } from '../items/items.service';
import { MetricsService } from '../metrics/metrics.service';

export interface ArchiveImportSummary {
  /** The same archive was restored into this community before: nothing was written now. */
  alreadyImported: boolean;
  items: number;
  sources: number;
  mentions: number;
  appliesTo: number;
  stageChanges: number;
  guidelineVersions: number;
  comments: number;
}

/** One checked item of the archive, ready to write. */
interface PreparedItem {
  oldId: string;
  file: string;
  title: string;
  tags: string[];
  markdown: string;
}

/**
 * Restores a community export (zip) into a community, typically an empty
 * one: the items with their kind, stage, tags, dates, archive state and body
 * (written on the server into each Yjs document); provenance, practice
 * reflections and in-text `/items/<id>` links pointing to the new ids; stage
 * history, guideline status, adopted versions and klankbord comments.
 * People are not accounts in an archive: restored stage changes, versions and
 * comments have no user attached, and the importer is each item's first author.
 * Everything is written in one transaction: a bad archive writes nothing.
 * Restoring the same archive into the same community again writes nothing.
 */
@Injectable()
export class ArchiveImportService {
  private readonly inflated: Counter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly items: ItemsService,
    private readonly documents: DocumentStore,
    private readonly audit: AuditService,
    private readonly ledger: ImportLedger,
    private readonly files: FilesService,
    metrics: MetricsService,
  ) {
    this.inflated = metrics.counter({
      name: 'spiraal_archive_inflated_bytes_total',
      help: 'Bytes inflated from restored archives, refused ones included',
    });
  }

  /** Whether the user may restore into the community (facilitators), thrown as NOT_FOUND or FORBIDDEN; restore checks it again itself. */
  async checkAccess(user: AuthUser, communityId: string): Promise<void> {
    await this.access.toCommunity(user, communityId, 'archive.import');
  }

  async restore(user: AuthUser, communityId: string, zip: Uint8Array): Promise<ArchiveImportSummary> {
    await this.checkAccess(user, communityId);
    const meter = { inflated: 0 };
    let read: ReturnType<typeof readExportArchive>;
    try {
      read = readArchive(zip, meter);
    } finally {
      this.inflated.inc(meter.inflated);
    }
    const { manifest, bodies, attachments } = read;
    // Files get new ids, and the bodies that show them the new addresses (docs/decisions/file-storage.md).
    const fileIds = new Map((manifest.files ?? []).map((file) => [file.id, randomUUID()]));
    const withNewFiles = (markdown: string) =>
      markdown.replace(/\/files\/([0-9a-f-]{36})/g, (found, id: string) =>
        fileIds.has(id) ? `/files/${fileIds.get(id)}` : found,
      );
    const prepared = manifest.items.map((item) =>
      prepare(item.file, () => ({
        oldId: item.id,
        file: item.file,
        title: validateTitle(item.title),
        tags: validateTags(item.tags),
        markdown: withNewFiles(validateBody(bodies.get(item.id) ?? '')),
      })),
    );
    checkLinks(manifest);
    // The import ledger (shared with the import of loose files) makes a re-run of the same archive a no-op.
    const sourceKey = `spiraal-export:sha256:${createHash('sha256').update(zip).digest('hex')}`;
    return this.db.transaction(async (tx) => {
      await this.ledger.lock(tx, communityId, sourceKey);
      const earlier = await this.ledger.find(tx, communityId, sourceKey);
      if (earlier) return { ...NOTHING, alreadyImported: true, items: earlier.itemIds.length };
      const { summary, itemIds, newItemId } = await this.write(tx, user, communityId, manifest, prepared);
      for (const file of manifest.files ?? []) {
        await this.files.storeInto(tx, {
          id: fileIds.get(file.id),
          communityId,
          itemId: newItemId(file.itemId),
          uploadedBy: user.id,
          filename: file.name,
          declaredType: file.contentType,
          body: Readable.from([Buffer.from(attachments.get(file.id)!)]),
        });
      }
      await this.ledger.record(tx, {
        communityId,
        sourceKey,
        sourceName: `${manifest.community.name} (${manifest.exportedAt})`,
        itemIds,
        importedBy: user.id,
      });
      return summary;
    });
  }

  private async write(
    tx: EntityManager,
    user: AuthUser,
    communityId: string,
    manifest: ExportManifest,
    prepared: PreparedItem[],
  ): Promise<{ summary: ArchiveImportSummary; itemIds: string[]; newItemId(oldId: string): string }> {
    const byOldId = new Map(manifest.items.map((item) => [item.id, item]));
    const ids = new Map<string, string>();
    // First every item, so that links can point to any of them.
    for (const item of prepared) {
      const source = byOldId.get(item.oldId)!;
      const created = await this.items.insert(tx, user, {
        communityId,
        kind: source.kind,
        stage: source.stage,
        title: item.title,
        tags: item.tags,
        markdown: item.markdown,
      });
      ids.set(item.oldId, created.id);
    }
    const newId = (oldId: string) => ids.get(oldId)!;

    let mentions = 0;
    const proposalsOf = groupProposals(manifest);
    for (const item of prepared) {
      const body = markdownToProseMirror(item.markdown);
      const linked = linkedItemIds(body).filter((id) => ids.has(id));
      const proposals = proposalsOf.get(item.oldId);
      if (!linked.length && !proposals) continue;
      mentions += linked.length;
      const markdown = linked.length ? proseMirrorToMarkdown(rewriteItemLinks(body, ids)) : item.markdown;
      await this.documents.saveSnapshot(tx, newId(item.oldId), withProposals(markdown, proposals));
    }

    const appliesTo = new Map(
      manifest.links.flatMap((link) => (link.type === 'appliesTo' ? [[link.from, link] as const] : [])),
    );
    for (const source of manifest.items) {
      const applies = appliesTo.get(source.id);
      await tx.query(
        `UPDATE items SET created_at = $2, updated_at = $3, archived_at = $4, guideline_status = $5, guideline_version = $6, review_date = $7,
                          applies_guideline_id = $8, applies_version = $9
          WHERE id = $1`,
        [
          newId(source.id),
          source.createdAt,
          source.updatedAt,
          source.archivedAt,
          source.guideline?.status ?? null,
          source.guideline?.version ?? null,
          source.guideline?.reviewDate ?? null,
          applies ? newId(applies.to) : null,
          applies?.version ?? null,
        ],
      );
    }

    let sources = 0;
    for (const link of manifest.links) {
      if (link.type !== 'source') continue;
      const [row] = await tx.query(
        `INSERT INTO item_sources (guideline_id, source_id, position, source_stage, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [newId(link.from), newId(link.to), link.position, link.sourceStage, user.id],
      );
      if (row) sources++;
    }

    // The archive's stage history replaces the single "created in this stage" record insert() wrote.
    const historyOf = new Set(manifest.stageHistory.map((change) => change.itemId));
    if (historyOf.size)
      await tx.query(`DELETE FROM stage_changes WHERE item_id = ANY($1)`, [[...historyOf].map(newId)]);
    for (const [i, change] of manifest.stageHistory.entries()) {
      const reason = prepare(`stageHistory[${i}]`, () => validateReason(change.reason));
      await tx.query(
        `INSERT INTO stage_changes (item_id, from_stage, to_stage, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, NULL, $5)`,
        [newId(change.itemId), change.from, change.to, reason, change.at],
      );
    }

    let guidelineVersions = 0;
    for (const version of manifest.guidelineVersions) {
      if (byOldId.get(version.guidelineId)!.kind !== 'GUIDELINE') continue;
      const body = rewriteItemLinks(markdownToProseMirror(version.markdown), ids);
      const [row] = await tx.query(
        `INSERT INTO guideline_versions (guideline_id, number, title, text, markdown, adopted_by, adopted_at, review_date)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
        [
          newId(version.guidelineId),
          version.number,
          version.title,
          proseMirrorToText(body),
          proseMirrorToMarkdown(body),
          version.adoptedAt,
          version.reviewDate,
        ],
      );
      if (row) guidelineVersions++;
    }

    // Threads, their replies and their places in the text (docs/decisions/comment-anchors.md).
    const threadIds = new Map<string, string>();
    const documents = new Map<string, Y.Doc>();
    for (const [i, comment] of manifest.comments.entries()) {
      const body = comment.deleted ? '' : prepare(`comments[${i}]`, () => validateComment(comment.body));
      const itemId = newId(comment.itemId);
      const parentId = comment.replyTo ? (threadIds.get(comment.replyTo) ?? null) : null;
      const anchor = comment.anchor && !parentId ? await anchorIn(tx, documents, itemId, comment.anchor) : null;
      const [{ id }] = await tx.query(
        `INSERT INTO comments (item_id, kind, body, author_id, created_at, resolved_at, parent_id, deleted_at,
                               anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, CASE WHEN $7 THEN $4::timestamptz END, $8, $9, $10, $11, $12) RETURNING id`,
        [
          itemId,
          comment.kind,
          body,
          comment.createdAt,
          comment.resolvedAt,
          parentId,
          comment.deleted === true,
          anchor?.start ?? null,
          anchor?.end ?? null,
          anchor ? comment.anchor!.exact : null,
          anchor ? comment.anchor!.prefix : null,
          anchor ? comment.anchor!.suffix : null,
        ],
      );
      if (comment.id && !comment.replyTo) threadIds.set(comment.id, id as string);
    }

    const summary: ArchiveImportSummary = {
      alreadyImported: false,
      items: prepared.length,
      sources,
      mentions,
      appliesTo: appliesTo.size,
      stageChanges: manifest.stageHistory.length,
      guidelineVersions,
      comments: manifest.comments.length,
    };
    await this.audit.record(tx, {
      communityId,
      actorId: user.id,
      action: 'archive.import',
      targetId: null,
      details: { from: manifest.community.name, exportedAt: manifest.exportedAt, ...summary },
    });
    return { summary, itemIds: prepared.map((item) => newId(item.oldId)), newItemId: newId };
  }
}

const NOTHING: ArchiveImportSummary = {
  alreadyImported: false,
  items: 0,
  sources: 0,
  mentions: 0,
  appliesTo: 0,
  stageChanges: 0,
  guidelineVersions: 0,
  comments: 0,
};

function readArchive(zip: Uint8Array, meter: InflateMeter): ReturnType<typeof readExportArchive> {
  try {
    return readExportArchive(zip, EXPORT_ZIP_LIMITS, meter);
  } catch (error) {
    if (error instanceof ArchiveError) throw badInput(error.message, 'archive');
    throw error;
  }
}

/** Runs a domain check, naming the place in the archive when it fails. */
function prepare<T>(where: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError) throw badInput(`${where}: ${error.message}`, 'archive');
    throw error;
  }
}

/** The spiral's rules for links hold for restored ones too. */
function checkLinks(manifest: ExportManifest): void {
  const kinds = new Map(manifest.items.map((item) => [item.id, item.kind]));
  manifest.links.forEach((link, i) => {
    const from = kinds.get(link.from)!;
    const to = kinds.get(link.to)!;
    const valid =
      link.type === 'mention' ||
      (link.type === 'source' && from === 'GUIDELINE' && PROMOTABLE_KINDS.includes(to)) ||
      (link.type === 'appliesTo' && from === 'REFLECTION' && to === 'GUIDELINE');
    if (!valid) {
      throw badInput(
        `manifest.json: links[${i}] (${link.type}) kan geen ${from} met een ${to} verbinden / manifest.json: links[${i}] (${link.type}) cannot link a ${from} to a ${to}`,
        'archive',
      );
    }
  });
}

/**
 * A restored thread's passage in the restored text (a new document, so new
 * positions), or null when the quote is not found there exactly once: the
 * thread then stays, about the item as a whole.
 */
async function anchorIn(
  tx: EntityManager,
  documents: Map<string, Y.Doc>,
  itemId: string,
  quote: TextQuote,
): Promise<{ start: Buffer; end: Buffer } | null> {
  let doc = documents.get(itemId);
  if (!doc) {
    const [row]: { state: Buffer }[] = await tx.query(`SELECT state FROM yjs_snapshots WHERE item_id = $1`, [itemId]);
    doc = new Y.Doc();
    if (row) Y.applyUpdate(doc, new Uint8Array(row.state));
    documents.set(itemId, doc);
  }
  const found = anchorQuote(doc, quote);
  if (!found.ok) return null;
  return {
    start: Buffer.from(encodeAnchorPosition(found.anchor.start), 'base64'),
    end: Buffer.from(encodeAnchorPosition(found.anchor.end), 'base64'),
  };
}

/** Stands for the author of a restored voorstel (not a user id: `Proposal.author` is null). */
const ARCHIVED_AUTHOR = 'archief';

function groupProposals(manifest: ExportManifest): Map<string, ExportManifest['proposals']> {
  const groups = new Map<string, ExportManifest['proposals']>();
  for (const proposal of manifest.proposals) {
    const group = groups.get(proposal.itemId) ?? [];
    group.push(proposal);
    groups.set(proposal.itemId, group);
  }
  return groups;
}

/**
 * The body as a Y.Doc update, with the archived voorstellen laid back onto it
 * (those whose place no longer fits are left out). They keep their author's
 * name; the author may not be a user here, so no user id is claimed.
 */
function withProposals(markdown: string, proposals: ExportManifest['proposals'] | undefined): Uint8Array {
  const update = markdownToYDocUpdate(markdown);
  if (!proposals?.length) return update;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    applyProposalQuotes(doc, proposals, ARCHIVED_AUTHOR);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
