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

export interface ItemDetail extends ItemSummary {
  createdAt: string;
  community: { id: string; name: string; myRole: string | null };
  createdBy: { id: string } | null;
  authors: { id: string; displayName: string }[];
  stageHistory: { from: SeciStage | null; to: SeciStage; reason: string | null; at: string; by: { displayName: string } | null }[];
}

export const ITEM_QUERY = `query Item($id: ID!) {
  item(id: $id) {
    ${ITEM_SUMMARY} createdAt
    community { id name myRole }
    createdBy { id }
    authors { id displayName }
    stageHistory { from to reason at by { displayName } }
  }
}`;

export const CREATE_ITEM = `mutation CreateItem($input: CreateItemInput!) { createItem(input: $input) { id } }`;
export const UPDATE_ITEM = `mutation UpdateItem($input: UpdateItemInput!) { updateItem(input: $input) { id title tags updatedAt } }`;
export const SET_ITEM_STAGE = `mutation SetItemStage($input: SetItemStageInput!) { setItemStage(input: $input) { id stage } }`;
export const ARCHIVE_ITEM = `mutation ArchiveItem($id: ID!) { archiveItem(id: $id) { id archivedAt } }`;

export interface RevisionSummary {
  id: string;
  createdAt: string;
  authors: { displayName: string }[];
}

export const REVISIONS_QUERY = `query Revisions($itemId: ID!) { itemRevisions(itemId: $itemId) { id createdAt authors { displayName } } }`;
export const REVISION_QUERY = `query Revision($id: ID!) { revision(id: $id) { id text } }`;
export const RESTORE_REVISION = `mutation RestoreRevision($id: ID!) { restoreRevision(id: $id) { id updatedAt } }`;
