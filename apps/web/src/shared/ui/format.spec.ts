import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseTags } from './format';

describe('format', () => {
  it('splits tags on commas, trimmed, without empty ones', () => {
    expect(parseTags('zorg, wijkteam , ,ouderen')).toEqual(['zorg', 'wijkteam', 'ouderen']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ')).toEqual([]);
  });

  it('writes dates in Dutch or English', () => {
    const iso = '2026-03-14T12:00:00.000Z';
    expect(formatDate(iso, 'nl')).toMatch(/14 mrt\.? 2026/);
    expect(formatDate(iso, 'en')).toMatch(/14 Mar 2026/);
  });

  it('adds the time of day to a date and time', () => {
    const iso = '2026-03-14T12:00:00.000Z';
    expect(formatDateTime(iso, 'nl')).toMatch(/^14 mrt\.? 2026.*\d{2}:\d{2}$/);
    expect(formatDateTime(iso, 'nl').length).toBeGreaterThan(formatDate(iso, 'nl').length);
  });
});
