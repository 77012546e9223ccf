import { useLanguage } from './language';

/** A label the shared domain gives in both languages (`{ nl, en }`), in the current one. */
export function useLabel(): (label: { nl: string; en: string }) => string {
  const { language } = useLanguage();
  return (label) => label[language];
}
