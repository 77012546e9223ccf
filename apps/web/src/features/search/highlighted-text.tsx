import { highlightSegments } from '@spiraal/search';
import { Fragment } from 'react';

/**
 * A search highlight (escaped HTML with only `<mark>`) as React text: the
 * marked words in `<mark>` elements, everything else as plain text. Any other
 * tag in it shows as the characters it is; nothing is ever parsed as HTML.
 */
export function HighlightedText({ html }: { html: string }) {
  return (
    <>
      {highlightSegments(html).map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
      )}
    </>
  );
}

/** Whether a highlight marks anything. */
export function hasMark(html: string): boolean {
  return highlightSegments(html).some((segment) => segment.marked);
}
