// The spiral's operation lives in spiral-queries.graphql; types generated from the API schema.
import type { LinkedItemFragment, SpiralQuery } from '../../shared/api/generated/graphql';

export { SpiralDocument as SPIRAL_QUERY } from '../../shared/api/generated/graphql';

/** An item as the report links to it. */
export type LinkedItem = LinkedItemFragment;
export type SpiralReport = SpiralQuery['spiral'];
export type StageTransition = SpiralReport['transitions'][number];
