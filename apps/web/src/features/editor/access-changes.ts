// How a change of what someone may do with an open document reaches their
// editor: the server closes the collaboration socket with 4409 at once, and
// the live channel's `item` / `permissions` events say so too; both end in
// `CollabSession.recheckAccess` / `applyTicket` (a fresh ticket decides).
import { useEffect, useRef, useState } from 'react';
import { useLiveEvent } from '../../shared/api/live-channel';
import type { CollabSession, CollabState } from './collab-session';
import type { CollabMode } from './proposal-mode';

/** Re-checks the open document's access whenever the live channel says it may have changed. */
export function useAccessChanges(session: CollabSession, communityId: string | undefined): void {
  useLiveEvent('item', ({ itemId }) => {
    if (itemId === session.itemId) void session.recheckAccess();
  });
  useLiveEvent('permissions', (data) => {
    if (data.communityId === communityId) void session.recheckAccess();
  });
  // Events sent while the stream was down are lost: ask again after every reconnect.
  useLiveEvent('ready', () => void session.recheckAccess());
}

export type AccessChange = 'nowReadOnly' | 'nowSuggesting' | 'nowEditable';

const CHANGE_TO: Record<CollabMode, AccessChange> = {
  READ: 'nowReadOnly',
  SUGGEST: 'nowSuggesting',
  EDIT: 'nowEditable',
};

/**
 * The notice to show after the access of a loaded document changed in place
 * (the first access a document opens with is no change): read-only, only
 * voorstellen (SUGGEST, e.g. a guideline just adopted) or editable again.
 * Read-only while a new access is fetched counts only once it is settled.
 */
export function useAccessChange(state: CollabState, mode: CollabMode): [AccessChange | null, () => void] {
  const [change, setChange] = useState<AccessChange | null>(null);
  const settled = useRef<CollabMode | null>(null);
  const stable = state.loaded && (state.phase === 'saved' || state.phase === 'saving');
  const effective: CollabMode = state.readOnly ? 'READ' : mode;
  useEffect(() => {
    if (!stable) return;
    if (settled.current !== null && settled.current !== effective) setChange(CHANGE_TO[effective]);
    settled.current = effective;
  }, [stable, effective]);
  return [change, () => setChange(null)];
}
