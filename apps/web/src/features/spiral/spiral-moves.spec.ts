import { describe, expect, it } from 'vitest';
import { countIn, movesInPeriod } from './spiral-moves';

describe('spiral moves', () => {
  it('sums the months per pair of stages, in the order of the spiral', () => {
    const moves = movesInPeriod([
      { month: '2026-10', from: 'COMBINATIE', to: 'INTERNALISATIE', count: 1 },
      { month: '2026-10', from: 'SOCIALISATIE', to: 'EXTERNALISATIE', count: 2 },
      { month: '2026-11', from: 'SOCIALISATIE', to: 'EXTERNALISATIE', count: 3 },
      { month: '2026-11', from: 'SOCIALISATIE', to: 'COMBINATIE', count: 1 },
    ]);
    expect(moves).toEqual([
      { from: 'SOCIALISATIE', to: 'EXTERNALISATIE', count: 5 },
      { from: 'SOCIALISATIE', to: 'COMBINATIE', count: 1 },
      { from: 'COMBINATIE', to: 'INTERNALISATIE', count: 1 },
    ]);
  });

  it('has no moves for no transitions', () => {
    expect(movesInPeriod([])).toEqual([]);
  });

  it('counts 0 for a stage the report does not list', () => {
    const counts = [{ stage: 'COMBINATIE' as const, count: 4 }];
    expect(countIn(counts, 'COMBINATIE')).toBe(4);
    expect(countIn(counts, 'SOCIALISATIE')).toBe(0);
  });
});
