import { Role, Visibility } from './community';

/**
 * Everything a person can try to do in a community. The table below is the
 * single source of truth for who may do it (docs/DOMAIN.md, "Roles and rights").
 */
export const ACTIONS = [
  'community.read', // see the community, read and search its items
  'member.list', // see who is in the community
  'item.create', // create items (any kind but guideline)
  'item.edit', // co-edit body, title and tags
  'item.setStage',
  'item.archive',
  'comment.create', // klankbord
  'comment.resolve', // mark a klankbord comment as dealt with (or open it again)
  'comment.edit', // change or delete one's own klankbord comment
  'reflection.record', // toepassingsreflectie on a guideline
  'guideline.create', // uitwerken tot richtlijn
  'guideline.setStatus', // and bijstellen (a new version)
  'meeting.manage', // plan bijeenkomsten and their agendas
  'member.manage', // add, remove, change roles
  'audit.read', // who changed what in the community
  'membership.own', // leave, or set one's own perspective
  'community.export', // take everything out: a zip of Markdown files and a manifest
  'archive.import', // restore such a zip into the community (guidelines, statuses and all)
  'community.see', // see its name, description and facilitators (the directory)
  'community.join', // ask to become a member
  'community.manage', // change name, description and visibility
  'search.synonyms', // add or remove the community's own search synonyms
  'community.settings', // the bewaartermijn for cases (docs/privacy.md)
  'template.manage', // write, change and archive the community's own templates (docs/templates.md)
  'proposal.create', // voorstellen: suggest changes in the text, also on an adopted guideline
  'proposal.decide', // accept or reject voorstellen
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How a user stands towards a community: a role when they are a member,
 * VISITOR when they are signed in and the community is NETWORK-visible,
 * GUEST when it is LISTED (seen in the directory, content private), NONE
 * otherwise.
 */
export type Access = Role | 'VISITOR' | 'GUEST' | 'NONE';

export const ACCESS_LEVELS: readonly Access[] = ['FACILITATOR', 'MEMBER', 'READER', 'VISITOR', 'GUEST', 'NONE'];

const TABLE: Readonly<Record<Action, readonly Access[]>> = {
  'community.read': ['FACILITATOR', 'MEMBER', 'READER', 'VISITOR'],
  'member.list': ['FACILITATOR', 'MEMBER', 'READER'],
  'item.create': ['FACILITATOR', 'MEMBER'],
  'item.edit': ['FACILITATOR', 'MEMBER'],
  'item.setStage': ['FACILITATOR', 'MEMBER'],
  'item.archive': ['FACILITATOR', 'MEMBER'],
  'comment.create': ['FACILITATOR', 'MEMBER', 'READER'],
  'comment.resolve': ['FACILITATOR', 'MEMBER', 'READER'],
  'comment.edit': ['FACILITATOR', 'MEMBER', 'READER'],
  'reflection.record': ['FACILITATOR', 'MEMBER', 'READER'],
  'guideline.create': ['FACILITATOR'],
  'guideline.setStatus': ['FACILITATOR'],
  'meeting.manage': ['FACILITATOR', 'MEMBER'],
  'member.manage': ['FACILITATOR'],
  'audit.read': ['FACILITATOR'],
  'membership.own': ['FACILITATOR', 'MEMBER', 'READER'],
  'community.export': ['FACILITATOR'],
  'archive.import': ['FACILITATOR'],
  'community.see': ['FACILITATOR', 'MEMBER', 'READER', 'VISITOR', 'GUEST'],
  'community.join': ['VISITOR', 'GUEST'],
  'community.manage': ['FACILITATOR'],
  'search.synonyms': ['FACILITATOR'],
  'community.settings': ['FACILITATOR'],
  'template.manage': ['FACILITATOR'],
  'proposal.create': ['FACILITATOR', 'MEMBER'],
  'proposal.decide': ['FACILITATOR', 'MEMBER'],
};

/** Facts about the resource that some rules look at beyond the role. */
export interface ResourceFacts {
  /** The acting user created the resource. */
  ownedByActor?: boolean;
  /** An adopted (vastgesteld) guideline: frozen until someone starts bijstellen. */
  frozen?: boolean;
}

/** Rules that narrow the role table for a given resource. */
const NARROWING: Partial<Record<Action, (access: Access, resource: ResourceFacts) => boolean>> = {
  // Nobody edits an adopted guideline; bijstellen opens the next version.
  'item.edit': (_access, resource) => resource.frozen !== true,
  // A member archives only what they created; a facilitator archives anything.
  'item.archive': (access, resource) => access === 'FACILITATOR' || resource.ownedByActor === true,
  // A comment is resolved by its author or a facilitator.
  'comment.resolve': (access, resource) => access === 'FACILITATOR' || resource.ownedByActor === true,
  // Only its author changes or deletes a comment (docs/DOMAIN.md).
  'comment.edit': (_access, resource) => resource.ownedByActor === true,
  // Voorstellen are decided by the item's author or a facilitator.
  'proposal.decide': (access, resource) => access === 'FACILITATOR' || resource.ownedByActor === true,
};

export function accessFor(membershipRole: Role | null | undefined, visibility: Visibility): Access {
  if (membershipRole) return membershipRole;
  return visibility === 'NETWORK' ? 'VISITOR' : visibility === 'LISTED' ? 'GUEST' : 'NONE';
}

/** May someone with this access do this action (on this resource)? */
export function can(access: Access, action: Action, resource: ResourceFacts = {}): boolean {
  if (!TABLE[action].includes(access)) return false;
  const narrow = NARROWING[action];
  return narrow ? narrow(access, resource) : true;
}

/** The actions an access level allows, for showing buttons in the interface. */
export function allowedActions(access: Access, resource: ResourceFacts = {}): Action[] {
  return ACTIONS.filter((action) => can(access, action, resource));
}

/**
 * Replacing the reason someone else gave for an item's last stage move
 * (addStageReason when the move has one already): only the person who
 * moved it, or a facilitator. Adding a missing reason is item.setStage.
 */
export function mayReplaceStageReason(access: Access, resource: ResourceFacts): boolean {
  return can(access, 'item.setStage') && (access === 'FACILITATOR' || resource.ownedByActor === true);
}

/**
 * How someone may work in an item's live document: EDIT (change it), SUGGEST
 * (only record voorstellen, enforced by the server on the websocket), READ.
 * Members get SUGGEST on an adopted guideline, which nobody edits.
 */
export type CollabMode = 'EDIT' | 'SUGGEST' | 'READ';

export const COLLAB_MODES: readonly CollabMode[] = ['EDIT', 'SUGGEST', 'READ'];

export function collabModeFor(access: Access, resource: ResourceFacts = {}): CollabMode {
  if (can(access, 'item.edit', resource)) return 'EDIT';
  if (can(access, 'proposal.create', resource)) return 'SUGGEST';
  return 'READ';
}
