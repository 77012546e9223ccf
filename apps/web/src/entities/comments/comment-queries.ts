// The comments' operations live in comment-queries.graphql; types generated from the API schema.
import type { CommentFieldsFragment } from '../../shared/api/generated/graphql';

export {
  AddCommentDocument as ADD_COMMENT,
  ItemCommentsDocument as COMMENTS_QUERY,
  ResolveCommentDocument as RESOLVE_COMMENT,
} from '../../shared/api/generated/graphql';

export type Comment = CommentFieldsFragment;
