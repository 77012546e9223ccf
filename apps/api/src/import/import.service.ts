import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  can,
  defaultStageFor,
  LIMITS,
  type ItemKind,
  type SeciStage,
  validateBody,
  validateTags,
  validateTitle,
  ValidationError,
} from '@spiraal/domain';
import { convertDocument, type ConvertedDocument, ImportRefusal } from '@spiraal/interchange';
import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { ItemEntity } from '../database/entities/item.entity';
import { ItemsService } from '../items/items.service';
import { ImportLedger } from './import-ledger';

export interface ImportFile {
  filename: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Used when the file's front matter names no kind; NOTE when absent. */
  kind?: ItemKind | null;
  stage?: SeciStage | null;
  /** Added to the tags in the file's front matter. */
  tags?: string[] | null;
  splitHeadings?: boolean | null;
}

export type ImportOutcome =
  | {
      status: 'IMPORTED' | 'SKIPPED';
      filename: string;
      reason: string | null;
      format: string;
      encoding: string;
      items: ItemEntity[];
    }
  | { status: 'FAILED'; filename: string; reason: string; code: string };

/**
 * Brings one file into a community as one item, or one per top-level heading:
 * converted on the server into each item's document (never seeded by a
 * client), all items of a file in one transaction, and recorded in the
 * import ledger so that importing the same content again skips it.
 * Access to the community is checked first and thrown (NOT_FOUND,
 * FORBIDDEN); what is wrong with the file itself is a FAILED outcome with
 * a message, so a caller importing many files can go on with the next.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly items: ItemsService,
    private readonly ledger: ImportLedger,
  ) {}

  async importFile(
    user: AuthUser,
    communityId: string,
    file: ImportFile,
    options: ImportOptions = {},
  ): Promise<ImportOutcome> {
    const { access } = await this.access.toCommunity(user, communityId, 'item.create');
    let converted: ConvertedDocument;
    let prepared: { kind: ItemKind; stage: SeciStage; tags: string[]; parts: { title: string; markdown: string }[] };
    try {
      converted = convertDocument({
        filename: file.filename,
        bytes: file.bytes,
        splitHeadings: options.splitHeadings ?? false,
      });
      prepared = prepare(converted, options);
    } catch (error) {
      if (error instanceof ImportRefusal || error instanceof ValidationError) {
        return {
          status: 'FAILED',
          filename: file.filename,
          reason: error.message,
          code: error instanceof ImportRefusal ? error.code : 'INVALID',
        };
      }
      throw error;
    }
    // Guidelines come from "uitwerken tot richtlijn", a facilitator's move (as in createItem).
    if (prepared.kind === 'GUIDELINE' && !can(access, 'guideline.create')) {
      return {
        status: 'FAILED',
        filename: file.filename,
        code: 'FORBIDDEN',
        reason: 'Alleen een facilitator maakt richtlijnen / Only a facilitator creates guidelines',
      };
    }
    const sourceKey = sourceKeyOf(file.bytes, options.splitHeadings ?? false);
    return this.db.transaction(async (tx) => {
      await this.ledger.lock(tx, communityId, sourceKey);
      const earlier = await this.ledger.find(tx, communityId, sourceKey);
      const common = { filename: file.filename, format: converted.format, encoding: converted.encoding };
      if (earlier) {
        const items = await tx.getRepository(ItemEntity).findBy({ id: In(earlier.itemIds) });
        const reason = `Al geïmporteerd als "${earlier.sourceName}" / Already imported as "${earlier.sourceName}"`;
        return { ...common, status: 'SKIPPED' as const, reason, items: sortLike(items, earlier.itemIds) };
      }
      const created: ItemEntity[] = [];
      for (const part of prepared.parts) {
        created.push(
          await this.items.insert(tx, user, {
            communityId,
            kind: prepared.kind,
            stage: prepared.stage,
            title: part.title,
            tags: prepared.tags,
            markdown: part.markdown,
          }),
        );
      }
      await this.ledger.record(tx, {
        communityId,
        sourceKey,
        sourceName: file.filename,
        itemIds: created.map((item) => item.id),
        importedBy: user.id,
      });
      return { ...common, status: 'IMPORTED' as const, reason: null, items: created };
    });
  }
}

/** Validates everything before anything is written: kind, stage, tags, every title and body. */
function prepare(converted: ConvertedDocument, options: ImportOptions) {
  const kind = converted.kind ?? options.kind ?? 'NOTE';
  const stage = converted.stage ?? options.stage ?? defaultStageFor(kind);
  const tags = validateTags([...(options.tags ?? []), ...converted.tags]);
  const parts = converted.parts.map((part) => {
    try {
      return { title: validateTitle(part.title), markdown: validateBody(part.markdown) };
    } catch (error) {
      if (error instanceof ValidationError && error.field === 'body') {
        const where = converted.parts.length > 1 ? `"${part.title}": ` : '';
        const mb = LIMITS.bodyMaxBytes / 1024 / 1024;
        throw new ValidationError(
          'body',
          `${where}de tekst is groter dan ${mb} MB; splits het bestand per kop / ${where}the text is larger than ${mb} MB; split the file by heading`,
        );
      }
      throw error;
    }
  });
  return { kind, stage, tags, parts };
}

/** The content decides whether an import happened before, not the file name. */
function sourceKeyOf(bytes: Uint8Array, splitHeadings: boolean): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return `sha256:${hash}${splitHeadings ? ':split' : ''}`;
}

function sortLike(items: ItemEntity[], ids: string[]): ItemEntity[] {
  return [...items].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}
