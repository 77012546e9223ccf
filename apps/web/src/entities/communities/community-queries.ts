// The communities' operations live in community-queries.graphql; types generated from the API schema.
import type { CommunitySummaryFragment, MemberFieldsFragment } from '../../shared/api/generated/graphql';

export {
  AddMemberDocument as ADD_MEMBER,
  ChangeMemberRoleDocument as CHANGE_MEMBER_ROLE,
  CommunitiesDocument as COMMUNITIES_QUERY,
  CreateCommunityDocument as CREATE_COMMUNITY,
  MembersDocument as MEMBERS_QUERY,
  MentionMembersDocument as MENTION_MEMBERS_QUERY,
  PeopleDocument as PERSPECTIVES_QUERY,
  RemoveMemberDocument as REMOVE_MEMBER,
} from '../../shared/api/generated/graphql';

export type CommunitySummary = CommunitySummaryFragment;
export type Member = MemberFieldsFragment;
