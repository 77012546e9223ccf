import { request as httpRequest } from 'node:http';
import { MANIFEST_MAX_BYTES } from '@spiraal/interchange';
import supertest from 'supertest';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { zeroBomb } from '../support/hostile-zip';
import { startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

/**
 * Issue 20, finding 3: a 300 KB zip of one 300 MB entry of zeros is refused
 * as soon as a limit passes, having inflated no more than that limit and
 * one slice of input; and a process runs at most two restores at once.
 * (The memory it costs is measured in `npm run bench:archive`.)
 */

const MB = 1024 * 1024;
/** The most one 16 KB slice of deflated input can inflate to (deflate: about 1032:1), rounded up. */
const SLICE_OUTPUT = 17 * MB;

async function inflatedSoFar(baseUrl: string): Promise<number> {
  const text = (await supertest(baseUrl).get('/metrics')).text;
  return Number(/^spiraal_archive_inflated_bytes_total (\S+)$/m.exec(text)?.[1] ?? 0);
}

function restore(baseUrl: string, communityId: string, token: string, zip: Uint8Array) {
  return supertest(baseUrl)
    .post(`/export/communities/${communityId}/import`)
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/zip')
    .send(Buffer.from(zip));
}

describe('archive restores within bounds (finding 3)', () => {
  let t: TestApp;
  let c: CommunityFixture;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_PUBLIC: 'true' });
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['manifest.json', 300 * MB, MANIFEST_MAX_BYTES],
    ['items/notitie.md', 50 * MB, 2 * MB],
  ])(
    'refuses an entry named %s of %d zeros once its limit passes, before inflating much more',
    async (name, size, limit) => {
      const bomb = await zeroBomb(name, size);
      expect(bomb.length).toBeLessThan(size / 500);
      const before = await inflatedSoFar(t.baseUrl);
      const res = await restore(t.baseUrl, c.communityId, c.facilitator.token, bomb);
      const inflated = (await inflatedSoFar(t.baseUrl)) - before;

      expect([res.status, res.body.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
      expect(res.body.errors[0].message).toMatch(/pakt uit tot meer dan toegestaan/);
      expect(inflated).toBeGreaterThan(limit);
      expect(inflated).toBeLessThanOrEqual(limit + SLICE_OUTPUT);
      expect(
        (
          await sql<{ n: number }>(t.db.url, `SELECT count(*)::int AS n FROM items WHERE community_id = $1`, [
            c.communityId,
          ])
        )[0].n,
      ).toBe(0);
    },
  );

  it('runs at most two restores at once in a process: a third is refused at once with 429', async () => {
    const url = new URL(`${t.baseUrl}/export/communities/${c.communityId}/import`);
    // Two uploads that have started and do not finish: each holds a slot.
    const slow = [0, 1].map(() => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${c.facilitator.token}`,
          'Content-Type': 'application/zip',
          'Content-Length': String(MB),
        },
      });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(1024));
      return req;
    });
    try {
      let third = await restore(t.baseUrl, c.communityId, c.facilitator.token, await zeroBomb('manifest.json', 1024));
      // The two uploads may need a moment to reach the server and take their slots.
      for (let i = 0; i < 50 && third.status !== 429; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        third = await restore(t.baseUrl, c.communityId, c.facilitator.token, await zeroBomb('manifest.json', 1024));
      }
      expect([third.status, third.body.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      for (const req of slow) req.destroy();
    }
    // Their slots are free again once the uploads are gone.
    let after = await restore(t.baseUrl, c.communityId, c.facilitator.token, await zeroBomb('manifest.json', 1024));
    for (let i = 0; i < 50 && after.status === 429; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await restore(t.baseUrl, c.communityId, c.facilitator.token, await zeroBomb('manifest.json', 1024));
    }
    expect([after.status, after.body.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
  });
});
