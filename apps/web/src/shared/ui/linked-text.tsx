import { Fragment } from 'react';
import { safeHref } from './safe-url';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]|mailto:[^\s<>"]+[^\s<>".,;:!?)\]])/g;

/**
 * User text as text, with its http(s) and mailto addresses as links. React
 * escapes everything; only addresses that pass `safeHref` become an href.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) => {
        const href = i % 2 === 1 ? safeHref(part) : null;
        return href ? (
          <a key={i} href={href} rel="noopener noreferrer nofollow" target="_blank">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        );
      })}
    </>
  );
}
