import type { MailDelivery, NotificationKind } from '@spiraal/domain';

/** Texts of the bell, the inbox and the notification settings. */
export const notificationMessages = {
  nl: {
    bell: (n: number) =>
      n === 0 ? 'Meldingen, niets ongelezen' : n === 1 ? 'Meldingen, 1 ongelezen' : `Meldingen, ${n} ongelezen`,
    announce: (n: number) => (n === 1 ? 'Je hebt 1 ongelezen melding' : `Je hebt ${n} ongelezen meldingen`),
    inbox: 'Meldingen',
    inboxIntro: 'Wat er gebeurde bij wat je volgt, waar je genoemd werd, en in je leernetwerken.',
    unreadOnly: 'Alleen ongelezen',
    markAll: 'Alles gelezen',
    markRead: 'Gelezen',
    empty: 'Geen meldingen.',
    more: 'Meer laden',
    unread: 'Ongelezen',
    settings: 'Instellingen voor meldingen',
    settingsIntro:
      'Kies per soort melding of je een e-mail krijgt: meteen, in een dagelijkse of wekelijkse samenvatting, of nooit. In Spiraal zelf zie je ze altijd.',
    kind: 'Soort melding',
    delivery: 'E-mail',
    save: 'Opslaan',
    saved: 'Je instellingen zijn opgeslagen.',
    deliveries: { IMMEDIATE: 'Meteen', DAILY: 'Dagelijks', WEEKLY: 'Wekelijks', NEVER: 'Nooit' } as Record<
      MailDelivery,
      string
    >,
    kinds: {
      MENTION: 'Iemand noemt je',
      COMMENT: 'Reacties op wat je volgt',
      STAGE_CHANGE: 'Stappen in de spiraal van wat je volgt',
      PROMOTED: 'Je item wordt bron van een richtlijn',
      GUIDELINE_CHANGED: 'Wijzigingen in richtlijnen die je volgt of toepast',
      REVIEW_DUE: 'Richtlijnen toe aan herziening',
      REFLECTION: 'Toepassingsreflecties op je richtlijnen',
      MEETING: 'Bijeenkomsten',
      INVITATION: 'Uitnodigingen',
      MEMBERSHIP: 'Je lidmaatschap',
    } as Record<NotificationKind, string>,
    follow: 'Volgen',
    unfollow: 'Niet meer volgen',
    following: 'Je volgt dit. Je krijgt meldingen van reacties en wijzigingen.',
    notFollowing: 'Je volgt dit niet.',
    mentionHint: 'Typ @ om iemand uit dit leernetwerk te noemen; die krijgt een melding.',
    suggestions: (n: number) =>
      n === 0
        ? 'Geen leden gevonden'
        : n === 1
          ? '1 lid gevonden, kies met pijltjes en Enter'
          : `${n} leden gevonden, kies met pijltjes en Enter`,
    mentioned: (name: string) => `${name} wordt genoemd`,
  },
  en: {
    bell: (n: number) => (n === 0 ? 'Notifications, none unread' : `Notifications, ${n} unread`),
    announce: (n: number) => `You have ${n} unread notification${n === 1 ? '' : 's'}`,
    inbox: 'Notifications',
    inboxIntro: 'What happened to what you follow, where you were mentioned, and in your communities.',
    unreadOnly: 'Unread only',
    markAll: 'Mark all read',
    markRead: 'Read',
    empty: 'No notifications.',
    more: 'Load more',
    unread: 'Unread',
    settings: 'Notification settings',
    settingsIntro:
      'Choose per kind whether you get an e-mail: at once, in a daily or weekly digest, or never. In Spiraal itself you always see them.',
    kind: 'Kind',
    delivery: 'E-mail',
    save: 'Save',
    saved: 'Your settings were saved.',
    deliveries: { IMMEDIATE: 'At once', DAILY: 'Daily', WEEKLY: 'Weekly', NEVER: 'Never' },
    follow: 'Follow',
    unfollow: 'Unfollow',
    following: 'You follow this: you hear of comments and changes.',
    notFollowing: 'You do not follow this.',
    mentionHint: 'Type @ to mention someone from this community; they get a notification.',
    suggestions: (n: number) => (n === 0 ? 'No members found' : `${n} members found, choose with arrows and Enter`),
    mentioned: (name: string) => `${name} will be mentioned`,
  },
};
