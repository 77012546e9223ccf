import { describe, expect, it } from 'vitest';
import { periodFromSearch, periodStart, searchForPeriod } from './spiral-period';

describe('spiral period', () => {
  it('reads 3, 6 or 12 months from the address, else twelve', () => {
    expect(periodFromSearch('?maanden=3')).toBe(3);
    expect(periodFromSearch('?maanden=6')).toBe(6);
    expect(periodFromSearch('?maanden=12')).toBe(12);
    expect(periodFromSearch('?maanden=7')).toBe(12);
    expect(periodFromSearch('?maanden=abc')).toBe(12);
    expect(periodFromSearch('')).toBe(12);
  });

  it('writes the default period as no query string at all', () => {
    expect(searchForPeriod(12)).toBe('');
    expect(searchForPeriod(3)).toBe('?maanden=3');
    for (const months of [3, 6, 12] as const) expect(periodFromSearch(searchForPeriod(months))).toBe(months);
  });

  it('starts the period the given number of months before now', () => {
    const now = new Date(2026, 11, 7, 15, 30);
    const start = new Date(periodStart(3, now));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2026, 8, 7, 15]);
    expect(new Date(periodStart(12, now)).getFullYear()).toBe(2025);
  });
});
