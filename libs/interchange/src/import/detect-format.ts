/**
 * Which of the three importable formats a file is: by its extension, and by
 * its content when the name has no (known text) extension.
 */
import { refuse } from './refusal';

export type SourceFormat = 'markdown' | 'html' | 'text';

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Refuses unknown extensions before the content is read, so that a .docx or
 * .xlsx gets a message about its format rather than about its bytes.
 */
export function formatFromName(filename: string): SourceFormat | null {
  const extension = extensionOf(filename);
  if (!extension) return null;
  const format = BY_EXTENSION[extension];
  if (!format) {
    refuse(
      'UNSUPPORTED_FORMAT',
      `Bestandstype .${extension} kan niet worden geïmporteerd; wel Markdown (.md), tekst (.txt) en HTML (.html)`,
      `File type .${extension} cannot be imported; Markdown (.md), text (.txt) and HTML (.html) can`,
    );
  }
  return format;
}

/** For names without an extension: HTML when it starts like HTML, Markdown when it has a heading, else text. */
export function formatFromContent(text: string): SourceFormat {
  const start = text.slice(0, 1024).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/.test(start)) return 'html';
  if (/^---\r?\n/.test(start) || /^#{1,6} \S/m.test(text.slice(0, 4096))) return 'markdown';
  return 'text';
}
