import { SECI_STAGES, SeciStage } from '@spiraal/domain';
import type { StageTransition } from './spiral-queries';

export interface Move {
  from: SeciStage;
  to: SeciStage;
  count: number;
}

/** The moves of the whole period per pair of stages (the months summed), in the order of the spiral. */
export function movesInPeriod(transitions: readonly StageTransition[]): Move[] {
  const totals = new Map<string, Move>();
  for (const t of transitions) {
    const key = `${t.from}|${t.to}`;
    const move = totals.get(key) ?? { from: t.from, to: t.to, count: 0 };
    move.count += t.count;
    totals.set(key, move);
  }
  const order = (stage: SeciStage) => SECI_STAGES.indexOf(stage);
  return [...totals.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
}

/** The number of items in a stage, 0 when the report does not list it. */
export function countIn(stageCounts: readonly { stage: SeciStage; count: number }[], stage: SeciStage): number {
  return stageCounts.find((s) => s.stage === stage)?.count ?? 0;
}
