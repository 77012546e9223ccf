import { Injectable } from '@nestjs/common';
import { FILES_FOLDER, itemFilename, writeExportArchive } from '@spiraal/interchange';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/request-context';
import { notFound } from '../common/errors';
import { CommunitySnapshotReader } from './community-snapshot.reader';
import { archiveFilename, exportFiles, itemMarkdown } from './export-files';
import { PrivacyService } from '../privacy/privacy.service';
import { FilesService } from '../files/files.service';
import { applyReplacements, detectPersonalData, planPseudonyms, withIds } from '@spiraal/privacy';
import type { CommunitySnapshot } from './community-snapshot.reader';

/** Every finding in titles, bodies, adopted versions and comments replaced ("Persoon A", "[BSN]", …), per item. */
function pseudonymiseText(text: string): string {
  return applyReplacements(text, planPseudonyms(text, withIds(detectPersonalData(text))).replacements);
}

function pseudonymiseSnapshot(snapshot: CommunitySnapshot): void {
  for (const item of snapshot.items) item.title = pseudonymiseText(item.title);
  for (const body of snapshot.bodies.values()) {
    body.markdown = pseudonymiseText(body.markdown);
    // Their places are in the text before pseudonymising, and their text is not pseudonymised: left out.
    body.proposals = [];
  }
  for (const version of snapshot.guidelineVersions) version.markdown = pseudonymiseText(version.markdown);
  for (const comment of snapshot.comments) {
    comment.body = pseudonymiseText(comment.body);
    // The quote is the body's own text: no personal data may slip out through it (it may then not be found again).
    if (comment.anchor)
      comment.anchor = {
        exact: pseudonymiseText(comment.anchor.exact),
        prefix: comment.anchor.prefix && pseudonymiseText(comment.anchor.prefix),
        suffix: comment.anchor.suffix && pseudonymiseText(comment.anchor.suffix),
      };
  }
}

export interface ItemExport {
  filename: string;
  markdown: string;
}

export interface CommunityExport {
  filename: string;
  zip: Uint8Array;
  items: number;
  links: number;
  comments: number;
}

/** Taking knowledge out: one item as Markdown (for its readers), a whole community as a zip (for facilitators). */
@Injectable()
export class ExportService {
  constructor(
    private readonly access: AccessService,
    private readonly reader: CommunitySnapshotReader,
    private readonly privacy: PrivacyService,
    private readonly files: FilesService,
  ) {}

  async item(user: AuthUser, itemId: string): Promise<ItemExport> {
    const { item } = await this.access.toItem(user, itemId, 'community.read');
    const snapshot = await this.reader.read(item.communityId, item.id);
    const found = snapshot.items[0];
    if (!found) throw notFound('Dit item');
    return { filename: itemFilename(found.title, found.id), markdown: itemMarkdown(found, snapshot) };
  }

  async community(
    user: AuthUser,
    communityId: string,
    options: { pseudonymise?: boolean } = {},
  ): Promise<CommunityExport> {
    const { access } = await this.access.toCommunity(user, communityId, 'community.export');
    // Personal data leaves only pseudonymised (docs/privacy.md): open findings refuse a plain export.
    if (!options.pseudonymise) {
      await this.privacy.gate(null, user, {
        communityId,
        items: await this.privacy.communityItems(communityId),
        action: 'community.export',
        isFacilitator: access === 'FACILITATOR',
      });
    }
    return this.communityAsSystem(communityId, options);
  }

  /** For the command line, which has the machine's trust and no signed-in user. */
  async communityAsSystem(communityId: string, options: { pseudonymise?: boolean } = {}): Promise<CommunityExport> {
    const snapshot = await this.reader.read(communityId);
    if (options.pseudonymise) pseudonymiseSnapshot(snapshot);
    const exportedAt = new Date();
    const { manifest, files } = exportFiles(snapshot, exportedAt);
    // Files and images go along, except in a pseudonymised archive: a photo or a PDF cannot be pseudonymised.
    const attachments = new Map<string, Uint8Array>();
    if (!options.pseudonymise) {
      const stored = await this.files.forArchive(snapshot.items.map((item) => item.id));
      manifest.files = stored.rows.map((row) => ({
        id: row.id,
        itemId: row.item_id!,
        name: row.name,
        contentType: row.content_type,
        size: Number(row.size),
        file: `${FILES_FOLDER}${row.id}`,
      }));
      for (const row of stored.rows) attachments.set(`${FILES_FOLDER}${row.id}`, stored.bytes.get(row.id)!);
    }
    return {
      filename: archiveFilename(snapshot.community.name, exportedAt),
      zip: writeExportArchive(manifest, files, attachments),
      items: manifest.items.length,
      links: manifest.links.length,
      comments: manifest.comments.length,
    };
  }
}
