import { Access, Action, can, ResourceFacts, Role } from '@spiraal/domain';

/**
 * What the viewer may do in a community, from the same permission table the
 * server enforces (libs/domain). The server decides; this only hides buttons
 * that would be refused. A signed-in non-member can only be visiting.
 */
export function may(myRole: Role | string | null | undefined, action: Action, resource: ResourceFacts = {}): boolean {
  const access: Access = myRole === 'FACILITATOR' || myRole === 'MEMBER' || myRole === 'READER' ? myRole : 'VISITOR';
  return can(access, action, resource);
}
