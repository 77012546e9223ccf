import type { CommentThread } from './comment-queries';

/**
 * What the editor and the klankbord share about one item's anchored
 * comments (docs/decisions/comment-anchors.md): the open threads' stored
 * positions (the editor highlights them), which thread is active (clicking a
 * highlight opens it beside the text) and the passage just chosen to respond
 * to (the comment form anchors to it).
 */
export interface HighlightedThread {
  id: string;
  /** Encoded Yjs relative positions, as the API gives them. */
  start: string;
  end: string;
}

/** A W3C text quote selector, as `AddCommentInput.anchor` takes it. */
export interface ChosenQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface CommentAnchorsState {
  threads: readonly HighlightedThread[];
  /** Every thread as the klankbord loaded it, so the active one can be shown beside the text. */
  loaded: readonly CommentThread[];
  /** Asks the klankbord to load again (after a change made beside the text). */
  reload: () => void;
  /** The viewer's role in the item's community, and whether the item is archived (no more responses). */
  role: string | null;
  archived: boolean;
  active: string | null;
  /** Set when someone chose "respond to this text"; bumped `chosenAt` moves focus to the form. */
  chosen: ChosenQuote | null;
  chosenAt: number;
}

export class CommentAnchorsStore {
  private state: CommentAnchorsState = {
    threads: [],
    loaded: [],
    reload: () => {},
    role: null,
    archived: false,
    active: null,
    chosen: null,
    chosenAt: 0,
  };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CommentAnchorsState => this.state;

  /** The klankbord's threads: the open anchored ones are highlighted. */
  setLoaded(loaded: readonly CommentThread[], reload: () => void, role: string | null, archived: boolean): void {
    this.update({ loaded, reload, role, archived });
    this.setThreads(
      loaded
        .filter((t) => t.anchor && !t.anchor.orphaned && !t.resolvedAt)
        .map((t) => ({ id: t.id, start: t.anchor!.start, end: t.anchor!.end })),
    );
  }

  setThreads(threads: readonly HighlightedThread[]): void {
    const same =
      threads.length === this.state.threads.length &&
      threads.every((t, i) => {
        const o = this.state.threads[i];
        return o.id === t.id && o.start === t.start && o.end === t.end;
      });
    if (!same) this.update({ threads });
  }

  setActive(active: string | null): void {
    if (active !== this.state.active) this.update({ active });
  }

  choose(chosen: ChosenQuote | null): void {
    this.update({ chosen, chosenAt: chosen ? Date.now() : this.state.chosenAt });
  }

  private update(change: Partial<CommentAnchorsState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((l) => l());
  }
}

const stores = new Map<string, CommentAnchorsStore>();

export function commentAnchorsStore(itemId: string): CommentAnchorsStore {
  let store = stores.get(itemId);
  if (!store) {
    store = new CommentAnchorsStore();
    stores.set(itemId, store);
  }
  return store;
}
