import { describe, expect, it } from 'vitest';
import { dateInputValue, fromDateInput } from './review-date';

describe('review date', () => {
  it("writes a date as a date input holds it, in the user's calendar", () => {
    expect(dateInputValue(new Date(2027, 2, 4))).toBe('2027-03-04');
  });

  it('stores a chosen day as noon UTC, so it reads as the same day nearby', () => {
    expect(fromDateInput('2027-03-14')).toBe('2027-03-14T12:00:00.000Z');
  });

  it('is null for anything that is no date', () => {
    expect(fromDateInput('')).toBeNull();
    expect(fromDateInput('14-03-2027')).toBeNull();
    expect(fromDateInput('2027-13-45')).toBeNull();
  });
});
