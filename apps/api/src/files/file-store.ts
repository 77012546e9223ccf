import type { Readable } from 'node:stream';

/** Bytes per chunk: a file is written and read this much at a time, whatever the store. */
export const FILE_CHUNK_BYTES = 256 * 1024;

/** An open transaction (a TypeORM QueryRunner or EntityManager). */
export interface Transaction {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Where the bytes of files live (docs/decisions/file-storage.md): PostgreSQL
 * by default, an S3-compatible store when S3_URL is set. The metadata (the
 * `files` row) is always in PostgreSQL; a store only keeps bytes by file id.
 */
export interface FileStore {
  readonly kind: 'postgres' | 's3';
  /**
   * Writes the bytes of a new file as they come and returns how many there
   * were. `tx` is the open transaction that inserted the file's row: a store
   * in PostgreSQL writes within it (so a failed upload leaves nothing); any
   * other store is asked to `remove` what it wrote when the upload fails.
   */
  write(tx: Transaction, fileId: string, bytes: AsyncIterable<Uint8Array>): Promise<number>;
  /** The bytes of a stored file, streamed. */
  read(fileId: string): Promise<Readable>;
  /** Forgets these files' bytes (called after their rows are deleted); unknown ids are fine. */
  remove(fileIds: readonly string[]): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** Regroups a byte stream into chunks of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingBytes + buffer.length >= size) {
      const take = size - pendingBytes;
      pending.push(buffer.subarray(0, take));
      yield Buffer.concat(pending);
      buffer = buffer.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (buffer.length) {
      pending.push(Buffer.from(buffer));
      pendingBytes += buffer.length;
    }
  }
  if (pendingBytes) yield Buffer.concat(pending);
}
