// The directory's operations live in directory-queries.graphql; types generated from the API schema.
export {
  AnswerJoinRequestDocument as ANSWER_JOIN_REQUEST,
  CommunityDirectoryDocument as COMMUNITY_DIRECTORY,
  JoinRequestsDocument as JOIN_REQUESTS,
  RequestToJoinDocument as REQUEST_TO_JOIN,
  UpdateCommunityDocument as UPDATE_COMMUNITY,
} from '../../shared/api/generated/graphql';
export type { CommunityDirectoryQuery } from '../../shared/api/generated/graphql';
