/**
 * The text of ours the server refused: what the local document had and the
 * server's has not, as the span between their common start and common end.
 * Typing in one place (the case that matters: someone writing while their
 * access changed) gives exactly what they typed; edits in several places give
 * the stretch that covers them all, which is still theirs to copy.
 */
export function refusedText(local: string, server: string): string {
  let start = 0;
  const max = Math.min(local.length, server.length);
  while (start < max && local[start] === server[start]) start++;
  let end = 0;
  while (end < max - start && local[local.length - 1 - end] === server[server.length - 1 - end]) end++;
  return local.slice(start, local.length - end).trim();
}
