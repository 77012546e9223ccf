import { describe, expect, it } from 'vitest';
import { problemOf } from './file-uploads';

describe('problemOf', () => {
  it('tells the file limit from the community quota, and names types, rights and the rest', () => {
    expect(problemOf(413, '{"errors":[{"extensions":{"code":"PAYLOAD_TOO_LARGE","reason":"FILE_TOO_LARGE"}}]}')).toBe(
      'tooLarge',
    );
    expect(problemOf(413, '{"errors":[{"extensions":{"reason":"COMMUNITY_QUOTA"}}]}')).toBe('quota');
    expect(problemOf(415, '')).toBe('typeNotAllowed');
    expect(problemOf(403, '')).toBe('forbidden');
    expect(problemOf(500, '')).toBe('failed');
  });
});
