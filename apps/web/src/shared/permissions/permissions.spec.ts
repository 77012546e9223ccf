import { describe, expect, it } from 'vitest';
import { may } from './permissions';

describe('may', () => {
  it('lets a facilitator manage members, and nobody else', () => {
    expect(may('FACILITATOR', 'member.manage')).toBe(true);
    expect(may('MEMBER', 'member.manage')).toBe(false);
    expect(may('READER', 'member.manage')).toBe(false);
  });

  it('lets members write items and readers only read along', () => {
    expect(may('MEMBER', 'item.create')).toBe(true);
    expect(may('READER', 'item.create')).toBe(false);
    expect(may('READER', 'community.read')).toBe(true);
    expect(may('READER', 'comment.create')).toBe(true);
  });

  it('treats a missing or unknown role as a visitor: reading, nothing more', () => {
    for (const role of [null, undefined, '', 'ADMIN']) {
      expect(may(role, 'community.read')).toBe(true);
      expect(may(role, 'member.list')).toBe(false);
      expect(may(role, 'item.create')).toBe(false);
    }
  });
});
