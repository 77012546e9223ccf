/** What the detector finds (docs/privacy.md). */
export const PRIVACY_KINDS = [
  'BSN',
  'IBAN',
  'PHONE',
  'EMAIL',
  'POSTCODE',
  'ADDRESS',
  'BIRTHDATE',
  'NAME',
  'AGE',
  'IDENTIFIER',
  'INSTITUTION',
  'LOCATION',
] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

/** Softer kinds: shown, but on their own they never hold back a promotion or an export. */
export const SOFT_KINDS: readonly PrivacyKind[] = ['INSTITUTION', 'LOCATION'];

export function isGating(kind: PrivacyKind): boolean {
  return !SOFT_KINDS.includes(kind);
}

export interface PrivacyFinding {
  kind: PrivacyKind;
  /** Offsets into the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  text: string;
  /** 0..1: how sure the detector is that this is personal data. */
  confidence: number;
}
