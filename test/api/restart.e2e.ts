import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { runServerToExit, startServer } from '../support/server-process';
import { gqlData as post } from '../support/test-app';

/** `npm start` on the embedded default: the real server, its own PostgreSQL, stopped and started again. */
describe('the server on its embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'spiraal-restart-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps everything across a restart', async () => {
    const env = {
      SPIRAAL_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: undefined,
    };
    const first = await startServer(env);
    const health = await fetch(`${first.baseUrl}/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      database: 'up',
      instance: expect.stringMatching(/^[0-9a-f]{16}$/),
    });

    const registered = await post(
      first.baseUrl,
      `mutation { register(input: { email: "herstart@example.nl", password: "blijft bewaard", displayName: "Herstart" }) { token } }`,
      {},
    );
    const token = registered.register.token;
    const community = await post(
      first.baseUrl,
      `mutation { createCommunity(input: { name: "Blijvend netwerk", visibility: PRIVATE }) { id } }`,
      {},
      token,
    );
    const communityId = community.createCommunity.id;
    const item = await post(
      first.baseUrl,
      `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
      {
        input: {
          communityId,
          kind: 'CASE',
          title: 'Casus die blijft',
          body: '# Situatie\n\nDit moet de herstart overleven.',
        },
      },
      token,
    );
    const itemId = item.createItem.id;

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer(env);
    try {
      const login = await post(
        second.baseUrl,
        `mutation { login(input: { email: "herstart@example.nl", password: "blijft bewaard" }) { token } }`,
        {},
      );
      const again = await post(
        second.baseUrl,
        `query ($id: ID!) { item(id: $id) { title text markdown community { name } } }`,
        { id: itemId },
        login.login.token,
      );
      expect(again.item).toEqual({
        title: 'Casus die blijft',
        text: 'Situatie\nDit moet de herstart overleven.',
        markdown: '# Situatie\n\nDit moet de herstart overleven.\n',
        community: { name: 'Blijvend netwerk' },
      });
      // The old session survived too.
      expect((await post(second.baseUrl, '{ me { displayName } }', {}, token)).me.displayName).toBe('Herstart');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);

  it('refuses a bad configuration value with a clear message', async () => {
    const result = await runServerToExit({ PORT: 'zeventig', SPIRAAL_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT must be a whole number from 0 to 65535, got "zeventig"');
    expect(result.output).not.toMatch(/\n\s+at /); // no stack trace
  });
});
