/**
 * Long write-ups are indexed as passages, so that their later parts are found
 * and highlighted too: PostgreSQL clamps word positions at 16,383 and caps a
 * tsvector at 1 MB, and Meilisearch stops reading an attribute after 65,535
 * words. A passage ends at a paragraph break when one is near.
 */
export const PASSAGE_MAX_WORDS = 2_000;

export function splitPassages(text: string, maxWords = PASSAGE_MAX_WORDS): string[] {
  const tokens = text.split(/(\s+)/);
  const passages: string[] = [];
  let current: string[] = [];
  let count = 0;
  let lastBreak = -1; // index in `current` just after a paragraph break
  const flush = (end: number) => {
    const passage = current.slice(0, end).join('').trim();
    if (passage) passages.push(passage);
    current = current.slice(end);
    count = current.filter((t) => t && !/^\s+$/.test(t)).length;
    lastBreak = -1;
  };
  for (const token of tokens) {
    if (!token) continue;
    current.push(token);
    if (/^\s+$/.test(token)) {
      if (token.includes('\n\n') || token.split('\n').length > 2) lastBreak = current.length;
      continue;
    }
    count += 1;
    if (count >= maxWords) {
      // Prefer the last paragraph break in the second half of the passage.
      flush(lastBreak > current.length / 2 ? lastBreak : current.length);
    }
  }
  flush(current.length);
  return passages.length ? passages : [''];
}
