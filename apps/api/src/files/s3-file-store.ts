import { DeleteObjectsCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import type { S3Config } from '../config/config';
import { FILE_CHUNK_BYTES, FileStore, Transaction } from './file-store';

/**
 * Bytes in an S3-compatible store (AWS S3, MinIO, Garage …) under
 * `files/<id>`, uploaded in 5 MB parts as they arrive (multipart), so memory
 * stays flat here too. Only used when S3_URL is set.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      endpoint: config.url,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  private key(fileId: string): string {
    return `files/${fileId}`;
  }

  async write(_tx: Transaction, fileId: string, bytes: AsyncIterable<Uint8Array>): Promise<number> {
    const body = new PassThrough({ highWaterMark: FILE_CHUNK_BYTES });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: this.key(fileId), Body: body },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
    });
    const done = upload.done();
    let size = 0;
    try {
      for await (const chunk of bytes) {
        size += chunk.length;
        if (!body.write(chunk)) await new Promise((resolve) => body.once('drain', resolve));
      }
      body.end();
      await done;
    } catch (error) {
      body.destroy();
      await upload.abort().catch(() => undefined);
      await done.catch(() => undefined);
      throw error;
    }
    return size;
  }

  async read(fileId: string): Promise<Readable> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(fileId) }));
    return answer.Body as Readable;
  }

  async remove(fileIds: readonly string[]): Promise<void> {
    for (let i = 0; i < fileIds.length; i += 1000) {
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.config.bucket,
          Delete: { Objects: fileIds.slice(i, i + 1000).map((id) => ({ Key: this.key(id) })), Quiet: true },
        }),
      );
    }
  }
}
