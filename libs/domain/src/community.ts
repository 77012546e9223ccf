/** Roles, perspectives and visibility of a community (leernetwerk). */

export const ROLES = ['FACILITATOR', 'MEMBER', 'READER'] as const;
export type Role = (typeof ROLES)[number];

export const PERSPECTIVES = [
  'PROFESSIONAL',
  'ERVARINGSDESKUNDIGE',
  'BEWONER',
  'ONDERZOEKER',
  'STUDENT',
  'DOCENT',
  'MANAGER',
  'OTHER',
] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/**
 * PRIVATE: only members know it. NETWORK: every signed-in user may read it.
 * LISTED: every signed-in user sees its name, description and facilitators
 * in the directory and may ask to join; its content stays for members.
 */
export const VISIBILITIES = ['PRIVATE', 'NETWORK', 'LISTED'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ROLE_LABELS: Readonly<Record<Role, { nl: string; en: string }>> = {
  FACILITATOR: { nl: 'Facilitator', en: 'Facilitator' },
  MEMBER: { nl: 'Lid', en: 'Member' },
  READER: { nl: 'Lezer', en: 'Reader' },
};
