import { collabModeFor, type Access, type CollabMode, type ResourceFacts } from '@spiraal/domain';

const RANK: Record<CollabMode, number> = { READ: 0, SUGGEST: 1, EDIT: 2 };

/**
 * The mode a connection gets: what its ticket said, narrowed to what the
 * user's access allows now (a role may have dropped, or the guideline been
 * adopted, since the ticket was issued). Never more than either.
 */
export function peerMode(ticketMode: CollabMode, access: Access, facts: ResourceFacts): CollabMode {
  const now = collabModeFor(access, facts);
  return RANK[now] < RANK[ticketMode] ? now : ticketMode;
}
