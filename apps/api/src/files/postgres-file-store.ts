import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { FILE_CHUNK_BYTES, FileStore, rechunk, Transaction } from './file-store';

/** Chunks fetched per query when reading: 1 MB per round trip, never more in memory. */
const CHUNKS_PER_READ = 4;

/**
 * Bytes in PostgreSQL, one `file_chunks` row per 256 kB: written within the
 * upload's transaction and read back one chunk at a time, so neither end
 * holds a whole file in memory, and every database backup includes them.
 */
export class PostgresFileStore implements FileStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly db: DataSource) {}

  async write(tx: Transaction, fileId: string, bytes: AsyncIterable<Uint8Array>): Promise<number> {
    let seq = 0;
    let size = 0;
    for await (const chunk of rechunk(bytes, FILE_CHUNK_BYTES)) {
      await tx.query(`INSERT INTO file_chunks (file_id, seq, data) VALUES ($1, $2, $3)`, [fileId, seq++, chunk]);
      size += chunk.length;
    }
    return size;
  }

  read(fileId: string): Promise<Readable> {
    const db = this.db;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq += CHUNKS_PER_READ) {
        const rows: { data: Buffer }[] = await db.query(
          `SELECT data FROM file_chunks WHERE file_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq`,
          [fileId, seq, seq + CHUNKS_PER_READ],
        );
        for (const row of rows) yield row.data;
        if (rows.length < CHUNKS_PER_READ) return;
      }
    }
    return Promise.resolve(Readable.from(chunks(), { objectMode: false }));
  }

  async remove(): Promise<void> {
    // The chunks went with their `files` rows (ON DELETE CASCADE).
  }
}
