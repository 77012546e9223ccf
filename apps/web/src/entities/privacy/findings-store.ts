import { graphql } from '../../shared/api/graphql';
import { PRIVACY_FINDINGS_QUERY } from './privacy-queries';

/** One open privacy finding, as the API computes it from the item's current text (docs/privacy.md). */
export interface PrivacyFinding {
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
}

export interface FindingsState {
  text: string;
  findings: PrivacyFinding[];
  loaded: boolean;
}

/** After typing stops this long the findings are asked again: underlines follow within about a second. */
const DEBOUNCE_MS = 400;

/**
 * The findings of one item, shared by the editor's underlines and the
 * Privacy panel. The server is the one source: it computes them from the
 * live document, so every editor sees the same list and the lists of names
 * stay out of the browser bundle.
 */
export class FindingsStore {
  private state: FindingsState = { text: '', findings: [], loaded: false };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asked = 0;

  constructor(readonly itemId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && !this.state.loaded) void this.refresh();
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): FindingsState => this.state;

  /** The text changed: ask again once typing pauses. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    const ask = ++this.asked;
    try {
      const data = await graphql(PRIVACY_FINDINGS_QUERY, { id: this.itemId });
      if (!data.item) return;
      if (ask !== this.asked) return; // a later answer is on its way
      this.state = { text: data.item.text, findings: data.item.privacyFindings, loaded: true };
      this.listeners.forEach((l) => l());
    } catch {
      // Underlines are a help, not a gate: a failed look-up leaves the last list.
    }
  }
}

const stores = new Map<string, FindingsStore>();

export function findingsStore(itemId: string): FindingsStore {
  let store = stores.get(itemId);
  if (!store) {
    store = new FindingsStore(itemId);
    stores.set(itemId, store);
  }
  return store;
}

/** Which occurrence (from 0, non-overlapping) of a finding's text in the item's text it is. */
export function occurrenceOf(text: string, finding: Pick<PrivacyFinding, 'text' | 'start'>): number {
  let count = 0;
  for (
    let i = text.indexOf(finding.text);
    i >= 0 && i < finding.start;
    i = text.indexOf(finding.text, i + finding.text.length)
  )
    count++;
  return count;
}
