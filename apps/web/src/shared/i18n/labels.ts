import type { Language } from './language';

/**
 * A table of the shared domain's labels (`{ nl, en }` per value, libs/domain) in one
 * language, for a message catalogue: the words stay defined once, beside the values.
 */
export function labelsIn<K extends string>(
  labels: Readonly<Record<K, { nl: string; en: string }>>,
  language: Language,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<{ nl: string; en: string }>(labels).map(([value, label]) => [value, label[language]]),
  ) as Record<K, string>;
}
