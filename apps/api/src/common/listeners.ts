/**
 * Listeners for one kind of event inside this process, called right after
 * the change is committed. `subscribe` returns the way to unsubscribe.
 */
export class Listeners<T> {
  private readonly listeners = new Set<(event: T) => void>();

  subscribe(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: T): void {
    for (const listener of this.listeners) listener(event);
  }
}
