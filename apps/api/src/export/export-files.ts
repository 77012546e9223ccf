import {
  ExportManifest,
  ItemFrontMatter,
  ManifestLink,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  ITEMS_FOLDER,
  slugify,
  uniqueItemFilenames,
  withFrontMatter,
} from '@spiraal/interchange';
import type { CommunitySnapshot, SnapshotItem } from './community-snapshot.reader';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The front matter of one exported item: what it is, who wrote it, where it came from. */
export function frontMatterOf(item: SnapshotItem, snapshot: CommunitySnapshot): ItemFrontMatter {
  const sources = snapshot.sources
    .filter((s) => s.guidelineId === item.id)
    .map((s) => ({ id: s.sourceId, title: s.title, stage: s.sourceStage }));
  const meta: ItemFrontMatter = {
    title: item.title,
    kind: item.kind,
    stage: item.stage,
    tags: item.tags,
    authors: item.authors,
    created: item.createdAt.toISOString(),
    updated: item.updatedAt.toISOString(),
    id: item.id,
  };
  if (sources.length) meta.sources = sources;
  if (item.archivedAt) meta.archived = item.archivedAt.toISOString();
  if (item.guidelineStatus) {
    meta.guidelineStatus = item.guidelineStatus;
    meta.guidelineVersion = item.guidelineVersion ?? 1;
    if (item.reviewDate) meta.reviewDate = item.reviewDate.toISOString();
  }
  if (item.appliesGuidelineId)
    meta.appliesTo = { id: item.appliesGuidelineId, title: item.appliesTitle ?? '', version: item.appliesVersion };
  return meta;
}

/** One item as a Markdown file with front matter. */
export function itemMarkdown(item: SnapshotItem, snapshot: CommunitySnapshot): string {
  return withFrontMatter(frontMatterOf(item, snapshot), snapshot.bodies.get(item.id)?.markdown ?? '');
}

/** The manifest and the Markdown file of every item (path -> text). */
export function exportFiles(
  snapshot: CommunitySnapshot,
  exportedAt: Date,
): { manifest: ExportManifest; files: Map<string, string> } {
  const names = uniqueItemFilenames(snapshot.items);
  const ids = new Set(snapshot.items.map((item) => item.id));
  const files = new Map(
    snapshot.items.map((item) => [`${ITEMS_FOLDER}${names.get(item.id)}`, itemMarkdown(item, snapshot)]),
  );
  const links: ManifestLink[] = [
    ...snapshot.sources.map((s): ManifestLink => ({
      type: 'source',
      from: s.guidelineId,
      to: s.sourceId,
      position: s.position,
      sourceStage: s.sourceStage,
    })),
    ...snapshot.items.flatMap((item) =>
      (snapshot.bodies.get(item.id)?.links ?? [])
        .filter((to) => to !== item.id && ids.has(to))
        .map((to): ManifestLink => ({ type: 'mention', from: item.id, to })),
    ),
    ...snapshot.items
      .filter((item) => item.appliesGuidelineId && ids.has(item.appliesGuidelineId))
      .map((item): ManifestLink => ({
        type: 'appliesTo',
        from: item.id,
        to: item.appliesGuidelineId!,
        version: item.appliesVersion,
      })),
  ];
  const manifest: ExportManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    exportedAt: exportedAt.toISOString(),
    community: snapshot.community,
    items: snapshot.items.map((item) => ({
      id: item.id,
      file: `${ITEMS_FOLDER}${names.get(item.id)}`,
      title: item.title,
      kind: item.kind,
      stage: item.stage,
      tags: item.tags,
      authors: item.authors,
      createdAt: item.createdAt.toISOString(),
      updatedAt: item.updatedAt.toISOString(),
      archivedAt: iso(item.archivedAt),
      guideline: item.guidelineStatus
        ? { status: item.guidelineStatus, version: item.guidelineVersion ?? 1, reviewDate: iso(item.reviewDate) }
        : null,
    })),
    links,
    stageHistory: snapshot.stageChanges.map((c) => ({
      itemId: c.itemId,
      from: c.from,
      to: c.to,
      reason: c.reason,
      by: c.by,
      at: c.at.toISOString(),
    })),
    guidelineVersions: snapshot.guidelineVersions.map((v) => ({
      ...v,
      adoptedAt: v.adoptedAt.toISOString(),
      reviewDate: iso(v.reviewDate),
    })),
    comments: snapshot.comments.map(({ id, replyTo, anchor, deleted, ...c }) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      resolvedAt: iso(c.resolvedAt),
      // Threads (docs/decisions/comment-anchors.md): only the fields a comment has.
      id,
      ...(replyTo ? { replyTo } : {}),
      ...(anchor ? { anchor } : {}),
      ...(deleted ? { deleted } : {}),
    })),
    proposals: [...snapshot.bodies].flatMap(([itemId, body]) =>
      body.proposals.map((proposal) => ({ itemId, ...proposal })),
    ),
  };
  return { manifest, files };
}

/** `spiraal-<community>-<date>.zip` */
export function archiveFilename(communityName: string, exportedAt: Date): string {
  return `spiraal-${slugify(communityName)}-${exportedAt.toISOString().slice(0, 10)}.zip`;
}
