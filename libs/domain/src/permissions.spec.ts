import {
  ACCESS_LEVELS,
  ACTIONS,
  accessFor,
  allowedActions,
  can,
  collabModeFor,
  mayReplaceStageReason,
  Access,
  Action,
} from './permissions';

// The rights table of docs/DOMAIN.md, written out independently of the implementation.
const EXPECTED: Record<Access, Action[]> = {
  FACILITATOR: ACTIONS.filter((action) => action !== 'community.join'),
  MEMBER: [
    'community.read',
    'member.list',
    'item.create',
    'item.edit',
    'item.setStage',
    'item.archive',
    'comment.create',
    'comment.resolve',
    'comment.edit',
    'reflection.record',
    'meeting.manage',
    'membership.own',
    'community.see',
    'proposal.create',
    'proposal.decide',
  ],
  READER: [
    'community.read',
    'member.list',
    'comment.create',
    'comment.resolve',
    'comment.edit',
    'reflection.record',
    'membership.own',
    'community.see',
  ],
  VISITOR: ['community.read', 'community.see', 'community.join'],
  GUEST: ['community.see', 'community.join'],
  NONE: [],
};

describe('can', () => {
  for (const access of ACCESS_LEVELS) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[access].includes(action);
      it(`${access} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(access, action, { ownedByActor: true })).toBe(allowed);
      });
    }
  }

  it('lets a member archive only what they created', () => {
    expect(can('MEMBER', 'item.archive', { ownedByActor: false })).toBe(false);
    expect(can('MEMBER', 'item.archive', { ownedByActor: true })).toBe(true);
    expect(can('FACILITATOR', 'item.archive', { ownedByActor: false })).toBe(true);
  });

  it('lets nobody edit an adopted guideline', () => {
    expect(can('FACILITATOR', 'item.edit', { frozen: true })).toBe(false);
    expect(can('MEMBER', 'item.edit', { frozen: false })).toBe(true);
  });

  it('lets the author or a facilitator decide voorstellen', () => {
    expect(can('MEMBER', 'proposal.decide', { ownedByActor: false })).toBe(false);
    expect(can('MEMBER', 'proposal.decide', { ownedByActor: true })).toBe(true);
    expect(can('FACILITATOR', 'proposal.decide', { ownedByActor: false, frozen: true })).toBe(true);
    expect(can('READER', 'proposal.decide', { ownedByActor: true })).toBe(false);
  });

  it('gives members SUGGEST on an adopted guideline, readers READ, editors EDIT', () => {
    expect(collabModeFor('MEMBER', { frozen: true })).toBe('SUGGEST');
    expect(collabModeFor('FACILITATOR', { frozen: true })).toBe('SUGGEST');
    expect(collabModeFor('MEMBER', { frozen: false })).toBe('EDIT');
    expect(collabModeFor('READER', { frozen: true })).toBe('READ');
    expect(collabModeFor('VISITOR')).toBe('READ');
  });

  it('lets the author or a facilitator resolve a comment', () => {
    expect(can('READER', 'comment.resolve', { ownedByActor: true })).toBe(true);
    expect(can('MEMBER', 'comment.resolve', { ownedByActor: false })).toBe(false);
    expect(can('FACILITATOR', 'comment.resolve', { ownedByActor: false })).toBe(true);
  });

  it('lets only the author edit or delete a comment', () => {
    expect(can('READER', 'comment.edit', { ownedByActor: true })).toBe(true);
    expect(can('FACILITATOR', 'comment.edit', { ownedByActor: false })).toBe(false);
    expect(can('VISITOR', 'comment.edit', { ownedByActor: true })).toBe(false);
  });

  it('lists allowed actions', () => {
    expect(allowedActions('READER')).toEqual([
      'community.read',
      'member.list',
      'comment.create',
      'reflection.record',
      'membership.own',
      'community.see',
    ]);
    expect(allowedActions('READER', { ownedByActor: true })).toContain('comment.resolve');
    expect(allowedActions('READER', { ownedByActor: true })).toContain('comment.edit');
  });
});

describe('accessFor', () => {
  it('gives members their role', () => {
    expect(accessFor('READER', 'PRIVATE')).toBe('READER');
    expect(accessFor('FACILITATOR', 'NETWORK')).toBe('FACILITATOR');
  });
  it('lets signed-in non-members visit NETWORK communities only', () => {
    expect(accessFor(null, 'NETWORK')).toBe('VISITOR');
    expect(accessFor(null, 'PRIVATE')).toBe('NONE');
  });
  it('lets signed-in non-members see LISTED communities and ask to join, not read them', () => {
    expect(accessFor(null, 'LISTED')).toBe('GUEST');
    expect(can('GUEST', 'community.read')).toBe(false);
    expect(can('GUEST', 'community.join')).toBe(true);
  });
});

describe('mayReplaceStageReason', () => {
  it('lets only the mover or a facilitator replace a reason already given', () => {
    expect(mayReplaceStageReason('MEMBER', { ownedByActor: true })).toBe(true);
    expect(mayReplaceStageReason('MEMBER', { ownedByActor: false })).toBe(false);
    expect(mayReplaceStageReason('FACILITATOR', { ownedByActor: false })).toBe(true);
    expect(mayReplaceStageReason('READER', { ownedByActor: true })).toBe(false);
    expect(mayReplaceStageReason('VISITOR', { ownedByActor: true })).toBe(false);
  });
});
