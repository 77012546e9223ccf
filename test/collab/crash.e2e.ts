import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { connectClient, textOf, typeParagraph } from '../support/collab-client';
import { startServer } from '../support/server-process';
import { gqlData as post } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The built server as a child process, killed with SIGKILL in the middle of a
 * session: every edit that reached it more than a second before must be
 * there after the restart.
 */
describe('durability under kill -9', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('keeps every edit older than a second', async () => {
    const env = { DATABASE_URL: db.url, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const first = await startServer(env);
    const { register } = await post(
      first.baseUrl,
      `mutation { register(input: { email: "kill@example.nl", password: "niet te doden", displayName: "Kim" }) { token } }`,
      {},
    );
    const token = register.token;
    const { createCommunity } = await post(
      first.baseUrl,
      `mutation { createCommunity(input: { name: "Crashnetwerk", visibility: PRIVATE }) { id } }`,
      {},
      token,
    );
    const { createItem } = await post(
      first.baseUrl,
      `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
      { input: { communityId: createCommunity.id, kind: 'CASE', title: 'Casus tijdens een crash', body: 'Begin.' } },
      token,
    );
    const itemId = createItem.id as string;

    const writer = await connectClient(first.baseUrl, token, itemId);
    const sentAt: number[] = [];
    let killedAt = 0;
    try {
      // Type a numbered paragraph every 10 ms until the server dies under us.
      const typing = (async () => {
        for (let i = 0; i < 2000 && !killedAt; i++) {
          typeParagraph(writer.doc, `regel ${i}`);
          sentAt.push(Date.now());
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      await new Promise((r) => setTimeout(r, 1500 + Math.random() * 1000));
      first.child.kill('SIGKILL');
      killedAt = Date.now();
      await first.exited;
      await typing;
    } finally {
      writer.destroy();
    }

    const second = await startServer(env);
    try {
      const reader = await connectClient(second.baseUrl, token, itemId);
      const lines = new Set(textOf(reader.doc).split('\n'));
      reader.destroy();
      const mustHave = sentAt.flatMap((at, i) => (at < killedAt - 1000 ? [`regel ${i}`] : []));
      expect(mustHave.length).toBeGreaterThan(30);
      expect(mustHave.filter((line) => !lines.has(line))).toEqual([]);
      expect(lines.has('Begin.')).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});
