// The guidelines' operations live in guideline-queries.graphql; types generated from the API schema.
export {
  PromoteCandidatesDocument as CANDIDATES_QUERY,
  PromoteToGuidelineDocument as PROMOTE,
  RecordApplicationDocument as RECORD_APPLICATION,
  ReviseGuidelineDocument as REVISE_GUIDELINE,
  SetGuidelineStatusDocument as SET_GUIDELINE_STATUS,
} from '../../shared/api/generated/graphql';

/** How many of a community's items the promote dialog offers (the API's largest page). */
export const CANDIDATES_MAX = 100;
