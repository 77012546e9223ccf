import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/config';
import { LiveService } from '../../apps/api/src/live/live.service';
import { communityWithPeople } from '../support/fixtures';
import { LiveClient, openLive } from '../support/live-client';
import { gqlData, registerUser, startTestApp, TestApp } from '../support/test-app';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * The live channel (GET /events, server-sent events): signed in like the API,
 * per user, and relayed between two API processes over Redis.
 */
describe('Live channel', () => {
  let a: TestApp;
  let b: INestApplication;
  let bUrl: string;
  const open: LiveClient[] = [];

  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_PREFIX: `live-${randomBytes(4).toString('hex')}` };
    a = await startTestApp(env);
    b = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        RATE_MUTATIONS_PER_MINUTE: '100000',
        ...env,
        DATABASE_URL: a.db.url,
      }),
      a.db.url,
    );
    await b.listen(0, '127.0.0.1');
    bUrl = `http://127.0.0.1:${b.getHttpServer().address().port}`;
  });
  afterEach(() => open.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const live = async (baseUrl: string, auth: { token?: string; cookie?: string }) => {
    const client = await openLive(baseUrl, auth);
    open.push(client);
    return client;
  };

  it('answers 401 without a valid session, and starts with `ready` with a bearer token or the session cookie', async () => {
    expect((await live(a.baseUrl, {})).status).toBe(401);
    expect((await live(a.baseUrl, { token: 'x'.repeat(43) })).status).toBe(401);
    const anna = await registerUser(a.baseUrl, 'Anna');
    const byToken = await live(a.baseUrl, { token: anna.token });
    expect(byToken.status).toBe(200);
    await byToken.next((e) => e.type === 'ready');
    const byCookie = await live(a.baseUrl, { cookie: `spiraal_session=${anna.token}` });
    await byCookie.next((e) => e.type === 'ready');
  });

  it("delivers an event to every stream of that user on the other process, and to nobody else's", async () => {
    const [anna, bram] = [await registerUser(a.baseUrl, 'Anna'), await registerUser(a.baseUrl, 'Bram')];
    const annaOnB = await live(bUrl, { token: anna.token });
    const annaOnA = await live(a.baseUrl, { token: anna.token });
    const bramOnB = await live(bUrl, { token: bram.token });
    await Promise.all([annaOnB, annaOnA, bramOnB].map((c) => c.next((e) => e.type === 'ready')));
    a.app.get(LiveService).publish(anna.id, { type: 'notification', data: { unreadCount: 3, notificationId: null } });
    for (const client of [annaOnB, annaOnA]) {
      expect((await client.next((e) => e.type === 'notification')).data).toEqual({
        unreadCount: 3,
        notificationId: null,
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(bramOnB.events.map((e) => e.type)).toEqual(['ready']);
  });

  it('tells a member on another process that their role changed, and closes the stream when the session ends', async () => {
    const people = await communityWithPeople(a.baseUrl);
    const stream = await live(bUrl, { token: people.member.token });
    await stream.next((e) => e.type === 'ready');
    await gqlData(
      a.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: people.communityId, userId: people.member.id, role: 'READER' } },
      people.facilitator.token,
    );
    expect((await stream.next((e) => e.type === 'permissions')).data).toEqual({
      communityId: people.communityId,
      role: 'READER',
    });
    await gqlData(a.baseUrl, `mutation { logout }`, {}, people.member.token);
    await stream.ended;
  });
});
