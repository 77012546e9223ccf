// The comments' operations live in comment-queries.graphql; types generated from the API schema.
import type { CommentFieldsFragment, CommentThreadFieldsFragment } from '../../shared/api/generated/graphql';

export {
  AddCommentDocument as ADD_COMMENT,
  DeleteCommentDocument as DELETE_COMMENT,
  EditCommentDocument as EDIT_COMMENT,
  ItemCommentsDocument as COMMENTS_QUERY,
  ReopenCommentDocument as REOPEN_COMMENT,
  ReplyToCommentDocument as REPLY_TO_COMMENT,
  ResolveCommentDocument as RESOLVE_COMMENT,
} from '../../shared/api/generated/graphql';

export type Comment = CommentFieldsFragment;
export type CommentThread = CommentThreadFieldsFragment;
