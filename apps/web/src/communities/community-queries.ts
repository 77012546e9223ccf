import type { Perspective, Role, Visibility } from './vocabulary';

export interface CommunitySummary {
  id: string;
  name: string;
  description: string;
  visibility: Visibility;
  /** null when the viewer only reads along in a NETWORK-visible community */
  myRole: Role | null;
}

export interface Member {
  user: { id: string; displayName: string };
  role: Role;
  perspective: Perspective;
  email: string | null;
  joinedAt: string;
}

export const COMMUNITY_FIELDS = `id name description visibility myRole`;

export const COMMUNITIES_QUERY = `query Communities { communities { ${COMMUNITY_FIELDS} } }`;

export const CREATE_COMMUNITY = `mutation CreateCommunity($input: CreateCommunityInput!) { createCommunity(input: $input) { ${COMMUNITY_FIELDS} } }`;

export const MEMBER_FIELDS = `user { id displayName } role perspective email joinedAt`;

export const MEMBERS_QUERY = `query Members($id: ID!) { community(id: $id) { ${COMMUNITY_FIELDS} members { ${MEMBER_FIELDS} } } }`;

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  community: { id: string; name: string };
  invitedBy: { displayName: string } | null;
  expiresAt: string;
}

export const INVITATION_FIELDS = `id email role community { id name } invitedBy { displayName } expiresAt`;
export const INVITE_MEMBER = `mutation InviteMember($input: InviteMemberInput!) { inviteMember(input: $input) { ${INVITATION_FIELDS} } }`;
export const COMMUNITY_INVITATIONS = `query CommunityInvitations($id: ID!) { communityInvitations(communityId: $id) { ${INVITATION_FIELDS} } }`;
export const WITHDRAW_INVITATION = `mutation WithdrawInvitation($id: ID!) { withdrawInvitation(id: $id) }`;
export const MY_INVITATIONS = `query MyInvitations { myInvitations { ${INVITATION_FIELDS} } }`;
export const ACCEPT_INVITATION = `mutation AcceptInvitation($id: ID!) { acceptInvitation(id: $id) { ${COMMUNITY_FIELDS} } }`;
export const DECLINE_INVITATION = `mutation DeclineInvitation($id: ID!) { declineInvitation(id: $id) }`;
export const CHANGE_MEMBER_ROLE = `mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { ${MEMBER_FIELDS} } }`;
export const REMOVE_MEMBER = `mutation RemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) }`;
