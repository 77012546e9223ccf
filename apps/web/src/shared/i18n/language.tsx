import { createContext, ReactNode, useContext, useEffect, useState } from 'react';

/**
 * Dutch first, English second. Each feature keeps its own messages
 * (`messages.ts` beside its components: `{ nl: {...}, en: {...} }`) and reads
 * them with `useMessages`, so no shared dictionary grows crooked.
 */
export type Language = 'nl' | 'en';

const STORAGE_KEY = 'spiraal.language';

const LanguageContext = createContext<{ language: Language; setLanguage(language: Language): void }>({
  language: 'nl',
  setLanguage: () => undefined,
});

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl'));
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext.Provider value={{ language, setLanguage }}>{children}</LanguageContext.Provider>;
}

export function useLanguage() {
  return useContext(LanguageContext);
}

/** The current language's messages of one feature. English falls back to Dutch per key. */
export function useMessages<T extends Record<string, unknown>>(messages: { nl: T; en: Partial<T> }): T {
  const { language } = useLanguage();
  return language === 'en' ? { ...messages.nl, ...messages.en } : messages.nl;
}
