import type { GuidelineStatus, Perspective, SeciStage } from '@spiraal/domain';
import type { ItemKind } from '../../entities/items/vocabulary';

/** An item as the report links to it. */
export interface LinkedItem {
  id: string;
  title: string;
  kind: ItemKind;
}

export interface StageTransition {
  /** As 2026-11. */
  month: string;
  from: SeciStage;
  to: SeciStage;
  count: number;
}

export interface SpiralReport {
  from: string;
  to: string;
  stageCounts: { stage: SeciStage; count: number }[];
  transitions: StageTransition[];
  flows: {
    guideline: { id: string; title: string; guidelineStatus: GuidelineStatus | null; guidelineVersion: number | null };
    sources: LinkedItem[];
    applications: LinkedItem[];
  }[];
  contributions: { perspective: Perspective; members: number; items: number; comments: number; reflections: number }[];
  signals: { code: string; question: string; items: LinkedItem[]; perspectives: Perspective[] }[];
}

export interface SpiralAnswer {
  community: { id: string; name: string; myRole: string | null };
  spiral: SpiralReport;
}

const LINKED = `id title kind`;

/**
 * Only what the page shows: the API estimates a request's cost with 20 for
 * every list, and flows hold two lists each.
 */
export const SPIRAL_QUERY = `query Spiral($communityId: ID!, $from: DateTime) {
  community(id: $communityId) { id name myRole }
  spiral(communityId: $communityId, from: $from) {
    from to
    stageCounts { stage count }
    transitions { month from to count }
    flows { guideline { id title guidelineStatus guidelineVersion } sources { ${LINKED} } applications { ${LINKED} } }
    contributions { perspective members items comments reflections }
    signals { code question items { ${LINKED} } perspectives }
  }
}`;
