import { findBsns, findIbans } from './patterns';

/**
 * A search snippet (HTML with only `<mark>` tags) with every BSN and IBAN
 * replaced by "[BSN]"/"[IBAN]", also where the marks split the number.
 */
export function maskNumbersInSnippet(html: string): string {
  const parts = html.split(/(<\/?mark>)/);
  const plain = parts.filter((p, i) => i % 2 === 0).join('');
  const spans = [...findBsns(plain), ...findIbans(plain)].sort((a, b) => a.start - b.start);
  if (!spans.length) return html;
  let out = '';
  let at = 0; // offset in plain
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      out += parts[i];
      continue;
    }
    for (const ch of parts[i]) {
      const span = spans.find((s) => at >= s.start && at < s.end);
      if (!span) out += ch;
      else if (at === span.start) out += `[${span.kind}]`;
      at += ch.length;
    }
  }
  return out;
}
