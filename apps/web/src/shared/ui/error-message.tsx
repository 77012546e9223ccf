import { ApiError } from '../api/graphql';
import { Language, useLanguage, useMessages } from '../i18n/language';
import { uiMessages } from './messages';

/** Server messages read "Nederlands / English": the part for the current language. */
export function serverText(message: string, language: Language): string {
  const [nl, en] = message.split(' / ');
  return (language === 'en' ? en : nl)?.trim() || message;
}

/**
 * Our own words per error code; only for BAD_USER_INPUT does the server's
 * message say more (which field, what rule). `overrides` lets a form say it
 * better for its situation, e.g. the login form for UNAUTHENTICATED.
 */
export function useErrorText(): (error: unknown, overrides?: Partial<Record<string, string>>) => string {
  const m = useMessages(uiMessages);
  const { language } = useLanguage();
  return (error, overrides = {}) => {
    const code = error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR';
    if (overrides[code]) return overrides[code]!;
    switch (code) {
      case 'BAD_USER_INPUT':
        return error instanceof ApiError && error.message ? serverText(error.message, language) : m.errors.badInput;
      case 'UNAUTHENTICATED':
        return m.errors.unauthenticated;
      case 'FORBIDDEN':
        return m.errors.forbidden;
      case 'NOT_FOUND':
        return m.errors.notFound;
      case 'NETWORK':
        return m.errors.network;
      case 'RATE_LIMITED': {
        const seconds = Math.max(1, Number((error as ApiError).extensions.retryAfter) || 60);
        return seconds < 90
          ? m.errors.rateLimitedSeconds(seconds)
          : m.errors.rateLimitedMinutes(Math.ceil(seconds / 60));
      }
      default:
        return m.errors.internal;
    }
  };
}

/** An error, announced to screen readers as it appears. */
export function ErrorMessage({ error, overrides }: { error: unknown; overrides?: Partial<Record<string, string>> }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="message message-error">
      {text(error, overrides)}
    </p>
  );
}
