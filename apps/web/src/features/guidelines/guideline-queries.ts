import { PROMOTABLE_KINDS } from '@spiraal/domain';
import { ITEM_SUMMARY, ItemSummary } from '../../entities/items/item-queries';

/** How many of a community's items the promote dialog offers (the API's largest page). */
export const CANDIDATES_MAX = 100;

export interface CandidatesAnswer {
  items: { totalCount: number; edges: { node: ItemSummary }[] };
}

/** What can be worked up into a guideline: everything but guidelines, newest first. */
export const CANDIDATES_QUERY = `query PromoteCandidates($communityId: ID!) {
  items(communityId: $communityId, filter: { kinds: [${PROMOTABLE_KINDS.join(', ')}] }, first: ${CANDIDATES_MAX}) {
    totalCount
    edges { node { ${ITEM_SUMMARY} } }
  }
}`;

export const PROMOTE = `mutation PromoteToGuideline($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`;
export const SET_GUIDELINE_STATUS = `mutation SetGuidelineStatus($input: SetGuidelineStatusInput!) {
  setGuidelineStatus(input: $input) { id guidelineStatus guidelineVersion reviewDate }
}`;
export const REVISE_GUIDELINE = `mutation ReviseGuideline($id: ID!) { reviseGuideline(id: $id) { id guidelineStatus guidelineVersion } }`;
export const RECORD_APPLICATION = `mutation RecordApplication($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`;
