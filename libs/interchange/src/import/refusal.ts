import { IMPORT_FILE_MAX_BYTES } from '@spiraal/domain';
/**
 * Why a file cannot be imported. The message is for people (Dutch first,
 * then English); the code is for programs and tests.
 */
export type RefusalCode =
  | 'INVALID_NAME'
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'UNSUPPORTED_FORMAT'
  | 'ENCODING'
  | 'INVALID_FRONT_MATTER'
  | 'TOO_LONG';

export class ImportRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

export function refuse(code: RefusalCode, nl: string, en: string): never {
  throw new ImportRefusal(code, `${nl} / ${en}`);
}

/** Limits for one imported file, the same at every entry point. */
export const IMPORT_LIMITS = {
  /** Raw bytes of one file (shared with the web app, see libs/domain/src/contracts.ts). */
  fileMaxBytes: IMPORT_FILE_MAX_BYTES,
  /** Items one file may become when split by headings. */
  partsMax: 200,
  /** Characters of a file name. */
  filenameMax: 255,
} as const;
