import {
  COMMENT_KINDS,
  CommentKind,
  GUIDELINE_STATUSES,
  GuidelineStatus,
  isUuid,
  ITEM_KINDS,
  ItemKind,
  LIMITS,
  SECI_STAGES,
  SeciStage,
} from '@spiraal/domain';
import { ArchiveError } from './archive-error';
import { isSafeArchivePath } from './filenames';

export const MANIFEST_FORMAT = 'spiraal-export';
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** Where the item files live inside the archive. */
export const ITEMS_FOLDER = 'items/';

/** Most items an archive may hold (the zip's entry limit follows from it). */
export const MANIFEST_MAX_ITEMS = 10_000;
const MAX_RECORDS = 200_000;

export interface ManifestItem {
  /** The item's id in the community it was exported from; links refer to it. */
  id: string;
  /** Path of its Markdown file inside the archive, under `items/`. */
  file: string;
  title: string;
  kind: ItemKind;
  stage: SeciStage;
  tags: string[];
  /** Display names of everyone who contributed to the body. */
  authors: string[];
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  guideline: { status: GuidelineStatus; version: number; reviewDate: string | null } | null;
}

/**
 * An edge between two items of the archive:
 * - `source`: provenance, the guideline `from` was made from `to` (then in `sourceStage`);
 * - `mention`: the body of `from` links to `/items/<to>`;
 * - `appliesTo`: the practice reflection `from` tried version `version` of guideline `to`.
 */
export type ManifestLink =
  | { type: 'source'; from: string; to: string; position: number; sourceStage: SeciStage }
  | { type: 'mention'; from: string; to: string }
  | { type: 'appliesTo'; from: string; to: string; version: number | null };

export interface ManifestStageChange {
  itemId: string;
  from: SeciStage | null;
  to: SeciStage;
  reason: string | null;
  /** Display name of who moved it, when known. */
  by: string | null;
  at: string;
}

export interface ManifestGuidelineVersion {
  guidelineId: string;
  number: number;
  title: string;
  markdown: string;
  adoptedBy: string | null;
  adoptedAt: string;
  reviewDate: string | null;
}

export interface ManifestComment {
  itemId: string;
  kind: CommentKind;
  body: string;
  author: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Names the comment within the archive, so replies can point to their thread (optional: older archives). */
  id?: string;
  /** The `id` of the thread this is a reply in (listed before it). */
  replyTo?: string;
  /** The passage it is about, as a W3C text quote selector; found again in the restored text. */
  anchor?: { exact: string; prefix: string | null; suffix: string | null };
  /** Deleted while it had replies ("verwijderd"): its body is empty. */
  deleted?: boolean;
}

/** Folder of the archive that holds the items' files and images, one entry per file: `files/<id>`. */
export const FILES_FOLDER = 'files/';

/** A file or image of an item (docs/decisions/file-storage.md); its bytes are the entry `file`. */
export interface ManifestFile {
  id: string;
  itemId: string;
  name: string;
  contentType: string;
  size: number;
  file: string;
}

/**
 * An open voorstel (proposal) in an item's live text, kept beside the item's
 * file, which holds the text without open proposals: where it sits there
 * (the n-th text block, an offset in it) and its text (docs/decisions/proposals.md).
 */
export interface ManifestProposal {
  itemId: string;
  id: string;
  kind: 'insert' | 'delete';
  authorName: string;
  createdAt: string;
  block: number;
  offset: number;
  text: string;
}

export interface ExportManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  exportedAt: string;
  community: { id: string; name: string; description: string };
  items: ManifestItem[];
  links: ManifestLink[];
  stageHistory: ManifestStageChange[];
  guidelineVersions: ManifestGuidelineVersion[];
  comments: ManifestComment[];
  /** Absent in archives made before files existed. */
  files?: ManifestFile[];
  /** Absent in archives made before voorstellen existed. */
  proposals: ManifestProposal[];
}

/** Checks a parsed manifest.json field by field; the first problem is thrown, with its place. */
export function validateManifest(value: unknown): ExportManifest {
  const root = object(value, 'manifest.json');
  if (root.format !== MANIFEST_FORMAT) {
    fail(
      'manifest.json: dit is geen Spiraal-export (format ontbreekt of klopt niet)',
      'manifest.json: this is not a Spiraal export (format missing or wrong)',
    );
  }
  if (root.version !== MANIFEST_VERSION) {
    const version = typeof root.version === 'number' ? String(root.version) : '?';
    fail(
      `manifest.json: exportversie ${version} kan deze Spiraal niet lezen (wel versie ${MANIFEST_VERSION})`,
      `manifest.json: export version ${version} cannot be read by this Spiraal (version ${MANIFEST_VERSION} can)`,
    );
  }
  const community = object(root.community, 'community');
  const items = list(root.items, 'items', MANIFEST_MAX_ITEMS).map(item);
  const ids = new Set<string>();
  const files = new Set<string>();
  items.forEach((entry, i) => {
    if (ids.has(entry.id)) fail(`items[${i}].id komt twee keer voor`, `items[${i}].id occurs twice`);
    if (files.has(entry.file)) fail(`items[${i}].file komt twee keer voor`, `items[${i}].file occurs twice`);
    ids.add(entry.id);
    files.add(entry.file);
  });
  // Comment ids seen so far: threads (with their item's id), and replies (which have no replies of their own).
  const threads = { ofItem: new Map<string, unknown>(), replies: new Set<string>() };
  const known = (id: unknown, where: string): string => {
    const text = string(id, where);
    if (!ids.has(text))
      fail(
        `${where} verwijst naar een item dat niet in de export staat`,
        `${where} refers to an item that is not in the export`,
      );
    return text;
  };
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    exportedAt: date(root.exportedAt, 'exportedAt'),
    community: {
      id: string(community.id, 'community.id'),
      name: string(community.name, 'community.name', LIMITS.communityNameMax),
      description: string(community.description ?? '', 'community.description', LIMITS.communityDescriptionMax),
    },
    items,
    links: list(root.links ?? [], 'links', MAX_RECORDS).map((raw, i) => link(raw, `links[${i}]`, known)),
    stageHistory: list(root.stageHistory ?? [], 'stageHistory', MAX_RECORDS).map((raw, i) => {
      const where = `stageHistory[${i}]`;
      const o = object(raw, where);
      return {
        itemId: known(o.itemId, `${where}.itemId`),
        from: o.from == null ? null : oneOf(o.from, SECI_STAGES, `${where}.from`),
        to: oneOf(o.to, SECI_STAGES, `${where}.to`),
        reason: optionalString(o.reason, `${where}.reason`, LIMITS.reasonMax),
        by: optionalString(o.by, `${where}.by`, LIMITS.displayNameMax),
        at: date(o.at, `${where}.at`),
      };
    }),
    guidelineVersions: list(root.guidelineVersions ?? [], 'guidelineVersions', MAX_RECORDS).map((raw, i) => {
      const where = `guidelineVersions[${i}]`;
      const o = object(raw, where);
      return {
        guidelineId: known(o.guidelineId, `${where}.guidelineId`),
        number: integer(o.number, `${where}.number`),
        title: string(o.title, `${where}.title`, LIMITS.titleMax),
        markdown: string(o.markdown, `${where}.markdown`, LIMITS.bodyMaxBytes),
        adoptedBy: optionalString(o.adoptedBy, `${where}.adoptedBy`, LIMITS.displayNameMax),
        adoptedAt: date(o.adoptedAt, `${where}.adoptedAt`),
        reviewDate: o.reviewDate == null ? null : date(o.reviewDate, `${where}.reviewDate`),
      };
    }),
    comments: list(root.comments ?? [], 'comments', MAX_RECORDS).map((raw, i) => {
      const where = `comments[${i}]`;
      const o = object(raw, where);
      return {
        ...thread(o, where, threads),
        itemId: known(o.itemId, `${where}.itemId`),
        kind: oneOf(o.kind, COMMENT_KINDS, `${where}.kind`),
        body: string(o.body, `${where}.body`, LIMITS.commentMax),
        author: optionalString(o.author, `${where}.author`, LIMITS.displayNameMax),
        createdAt: date(o.createdAt, `${where}.createdAt`),
        resolvedAt: o.resolvedAt == null ? null : date(o.resolvedAt, `${where}.resolvedAt`),
      };
    }),
    ...(root.files === undefined ? {} : { files: manifestFiles(root.files, known) }),
    proposals: list(root.proposals ?? [], 'proposals', MAX_RECORDS).map((raw, i) => {
      const where = `proposals[${i}]`;
      const o = object(raw, where);
      return {
        itemId: known(o.itemId, `${where}.itemId`),
        id: string(o.id, `${where}.id`, 200),
        kind: oneOf(o.kind, ['insert', 'delete'] as const, `${where}.kind`),
        authorName: string(o.authorName, `${where}.authorName`, 200),
        createdAt: string(o.createdAt, `${where}.createdAt`, 200),
        block: integer(o.block, `${where}.block`),
        offset: integer(o.offset, `${where}.offset`),
        text: string(o.text, `${where}.text`, LIMITS.bodyMaxBytes),
      };
    }),
  };
}

function manifestFiles(value: unknown, known: (id: unknown, where: string) => string): ManifestFile[] {
  return list(value, 'files', MAX_RECORDS).map((raw, i) => {
    const where = `files[${i}]`;
    const o = object(raw, where);
    const id = string(o.id, `${where}.id`, 64);
    const file = string(o.file, `${where}.file`, 255);
    if (file !== `${FILES_FOLDER}${id}` || !isSafeArchivePath(file))
      fail(`${where}.file moet files/<id> zijn`, `${where}.file must be files/<id>`);
    return {
      id,
      itemId: known(o.itemId, `${where}.itemId`),
      name: string(o.name, `${where}.name`, 255),
      contentType: string(o.contentType, `${where}.contentType`, 255),
      size: integer(o.size, `${where}.size`),
      file,
    };
  });
}

/** A comment's thread fields, only those it has (archives from before threads have none). */
function thread(
  o: Record<string, unknown>,
  where: string,
  seen: { ofItem: Map<string, unknown>; replies: Set<string> },
): Pick<ManifestComment, 'id' | 'replyTo' | 'anchor' | 'deleted'> {
  const out: Pick<ManifestComment, 'id' | 'replyTo' | 'anchor' | 'deleted'> = {};
  const id = optionalString(o.id, `${where}.id`, 64);
  const replyTo = optionalString(o.replyTo, `${where}.replyTo`, 64);
  if (replyTo !== null && seen.ofItem.get(replyTo) !== o.itemId)
    fail(
      `${where}.replyTo verwijst niet naar een eerdere draad bij hetzelfde item`,
      `${where}.replyTo does not name an earlier thread on the same item`,
    );
  if (id !== null) {
    if (seen.ofItem.has(id) || seen.replies.has(id)) fail(`${where}.id komt dubbel voor`, `${where}.id occurs twice`);
    if (replyTo === null) seen.ofItem.set(id, o.itemId);
    else seen.replies.add(id);
    out.id = id;
  }
  if (replyTo !== null) out.replyTo = replyTo;
  if (o.anchor != null) {
    if (replyTo !== null)
      fail(`${where}.anchor: een antwoord heeft geen eigen plek`, `${where}.anchor: a reply has no place of its own`);
    const anchor = object(o.anchor, `${where}.anchor`);
    out.anchor = {
      exact: string(anchor.exact, `${where}.anchor.exact`, 1000),
      prefix: optionalString(anchor.prefix, `${where}.anchor.prefix`, 1000),
      suffix: optionalString(anchor.suffix, `${where}.anchor.suffix`, 1000),
    };
  }
  if (o.deleted === true) out.deleted = true;
  return out;
}

function item(raw: unknown, i: number): ManifestItem {
  const where = `items[${i}]`;
  const o = object(raw, where);
  const file = string(o.file, `${where}.file`, 255);
  if (!file.startsWith(ITEMS_FOLDER) || !file.endsWith('.md') || !isSafeArchivePath(file)) {
    fail(`${where}.file moet een veilig pad onder items/ zijn`, `${where}.file must be a safe path under items/`);
  }
  const kind = oneOf(o.kind, ITEM_KINDS, `${where}.kind`);
  const guideline = o.guideline == null ? null : object(o.guideline, `${where}.guideline`);
  if ((kind === 'GUIDELINE') !== (guideline !== null)) {
    fail(`${where}.guideline hoort precies bij een richtlijn`, `${where}.guideline belongs to exactly the guidelines`);
  }
  return {
    id: uuid(o.id, `${where}.id`),
    file,
    title: string(o.title, `${where}.title`, LIMITS.titleMax),
    kind,
    stage: oneOf(o.stage, SECI_STAGES, `${where}.stage`),
    tags: list(o.tags ?? [], `${where}.tags`, LIMITS.tagsMax).map((tag, j) =>
      string(tag, `${where}.tags[${j}]`, LIMITS.tagMax),
    ),
    authors: list(o.authors ?? [], `${where}.authors`, 1000).map((name, j) =>
      string(name, `${where}.authors[${j}]`, LIMITS.displayNameMax),
    ),
    createdAt: date(o.createdAt, `${where}.createdAt`),
    updatedAt: date(o.updatedAt, `${where}.updatedAt`),
    archivedAt: o.archivedAt == null ? null : date(o.archivedAt, `${where}.archivedAt`),
    guideline: guideline && {
      status: oneOf(guideline.status, GUIDELINE_STATUSES, `${where}.guideline.status`),
      version: integer(guideline.version, `${where}.guideline.version`),
      reviewDate: guideline.reviewDate == null ? null : date(guideline.reviewDate, `${where}.guideline.reviewDate`),
    },
  };
}

function link(raw: unknown, where: string, known: (id: unknown, where: string) => string): ManifestLink {
  const o = object(raw, where);
  const type = oneOf(o.type, ['source', 'mention', 'appliesTo'] as const, `${where}.type`);
  const from = known(o.from, `${where}.from`);
  const to = known(o.to, `${where}.to`);
  if (type === 'source')
    return {
      type,
      from,
      to,
      position: integer(o.position, `${where}.position`),
      sourceStage: oneOf(o.sourceStage, SECI_STAGES, `${where}.sourceStage`),
    };
  if (type === 'appliesTo')
    return { type, from, to, version: o.version == null ? null : integer(o.version, `${where}.version`) };
  return { type, from, to };
}

// --- small checks, each naming the field ---

function fail(nl: string, en: string): never {
  throw new ArchiveError(
    nl.startsWith('manifest.json') ? nl : `manifest.json: ${nl}`,
    en.startsWith('manifest.json') ? en : `manifest.json: ${en}`,
  );
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`${where} moet een object zijn`, `${where} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${where} moet een lijst zijn`, `${where} must be a list`);
  if (value.length > max) fail(`${where} heeft meer dan ${max} elementen`, `${where} has more than ${max} entries`);
  return value;
}

function string(value: unknown, where: string, maxLength = 1000): string {
  if (typeof value !== 'string') fail(`${where} moet tekst zijn`, `${where} must be a string`);
  if (value.length > maxLength)
    fail(
      `${where} is te lang (hoogstens ${maxLength} tekens)`,
      `${where} is too long (at most ${maxLength} characters)`,
    );
  return value;
}

function optionalString(value: unknown, where: string, maxLength: number): string | null {
  return value == null ? null : string(value, where, maxLength);
}

function uuid(value: unknown, where: string): string {
  const text = string(value, where, 36);
  if (!isUuid(text)) fail(`${where} is geen geldige id`, `${where} is not a valid id`);
  return text;
}

function integer(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1_000_000) {
    fail(`${where} moet een geheel getal zijn`, `${where} must be a whole number`);
  }
  return value;
}

function date(value: unknown, where: string): string {
  const text = string(value, where, 40);
  const time = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(time))
    fail(`${where} is geen geldige datum`, `${where} is not a valid date`);
  return new Date(time).toISOString();
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${where} moet een van ${allowed.join(', ')} zijn`, `${where} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
