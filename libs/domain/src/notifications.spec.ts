import { defaultDelivery, MENTIONS_MAX, notificationSummary, validateMentions } from './notifications';
import { ValidationError } from './validation';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('notifications', () => {
  it('says who did what, grouping the others in Dutch', () => {
    expect(notificationSummary('COMMENT', 'Bram', 1)).toBe('Bram reageerde');
    expect(notificationSummary('COMMENT', 'Bram', 2)).toBe('Bram en 1 ander reageerden');
    expect(notificationSummary('COMMENT', 'Bram', 3)).toBe('Bram en 2 anderen reageerden');
    expect(notificationSummary('MENTION', null, 1)).toBe('Iemand noemde je');
  });

  it('mails mentions at once and the rest in the daily digest by default', () => {
    expect(defaultDelivery('MENTION')).toBe('IMMEDIATE');
    expect(defaultDelivery('COMMENT')).toBe('DAILY');
    expect(defaultDelivery('REVIEW_DUE')).toBe('DAILY');
  });

  it('accepts up to the cap of well-formed ids, dropping duplicates', () => {
    expect(validateMentions([id(1), id(1), id(2)])).toEqual([id(1), id(2)]);
    expect(validateMentions(Array.from({ length: MENTIONS_MAX }, (_, n) => id(n)))).toHaveLength(MENTIONS_MAX);
  });

  it('refuses a flood and malformed ids, naming the malformed ones', () => {
    expect(() => validateMentions(Array.from({ length: MENTIONS_MAX + 1 }, (_, n) => id(n)))).toThrow(ValidationError);
    expect(() => validateMentions([id(1), 'robert'])).toThrow(/robert/);
  });
});
