import {
  isUuid,
  revealHiddenCharacters,
  validateCommunityName,
  validateDisplayName as displayNameOf,
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

  describe('text hygiene of names, titles and tags', () => {
    it('normalises to NFC', () => {
      expect(validateTitle('Cafe\u0301 in de wijk')).toBe('Caf\u00e9 in de wijk');
      expect(validateTags(['re\u0301sume\u0301', 'r\u00e9sum\u00e9'])).toEqual(['r\u00e9sum\u00e9']);
      expect(displayNameOf('Ame\u0301lie')).toBe('Am\u00e9lie');
    });

    it.each([
      ['a title of zero-width spaces', () => validateTitle('\u200b\u200b\u200b')],
      ['a right-to-left override in a title', () => validateTitle('\u202Egnp.exe')],
      ['an isolate in a title', () => validateTitle('Rapport \u2067lanif\u2069')],
      ['a display name with an override and a zero-width space', () => displayNameOf('\u202EFacilitator\u200B')],
      ['a word joiner in a community name', () => validateCommunityName('Leer\u2060netwerk')],
      ['a zero-width space in a tag', () => validateTags(['zorg\u200b'])],
      ['a lone zero-width joiner', () => validateTitle('a\u200db')],
      ['a title of combining marks only', () => validateTitle('\u0301\u0301')],
      ['a Hangul filler as a name', () => displayNameOf('\u3164')],
    ])('refuses %s', (_what, check) => {
      expect(check).toThrow(ValidationError);
    });

    it('keeps emoji sequences, accents and right-to-left scripts', () => {
      expect(validateTitle('Samen \u{1f469}\u200d\u{1f4bb} leren')).toBe('Samen \u{1f469}\u200d\u{1f4bb} leren');
      expect(validateTitle('\u0645\u0631\u062d\u0628\u0627 en hallo')).toBe('\u0645\u0631\u062d\u0628\u0627 en hallo');
      expect(validateTitle('\u2764\ufe0f Zorg')).toBe('\u2764\ufe0f Zorg');
    });

    it('allows such characters in body text', () => {
      expect(validateBody('Zo schrijf je \u202Eomgekeerd\u202C, met\u200bzonder spatie.')).toContain('\u202E');
    });

    it('shows hidden characters visibly', () => {
      expect(revealHiddenCharacters('\u202Egnp.exe\u200b')).toBe('\u27e8U+202E\u27e9gnp.exe\u27e8U+200B\u27e9');
      expect(revealHiddenCharacters('Gewoon')).toBe('Gewoon');
    });
  });
});
