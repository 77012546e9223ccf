import { isUuid, ValidationError } from './validation';

/** What someone can be notified of (docs/DOMAIN.md; the issue "Notifications"). */
export const NOTIFICATION_KINDS = [
  'MENTION', // someone mentioned you (klankbord comment or item text)
  'COMMENT', // a comment on something you follow
  'STAGE_CHANGE', // something you follow moved to another SECI stage
  'PROMOTED', // your item became a source of a guideline
  'GUIDELINE_CHANGED', // a new version or status of a guideline you follow or applied
  'REVIEW_DUE', // facilitators: a guideline's review date is near or past
  'REFLECTION', // someone recorded how a guideline you wrote worked
  'MEETING', // a meeting in your community was planned, or its agenda got your item
  'INVITATION', // you were invited to a community (once invitations exist)
  'MEMBERSHIP', // you joined, or your role changed
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How notifications of a kind reach someone by e-mail. */
export const MAIL_DELIVERIES = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/** Mentions at once (someone waits for an answer), the rest in a daily digest. */
export function defaultDelivery(kind: NotificationKind): MailDelivery {
  return kind === 'MENTION' || kind === 'INVITATION' ? 'IMMEDIATE' : 'DAILY';
}

/** Notifications of the same kind on the same item within this window become one ("Bram en 2 anderen reageerden"). */
export const NOTIFICATION_GROUP_WINDOW_MS = 10 * 60_000;

/** At most this many people mentioned in one comment or one save of a document. */
export const MENTIONS_MAX = 50;

/** Checks a list of mentioned user ids: well-formed, at most MENTIONS_MAX; duplicates dropped. */
export function validateMentions(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > MENTIONS_MAX) {
    throw new ValidationError(
      'mentions',
      `Je kunt hoogstens ${MENTIONS_MAX} mensen tegelijk noemen / You can mention at most ${MENTIONS_MAX} people at once`,
    );
  }
  const malformed = unique.filter((id) => !isUuid(id));
  if (malformed.length)
    throw new ValidationError(
      'mentions',
      `Onbekende personen genoemd: ${malformed.join(', ')} / Unknown people mentioned`,
    );
  return unique;
}

const VERBS: Record<NotificationKind, [one: string, many: string]> = {
  MENTION: ['noemde je', 'noemden je'],
  COMMENT: ['reageerde', 'reageerden'],
  STAGE_CHANGE: ['zette een stap in de spiraal', 'zetten stappen in de spiraal'],
  PROMOTED: ['werkte je item uit tot richtlijn', 'werkten je item uit tot richtlijn'],
  GUIDELINE_CHANGED: ['wijzigde een richtlijn', 'wijzigden een richtlijn'],
  REVIEW_DUE: ['', ''],
  REFLECTION: ['schreef een toepassingsreflectie', 'schreven toepassingsreflecties'],
  MEETING: ['plande een bijeenkomst', 'planden bijeenkomsten'],
  INVITATION: ['nodigde je uit', 'nodigden je uit'],
  MEMBERSHIP: ['wijzigde je lidmaatschap', 'wijzigden je lidmaatschap'],
};

/**
 * One line for a (grouped) notification, in Dutch: "Bram reageerde",
 * "Bram en 1 ander reageerden", "Bram en 2 anderen reageerden".
 */
export function notificationSummary(kind: NotificationKind, actorName: string | null, actorCount: number): string {
  if (kind === 'REVIEW_DUE') return 'Een richtlijn is toe aan herziening';
  const name = actorName ?? 'Iemand';
  const others = Math.max(0, actorCount - 1);
  const [one, many] = VERBS[kind];
  if (!others) return `${name} ${one}`;
  return `${name} en ${others} ${others === 1 ? 'ander' : 'anderen'} ${many}`;
}

/** The Dutch name of a kind, for preferences and digests. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  MENTION: 'Vermeldingen',
  COMMENT: 'Reacties op wat je volgt',
  STAGE_CHANGE: 'Stappen in de spiraal van wat je volgt',
  PROMOTED: 'Je item werd bron van een richtlijn',
  GUIDELINE_CHANGED: 'Wijzigingen in richtlijnen die je volgt of toepast',
  REVIEW_DUE: 'Richtlijnen toe aan herziening (facilitatoren)',
  REFLECTION: 'Toepassingsreflecties op je richtlijnen',
  MEETING: 'Bijeenkomsten',
  INVITATION: 'Uitnodigingen',
  MEMBERSHIP: 'Je lidmaatschap',
};
