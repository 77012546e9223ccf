import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  can,
  movesPerMonth,
  Perspective,
  PERSPECTIVES,
  SECI_STAGES,
  SeciStage,
  SIGNALS,
  SignalCode,
  validateDate,
} from '@spiraal/domain';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { PrivacyService } from '../privacy/privacy.service';
import type { AuthUser } from '../common/request-context';
import { badInput } from '../common/errors';
import { ItemEntity } from '../database/entities/item.entity';
import type { SpiralReportType } from './spiral.types';

const DAY_MS = 24 * 3_600_000;
const MAX_SPAN_MS = 5 * 366 * DAY_MS;
const FLOWS_MAX = 50;
const SIGNAL_ITEMS_MAX = 20;
const PRIVACY_QUESTION =
  'Deze casussen zijn ouder dan de bewaartermijn en bevatten nog persoonsgegevens: pseudonimiseren of archiveren? / These cases are past the retention period and still hold personal data: pseudonymise or archive?';

/**
 * The spiral view of a community: items per stage, the moves knowledge made
 * (a stage change; a promotion from each source's stage to combinatie; a
 * practice reflection from combinatie to internalisatie), the turns from
 * sources to guideline to application, what each perspective contributed,
 * and where the spiral may stall, phrased as questions.
 */
@Injectable()
export class SpiralService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly privacy: PrivacyService,
  ) {}

  async report(
    user: AuthUser,
    communityId: string,
    fromInput: Date | null,
    toInput: Date | null,
  ): Promise<SpiralReportType> {
    const { access } = await this.access.toCommunity(user, communityId, 'community.read');
    const now = new Date();
    const to = toInput ? validateDate('to', toInput) : now;
    const from = fromInput ? validateDate('from', fromInput) : new Date(to.getTime() - 365 * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_SPAN_MS) {
      throw badInput(
        'Kies een periode van hoogstens vijf jaar, met "van" voor "tot" / Choose a period of at most five years, from before to',
        'from',
      );
    }
    const [stageCounts, transitions, flows, contributions, signals] = await Promise.all([
      this.stageCounts(communityId),
      this.transitions(communityId, from, to),
      this.flows(communityId, from, to),
      this.contributions(communityId, from, to),
      this.signals(communityId, now),
    ]);
    // Cases past the bewaartermijn with open personal data: a signal for facilitators only (docs/privacy.md).
    const attention = can(access, 'community.settings') ? await this.privacy.attention(communityId, now) : [];
    const privacySignal = attention.length
      ? [
          {
            code: 'PRIVACY_ATTENTION',
            question: PRIVACY_QUESTION,
            items: attention.slice(0, SIGNAL_ITEMS_MAX).map((a) => a.item),
            perspectives: [] as Perspective[],
          },
        ]
      : [];
    return {
      from,
      to,
      stageCounts,
      transitions,
      flows,
      contributions: contributions.list,
      signals: [...signals, ...missingVoices(contributions.list), ...privacySignal],
    };
  }

  private async stageCounts(communityId: string): Promise<{ stage: SeciStage; count: number }[]> {
    const rows: { stage: SeciStage; count: number }[] = await this.db.query(
      `SELECT stage, count(*)::int AS count FROM items WHERE community_id = $1 AND archived_at IS NULL GROUP BY stage`,
      [communityId],
    );
    return SECI_STAGES.map((stage) => ({ stage, count: rows.find((r) => r.stage === stage)?.count ?? 0 }));
  }

  private async transitions(communityId: string, from: Date, to: Date) {
    const moves: { from: SeciStage; to: SeciStage; at: Date }[] = await this.db.query(
      `SELECT sc.from_stage AS "from", sc.to_stage AS "to", sc.changed_at AS at
         FROM stage_changes sc JOIN items i ON i.id = sc.item_id
        WHERE i.community_id = $1 AND sc.from_stage IS NOT NULL AND sc.changed_at >= $2 AND sc.changed_at < $3
       UNION ALL
       SELECT s.source_stage, 'COMBINATIE', s.created_at
         FROM item_sources s JOIN items g ON g.id = s.guideline_id
        WHERE g.community_id = $1 AND s.created_at >= $2 AND s.created_at < $3
       UNION ALL
       SELECT 'COMBINATIE', 'INTERNALISATIE', r.created_at
         FROM items r
        WHERE r.community_id = $1 AND r.applies_guideline_id IS NOT NULL AND r.created_at >= $2 AND r.created_at < $3`,
      [communityId, from, to],
    );
    return movesPerMonth(moves);
  }

  /** Guidelines that got a source or an application in the period, with their whole provenance and practice. */
  private async flows(communityId: string, from: Date, to: Date) {
    const guidelines = await this.db.query(
      `SELECT g.id FROM items g
        WHERE g.community_id = $1 AND g.kind = 'GUIDELINE' AND g.archived_at IS NULL
          AND (EXISTS (SELECT 1 FROM item_sources s WHERE s.guideline_id = g.id AND s.created_at >= $2 AND s.created_at < $3)
            OR EXISTS (SELECT 1 FROM items r WHERE r.applies_guideline_id = g.id AND r.created_at >= $2 AND r.created_at < $3))
        ORDER BY g.created_at DESC LIMIT ${FLOWS_MAX}`,
      [communityId, from, to],
    );
    const ids: string[] = guidelines.map((g: { id: string }) => g.id);
    if (!ids.length) return [];
    const links: { guideline: string; item: string; role: 'source' | 'application' }[] = await this.db.query(
      `SELECT guideline_id AS guideline, source_id AS item, 'source' AS role FROM item_sources WHERE guideline_id = ANY($1) 
       UNION ALL
       SELECT applies_guideline_id, id, 'application' FROM items WHERE applies_guideline_id = ANY($1) AND archived_at IS NULL`,
      [ids],
    );
    const items = await this.items([...ids, ...links.map((l) => l.item)]);
    return ids.map((id) => ({
      guideline: items.get(id)!,
      sources: links.filter((l) => l.guideline === id && l.role === 'source').flatMap((l) => items.get(l.item) ?? []),
      applications: links
        .filter((l) => l.guideline === id && l.role === 'application')
        .flatMap((l) => items.get(l.item) ?? []),
    }));
  }

  private async contributions(communityId: string, from: Date, to: Date) {
    const rows: { perspective: Perspective; members: number; items: number; comments: number; reflections: number }[] =
      await this.db.query(
        `SELECT m.perspective,
              count(*)::int AS members,
              coalesce(sum((SELECT count(*) FROM items i WHERE i.community_id = $1 AND i.created_by = m.user_id AND i.created_at >= $2 AND i.created_at < $3)), 0)::int AS items,
              coalesce(sum((SELECT count(*) FROM comments c JOIN items i ON i.id = c.item_id
                             WHERE i.community_id = $1 AND c.author_id = m.user_id AND c.created_at >= $2 AND c.created_at < $3)), 0)::int AS comments,
              coalesce(sum((SELECT count(*) FROM items i WHERE i.community_id = $1 AND i.created_by = m.user_id AND i.kind = 'REFLECTION'
                             AND i.created_at >= $2 AND i.created_at < $3)), 0)::int AS reflections
         FROM memberships m WHERE m.community_id = $1 GROUP BY m.perspective`,
        [communityId, from, to],
      );
    const list = PERSPECTIVES.map(
      (perspective) =>
        rows.find((r) => r.perspective === perspective) ?? {
          perspective,
          members: 0,
          items: 0,
          comments: 0,
          reflections: 0,
        },
    );
    return { list };
  }

  /** Signals look at the network as it is now, whatever the period. */
  private async signals(communityId: string, now: Date) {
    const queries: Record<Exclude<SignalCode, 'MISSING_PERSPECTIVES'>, string> = {
      CASES_NOT_COMBINED: `SELECT i.id FROM items i WHERE i.community_id = $1 AND i.kind = 'CASE' AND i.archived_at IS NULL
                             AND i.created_at < $2::timestamptz - interval '${SIGNALS.CASES_NOT_COMBINED.days} days'
                             AND NOT EXISTS (SELECT 1 FROM item_sources s WHERE s.source_id = i.id) ORDER BY i.created_at`,
      GUIDELINES_NOT_TRIED: `SELECT g.id FROM items g WHERE g.community_id = $1 AND g.guideline_status = 'VASTGESTELD' AND g.archived_at IS NULL
                               AND (SELECT max(adopted_at) FROM guideline_versions v WHERE v.guideline_id = g.id) < $2::timestamptz - interval '${SIGNALS.GUIDELINES_NOT_TRIED.days} days'
                               AND NOT EXISTS (SELECT 1 FROM items r WHERE r.applies_guideline_id = g.id
                                                 AND r.created_at >= $2::timestamptz - interval '${SIGNALS.GUIDELINES_NOT_TRIED.days} days') ORDER BY g.created_at`,
      REFLECTIONS_NOT_DISCUSSED: `SELECT r.id FROM items r WHERE r.community_id = $1 AND r.kind = 'REFLECTION' AND r.archived_at IS NULL
                                    AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.item_id = r.id) ORDER BY r.created_at`,
      REVIEW_DATES_PASSED: `SELECT g.id FROM items g WHERE g.community_id = $1 AND g.kind = 'GUIDELINE' AND g.archived_at IS NULL
                              AND g.review_date < $2 ORDER BY g.review_date`,
    };
    const found = await Promise.all(
      Object.entries(queries).map(async ([code, sql]) => {
        const rows: { id: string }[] = await this.db.query(
          `${sql} LIMIT ${SIGNAL_ITEMS_MAX}`,
          sql.includes('$2') ? [communityId, now] : [communityId],
        );
        return { code: code as SignalCode, ids: rows.map((r) => r.id) };
      }),
    );
    const items = await this.items(found.flatMap((f) => f.ids));
    return found
      .filter((f) => f.ids.length)
      .map((f) => ({
        code: f.code,
        question: SIGNALS[f.code].question,
        items: f.ids.flatMap((id) => items.get(id) ?? []),
        perspectives: [] as Perspective[],
      }));
  }

  private async items(ids: string[]): Promise<Map<string, ItemEntity>> {
    const rows = ids.length ? await this.db.getRepository(ItemEntity).findBy({ id: In([...new Set(ids)]) }) : [];
    return new Map(rows.map((i) => [i.id, i]));
  }
}

/** Perspectives present in the network that contributed nothing in the period: whose voice is missing? */
function missingVoices(
  contributions: { perspective: Perspective; members: number; items: number; comments: number }[],
) {
  const silent = contributions.filter((c) => c.members > 0 && c.items + c.comments === 0).map((c) => c.perspective);
  return silent.length
    ? [
        {
          code: 'MISSING_PERSPECTIVES',
          question: SIGNALS.MISSING_PERSPECTIVES.question,
          items: [],
          perspectives: silent,
        },
      ]
    : [];
}
