import { Language, useLanguage, useMessages } from '../shared/i18n/language';
import { appMessages } from './messages';

const CHOICES: { language: Language; short: string; name: string }[] = [
  { language: 'nl', short: 'NL', name: 'Nederlands' },
  { language: 'en', short: 'EN', name: 'English' },
];

/** NL/EN as two toggle buttons; each names its language in that language. */
export function LanguageSwitch() {
  const m = useMessages(appMessages);
  const { language, setLanguage } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={m.language}>
      {CHOICES.map((choice) => (
        <button
          key={choice.language}
          type="button"
          lang={choice.language}
          title={choice.name}
          aria-pressed={language === choice.language}
          onClick={() => setLanguage(choice.language)}
        >
          {choice.short}
        </button>
      ))}
    </div>
  );
}
