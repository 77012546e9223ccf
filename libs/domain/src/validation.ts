/**
 * Input rules shared by every entry point (GraphQL, websocket, CLI).
 * Each check returns the cleaned value or throws a ValidationError whose
 * message is Dutch first, then English.
 */

import { tagKey } from './tags';

export const LIMITS = {
  titleMax: 200,
  tagsMax: 20,
  tagMax: 40,
  bodyMaxBytes: 1024 * 1024,
  passwordMin: 10,
  passwordMax: 256,
  displayNameMax: 100,
  emailMax: 254,
  communityNameMax: 120,
  communityDescriptionMax: 2000,
  reasonMax: 1000,
  pageSizeMax: 100,
  commentMax: 5000,
  agendaNoteMax: 1000,
} as const;

export class ValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

function fail(field: string, nl: string, en: string): never {
  throw new ValidationError(field, `${nl} / ${en}`);
}

/** Control characters other than tab, newline and carriage return. */
// eslint-disable-next-line no-control-regex -- matches control characters on purpose
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function singleLine(field: string, value: string): string {
  if (CONTROL_CHARS.test(value) || /[\r\n]/.test(value)) {
    fail(field, 'Mag geen regeleinden of stuurtekens bevatten', 'Must not contain line breaks or control characters');
  }
  return value.trim();
}

/** Characters that reorder the text around them (Unicode Bidi_Control: RLO, LRI, RLM …). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Characters that take no room: zero-width spaces and joiners, word joiners,
 * the byte order mark, Hangul fillers, invisible operators and tag characters.
 * A zero-width joiner inside an emoji sequence (👩‍💻) is allowed: see `LONE_JOINER`.
 */
/* eslint-disable no-misleading-character-class -- lists invisible and combining characters on purpose */
const INVISIBLE =
  /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200c\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/u;
const LONE_JOINER = /(?<!\p{Extended_Pictographic}[\ufe0e\ufe0f]?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;
/* eslint-enable no-misleading-character-class */

/** What renders as nothing: white space, combining marks alone, variation selectors, the blank braille pattern. */
// eslint-disable-next-line no-misleading-character-class -- lists invisible and combining characters on purpose
const RENDERS_EMPTY = /^[\s\p{Z}\p{M}\u200d\ufe00-\ufe0f\u2800]*$/u;

/**
 * A name or title as people will see it, in member lists, carets and
 * comments (docs/DOMAIN.md): NFC-normalised, one line, without characters
 * that flip the direction of the text or hide in it, and not empty to the
 * eye. Body text keeps such characters (languages that need them).
 */
function visibleName(field: string, value: string): string {
  const text = singleLine(field, value.normalize('NFC'));
  if (BIDI_CONTROLS.test(text)) {
    fail(
      field,
      'Mag geen tekens bevatten die de schrijfrichting omdraaien',
      'Must not contain characters that change the text direction',
    );
  }
  if (INVISIBLE.test(text) || LONE_JOINER.test(text)) {
    fail(field, 'Mag geen onzichtbare tekens bevatten', 'Must not contain invisible characters');
  }
  if (text && RENDERS_EMPTY.test(text)) fail(field, 'Mag niet leeg lijken', 'Must not look empty');
  return text;
}

/** Text with any direction-changing or invisible character shown as ⟨U+XXXX⟩, for titles stored before these were refused. */
export function revealHiddenCharacters(text: string): string {
  /* eslint-disable no-misleading-character-class -- lists invisible and combining characters on purpose */
  return text.replace(
    new RegExp(`${BIDI_CONTROLS.source}|${INVISIBLE.source}|${LONE_JOINER.source}`, 'gu'),
    (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
  /* eslint-enable no-misleading-character-class */
}

export function validateTitle(value: string): string {
  const title = visibleName('title', value);
  if (title.length < 1 || title.length > LIMITS.titleMax) {
    fail(
      'title',
      `Titel moet 1 tot ${LIMITS.titleMax} tekens lang zijn`,
      `Title must be 1 to ${LIMITS.titleMax} characters`,
    );
  }
  return title;
}

/** Trims tags, drops empty ones and duplicates (case- and accent-insensitive, see tags.ts), keeps order. */
export function validateTags(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of values) {
    const tag = visibleName('tags', raw).replace(/\s+/g, ' ');
    if (!tag) continue;
    if (tag.length > LIMITS.tagMax) {
      fail(
        'tags',
        `Een tag mag hoogstens ${LIMITS.tagMax} tekens hebben`,
        `A tag may have at most ${LIMITS.tagMax} characters`,
      );
    }
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > LIMITS.tagsMax) {
    fail('tags', `Hoogstens ${LIMITS.tagsMax} tags`, `At most ${LIMITS.tagsMax} tags`);
  }
  return tags;
}

export function validateBody(value: string): string {
  if (Buffer.byteLength(value, 'utf8') > LIMITS.bodyMaxBytes) {
    fail('body', 'De tekst is groter dan 1 MB', 'The body is larger than 1 MB');
  }
  if (CONTROL_CHARS.test(value)) {
    fail('body', 'De tekst bevat ongeldige stuurtekens', 'The body contains invalid control characters');
  }
  return value;
}

export function validateReason(value: string | null | undefined): string | null {
  if (value == null) return null;
  const reason = value.trim();
  if (reason.length > LIMITS.reasonMax) {
    fail(
      'reason',
      `Een toelichting mag hoogstens ${LIMITS.reasonMax} tekens hebben`,
      `A reason may have at most ${LIMITS.reasonMax} characters`,
    );
  }
  if (CONTROL_CHARS.test(reason)) {
    fail('reason', 'De toelichting bevat ongeldige stuurtekens', 'The reason contains invalid control characters');
  }
  return reason || null;
}

/** Lower-cases and trims; the same address always maps to the same account. */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateEmail(value: string): string {
  const email = normalizeEmail(value);
  if (email.length > LIMITS.emailMax || !EMAIL.test(email) || CONTROL_CHARS.test(email)) {
    fail('email', 'Vul een geldig e-mailadres in', 'Enter a valid e-mail address');
  }
  return email;
}

export function validatePassword(value: string): string {
  // Length in code points, so that emoji and accents count as one character.
  const length = [...value].length;
  if (length < LIMITS.passwordMin) {
    fail(
      'password',
      `Het wachtwoord moet minstens ${LIMITS.passwordMin} tekens hebben`,
      `The password must have at least ${LIMITS.passwordMin} characters`,
    );
  }
  if (length > LIMITS.passwordMax) {
    fail(
      'password',
      `Het wachtwoord mag hoogstens ${LIMITS.passwordMax} tekens hebben`,
      `The password may have at most ${LIMITS.passwordMax} characters`,
    );
  }
  return value;
}

export function validateDisplayName(value: string): string {
  const name = visibleName('displayName', value);
  if (name.length < 1 || name.length > LIMITS.displayNameMax) {
    fail(
      'displayName',
      `Een naam moet 1 tot ${LIMITS.displayNameMax} tekens lang zijn`,
      `A name must be 1 to ${LIMITS.displayNameMax} characters`,
    );
  }
  return name;
}

export function validateCommunityName(value: string): string {
  const name = visibleName('name', value);
  if (name.length < 1 || name.length > LIMITS.communityNameMax) {
    fail(
      'name',
      `De naam moet 1 tot ${LIMITS.communityNameMax} tekens lang zijn`,
      `The name must be 1 to ${LIMITS.communityNameMax} characters`,
    );
  }
  return name;
}

export function validateCommunityDescription(value: string | null | undefined): string {
  const description = (value ?? '').trim();
  if (description.length > LIMITS.communityDescriptionMax) {
    fail(
      'description',
      `De beschrijving mag hoogstens ${LIMITS.communityDescriptionMax} tekens hebben`,
      `The description may have at most ${LIMITS.communityDescriptionMax} characters`,
    );
  }
  if (CONTROL_CHARS.test(description)) {
    fail(
      'description',
      'De beschrijving bevat ongeldige stuurtekens',
      'The description contains invalid control characters',
    );
  }
  return description;
}

export function validatePageSize(value: number | null | undefined, fallback = 20): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSizeMax) {
    fail(
      'first',
      `Vraag 1 tot ${LIMITS.pageSizeMax} resultaten tegelijk`,
      `Ask for 1 to ${LIMITS.pageSizeMax} results at a time`,
    );
  }
  return size;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A klankbord comment: 1 to 5,000 characters, line breaks allowed. */
export function validateComment(value: string): string {
  const body = value.trim();
  if (body.length < 1 || body.length > LIMITS.commentMax) {
    fail(
      'body',
      `Een reactie moet 1 tot ${LIMITS.commentMax} tekens lang zijn`,
      `A comment must be 1 to ${LIMITS.commentMax} characters`,
    );
  }
  if (CONTROL_CHARS.test(body))
    fail('body', 'De tekst bevat ongeldige stuurtekens', 'The text contains invalid control characters');
  return body;
}

export function validateAgendaNote(value: string | null | undefined): string | null {
  const note = (value ?? '').trim();
  if (!note) return null;
  if (note.length > LIMITS.agendaNoteMax) {
    fail(
      'note',
      `Een agendapunt mag hoogstens ${LIMITS.agendaNoteMax} tekens hebben`,
      `An agenda note may have at most ${LIMITS.agendaNoteMax} characters`,
    );
  }
  if (CONTROL_CHARS.test(note))
    fail('note', 'De tekst bevat ongeldige stuurtekens', 'The text contains invalid control characters');
  return note;
}

/** A date-time the API receives: a real date between 2000 and 2100. */
export function validateDate(field: string, value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
    fail(field, 'Geef een geldige datum tussen 2000 en 2100', 'Give a valid date between 2000 and 2100');
  }
  return date;
}

/** A template's name (templates.ts): a visible name, like a community's. */
export function validateTemplateName(value: string, max: number): string {
  const name = visibleName('name', value);
  if (name.length < 1 || name.length > max) {
    fail('name', `De naam moet 1 tot ${max} tekens lang zijn`, `The name must be 1 to ${max} characters`);
  }
  return name;
}
