import { describe, expect, it } from 'vitest';
import { CommentAnchorsStore } from './comment-anchors-store';
import type { CommentThread } from './comment-queries';

function thread(id: string, change: Partial<CommentThread> = {}): CommentThread {
  return {
    id,
    kind: 'QUESTION',
    body: 'Vraag',
    author: null,
    authorPerspective: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    resolvedAt: null,
    editedAt: null,
    deletedAt: null,
    parentId: null,
    anchor: { exact: 'zin', prefix: '', suffix: '', orphaned: false, start: `s-${id}`, end: `e-${id}` },
    replies: [],
    ...change,
  };
}

describe('comment anchors store', () => {
  it('highlights only open threads whose text is still there', () => {
    const store = new CommentAnchorsStore();
    store.setLoaded(
      [
        thread('open'),
        thread('resolved', { resolvedAt: '2026-01-02T00:00:00.000Z' }),
        thread('orphaned', { anchor: { ...thread('x').anchor!, orphaned: true } }),
        thread('whole', { anchor: null }),
      ],
      () => {},
      'MEMBER',
      false,
    );
    expect(store.getSnapshot().threads).toEqual([{ id: 'open', start: 's-open', end: 'e-open' }]);
    expect(store.getSnapshot().loaded).toHaveLength(4);
  });

  it('tells listeners when something changed, and not when the same threads come again', () => {
    const store = new CommentAnchorsStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setThreads([{ id: 'a', start: 's', end: 'e' }]);
    store.setThreads([{ id: 'a', start: 's', end: 'e' }]);
    expect(calls).toBe(1);
    store.setActive('a');
    store.setActive('a');
    expect(calls).toBe(2);
    store.choose({ exact: 'zin', prefix: '', suffix: '' });
    expect(store.getSnapshot().chosen?.exact).toBe('zin');
    expect(store.getSnapshot().chosenAt).toBeGreaterThan(0);
    store.choose(null);
    expect(store.getSnapshot().chosen).toBeNull();
    expect(calls).toBe(4);
  });
});
