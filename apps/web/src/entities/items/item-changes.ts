import { useLiveEvent } from '../../shared/api/live-channel';

/**
 * Fetches an item again when the live channel says its status changed (stage,
 * guideline status: an `item` event) or the user's role in its community did
 * (`permissions`), so badges, panels and buttons follow at once.
 */
export function useItemChanges(itemId: string, communityId: string | undefined, reload: () => void): void {
  useLiveEvent('item', (data) => {
    if (data.itemId === itemId) reload();
  });
  useLiveEvent('permissions', (data) => {
    if (communityId && data.communityId === communityId) reload();
  });
}
