import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decideProposals, proposalsIn, yDocToMarkdown, yDocToText } from '@spiraal/collab';
import type { Proposal, ProposalDecision } from '@spiraal/collab';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { CollabService } from '../collab/collab.service';
import { badInput, notFound } from '../common/errors';
import type { AuthUser } from '../common/request-context';
import { ItemEntity } from '../database/entities/item.entity';
import { ItemBodyService } from '../items/item-body.service';

/** Most voorstellen decided in one call. */
const MAX_IDS = 500;

/**
 * Voorstellen (proposals) in an item's live text: listed for readers, and
 * accepted or rejected by the item's author or a facilitator, on the live
 * document through the collab write path, so editors see the result at once
 * (docs/decisions/proposals.md). Accepting voorstellen on an adopted
 * guideline makes its next version, with the proposers in its provenance.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly collab: CollabService,
    private readonly body: ItemBodyService,
    private readonly audit: AuditService,
  ) {}

  /** The open voorstellen of an item the viewer may read. */
  async list(user: AuthUser, itemId: string): Promise<Proposal[]> {
    await this.access.toItem(user, itemId, 'community.read');
    return this.collab.withDocument(itemId, (room) => proposalsIn(room.doc));
  }

  async decide(
    user: AuthUser,
    input: { itemId: string; proposalIds?: string[] | null },
    decision: ProposalDecision,
  ): Promise<ItemEntity> {
    const { item } = await this.access.toItem(user, input.itemId, 'proposal.decide');
    const ids = input.proposalIds ?? null;
    if (ids && (ids.length === 0 || ids.length > MAX_IDS || ids.some((id) => id.length > 200)))
      throw badInput(`Kies 1 tot ${MAX_IDS} voorstellen / Choose 1 to ${MAX_IDS} proposals`, 'proposalIds');
    // Check and change in one go on the live document: nothing slips in between.
    const result = await this.collab.withDocument(item.id, (room) => {
      const open = new Set(proposalsIn(room.doc).map((p) => p.id));
      const unknown = (ids ?? []).filter((id) => !open.has(id));
      if (unknown.length)
        throw badInput(
          `Onbekend of al besloten voorstel: ${unknown.slice(0, 5).join(', ')} / Unknown or already decided proposal`,
          'proposalIds',
        );
      const decided = decideProposals(room.doc, ids ? new Set(ids) : null, decision, {
        kind: 'server',
        userId: user.id,
      });
      return { decided, text: yDocToText(room.doc), markdown: yDocToMarkdown(room.doc) };
    });
    if (!result.decided.length) throw badInput('Er zijn geen open voorstellen / There are no open proposals');
    await this.collab.flush(item.id);
    await this.body.refresh(item.id);
    const proposers = [...new Set(result.decided.map((p) => p.authorId))];
    await this.db.transaction(async (tx) => {
      const locked = await tx
        .getRepository(ItemEntity)
        .findOne({ where: { id: item.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Dit item');
      let version: number | null = null;
      if (decision === 'accept' && locked.guidelineStatus === 'VASTGESTELD') {
        // An adopted guideline changes only by a new version: the accepted text, with who proposed it.
        version = locked.guidelineVersion! + 1;
        await tx.query(
          `INSERT INTO guideline_versions (guideline_id, number, title, text, markdown, adopted_by, adopted_at, review_date)
           VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
          [locked.id, version, locked.title, result.text, result.markdown, user.id, locked.reviewDate],
        );
        await tx.query(
          `INSERT INTO guideline_version_proposers (guideline_id, number, user_id)
           SELECT $1, $2, u.id FROM users u WHERE u.id::text = ANY($3::text[])`,
          [locked.id, version, proposers],
        );
        await tx
          .getRepository(ItemEntity)
          .update({ id: locked.id }, { guidelineVersion: version, updatedAt: new Date() });
      }
      await this.audit.record(tx, {
        communityId: locked.communityId,
        actorId: user.id,
        action: decision === 'accept' ? 'proposal.accept' : 'proposal.reject',
        targetId: locked.id,
        details: { proposals: result.decided.length, proposers, version },
      });
    });
    return this.db.getRepository(ItemEntity).findOneByOrFail({ id: item.id });
  }

  /** Who proposed what was accepted into each version of these guidelines. */
  async proposersOf(guidelineId: string, number: number): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM guideline_version_proposers WHERE guideline_id = $1 AND number = $2 ORDER BY user_id`,
      [guidelineId, number],
    );
    return rows.map((r) => r.user_id);
  }
}
