/**
 * Highlighted snippets travel as HTML with only `<mark>` in it: matched words
 * are marked, everything else is escaped. The engines mark matches with two
 * control characters that can never occur in stored text (validation refuses
 * control characters), and `markedToHtml` turns them into that HTML.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v, k]));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Control-character marks to escaped HTML with `<mark>`. Unbalanced marks are closed. */
export function markedToHtml(marked: string): string {
  let html = '';
  let open = false;
  // eslint-disable-next-line no-control-regex -- STX/ETX are the highlight markers PostgreSQL writes
  for (const chunk of marked.split(/([\u0002\u0003])/)) {
    if (chunk === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (chunk === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      // eslint-disable-next-line no-control-regex -- strips control characters on purpose
      html += escapeHtml(chunk.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
    }
  }
  return open ? `${html}</mark>` : html;
}

export interface HighlightSegment {
  text: string;
  marked: boolean;
}

/**
 * The highlight HTML back as plain segments, so a client renders them as
 * text (never as HTML). Any tag other than `<mark>` is shown as text.
 */
export function highlightSegments(html: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let marked = false;
  for (const chunk of html.split(/(<\/?mark>)/)) {
    if (chunk === '<mark>') marked = true;
    else if (chunk === '</mark>') marked = false;
    else if (chunk) segments.push({ text: chunk.replace(/&(amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e]), marked });
  }
  return segments;
}
