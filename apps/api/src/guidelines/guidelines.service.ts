import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationDraft,
  defaultReviewDate,
  GuidelineStatus,
  guidelineDraft,
  isUuid,
  KIND_LABELS,
  labelled,
  LIMITS,
  PROMOTABLE_KINDS,
  PROMOTE_MAX_SOURCES,
  sharedTags,
  builtInTemplateFor,
  validateBody,
  validateDate,
  validateReason,
  validateTags,
  validateTitle,
  GUIDELINE_STATUS_LABELS,
} from '@spiraal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { markdownToProseMirror, templateDocument, yDocToMarkdown, yDocToText, type PMNode } from '@spiraal/collab';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { CollabService } from '../collab/collab.service';
import type { AuthUser } from '../common/request-context';
import { badInput, notFound } from '../common/errors';
import { ItemEvents } from '../items/item-events';
import { ItemEntity } from '../database/entities/item.entity';
import { ItemsService } from '../items/items.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PrivacyService } from '../privacy/privacy.service';

/**
 * The moves that make Spiraal more than a wiki: uitwerken tot richtlijn
 * (with provenance), the guideline lifecycle with frozen adopted versions,
 * and uitproberen in de praktijk (a reflection linked to the version tried).
 */
@Injectable()
export class GuidelinesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly items: ItemsService,
    private readonly events: ItemEvents,
    private readonly collab: CollabService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly privacy: PrivacyService,
  ) {}

  async promote(
    user: AuthUser,
    input: {
      sourceItemIds: string[];
      title: string;
      privacyOverride?: { reason: string } | null;
      tags?: string[] | null;
    },
  ): Promise<ItemEntity> {
    const ids = [...new Set(input.sourceItemIds)];
    if (!ids.length || ids.length > PROMOTE_MAX_SOURCES) {
      throw badInput(
        `Kies 1 tot ${PROMOTE_MAX_SOURCES} bronnen / Choose 1 to ${PROMOTE_MAX_SOURCES} sources`,
        'sourceItemIds',
      );
    }
    if (!ids.every(isUuid)) throw notFound('Dit item');
    const title = validateTitle(input.title);
    const chosenTags = input.tags != null ? validateTags(input.tags) : null;
    // Every source must be readable (else it does not exist for you) and in one community.
    const sources = await Promise.all(
      ids.map(async (id) => (await this.access.toItem(user, id, 'community.read')).item),
    );
    const communityId = sources[0].communityId;
    if (sources.some((s) => s.communityId !== communityId)) {
      throw badInput(
        'Alle bronnen moeten uit hetzelfde leernetwerk komen / All sources must come from the same community',
        'sourceItemIds',
      );
    }
    if (sources.some((s) => s.archivedAt))
      throw badInput('Een gearchiveerd item kan geen bron zijn / An archived item cannot be a source', 'sourceItemIds');
    if (sources.some((s) => !PROMOTABLE_KINDS.includes(s.kind))) {
      throw badInput(
        'Een richtlijn is geen bron voor een nieuwe richtlijn; stel haar bij / A guideline is not a source for another: revise it',
        'sourceItemIds',
      );
    }
    const { access } = await this.access.toCommunity(user, communityId, 'guideline.create');
    // Personal data must not travel from a case into a guideline (docs/privacy.md): checked in the transaction, so a refusal writes nothing.
    const gate = { communityId, items: sources, action: 'guideline.promote', isFacilitator: access === 'FACILITATOR' };
    const withBodies = await Promise.all(
      sources.map(async (s) => ({ id: s.id, kind: s.kind, title: s.title, markdown: await this.items.markdown(s.id) })),
    );
    const markdown = guidelineDraft(withBodies);
    const tags = chosenTags ?? validateTags(sharedTags(sources.map((s) => s.tags)).slice(0, LIMITS.tagsMax));
    return this.db.transaction(async (tx) => {
      const guideline = await this.items.insert(tx, user, {
        communityId,
        kind: 'GUIDELINE',
        stage: 'COMBINATIE',
        title,
        tags,
        markdown,
      });
      await tx.query(
        `INSERT INTO item_sources (guideline_id, source_id, position, source_stage, created_by)
         SELECT $1, s.id, s.position, i.stage, $3
           FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, position) JOIN items i ON i.id = s.id`,
        [guideline.id, ids, user.id],
      );
      await this.privacy.gate(tx, user, gate, input.privacyOverride);
      await this.audit.record(tx, {
        communityId,
        actorId: user.id,
        action: 'guideline.promote',
        targetId: guideline.id,
        details: { title, sourceItemIds: ids },
      });
      const authors: { user_id: string }[] = await tx.query(
        `SELECT DISTINCT user_id FROM item_authors WHERE item_id = ANY($1::uuid[])`,
        [ids],
      );
      await this.notifications.notify(tx, {
        kind: 'PROMOTED',
        actorId: user.id,
        communityId,
        itemId: guideline.id,
        excerpt: title,
        userIds: authors.map((a) => a.user_id),
      });
      return guideline;
    });
  }

  async setStatus(
    user: AuthUser,
    input: { id: string; status: GuidelineStatus; reviewDate?: Date | null },
  ): Promise<ItemEntity> {
    await this.guideline(user, input.id, 'guideline.setStatus');
    const reviewDate = input.reviewDate ? validateDate('reviewDate', input.reviewDate) : null;
    // The version is what editors see right now, read from the live document (loaded when needed).
    const body =
      input.status === 'VASTGESTELD'
        ? await this.collab.withDocument(input.id, (room) => ({
            text: yDocToText(room.doc),
            markdown: yDocToMarkdown(room.doc),
          }))
        : null;
    const updated = await this.db.transaction(async (tx) => {
      const items = tx.getRepository(ItemEntity);
      const item = await items.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw notFound('Deze richtlijn');
      const from = item.guidelineStatus!;
      if (from === input.status && !reviewDate)
        throw badInput(`Deze richtlijn is al ${input.status} / This guideline is already ${input.status}`, 'status');
      if (from === 'VASTGESTELD' && input.status !== 'VASTGESTELD') {
        throw badInput(
          'Een vastgestelde richtlijn wijzig je door haar bij te stellen (reviseGuideline) / Revise an adopted guideline to change it',
          'status',
        );
      }
      const now = new Date();
      if (input.status === 'VASTGESTELD' && from !== 'VASTGESTELD') {
        const review = reviewDate ?? defaultReviewDate(now);
        await tx.query(
          `INSERT INTO guideline_versions (guideline_id, number, title, text, markdown, adopted_by, adopted_at, review_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [item.id, item.guidelineVersion, item.title, body!.text, body!.markdown, user.id, now, review],
        );
        await items.update({ id: item.id }, { guidelineStatus: 'VASTGESTELD', reviewDate: review, updatedAt: now });
      } else {
        await items.update(
          { id: item.id },
          { guidelineStatus: input.status, ...(reviewDate ? { reviewDate } : {}), updatedAt: now },
        );
      }
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'guideline.status',
        targetId: item.id,
        details: {
          from,
          to: input.status,
          version: item.guidelineVersion,
          reviewDate: reviewDate?.toISOString() ?? null,
        },
      });
      await this.guidelineChanged(tx, user, item, `Status: ${GUIDELINE_STATUS_LABELS[input.status].nl}`);
      return items.findOneByOrFail({ id: item.id });
    });
    this.events.emit({
      itemId: updated.id,
      communityId: updated.communityId,
      frozen: updated.guidelineStatus === 'VASTGESTELD',
    });
    return updated;
  }

  /** Bijstellen: opens the next version for editing; the adopted one stays readable in `guidelineVersions`. */
  async revise(user: AuthUser, id: string): Promise<ItemEntity> {
    await this.guideline(user, id, 'guideline.setStatus');
    const updated = await this.db.transaction(async (tx) => {
      const items = tx.getRepository(ItemEntity);
      const item = await items.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw notFound('Deze richtlijn');
      if (item.guidelineStatus !== 'VASTGESTELD') {
        throw badInput(
          'Alleen een vastgestelde richtlijn kun je bijstellen; deze is nog in bewerking / Only an adopted guideline can be revised',
          'id',
        );
      }
      await items.update(
        { id },
        { guidelineStatus: 'CONCEPT', guidelineVersion: item.guidelineVersion! + 1, updatedAt: new Date() },
      );
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'guideline.revise',
        targetId: id,
        details: { version: item.guidelineVersion! + 1 },
      });
      await this.guidelineChanged(tx, user, item, `Versie ${item.guidelineVersion! + 1} wordt bijgesteld`);
      return items.findOneByOrFail({ id });
    });
    this.events.emit({ itemId: id, communityId: updated.communityId, frozen: false });
    return updated;
  }

  /** Uitproberen in de praktijk: a reflection (stage internalisatie) on the version being tried or in force. */
  async recordApplication(
    user: AuthUser,
    input: {
      guidelineId: string;
      body?: string | null;
      title?: string | null;
      intention?: string | null;
      lookBackOn?: Date | null;
    },
  ): Promise<ItemEntity> {
    const guideline = await this.guideline(user, input.guidelineId, 'reflection.record');
    if (guideline.guidelineStatus === 'CONCEPT') {
      throw badInput(
        'Deze richtlijn is nog een concept: probeer haar uit zodra ze in de uitprobeerfase is / This guideline is still a draft',
        'guidelineId',
      );
    }
    if (guideline.archivedAt)
      throw badInput('Deze richtlijn is gearchiveerd / This guideline is archived', 'guidelineId');
    if (input.body?.trim() && (input.intention?.trim() || input.lookBackOn)) {
      throw badInput(
        'Geef een tekst of wat je gaat proberen, niet allebei / Give a body or an intention, not both',
        'body',
      );
    }
    const intention = validateReason(input.intention);
    const lookBackOn = input.lookBackOn ? validateDate('lookBackOn', input.lookBackOn) : null;
    // The reflection template's prompts are placeholders, never text (docs/templates.md).
    const template = builtInTemplateFor('REFLECTION');
    const body = input.body?.trim() ? validateBody(input.body) : '';
    const document =
      input.body?.trim() || !template ? undefined : reflectionDocument(template.body, intention, lookBackOn);
    const title = input.title?.trim()
      ? validateTitle(input.title)
      : labelled(KIND_LABELS.REFLECTION.nl, guideline.title).slice(0, LIMITS.titleMax).trim();
    return this.db.transaction(async (tx) => {
      const reflection = await this.items.insert(tx, user, {
        communityId: guideline.communityId,
        kind: 'REFLECTION',
        stage: 'INTERNALISATIE',
        title,
        tags: guideline.tags,
        markdown: body,
        document,
        templateId: document ? template?.id : null,
        appliesGuidelineId: guideline.id,
        appliesVersion: guideline.guidelineVersion,
      });
      // Whoever wrote the guideline hears how it worked.
      const authors: { user_id: string }[] = await tx.query(`SELECT user_id FROM item_authors WHERE item_id = $1`, [
        guideline.id,
      ]);
      await this.notifications.notify(tx, {
        kind: 'REFLECTION',
        actorId: user.id,
        communityId: guideline.communityId,
        itemId: reflection.id,
        excerpt: guideline.title,
        userIds: authors.map((a) => a.user_id),
      });
      return reflection;
    });
  }

  /** GUIDELINE_CHANGED: to who follows the guideline or its community, and to who recorded applying it. */
  private async guidelineChanged(
    tx: EntityManager,
    user: AuthUser,
    guideline: ItemEntity,
    excerpt: string,
  ): Promise<void> {
    const appliers: { created_by: string }[] = await tx.query(
      `SELECT DISTINCT created_by FROM items WHERE applies_guideline_id = $1 AND created_by IS NOT NULL`,
      [guideline.id],
    );
    await this.notifications.notify(tx, {
      kind: 'GUIDELINE_CHANGED',
      actorId: user.id,
      communityId: guideline.communityId,
      itemId: guideline.id,
      excerpt: `${guideline.title} — ${excerpt}`,
      userIds: appliers.map((a) => a.created_by),
      followersOf: [guideline.id, guideline.communityId],
    });
  }

  private async guideline(
    user: AuthUser,
    id: string,
    action: 'guideline.setStatus' | 'reflection.record',
  ): Promise<ItemEntity> {
    const { item } = await this.access.toItem(user, id, action);
    if (item.kind !== 'GUIDELINE') throw badInput('Dit item is geen richtlijn / This item is not a guideline', 'id');
    return item;
  }
}

/** What the person will try and when they look back, as text, then the reflection template's headings. */
function reflectionDocument(templateBody: string, intention: string | null, lookBackOn: Date | null): PMNode {
  const draft =
    intention || lookBackOn ? markdownToProseMirror(applicationDraft(intention ?? '', lookBackOn, '')) : null;
  const { doc } = templateDocument(templateBody);
  return { type: 'doc', content: [...(draft?.content ?? []), ...(doc.content ?? [])] };
}
