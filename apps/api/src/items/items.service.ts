import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BODY_FRAGMENT,
  markdownToProseMirror,
  proseMirrorToText,
  templateDocument,
  writeBody,
  yDocToMarkdown,
  type PMNode,
} from '@spiraal/collab';
import {
  builtInTemplateFor,
  defaultStageFor,
  ItemKind,
  mayReplaceStageReason,
  SeciStage,
  validateBody,
  validatePageSize,
  validateReason,
  validateTags,
  validateTitle,
  STAGE_LABELS,
} from '@spiraal/domain';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { badInput, forbidden } from '../common/errors';
import { DocumentStore } from '../documents/document.store';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor';
import { NotificationsService } from '../notifications/notifications.service';
import { ItemAuthorEntity } from '../database/entities/item-author.entity';
import { ItemEntity } from '../database/entities/item.entity';
import { ItemEvents } from './item-events';
import { StageChangeEntity } from '../database/entities/stage-change.entity';
import { TemplatesService } from '../templates/templates.service';
import { communitySpelling, spelledAsKnown } from './tag-spellings';

export interface CreateItem {
  communityId: string;
  kind: ItemKind;
  title: string;
  stage?: SeciStage | null;
  tags?: string[] | null;
  body?: string | null;
  /** Start from the kind's template instead of a body. */
  template?: boolean | null;
  /** Start from this template (built-in or the community's own). */
  templateId?: string | null;
}

/** A validated new item, for `insert`. */
export interface NewItem {
  communityId: string;
  kind: ItemKind;
  stage: SeciStage;
  title: string;
  tags: string[];
  markdown: string;
  /** The starting document, when it is not plain Markdown (a template: headings without their prompts). */
  document?: PMNode;
  templateId?: string | null;
  appliesGuidelineId?: string | null;
  appliesVersion?: number | null;
}

export interface ItemFilterArgs {
  kinds?: ItemKind[] | null;
  stages?: SeciStage[] | null;
  tags?: string[] | null;
  includeArchived?: boolean | null;
}

export interface ItemPage {
  items: ItemEntity[];
  hasNextPage: boolean;
  totalCount: number;
}

@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly documents: DocumentStore,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly templates: TemplatesService,
    private readonly events: ItemEvents,
  ) {}

  async create(user: AuthUser, input: CreateItem): Promise<ItemEntity> {
    // Guidelines come from "uitwerken tot richtlijn", a facilitator's move.
    await this.access.toCommunity(
      user,
      input.communityId,
      input.kind === 'GUIDELINE' ? 'guideline.create' : 'item.create',
    );
    const title = validateTitle(input.title);
    const tags = validateTags(input.tags ?? []);
    if ((input.template || input.templateId) && input.body)
      throw badInput('Kies een sjabloon of een tekst, niet allebei / Give a template or a body, not both', 'template');
    // A template's prompts become placeholders, never text (docs/templates.md).
    const template = input.templateId
      ? await this.templates.forItem(input.communityId, input.templateId, input.kind)
      : input.template
        ? builtInTemplateFor(input.kind)
        : null;
    const markdown = template ? '' : validateBody(input.body ?? '');
    return this.db.transaction((tx) =>
      this.insert(tx, user, {
        communityId: input.communityId,
        kind: input.kind,
        stage: input.stage ?? defaultStageFor(input.kind),
        title,
        tags,
        markdown,
        document: template ? templateDocument(template.body).doc : undefined,
        templateId: template?.id ?? null,
      }),
    );
  }

  /**
   * Writes a new item in the caller's transaction: its row, first author,
   * initial stage and its document, written on the server from Markdown
   * (clients never seed content). Callers check access and validate first.
   */
  async insert(tx: EntityManager, user: AuthUser, fields: NewItem): Promise<ItemEntity> {
    const body = fields.document ?? markdownToProseMirror(fields.markdown);
    const doc = new Y.Doc();
    writeBody(doc.getXmlFragment(BODY_FRAGMENT), body);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const guideline = fields.kind === 'GUIDELINE';
    const item = await tx.getRepository(ItemEntity).save({
      communityId: fields.communityId,
      kind: fields.kind,
      stage: fields.stage,
      title: fields.title,
      tags: await communitySpelling(tx, fields.communityId, fields.tags),
      text: proseMirrorToText(body),
      createdBy: user.id,
      updatedAt: new Date(),
      archivedAt: null,
      guidelineStatus: guideline ? 'CONCEPT' : null,
      guidelineVersion: guideline ? 1 : null,
      reviewDate: null,
      appliesGuidelineId: fields.appliesGuidelineId ?? null,
      appliesVersion: fields.appliesVersion ?? null,
      templateId: fields.templateId ?? null,
    });
    await tx
      .getRepository(ItemAuthorEntity)
      .insert({ itemId: item.id, userId: user.id, firstContributedAt: new Date() });
    await tx.getRepository(StageChangeEntity).insert({
      itemId: item.id,
      fromStage: null,
      toStage: fields.stage,
      reason: null,
      changedBy: user.id,
      changedAt: new Date(),
    });
    await this.documents.saveSnapshot(tx, item.id, state);
    return tx.getRepository(ItemEntity).findOneByOrFail({ id: item.id });
  }

  async get(user: AuthUser, id: string): Promise<ItemEntity> {
    return (await this.access.toItem(user, id, 'community.read')).item;
  }

  async update(
    user: AuthUser,
    input: { id: string; title?: string | null; tags?: string[] | null },
  ): Promise<ItemEntity> {
    const { item } = await this.access.toItem(user, input.id, 'item.edit');
    const changes: Partial<ItemEntity> = {};
    if (input.title != null) changes.title = validateTitle(input.title);
    const tags = input.tags != null ? validateTags(input.tags) : null;
    if (!changes.title && !tags) throw badInput('Geef een nieuwe titel of nieuwe tags / Give a new title or new tags');
    return this.db.transaction(async (tx) => {
      if (tags) changes.tags = await communitySpelling(tx, item.communityId, tags);
      await tx.getRepository(ItemEntity).update({ id: input.id }, { ...changes, updatedAt: new Date() });
      return tx.getRepository(ItemEntity).findOneByOrFail({ id: input.id });
    });
  }

  async setStage(user: AuthUser, input: { id: string; stage: SeciStage; reason?: string | null }): Promise<ItemEntity> {
    await this.access.toItem(user, input.id, 'item.setStage');
    const reason = validateReason(input.reason);
    const moved = await this.db.transaction(async (tx) => {
      const items = tx.getRepository(ItemEntity);
      const item = await items.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw badInput('Dit item bestaat niet meer / This item no longer exists');
      if (item.stage === input.stage)
        throw badInput(`Dit item staat al in ${input.stage} / This item is already in ${input.stage}`, 'stage');
      const now = new Date();
      await tx.getRepository(StageChangeEntity).insert({
        itemId: item.id,
        fromStage: item.stage,
        toStage: input.stage,
        reason,
        changedBy: user.id,
        changedAt: now,
      });
      await items.update({ id: item.id }, { stage: input.stage, updatedAt: now });
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'item.stage',
        targetId: item.id,
        details: { from: item.stage, to: input.stage },
      });
      const step = `${STAGE_LABELS[item.stage].nl} → ${STAGE_LABELS[input.stage].nl}${reason ? `: ${reason}` : ''}`;
      await this.notifications.notify(tx, {
        kind: 'STAGE_CHANGE',
        actorId: user.id,
        communityId: item.communityId,
        itemId: item.id,
        excerpt: step,
        followersOf: [item.id, item.communityId],
      });
      return items.findOneByOrFail({ id: item.id });
    });
    // Open pages show the new stage at once; who may edit is checked again.
    this.events.emit({ itemId: moved.id, communityId: moved.communityId, frozen: false });
    return moved;
  }

  /**
   * A reason for the last move, added afterwards: the stage stays where it
   * is. A reason already given is replaced only by the mover or a
   * facilitator (mayReplaceStageReason), never silently: the audit log keeps
   * the one it replaced.
   */
  async addStageReason(user: AuthUser, input: { itemId: string; reason: string }): Promise<ItemEntity> {
    const { item, access } = await this.access.toItem(user, input.itemId, 'item.setStage');
    const reason = validateReason(input.reason);
    if (!reason) throw badInput('Schrijf een toelichting / Write a reason', 'reason');
    return this.db.transaction(async (tx) => {
      const [last]: { id: string; reason: string | null; changed_by: string | null }[] = await tx.query(
        `SELECT id, reason, changed_by FROM stage_changes WHERE item_id = $1
          ORDER BY changed_at DESC, id DESC LIMIT 1 FOR UPDATE`,
        [item.id],
      );
      if (!last) throw badInput('Dit item heeft nog geen fasewijziging / This item has no stage change yet', 'itemId');
      if (last.reason !== null && !mayReplaceStageReason(access, { ownedByActor: last.changed_by === user.id }))
        throw forbidden();
      await tx.query(`UPDATE stage_changes SET reason = $2 WHERE id = $1`, [last.id, reason]);
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'item.stage.reason',
        targetId: item.id,
        details: { stageChange: last.id, previous: last.reason },
      });
      return tx.getRepository(ItemEntity).findOneByOrFail({ id: item.id });
    });
  }

  async archive(user: AuthUser, id: string): Promise<ItemEntity> {
    const { item } = await this.access.toItem(user, id, 'item.archive');
    if (item.archivedAt) return item;
    return this.db.transaction(async (tx) => {
      await tx.getRepository(ItemEntity).update({ id }, { archivedAt: new Date() });
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'item.archive',
        targetId: id,
        details: { title: item.title },
      });
      return tx.getRepository(ItemEntity).findOneByOrFail({ id });
    });
  }

  /** Newest first, with a keyset cursor. */
  async list(
    user: AuthUser,
    communityId: string,
    filter: ItemFilterArgs,
    first?: number | null,
    after?: string | null,
  ): Promise<ItemPage> {
    await this.access.toCommunity(user, communityId, 'community.read');
    const size = validatePageSize(first);
    const qb = this.db
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.community_id = :communityId', { communityId });
    if (!filter.includeArchived) qb.andWhere('i.archived_at IS NULL');
    if (filter.kinds?.length) qb.andWhere('i.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.stages?.length) qb.andWhere('i.stage IN (:...stages)', { stages: filter.stages });
    if (filter.tags?.length)
      qb.andWhere('i.tags @> :tags', { tags: await spelledAsKnown(this.db, communityId, validateTags(filter.tags)) });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const cursor = decodeCursor(after);
      qb.andWhere('(i.created_at, i.id) < (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    }
    const rows = await qb
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(size + 1)
      .getMany();
    return { items: rows.slice(0, size), hasNextPage: rows.length > size, totalCount };
  }

  cursorOf(item: ItemEntity): string {
    return encodeCursor({ createdAt: item.createdAt, id: item.id });
  }

  async markdown(itemId: string): Promise<string> {
    const doc = await this.documents.loadDoc(itemId);
    try {
      return yDocToMarkdown(doc);
    } finally {
      doc.destroy();
    }
  }
}
