import type { CommentKind, Perspective } from '@spiraal/domain';

export interface Comment {
  id: string;
  kind: CommentKind;
  body: string;
  author: { id: string; displayName: string } | null;
  /** The author's perspective in this community. */
  authorPerspective: Perspective | null;
  createdAt: string;
  resolvedAt: string | null;
}

export const COMMENT_FIELDS = `id kind body author { id displayName } authorPerspective createdAt resolvedAt`;

export interface CommentsAnswer {
  item: { id: string; archivedAt: string | null; community: { id: string; myRole: string | null }; comments: Comment[] };
}

/** The server orders them: questions first, suggestions last ("uitstellen van oordeel"). */
export const COMMENTS_QUERY = `query ItemComments($id: ID!) {
  item(id: $id) { id archivedAt community { id myRole } comments { ${COMMENT_FIELDS} } }
}`;

export const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id } }`;
export const RESOLVE_COMMENT = `mutation ResolveComment($id: ID!) { resolveComment(id: $id) { id resolvedAt } }`;
