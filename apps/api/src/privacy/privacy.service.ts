import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { replaceInBody, yDocToText } from '@spiraal/collab';
import { can, validateReason } from '@spiraal/domain';
import {
  detectPersonalData,
  isGating,
  occurrenceAt,
  planPseudonyms,
  withIds,
  type IdentifiedFinding,
  type PrivacyKind,
} from '@spiraal/privacy';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { CollabService } from '../collab/collab.service';
import { appError, badInput, forbidden } from '../common/errors';
import { ItemBodyService } from '../items/item-body.service';
import { ItemEntity } from '../database/entities/item.entity';

/** Items with open gating findings, for the PRIVACY_FINDINGS_OPEN error. */
export interface OpenFindings {
  itemId: string;
  title: string;
  kinds: PrivacyKind[];
}

const MAX_IDS = 500;

/**
 * The privacy guard (docs/privacy.md): findings computed from an item's
 * current text (the live document where this process has it loaded, else
 * the stored text), dismissals, pseudonymisation through the live document,
 * and the gate before knowledge is shared.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly collab: CollabService,
    private readonly body: ItemBodyService,
    private readonly audit: AuditService,
  ) {}

  /** What editors see now: the live document when loaded here, else the stored text. */
  currentText(item: Pick<ItemEntity, 'id' | 'text'>): string {
    const room = this.collab.registry.loaded(item.id);
    return room ? yDocToText(room.doc) : item.text;
  }

  private async dismissedIds(
    itemIds: string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, Set<string>>> {
    const rows: { item_id: string; finding_id: string }[] = itemIds.length
      ? await manager.query(`SELECT item_id, finding_id FROM privacy_dismissals WHERE item_id = ANY($1::uuid[])`, [
          itemIds,
        ])
      : [];
    const out = new Map<string, Set<string>>();
    for (const r of rows) out.set(r.item_id, (out.get(r.item_id) ?? new Set()).add(r.finding_id));
    return out;
  }

  /** Open findings of a text: detected, with ids, less the dismissed. */
  private open(text: string, dismissed: Set<string> | undefined): IdentifiedFinding[] {
    return withIds(detectPersonalData(text)).filter((f) => !dismissed?.has(f.id));
  }

  async findingsOf(item: ItemEntity): Promise<IdentifiedFinding[]> {
    const dismissed = await this.dismissedIds([item.id]);
    return this.open(this.currentText(item), dismissed.get(item.id));
  }

  /** Item.privacyFindings: for whoever may edit the item; an empty list for other readers. */
  async visibleFindings(user: AuthUser | null, itemId: string): Promise<IdentifiedFinding[]> {
    if (!user) return [];
    const { item, access } = await this.access.toItem(user, itemId, 'community.read');
    // Frozen (adopted) guidelines cannot be edited, but their editors-to-be still see what is in them.
    if (!can(access, 'item.edit')) return [];
    return this.findingsOf(item);
  }

  async pseudonymise(user: AuthUser, input: { itemId: string; findingIds?: string[] | null }): Promise<ItemEntity> {
    const { item } = await this.access.toItem(user, input.itemId, 'item.edit');
    const chosenIds = input.findingIds ?? null;
    if (chosenIds && (chosenIds.length === 0 || chosenIds.length > MAX_IDS))
      throw badInput(`Kies 1 tot ${MAX_IDS} bevindingen / Choose 1 to ${MAX_IDS} findings`, 'findingIds');
    const dismissed = (await this.dismissedIds([item.id])).get(item.id);
    const stored: { person_key: string; label: string }[] = await this.db.query(
      `SELECT person_key, label FROM privacy_pseudonyms WHERE item_id = $1`,
      [item.id],
    );
    const existing = new Map(stored.map((r) => [r.person_key, r.label]));
    // Read, check and change in one go on the live document: nothing can slip in between.
    const result = await this.collab.withDocument(item.id, (room) => {
      const text = yDocToText(room.doc);
      const findings = this.open(text, dismissed);
      const known = new Set(findings.map((f) => f.id));
      const unknown = (chosenIds ?? []).filter((id) => !known.has(id));
      if (unknown.length) {
        throw badInput(
          `Onbekende of verouderde bevinding(en): ${unknown.slice(0, 5).join(', ')} / Unknown or stale finding ids`,
          'findingIds',
        );
      }
      const plan = planPseudonyms(text, findings, chosenIds ? new Set(chosenIds) : undefined, existing);
      const replaced = replaceInBody(
        room.doc,
        plan.replacements.map((r) => ({
          text: r.text,
          occurrence: occurrenceAt(text, r.text, r.start),
          replacement: r.replacement,
        })),
        { kind: 'server', userId: user.id },
      );
      const kinds = [
        ...new Set(findings.filter((f) => plan.replacements.some((r) => r.findingId === f.id)).map((f) => f.kind)),
      ];
      return { plan, replaced, kinds };
    });
    await this.collab.flush(item.id);
    await this.body.refresh(item.id);
    await this.db.transaction(async (tx) => {
      for (const [key, label] of result.plan.labels) {
        if (existing.get(key) === label) continue;
        await tx.query(
          `INSERT INTO privacy_pseudonyms (item_id, person_key, label) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [item.id, key, label],
        );
      }
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'privacy.pseudonymise',
        targetId: item.id,
        // Kinds and counts only: the audit log must not keep the personal data itself.
        details: { replaced: result.replaced, kinds: result.kinds, all: !chosenIds },
      });
    });
    return this.db.getRepository(ItemEntity).findOneByOrFail({ id: item.id });
  }

  async dismiss(user: AuthUser, input: { itemId: string; findingId: string; reason: string }): Promise<ItemEntity> {
    const { item } = await this.access.toItem(user, input.itemId, 'item.edit');
    const reason = validateReason(input.reason);
    if (!reason) throw badInput('Geef een reden op / Give a reason', 'reason');
    const finding = (await this.findingsOf(item)).find((f) => f.id === input.findingId);
    if (!finding) throw badInput('Onbekende of verouderde bevinding / Unknown or stale finding id', 'findingId');
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO privacy_dismissals (item_id, finding_id, kind, text, reason, dismissed_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [item.id, finding.id, finding.kind, finding.text, reason, user.id],
      );
      await this.audit.record(tx, {
        communityId: item.communityId,
        actorId: user.id,
        action: 'privacy.dismiss',
        targetId: item.id,
        details: { findingId: finding.id, kind: finding.kind, reason },
      });
    });
    return this.db.getRepository(ItemEntity).findOneByOrFail({ id: item.id });
  }

  /** Items among these with open gating findings (soft kinds alone do not count). */
  async openGating(items: ItemEntity[]): Promise<OpenFindings[]> {
    const dismissed = await this.dismissedIds(items.map((i) => i.id));
    return items.flatMap((item) => {
      const kinds = [
        ...new Set(
          this.open(this.currentText(item), dismissed.get(item.id))
            .filter((f) => isGating(f.kind))
            .map((f) => f.kind),
        ),
      ];
      return kinds.length ? [{ itemId: item.id, title: item.title, kinds }] : [];
    });
  }

  /**
   * The gate before knowledge is shared: refuses with PRIVACY_FINDINGS_OPEN
   * (naming items and kinds) unless a facilitator overrides with a reason,
   * which is audit-logged in `tx`.
   */
  async gate(
    tx: EntityManager | null,
    user: AuthUser,
    context: { communityId: string; items: ItemEntity[]; action: string; isFacilitator: boolean },
    override?: { reason: string } | null,
  ): Promise<void> {
    const open = await this.openGating(context.items);
    if (!open.length) return;
    if (override) {
      if (!context.isFacilitator) throw forbidden();
      const reason = validateReason(override.reason);
      if (!reason)
        throw badInput('Geef een reden voor het doorzetten / Give a reason for the override', 'privacyOverride');
      await this.audit.record(tx ?? this.db.manager, {
        communityId: context.communityId,
        actorId: user.id,
        action: 'privacy.override',
        targetId: null,
        details: { for: context.action, reason, items: open.map((o) => ({ id: o.itemId, kinds: o.kinds })) },
      });
      return;
    }
    const list = open.map((o) => `${o.title} (${o.kinds.join(', ')})`).join('; ');
    throw appError(
      'PRIVACY_FINDINGS_OPEN',
      `Er staan nog persoonsgegevens in: ${list} / Personal data still open in: ${list}`,
      {
        items: open.map((o) => ({ id: o.itemId, title: o.title, kinds: o.kinds })),
      },
    );
  }

  async retentionMonths(communityId: string): Promise<number | null> {
    const [row] = await this.db.query(`SELECT retention_months FROM communities WHERE id = $1`, [communityId]);
    return row?.retention_months ?? null;
  }

  async setRetention(user: AuthUser, input: { communityId: string; retentionMonths?: number | null }): Promise<void> {
    await this.access.toCommunity(user, input.communityId, 'community.settings');
    const months = input.retentionMonths ?? null;
    if (months !== null && (!Number.isInteger(months) || months < 1 || months > 600)) {
      throw badInput(
        'Een bewaartermijn is 1 tot 600 maanden / A retention period is 1 to 600 months',
        'retentionMonths',
      );
    }
    await this.db.query(`UPDATE communities SET retention_months = $2 WHERE id = $1`, [input.communityId, months]);
  }

  /** Cases older than the community's bewaartermijn that still hold open (gating) personal data. */
  async attention(communityId: string, now = new Date()): Promise<{ item: ItemEntity; kinds: PrivacyKind[] }[]> {
    const months = await this.retentionMonths(communityId);
    if (!months) return [];
    const cases: ItemEntity[] = await this.db
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.community_id = :communityId AND i.kind = :kind AND i.archived_at IS NULL', {
        communityId,
        kind: 'CASE',
      })
      .andWhere(`i.created_at < :now::timestamptz - make_interval(months => :months)`, { now, months })
      .orderBy('i.created_at')
      .limit(200)
      .getMany();
    const open = await this.openGating(cases);
    const byId = new Map(cases.map((c) => [c.id, c]));
    return open.map((o) => ({ item: byId.get(o.itemId)!, kinds: o.kinds }));
  }

  /** All items of a community (not archived), for the export gate. */
  communityItems(communityId: string): Promise<ItemEntity[]> {
    return this.db.getRepository(ItemEntity).findBy({ communityId, archivedAt: IsNull() });
  }
}
