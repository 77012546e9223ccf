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

export function validateTitle(value: string): string {
  const title = singleLine('title', value);
  if (title.length < 1 || title.length > LIMITS.titleMax) {
    fail('title', `Titel moet 1 tot ${LIMITS.titleMax} tekens lang zijn`, `Title must be 1 to ${LIMITS.titleMax} characters`);
  }
  return title;
}

/** Trims tags, drops empty ones and duplicates (case- and accent-insensitive, see tags.ts), keeps order. */
export function validateTags(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of values) {
    const tag = singleLine('tags', raw).replace(/\s+/g, ' ');
    if (!tag) continue;
    if (tag.length > LIMITS.tagMax) {
      fail('tags', `Een tag mag hoogstens ${LIMITS.tagMax} tekens hebben`, `A tag may have at most ${LIMITS.tagMax} characters`);
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
    fail('reason', `Een toelichting mag hoogstens ${LIMITS.reasonMax} tekens hebben`, `A reason may have at most ${LIMITS.reasonMax} characters`);
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
    fail('password', `Het wachtwoord moet minstens ${LIMITS.passwordMin} tekens hebben`, `The password must have at least ${LIMITS.passwordMin} characters`);
  }
  if (length > LIMITS.passwordMax) {
    fail('password', `Het wachtwoord mag hoogstens ${LIMITS.passwordMax} tekens hebben`, `The password may have at most ${LIMITS.passwordMax} characters`);
  }
  return value;
}

export function validateDisplayName(value: string): string {
  const name = singleLine('displayName', value);
  if (name.length < 1 || name.length > LIMITS.displayNameMax) {
    fail('displayName', `Een naam moet 1 tot ${LIMITS.displayNameMax} tekens lang zijn`, `A name must be 1 to ${LIMITS.displayNameMax} characters`);
  }
  return name;
}

export function validateCommunityName(value: string): string {
  const name = singleLine('name', value);
  if (name.length < 1 || name.length > LIMITS.communityNameMax) {
    fail('name', `De naam moet 1 tot ${LIMITS.communityNameMax} tekens lang zijn`, `The name must be 1 to ${LIMITS.communityNameMax} characters`);
  }
  return name;
}

export function validateCommunityDescription(value: string | null | undefined): string {
  const description = (value ?? '').trim();
  if (description.length > LIMITS.communityDescriptionMax) {
    fail('description', `De beschrijving mag hoogstens ${LIMITS.communityDescriptionMax} tekens hebben`, `The description may have at most ${LIMITS.communityDescriptionMax} characters`);
  }
  if (CONTROL_CHARS.test(description)) {
    fail('description', 'De beschrijving bevat ongeldige stuurtekens', 'The description contains invalid control characters');
  }
  return description;
}

export function validatePageSize(value: number | null | undefined, fallback = 20): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSizeMax) {
    fail('first', `Vraag 1 tot ${LIMITS.pageSizeMax} resultaten tegelijk`, `Ask for 1 to ${LIMITS.pageSizeMax} results at a time`);
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
    fail('body', `Een reactie moet 1 tot ${LIMITS.commentMax} tekens lang zijn`, `A comment must be 1 to ${LIMITS.commentMax} characters`);
  }
  if (CONTROL_CHARS.test(body)) fail('body', 'De tekst bevat ongeldige stuurtekens', 'The text contains invalid control characters');
  return body;
}

export function validateAgendaNote(value: string | null | undefined): string | null {
  const note = (value ?? '').trim();
  if (!note) return null;
  if (note.length > LIMITS.agendaNoteMax) {
    fail('note', `Een agendapunt mag hoogstens ${LIMITS.agendaNoteMax} tekens hebben`, `An agenda note may have at most ${LIMITS.agendaNoteMax} characters`);
  }
  if (CONTROL_CHARS.test(note)) fail('note', 'De tekst bevat ongeldige stuurtekens', 'The text contains invalid control characters');
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
