export { isValidBsn, isValidIban } from './checksums';
export { detectPersonalData, MAX_DETECT_CHARS } from './detect';
export { findingId, withIds, type IdentifiedFinding } from './finding-id';
export { isGating, PRIVACY_KINDS, SOFT_KINDS, type PrivacyFinding, type PrivacyKind } from './kinds';
export {
  applyReplacements,
  occurrenceAt,
  planPseudonyms,
  personKey,
  type PseudonymPlan,
  type Replacement,
} from './pseudonymise';
export { maskNumbersInSnippet } from './mask';
