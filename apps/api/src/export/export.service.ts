import { Injectable } from '@nestjs/common';
import { itemFilename, writeExportArchive } from '@spiraal/interchange';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/session.service';
import { notFound } from '../common/errors';
import { CommunitySnapshotReader } from './community-snapshot.reader';
import { archiveFilename, exportFiles, itemMarkdown } from './export-files';

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
  ) {}

  async item(user: AuthUser, itemId: string): Promise<ItemExport> {
    const { item } = await this.access.toItem(user, itemId, 'community.read');
    const snapshot = await this.reader.read(item.communityId, item.id);
    const found = snapshot.items[0];
    if (!found) throw notFound('Dit item');
    return { filename: itemFilename(found.title, found.id), markdown: itemMarkdown(found, snapshot) };
  }

  async community(user: AuthUser, communityId: string): Promise<CommunityExport> {
    await this.access.toCommunity(user, communityId, 'community.export');
    return this.communityAsSystem(communityId);
  }

  /** For the command line, which has the machine's trust and no signed-in user. */
  async communityAsSystem(communityId: string): Promise<CommunityExport> {
    const snapshot = await this.reader.read(communityId);
    const exportedAt = new Date();
    const { manifest, files } = exportFiles(snapshot, exportedAt);
    return {
      filename: archiveFilename(snapshot.community.name, exportedAt),
      zip: writeExportArchive(manifest, files),
      items: manifest.items.length,
      links: manifest.links.length,
      comments: manifest.comments.length,
    };
  }
}
