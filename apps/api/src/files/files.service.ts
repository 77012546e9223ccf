import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bareMimeType,
  cleanFileName,
  declaredTypeMatches,
  FILE_MAX_BYTES,
  FileType,
  isImageType,
  isUuid,
} from '@spiraal/domain';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { notFound } from '../common/errors';
import type { AuthUser } from '../common/request-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { fileErrors } from './file-errors';
import { FILE_STORE, FileStore, Transaction } from './file-store';
import { limited, resized, sniffed, withoutMetadata } from './upload-stream';
import { UploadSlots } from './upload-slots';

/** What the upload route answers (issue 22): `url` is relative, `/files/<id>`. */
export interface StoredFile {
  id: string;
  url: string;
  name: string;
  size: number;
  contentType: FileType;
}

export interface FileRow {
  id: string;
  community_id: string;
  item_id: string | null;
  name: string;
  content_type: FileType;
  size: string;
  storage: 'postgres' | 's3';
}

export interface UploadRequest {
  itemId: string;
  declaredType: string;
  declaredLength: number | null;
  filename: string | undefined;
  body: AsyncIterable<Uint8Array>;
}

/**
 * Files and images in items: checked (role, size, type from the bytes,
 * quota), cleaned of metadata, stored, and served only to the item's readers
 * (docs/decisions/file-storage.md).
 */
@Injectable()
export class FilesService {
  private readonly slots = new UploadSlots();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
  ) {}

  /** May this user add files to this item? Asked before the body is read. */
  async checkUpload(user: AuthUser, itemId: string, declaredLength: number | null): Promise<string> {
    const { item } = await this.access.toItem(user, itemId, 'item.edit');
    if (declaredLength !== null && declaredLength > FILE_MAX_BYTES) throw fileErrors.tooLarge();
    if (declaredLength !== null && (await this.used(item.communityId)) + declaredLength > this.quota())
      throw fileErrors.quota(this.quota());
    return item.communityId;
  }

  async upload(user: AuthUser, request: UploadRequest): Promise<StoredFile> {
    const communityId = await this.checkUpload(user, request.itemId, request.declaredLength);
    return this.slots.run(() => this.uploadInTransaction(user, communityId, request));
  }

  private async uploadInTransaction(user: AuthUser, communityId: string, request: UploadRequest): Promise<StoredFile> {
    const tx = this.db.createQueryRunner();
    await tx.connect();
    let id: string | null = null;
    try {
      await tx.startTransaction();
      const stored = await this.storeInto(tx, {
        communityId,
        itemId: request.itemId,
        uploadedBy: user.id,
        filename: request.filename,
        declaredType: request.declaredType,
        body: request.body,
        onRow: (rowId) => (id = rowId),
      });
      await tx.commitTransaction();
      return stored;
    } catch (error) {
      if (tx.isTransactionActive) await tx.rollbackTransaction();
      if (id && this.store.kind !== 'postgres') await this.store.remove([id]).catch(() => undefined);
      throw error;
    } finally {
      await tx.release();
    }
  }

  /**
   * Checks, cleans and stores one file within an open transaction: its type
   * from the bytes (and agreeing with the declared one), images re-encoded
   * without metadata, the community's quota. Used by uploads and by the
   * restore of a community archive.
   */
  async storeInto(
    tx: Transaction,
    file: {
      id?: string;
      communityId: string;
      itemId: string;
      uploadedBy: string | null;
      filename: string | undefined;
      declaredType: string;
      body: AsyncIterable<Uint8Array>;
      onRow?(id: string): void;
    },
  ): Promise<StoredFile> {
    const { sniffed: kind, bytes } = await sniffed(limited(file.body, FILE_MAX_BYTES, fileErrors.tooLarge));
    if (!kind.allowed) throw fileErrors.typeNotAllowed(kind.what);
    const declared = bareMimeType(file.declaredType);
    if (!declaredTypeMatches(declared, kind.type)) throw fileErrors.typeMismatch(declared, kind.type);
    const type = kind.type;
    const name = cleanFileName(file.filename, type);

    const image = isImageType(type) ? withoutMetadata(bytes, type) : null;
    const quota = this.quota();
    const used = await this.used(file.communityId, tx);
    const output = limited(image ? image.output : bytes, Math.max(0, quota - used), () => fileErrors.quota(quota));

    const [row] = (await tx.query(
      `INSERT INTO files (id, community_id, item_id, name, content_type, size, storage, uploaded_by)
       VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, 0, $6, $7) RETURNING id`,
      [file.id ?? null, file.communityId, file.itemId, name, type, this.store.kind, file.uploadedBy],
    )) as { id: string }[];
    const id = row.id;
    file.onRow?.(id);
    let size: number;
    try {
      size = await this.store.write(tx, id, output);
    } catch (error) {
      if (image && !isAppError(error)) throw fileErrors.brokenImage();
      throw error;
    }
    const dimensions = image ? await image.info.catch(() => null) : null;
    // One file at a time per community past this point, so two cannot both fit in the last of the quota.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('files:' || $1))`, [file.communityId]);
    if ((await this.used(file.communityId, tx)) + size > quota) throw fileErrors.quota(quota);
    await tx.query(`UPDATE files SET size = $2, width = $3, height = $4 WHERE id = $1`, [
      id,
      size,
      dimensions?.width ?? null,
      dimensions?.height ?? null,
    ]);
    return { id, url: `/files/${id}`, name, size, contentType: type };
  }

  /**
   * The files of these items with their bytes, for a community archive
   * (export/export.service.ts). Read whole: an archive is built in memory
   * and refused on restore past ARCHIVE_MAX_BYTES anyway.
   */
  async forArchive(itemIds: readonly string[]): Promise<{ rows: FileRow[]; bytes: Map<string, Uint8Array> }> {
    if (!itemIds.length) return { rows: [], bytes: new Map() };
    const rows: FileRow[] = await this.db.query(
      `SELECT id, community_id, item_id, name, content_type, size, storage FROM files
        WHERE item_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [itemIds],
    );
    const bytes = new Map<string, Uint8Array>();
    for (const row of rows) {
      const parts: Buffer[] = [];
      for await (const chunk of await this.store.read(row.id)) parts.push(chunk as Buffer);
      bytes.set(row.id, new Uint8Array(Buffer.concat(parts)));
    }
    return { rows, bytes };
  }

  /** The file and its bytes, for someone who may read the item it belongs to; NOT_FOUND for anyone else. */
  async open(
    user: AuthUser,
    fileId: string,
    width: number | null,
  ): Promise<{ file: FileRow; body: Readable; resized: boolean }> {
    const [file]: FileRow[] = isUuid(fileId)
      ? await this.db.query(
          `SELECT id, community_id, item_id, name, content_type, size, storage FROM files WHERE id = $1`,
          [fileId],
        )
      : [];
    if (!file) throw notFound('Dit bestand');
    if (file.item_id) await this.access.toItem(user, file.item_id, 'community.read', 'Dit bestand');
    else await this.access.toCommunity(user, file.community_id, 'community.read');
    const body = await this.store.read(file.id);
    if (width !== null && isImageType(file.content_type)) {
      return { file, body: resized(body, file.content_type, width), resized: true };
    }
    return { file, body, resized: false };
  }

  private quota(): number {
    return this.config.files.communityQuotaBytes;
  }

  private async used(communityId: string, tx: Transaction = this.db): Promise<number> {
    const [{ total }] = (await tx.query(`SELECT coalesce(sum(size), 0) AS total FROM files WHERE community_id = $1`, [
      communityId,
    ])) as { total: string }[];
    return Number(total);
  }
}

function isAppError(error: unknown): boolean {
  return typeof (error as { extensions?: { code?: unknown } })?.extensions?.code === 'string';
}
