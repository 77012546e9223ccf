import fc from 'fast-check';
import * as Y from 'yjs';
import { startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { CollabClient, connectClient, waitFor } from '../support/collab-client';
import { storedDocument } from '../support/test-database';

type Action =
  | { kind: 'insert'; client: number; block: number; at: number; text: string }
  | { kind: 'delete'; client: number; block: number; at: number; length: number }
  | { kind: 'paragraph'; client: number; text: string }
  | { kind: 'disconnect'; client: number }
  | { kind: 'reconnect'; client: number }
  | { kind: 'restart' };

const CLIENTS = 4;
const client = fc.nat({ max: CLIENTS - 1 });
const words = fc.constantFrom('wijkteam', 'cliënt', 'zorg', 'één', 'vraag', '🙂', 'intervisie', 'ß', 'en', ' ');
const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), client, block: fc.nat(), at: fc.nat(), text }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      client,
      block: fc.nat(),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 6 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), client, text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), client }) },
);
/** A run: random edits, with one server restart somewhere in the middle. */
const run = fc
  .tuple(fc.array(action, { minLength: 10, maxLength: 40 }), fc.array(action, { minLength: 5, maxLength: 30 }))
  .map(([before, after]) => [...before, { kind: 'restart' } as Action, ...after]);

function textAt(doc: Y.Doc, block: number): Y.XmlText | null {
  const fragment = doc.getXmlFragment('default');
  if (!fragment.length) return null;
  const node = fragment.get(block % fragment.length);
  if (!(node instanceof Y.XmlElement)) return null;
  const first = node.get(0);
  if (first instanceof Y.XmlText) return first;
  const created = new Y.XmlText();
  node.insert(0, [created]);
  return created;
}

function apply(action: Action, clients: CollabClient[]): void {
  if (action.kind === 'restart') return;
  const { doc, provider } = clients[action.client];
  switch (action.kind) {
    case 'insert': {
      const target = textAt(doc, action.block);
      target?.insert(action.at % (target.length + 1), action.text);
      return;
    }
    case 'delete': {
      const target = textAt(doc, action.block);
      if (target && target.length) {
        const at = action.at % target.length;
        target.delete(at, Math.min(action.length, target.length - at));
      }
      return;
    }
    case 'paragraph': {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(action.text)]);
      const fragment = doc.getXmlFragment('default');
      fragment.insert(fragment.length, [paragraph]);
      return;
    }
    case 'disconnect':
      return provider.disconnect();
    case 'reconnect':
      return provider.connect();
  }
}

const body = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

/**
 * Several editors make random inserts and deletes, drop off and come back,
 * and the server restarts (gracefully) in the middle: in the end everyone has
 * the same document, and the document rebuilt from the database equals it.
 */
describe('convergence under random editing, disconnects and a restart', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp({ COLLAB_IDLE_UNLOAD_MS: '200' });
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  it('converges, and the database holds what the editors hold', async () => {
    const tokens = [c.member.token, c.facilitator.token, c.member.token, c.facilitator.token];
    await fc.assert(
      fc.asyncProperty(run, async (actions) => {
        const { id } = await createItem(t.baseUrl, c.member.token, {
          communityId: c.communityId,
          kind: 'NOTE',
          title: 'Eigenschap',
          body: 'Begin.\n\nTweede alinea.',
        });
        const clients = await Promise.all(tokens.map((token) => connectClient(t.baseUrl, token, id)));
        try {
          for (const action of actions) {
            if (action.kind === 'restart') await t.restart();
            else apply(action, clients);
            await new Promise((r) => setTimeout(r, 5));
          }
          for (const { provider } of clients) if (!provider.shouldConnect) provider.connect();
          await waitFor(
            () => clients.every((x) => x.provider.wsconnected && x.provider.synced),
            15_000,
            'every client to reconnect',
          );
          await waitFor(() => clients.every((x) => body(x.doc) === body(clients[0].doc)), 10_000, 'convergence');
          const expected = body(clients[0].doc);
          await waitFor(
            async () => body(await storedDocument(t.db.url, id)) === expected,
            5_000,
            'the database to hold the same document',
          );
        } finally {
          for (const x of clients) x.destroy();
        }
      }),
      { seed: 20261121, numRuns: 15, endOnFailure: true },
    );
  }, 240_000);
});
