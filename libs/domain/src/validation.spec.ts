import {
  isUuid,
  LIMITS,
  normalizeEmail,
  validateBody,
  validateEmail,
  validatePageSize,
  validatePassword,
  validateReason,
  validateTags,
  validateTitle,
  ValidationError,
} from './validation';

describe('validation', () => {
  it('trims titles and bounds their length', () => {
    expect(validateTitle('  Casus Ans  ')).toBe('Casus Ans');
    expect(() => validateTitle('   ')).toThrow(ValidationError);
    expect(() => validateTitle('x'.repeat(201))).toThrow(/200/);
    expect(validateTitle('x'.repeat(200))).toHaveLength(200);
    expect(() => validateTitle('twee\nregels')).toThrow(ValidationError);
  });

  it('cleans tags and limits count and length', () => {
    expect(validateTags([' ggz ', 'GGZ', '', 'wijk  team'])).toEqual(['ggz', 'wijk team']);
    expect(() => validateTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toThrow(/20/);
    expect(validateTags(Array.from({ length: 20 }, (_, i) => `t${i}`))).toHaveLength(20);
    expect(() => validateTags(['x'.repeat(41)])).toThrow(/40/);
  });

  it('limits the body to 1 MB of UTF-8', () => {
    expect(validateBody('a'.repeat(LIMITS.bodyMaxBytes))).toHaveLength(LIMITS.bodyMaxBytes);
    expect(() => validateBody('a'.repeat(LIMITS.bodyMaxBytes + 1))).toThrow(/1 MB/);
    expect(() => validateBody('é'.repeat(LIMITS.bodyMaxBytes / 2 + 1))).toThrow(/1 MB/);
    expect(() => validateBody('nul\u0000byte')).toThrow(ValidationError);
  });

  it('normalises e-mail addresses', () => {
    expect(normalizeEmail('  Ans.de.Vries@Example.NL ')).toBe('ans.de.vries@example.nl');
    expect(validateEmail('Ans@Example.nl')).toBe('ans@example.nl');
    for (const bad of ['', 'ans', 'ans@', '@example.nl', 'ans@example', 'a b@example.nl']) {
      expect(() => validateEmail(bad)).toThrow(ValidationError);
    }
  });

  it('requires passwords of at least 10 characters', () => {
    expect(() => validatePassword('123456789')).toThrow(/10/);
    expect(validatePassword('1234567890')).toBe('1234567890');
    expect(() => validatePassword('x'.repeat(257))).toThrow(ValidationError);
  });

  it('bounds reasons and page sizes', () => {
    expect(validateReason('  ')).toBeNull();
    expect(validateReason(undefined)).toBeNull();
    expect(() => validateReason('x'.repeat(1001))).toThrow(ValidationError);
    expect(validatePageSize(undefined)).toBe(20);
    expect(() => validatePageSize(0)).toThrow(ValidationError);
    expect(() => validatePageSize(101)).toThrow(ValidationError);
    expect(() => validatePageSize(1.5)).toThrow(ValidationError);
  });

  it('recognises uuids', () => {
    expect(isUuid('2f1b6c2e-8a4d-4c1e-9f4b-0a1b2c3d4e5f')).toBe(true);
    expect(isUuid("1' OR '1'='1")).toBe(false);
  });
});
