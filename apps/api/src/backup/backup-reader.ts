import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { BackupError, BackupHeader, BackupTable, countRows, MAX_HEADER_BYTES, parseHeader } from './backup-format';

/**
 * Reads a backup file front to back: the header, then each table's COPY text
 * in pieces. A damaged or cut-off file shows up as a BackupError.
 */
export class BackupReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private buffered: Buffer = Buffer.alloc(0);
  private readonly gunzip = createGunzip();

  private constructor(file: string) {
    const source = createReadStream(file);
    source.on('error', (error) => this.gunzip.destroy(error));
    this.chunks = source.pipe(this.gunzip)[Symbol.asyncIterator]();
  }

  /** Opens a backup and reads its header. */
  static async open(file: string): Promise<{ reader: BackupReader; header: BackupHeader }> {
    const reader = new BackupReader(file);
    try {
      const header = parseHeader(await reader.line());
      return { reader, header };
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  /** The table's COPY text, piece by piece; it must be exactly as long as the header says. */
  async *table(table: BackupTable): AsyncGenerator<Buffer> {
    let left = table.bytes;
    while (left > 0) {
      if (!this.buffered.length && !(await this.more())) throw incomplete(`table ${table.name} is cut off`);
      const piece = this.buffered.subarray(0, left);
      this.buffered = this.buffered.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  /** Throws unless the file ends here (anything after the last table means it is not what the header says). */
  async end(): Promise<void> {
    if (this.buffered.length || (await this.more()))
      throw new BackupError('The backup file is damaged: it holds more than its header lists.');
    this.close();
  }

  close(): void {
    this.gunzip.destroy();
  }

  private async line(): Promise<string> {
    for (;;) {
      const newline = this.buffered.indexOf(10);
      if (newline !== -1) {
        const line = this.buffered.subarray(0, newline).toString('utf8');
        this.buffered = this.buffered.subarray(newline + 1);
        return line;
      }
      if (this.buffered.length > MAX_HEADER_BYTES) throw new BackupError('This is not a Spiraal backup file.');
      if (!(await this.more())) throw incomplete('it ends inside the header');
    }
  }

  private async more(): Promise<boolean> {
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      throw unreadable(error);
    }
    if (next.done) return false;
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, next.value]) : next.value;
    return true;
  }
}

/**
 * Reads the whole file once and checks it against its header (every table's
 * length and rows, the checksum, nothing more), before anything is written.
 */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  const { reader, header } = await BackupReader.open(file);
  try {
    const hash = createHash('sha256');
    for (const table of header.tables) {
      let rows = 0;
      for await (const piece of reader.table(table)) {
        hash.update(piece);
        rows += countRows(piece);
      }
      if (rows !== table.rows)
        throw new BackupError(
          `The backup file is damaged: table ${table.name} holds ${rows} rows, its header says ${table.rows}.`,
        );
    }
    await reader.end();
    if (hash.digest('hex') !== header.sha256)
      throw new BackupError('The backup file is damaged: its checksum does not match.');
    return header;
  } finally {
    reader.close();
  }
}

function incomplete(where: string): BackupError {
  return new BackupError(
    `The backup file is incomplete (${where}); it was probably cut off while being written or copied.`,
  );
}

function unreadable(error: unknown): BackupError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT')
    return new BackupError(`There is no such file: ${(error as { path?: string }).path ?? ''}`.trim());
  if (code === 'EACCES' || code === 'EISDIR') return new BackupError(`The backup file cannot be read (${code}).`);
  if (code === 'Z_BUF_ERROR') return incomplete('the compressed data ends too early');
  return new BackupError(`The backup file is damaged or not a Spiraal backup (${(error as Error).message}).`);
}
