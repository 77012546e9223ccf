import type { GuidelineStatus } from '@spiraal/domain';
import type { ItemKind, SeciStage } from './vocabulary';

export interface ItemSummary {
  id: string;
  kind: ItemKind;
  stage: SeciStage;
  title: string;
  tags: string[];
  updatedAt: string;
  archivedAt: string | null;
}

export interface ItemPage {
  totalCount: number;
  edges: { node: ItemSummary }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const ITEM_SUMMARY = `id kind stage title tags updatedAt archivedAt`;

export const ITEMS_QUERY = `query Items($communityId: ID!, $filter: ItemFilter, $after: String) {
  community(id: $communityId) { id name myRole }
  items(communityId: $communityId, filter: $filter, first: 20, after: $after) {
    totalCount
    edges { node { ${ITEM_SUMMARY} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A guideline with its status, as lists of guidelines show it. */
export interface GuidelineSummary extends ItemSummary {
  guidelineStatus: GuidelineStatus | null;
  guidelineVersion: number | null;
}

export const GUIDELINE_SUMMARY = `${ITEM_SUMMARY} guidelineStatus guidelineVersion`;

export interface GuidelineVersion {
  number: number;
  title: string;
  /** The text as adopted. */
  text: string;
  adoptedBy: { displayName: string } | null;
  adoptedAt: string;
  reviewDate: string | null;
}

export interface AttentionReason {
  code: 'REVIEW_DATE_PASSED' | 'SOURCE_CHANGED' | string;
  message: string;
  item: { id: string; title: string } | null;
}

export interface ItemDetail extends GuidelineSummary {
  createdAt: string;
  community: { id: string; name: string; myRole: string | null };
  createdBy: { id: string } | null;
  authors: { id: string; displayName: string }[];
  stageHistory: { from: SeciStage | null; to: SeciStage; reason: string | null; at: string; by: { displayName: string } | null }[];
  /** Guidelines only: when to look at it again. */
  reviewDate: string | null;
  /** The guidelines made from this item. */
  derivedItems: GuidelineSummary[];
  /** For a practice reflection: the guideline version it applied. */
  appliesTo: { guideline: { id: string; title: string }; version: number } | null;
  /** Guidelines only (empty or null for other items): provenance, practice, adopted versions, attention. */
  sources: ItemSummary[];
  applications: (ItemSummary & { createdAt: string; authors: { displayName: string }[] })[];
  guidelineVersions: GuidelineVersion[];
  attention: { needed: boolean; reasons: AttentionReason[] } | null;
}

export const ITEM_QUERY = `query Item($id: ID!) {
  item(id: $id) {
    ${GUIDELINE_SUMMARY} createdAt reviewDate
    community { id name myRole }
    createdBy { id }
    authors { id displayName }
    stageHistory { from to reason at by { displayName } }
    derivedItems { ${GUIDELINE_SUMMARY} }
    appliesTo { guideline { id title } version }
    sources { ${ITEM_SUMMARY} }
    applications { ${ITEM_SUMMARY} createdAt authors { displayName } }
    guidelineVersions { number title text adoptedBy { displayName } adoptedAt reviewDate }
    attention { needed reasons { code message item { id title } } }
  }
}`;

export const CREATE_ITEM = `mutation CreateItem($input: CreateItemInput!) { createItem(input: $input) { id } }`;
export const UPDATE_ITEM = `mutation UpdateItem($input: UpdateItemInput!) { updateItem(input: $input) { id title tags updatedAt } }`;
export const SET_ITEM_STAGE = `mutation SetItemStage($input: SetItemStageInput!) { setItemStage(input: $input) { id stage } }`;
export const ADD_STAGE_REASON = `mutation AddStageReason($input: AddStageReasonInput!) { addStageReason(input: $input) { id } }`;
export const ARCHIVE_ITEM = `mutation ArchiveItem($id: ID!) { archiveItem(id: $id) { id archivedAt } }`;

export interface RevisionSummary {
  id: string;
  createdAt: string;
  authors: { displayName: string }[];
}

export const REVISIONS_QUERY = `query Revisions($itemId: ID!) { itemRevisions(itemId: $itemId) { id createdAt authors { displayName } } }`;
export const REVISION_QUERY = `query Revision($id: ID!) { revision(id: $id) { id text } }`;
export const RESTORE_REVISION = `mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { id updatedAt } }`;
