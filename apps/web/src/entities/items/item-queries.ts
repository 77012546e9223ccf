// The items' operations live in item-queries.graphql; their types are generated from
// the API schema (apps/web/codegen.ts). This module names them for the rest of the app.
import type {
  GuidelineSummaryFragment,
  ItemQuery,
  ItemsQuery,
  ItemSummaryFragment,
  RevisionsQuery,
} from '../../shared/api/generated/graphql';

export {
  ArchiveItemDocument as ARCHIVE_ITEM,
  CreateItemDocument as CREATE_ITEM,
  ItemDocument as ITEM_QUERY,
  NewItemTemplatesDocument as NEW_ITEM_TEMPLATES,
  ItemsDocument as ITEMS_QUERY,
  RestoreRevisionDocument as RESTORE_REVISION,
  RevisionDocument as REVISION_QUERY,
  RevisionsDocument as REVISIONS_QUERY,
  SetItemStageDocument as SET_ITEM_STAGE,
  AddStageReasonDocument as ADD_STAGE_REASON,
  UpdateItemDocument as UPDATE_ITEM,
} from '../../shared/api/generated/graphql';

export type ItemSummary = ItemSummaryFragment;
/** A guideline with its status, as lists of guidelines show it. */
export type GuidelineSummary = GuidelineSummaryFragment;
export type ItemPage = ItemsQuery['items'];
export type ItemDetail = ItemQuery['item'];
export type GuidelineVersion = ItemDetail['guidelineVersions'][number];
export type AttentionReason = NonNullable<ItemDetail['attention']>['reasons'][number];
export type RevisionSummary = RevisionsQuery['itemRevisions'][number];
