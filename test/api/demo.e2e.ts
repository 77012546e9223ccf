import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import { waitFor } from '../support/collab-client';
import { communityWithPeople } from '../support/fixtures';
import { gqlData } from '../support/graphql-client';
import { ServerProcess, startServer } from '../support/server-process';
import { createTestDatabase, sql, TestDatabase } from '../support/test-database';
import { SEARCH, SearchResultData } from '../search/search-contract';

const run = promisify(execFile);
const SEED_DEMO = join(__dirname, '../../apps/api/dist/cli/seed-demo.js');

/** As a new user would: the built server with `npm run seed:demo`'s data (search and the spiral). */
describe('the demo leernetwerk', () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    const { stdout } = await run(process.execPath, [SEED_DEMO], {
      env: { PATH: process.env.PATH, DATABASE_URL: db.url },
    });
    expect(stdout).toMatch(/demo/i);
    server = await startServer({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await db?.drop();
  });

  const search = async (token: string, query: string) =>
    (await gqlData<{ search: SearchResultData }>(server.baseUrl, SEARCH, { input: { query } }, token)).search;

  it('finds the case from a half-typed word with a typo, with the matched words marked', async () => {
    const { login } = await gqlData<{ login: { token: string } }>(
      server.baseUrl,
      `mutation ($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email: 'lezer@demo.spiraal.nl', password: 'spiraal-demo-2026' } },
    );
    // "thiusz": a transposition in the first letters of "thuiszorg".
    await waitFor(async () => (await search(login.token, 'thiusz')).totalHits > 0, 10_000, 'the demo to be indexed');
    const result = await search(login.token, 'thiusz');
    expect(result.hits[0].item).toMatchObject({ title: 'Casus: mevrouw Jansen wil geen thuiszorg', kind: 'CASE' });
    expect(result.hits[0].highlights.title).toBe('Casus: mevrouw Jansen wil geen <mark>thuiszorg</mark>');
  });

  it("answers a newcomer's questions: the right item first or second, matched words marked, missing words named", async () => {
    const { login } = await gqlData<{ login: { token: string } }>(
      server.baseUrl,
      `mutation ($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email: 'lezer@demo.spiraal.nl', password: 'spiraal-demo-2026' } },
    );
    await waitFor(async () => (await search(login.token, 'weerstand')).totalHits > 0, 10_000, 'the demo to be indexed');
    const top2 = (result: SearchResultData) => result.hits.slice(0, 2).map((h) => h.item.title);

    const question = await search(login.token, 'hoe ga je om met weerstand tegen verandering');
    expect(top2(question)).toContain('Weerstand in het team bij de nieuwe werkwijze');
    const hit = question.hits.find((h) => h.item.title.startsWith('Weerstand'))!;
    expect(hit.highlights.title).toContain('<mark>Weerstand</mark>');
    // "tegen" is a stop word and never named; every other word occurs.
    expect(question.missingWords).toEqual([]);

    // A compound the items never use: "overleg" with "team".
    expect(top2(await search(login.token, 'teamoverleg'))).toContain('Afspraken voor het overleg met het hele team');
    // An abbreviation the items never use.
    const ggz = await search(login.token, 'ggz');
    expect(top2(ggz)).toContain('Samen met de geestelijke gezondheidszorg naar een bewoner');

    const missing = await search(login.token, 'weerstand kwispeldoorn');
    expect(missing.missingWords).toEqual(['kwispeldoorn']);
  });

  it('shows a turn of the spiral: a guideline made from a story, a case and a note, tried out in practice', async () => {
    const { login } = await gqlData<{ login: { token: string } }>(
      server.baseUrl,
      `mutation ($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email: 'facilitator@demo.spiraal.nl', password: 'spiraal-demo-2026' } },
    );
    const { communities } = await gqlData<{ communities: { id: string }[] }>(
      server.baseUrl,
      `{ communities { id } }`,
      {},
      login.token,
    );
    const { items } = await gqlData<{ items: { edges: { node: any }[] } }>(
      server.baseUrl,
      `query ($id: ID!) { items(communityId: $id, filter: { kinds: [GUIDELINE] }) { edges { node { title guidelineStatus sources { kind } applications { kind stage } } } } }`,
      { id: communities[0].id },
      login.token,
    );
    expect(items.edges.map((e) => e.node)).toEqual([
      {
        title: 'Richtlijn: contact leggen bij zorgmijding',
        guidelineStatus: 'IN_UITPROBEERFASE',
        sources: [{ kind: 'STORY' }, { kind: 'CASE' }, { kind: 'NOTE' }],
        applications: [{ kind: 'REFLECTION', stage: 'INTERNALISATIE' }],
      },
    ]);
    const { spiral } = await gqlData<{ spiral: { transitions: { from: string; to: string; count: number }[] } }>(
      server.baseUrl,
      `query ($id: ID!) { spiral(communityId: $id) { transitions { from to count } } }`,
      { id: communities[0].id },
      login.token,
    );
    const moves = Object.fromEntries(spiral.transitions.map((m) => [`${m.from}>${m.to}`, m.count]));
    expect(moves).toEqual({
      'SOCIALISATIE>COMBINATIE': 1,
      'EXTERNALISATIE>COMBINATIE': 2,
      'COMBINATIE>INTERNALISATIE': 1,
    });
  });

  it('shows a reader of another community none of the demo', async () => {
    const other = await communityWithPeople(server.baseUrl);
    for (const query of ['thuiszorg', 'mevrouw jansen', 'intervisie', 'presentie', 'zorgmijding']) {
      expect(await search(other.reader.token, query)).toMatchObject({ totalHits: 0, hits: [] });
    }
  });

  describe('seeds the Spiraal that runs, with the settings of npm start', () => {
    const seed = async (env: Record<string, string>) => {
      try {
        const { stdout } = await run(process.execPath, [SEED_DEMO], { env: { PATH: process.env.PATH, ...env } });
        return { code: 0, stdout, stderr: '' };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const port = () => new URL(server.baseUrl).port;

    it("says the demo exists when given the running server's settings, and where to open it", async () => {
      const again = await seed({ DATABASE_URL: db.url, PORT: port() });
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/exists already/);
      expect(again.stdout).toContain(`Open http://localhost:${port()}`);
    });

    it('refuses a database another Spiraal on PORT does not use, and writes nothing there', async () => {
      const other = await createTestDatabase();
      try {
        const refused = await seed({ DATABASE_URL: other.url, PORT: port() });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
          /^De Spiraal op http:\/\/localhost:\d+ gebruikt een andere database .*PORT, SPIRAAL_DATA_DIR en DATABASE_URL.* \/ The Spiraal on/,
        );
        expect(refused.stderr).not.toMatch(/postgres:postgres@|\n\s+at /);
        expect(await sql(other.url, `SELECT 1 FROM communities`)).toEqual([]);
      } finally {
        await other.drop();
      }
    });

    it('refuses a database it cannot reach, and an embedded one no running Spiraal started', async () => {
      const unreachable = await seed({
        DATABASE_URL: `postgres://spiraal:geheim@127.0.0.1:${await freePort()}/spiraal`,
        PORT: String(await freePort()),
      });
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr).toMatch(
        /^Kan de database postgres:\/\/spiraal:\*\*\*@127\.0\.0\.1:\d+\/spiraal niet bereiken: ECONNREFUSED.* \/ Cannot reach/,
      );
      expect(unreachable.stderr).not.toContain('geheim');
      const dataDir = mkdtempSync(join(tmpdir(), 'spiraal-seed-'));
      try {
        const none = await seed({ SPIRAAL_DATA_DIR: dataDir, PORT: String(await freePort()) });
        expect(none.code).toBe(1);
        expect(none.stderr).toContain(
          `Er draait geen Spiraal met gegevensmap ${dataDir}. Start Spiraal eerst (npm start)`,
        );
        // Nothing was created in its place.
        expect(readdirSync(dataDir)).toEqual([]);
        expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
