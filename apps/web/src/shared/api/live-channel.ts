import { useEffect, useRef } from 'react';
import { LIVE_EVENT_TYPES, LiveEventMap } from '@spiraal/domain';
import { useSession } from './session';

/** The live event types plus `ready`: the stream (re)connected, so anything missed meanwhile should be fetched again. */
type Listened = keyof LiveEventMap | 'ready';
type DataOf<K extends Listened> = K extends keyof LiveEventMap ? LiveEventMap[K] : Record<string, never>;
type Handler = (data: unknown) => void;

/**
 * One EventSource on `/events` for the whole page, shared by every component
 * that listens (docs/decisions/live-channel.md). It opens with the first
 * listener, closes with the last, and is opened anew for another user.
 * EventSource reconnects by itself; `ready` tells listeners it did.
 */
let source: EventSource | null = null;
let sourceUser: string | null = null;
const handlers = new Map<Listened, Set<Handler>>();

function dispatch(type: Listened, raw: string): void {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  for (const handler of handlers.get(type) ?? []) handler(data);
}

function open(userId: string): void {
  if (source && sourceUser === userId) return;
  source?.close();
  sourceUser = userId;
  source = new EventSource('/events', { withCredentials: true });
  for (const type of [...LIVE_EVENT_TYPES, 'ready'] as Listened[]) {
    source.addEventListener(type, (event) => dispatch(type, (event as MessageEvent<string>).data));
  }
}

function subscribe(userId: string, type: Listened, handler: Handler): () => void {
  let set = handlers.get(type);
  if (!set) handlers.set(type, (set = new Set()));
  set.add(handler);
  open(userId);
  return () => {
    set.delete(handler);
    if (![...handlers.values()].some((s) => s.size)) {
      source?.close();
      source = null;
      sourceUser = null;
    }
  };
}

/** Calls `handler` for every live event of this type while the component is mounted and someone is signed in. */
export function useLiveEvent<K extends Listened>(type: K, handler: (data: DataOf<K>) => void): void {
  const { user } = useSession();
  const latest = useRef(handler);
  latest.current = handler;
  const userId = user?.id ?? null;
  useEffect(() => {
    if (!userId) return;
    return subscribe(userId, type, (data) => latest.current(data as DataOf<K>));
  }, [userId, type]);
}
