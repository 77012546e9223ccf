import type { Language } from '../i18n/language';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(new Date(iso));
}

/** "zorg, wijkteam , ,ouderen" → ["zorg", "wijkteam", "ouderen"]; the server cleans up further. */
export function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
