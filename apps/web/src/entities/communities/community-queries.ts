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

export const ADD_MEMBER = `mutation AddMember($input: AddMemberInput!) { addMember(input: $input) { ${MEMBER_FIELDS} } }`;
export const CHANGE_MEMBER_ROLE = `mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { ${MEMBER_FIELDS} } }`;
export const REMOVE_MEMBER = `mutation RemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) }`;
