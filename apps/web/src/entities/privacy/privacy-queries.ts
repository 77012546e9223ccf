// The privacy operations live in privacy-queries.graphql; types generated from the API schema.
export {
  DismissPrivacyFindingDocument as DISMISS_PRIVACY_FINDING,
  ItemPrivacyFindingsDocument as PRIVACY_FINDINGS_QUERY,
  PseudonymiseDocument as PSEUDONYMISE,
} from '../../shared/api/generated/graphql';
