// The communities' operations live in community-queries.graphql; types generated from the API schema.
import type {
  CommunitySummaryFragment,
  InvitationFieldsFragment,
  MemberFieldsFragment,
} from '../../shared/api/generated/graphql';

export {
  AcceptInvitationDocument as ACCEPT_INVITATION,
  ChangeMemberRoleDocument as CHANGE_MEMBER_ROLE,
  CommunitiesDocument as COMMUNITIES_QUERY,
  CommunityInvitationsDocument as COMMUNITY_INVITATIONS,
  CreateCommunityDocument as CREATE_COMMUNITY,
  DeclineInvitationDocument as DECLINE_INVITATION,
  InviteMemberDocument as INVITE_MEMBER,
  MembersDocument as MEMBERS_QUERY,
  MentionMembersDocument as MENTION_MEMBERS_QUERY,
  MyInvitationsDocument as MY_INVITATIONS,
  PeopleDocument as PERSPECTIVES_QUERY,
  RemoveMemberDocument as REMOVE_MEMBER,
  WithdrawInvitationDocument as WITHDRAW_INVITATION,
} from '../../shared/api/generated/graphql';

export type CommunitySummary = CommunitySummaryFragment;
export type Member = MemberFieldsFragment;
export type Invitation = InvitationFieldsFragment;
