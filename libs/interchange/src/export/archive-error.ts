/**
 * Why an export archive or an exported file cannot be read. The message is
 * Dutch first, then English, and names the place (a file, a manifest field)
 * so a facilitator can find the problem; it never echoes file contents.
 */
export class ArchiveError extends Error {
  constructor(nl: string, en: string) {
    super(`${nl} / ${en}`);
    this.name = 'ArchiveError';
  }
}
