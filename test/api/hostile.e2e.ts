import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import WebSocket from 'ws';
import { freePort } from '../../apps/api/src/database/embedded-postgres';
import {
  collabTicket,
  connectClient,
  CollabClient,
  typeParagraph,
  upgradeStatus,
  waitFor,
} from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { ServerProcess, startServer } from '../support/server-process';
import { createTestDatabase, sql, storedDocument, TestDatabase } from '../support/test-database';
import { TEST_PASSWORD } from '../support/graphql-client';
import {
  addMember,
  errorCode,
  gql,
  GqlResult,
  registerUser,
  startTestApp,
  TestApp,
  TestUser,
} from '../support/test-app';

/**
 * What an attacker with a normal account would try: hostile requests, SQL and
 * script in every text field, forged and replayed collab tickets, sessions
 * that should be over, and floods. Each gets a clear refusal (an HTTP status
 * and `extensions.code`), stored data stays as it was, and the server stays up.
 * Malformed websocket frames are in test/collab (collab.e2e.ts, fuzz.e2e.ts).
 */

const STACK = /\n\s+at |node_modules|\.ts:\d/;

describe('hostile input', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    // Documents unload soon after their last editor leaves.
    t = await startTestApp({ COLLAB_IDLE_UNLOAD_MS: '100' });
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  const count = async (table: string): Promise<number> =>
    (await sql<{ n: number }>(t.db.url, `SELECT count(*)::int AS n FROM ${table}`))[0].n;

  describe('hostile requests: a clear refusal before any database work, and the server stays up', () => {
    const CREATE = `mutation { createCommunity(input: { name: "Via een vreemde route" }) { id } }`;
    const deep = `query ($id: ID!) { item(id: $id) { ${'sources { '.repeat(10)}id${' }'.repeat(10)} } }`;
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const tokens = `{ me { ${'id '.repeat(1000)}} }`;
    // 100 items × 20 sources × 20 sources: far over the cost limit, well within depth and tokens.
    const costly = `query ($id: ID!) { items(communityId: $id, first: 100) { edges { node { sources { sources { title } } } } } }`;
    const anId = '3f0c2f4e-0000-4000-8000-000000000000';

    interface HostileRequest {
      name: string;
      send(token: string): request.Test;
      status: number;
      code: string;
    }
    const post = (token: string) => request(t.baseUrl).post('/graphql').set('Authorization', `Bearer ${token}`);
    // A cross-site form or fetch carries the session cookie, never an Authorization header.
    const crossSite = (token: string) => request(t.baseUrl).post('/graphql').set('Cookie', `spiraal_session=${token}`);
    const CASES: HostileRequest[] = [
      {
        name: 'a body over 4 MB',
        send: (k) =>
          post(k)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } })),
        status: 413,
        code: 'BAD_REQUEST',
      },
      {
        name: 'malformed JSON',
        send: (k) => post(k).set('Content-Type', 'application/json').send('{"query": "{ me { id } }"'),
        status: 400,
        code: 'BAD_REQUEST',
      },
      {
        name: 'JSON that is not an object',
        send: (k) => post(k).set('Content-Type', 'application/json').send('"{ me { id } }"'),
        status: 400,
        code: 'BAD_REQUEST',
      },
      {
        name: 'a charset JSON does not use',
        send: (k) => post(k).set('Content-Type', 'application/json; charset=latin1').send('{"query":"{ me { id } }"}'),
        status: 415,
        code: 'BAD_REQUEST',
      },
      {
        name: 'a batch of two operations',
        send: (k) => post(k).send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
        status: 400,
        code: 'BAD_REQUEST',
      },
      {
        name: 'a query nested 11 deep',
        send: (k) => post(k).send({ query: deep, variables: { id: anId } }),
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
      {
        name: '16 aliases',
        send: (k) => post(k).send({ query: aliases }),
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
      {
        name: 'a query of over 1,000 tokens',
        send: (k) => post(k).send({ query: tokens }),
        status: 400,
        code: 'GRAPHQL_PARSE_FAILED',
      },
      {
        name: 'a query costing over 10,000',
        send: (k) => post(k).send({ query: costly, variables: { id: anId } }),
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
      {
        name: 'a query that does not parse',
        send: (k) => post(k).send({ query: '{ me { id ' }),
        status: 400,
        code: 'GRAPHQL_PARSE_FAILED',
      },
      {
        name: 'a mutation as text/plain (CSRF)',
        send: (k) =>
          crossSite(k)
            .set('Content-Type', 'text/plain')
            .send(JSON.stringify({ query: CREATE })),
        status: 400,
        code: 'BAD_REQUEST',
      },
      {
        name: 'a mutation as a form (CSRF)',
        send: (k) => crossSite(k).type('form').send({ query: CREATE }),
        status: 400,
        code: 'BAD_REQUEST',
      },
      {
        name: 'a mutation as multipart/form-data (CSRF)',
        send: (k) => crossSite(k).field('query', CREATE),
        status: 400,
        code: 'BAD_REQUEST',
      },
      {
        name: 'a mutation over GET (CSRF)',
        send: (k) => request(t.baseUrl).get('/graphql').set('Cookie', `spiraal_session=${k}`).query({ query: CREATE }),
        status: 400,
        code: 'BAD_REQUEST',
      },
    ];
    let user: TestUser;
    beforeAll(async () => {
      user = await registerUser(t.baseUrl);
    });

    for (const hostile of CASES) {
      it(`${hostile.name}: ${hostile.status} ${hostile.code}`, async () => {
        const res = await hostile.send(user.token);
        expect(res.status).toBe(hostile.status);
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors[0].extensions.code).toBe(hostile.code);
        expect(res.body.errors[0].message).toMatch(/\w{4}/);
        expect(res.body.data ?? null).toBeNull();
        expect(res.text).not.toMatch(STACK);
      });
    }

    it('a mutation over GET even with the preflight header: 405 BAD_REQUEST, nothing run', async () => {
      const res = await request(t.baseUrl)
        .get('/graphql')
        .set('Authorization', `Bearer ${user.token}`)
        .set('Apollo-Require-Preflight', 'true')
        .query({ query: CREATE });
      expect(res.status).toBe(405);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it("search's page size (`limit`, inside its input) counts in the cost as `first` does: 100 hits × 20 sources × 20 sources is refused", async () => {
      const query = `{ search(input: { query: "casus", limit: 100 }) { hits { item { sources { sources { title } } } } } }`;
      const res = await post(user.token).send({ query });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('none of them wrote anything', async () => {
      expect(await sql(t.db.url, `SELECT 1 FROM communities WHERE name = 'Via een vreemde route'`)).toEqual([]);
    });

    it('each is refused before any database work: with the sessions table gone, each still gets its own refusal', async () => {
      await sql(t.db.url, 'ALTER TABLE sessions RENAME TO sessions_gone');
      try {
        // The control: anything that gets as far as the session lookup now fails inside.
        const control = await gql(t.baseUrl, '{ me { id } }', {}, user.token);
        expect(errorCode(control)).toBe('INTERNAL_SERVER_ERROR');
        const outcomes = [];
        for (const hostile of CASES) {
          const res = await hostile.send(user.token);
          outcomes.push(`${hostile.name}: ${res.status} ${res.body?.errors?.[0]?.extensions?.code}`);
        }
        expect(outcomes).toEqual(CASES.map((hostile) => `${hostile.name}: ${hostile.status} ${hostile.code}`));
      } finally {
        await sql(t.db.url, 'ALTER TABLE sessions_gone RENAME TO sessions');
      }
    });

    it('the server stays up: /health answers 200 and a normal query works', async () => {
      expect((await request(t.baseUrl).get('/health')).status).toBe(200);
      const me = await gql(t.baseUrl, '{ me { id } }', {}, user.token);
      expect(me.data!.me.id).toBe(user.id);
    });
  });

  describe('SQL, script and other payloads in every text field: stored as text, read back identical, or refused with nothing written', () => {
    const PAYLOADS: {
      name: string;
      value: string;
      mayBeRefused?: boolean;
      refusedInNames?: boolean;
      markdownNeutral: boolean;
    }[] = [
      { name: 'SQL', value: `'; DROP TABLE items; --`, markdownNeutral: true },
      { name: 'SQL tautology', value: `' OR '1'='1`, markdownNeutral: true },
      { name: 'script element', value: '<script>alert(1)</script>', markdownNeutral: true },
      { name: 'event handler', value: '<img src=x onerror=alert(1)>', markdownNeutral: true },
      { name: 'template expressions', value: '${7*7} {{7*7}} #{7*7}', markdownNeutral: false },
      { name: 'NUL byte', value: 'nul\u0000byte', mayBeRefused: true, markdownNeutral: true },
      // Refused in names, titles and tags (libs/domain text hygiene: impersonation), kept in body text.
      { name: 'right-to-left override', value: 'factuur\u202Egpj.exe', markdownNeutral: true, refusedInNames: true },
      { name: '100,000 characters', value: 'x'.repeat(100_000), mayBeRefused: true, markdownNeutral: true },
      { name: 'quotes, backslash, emoji', value: `Zoë’s 🙂 "quote" \\ \` $1 %s`, markdownNeutral: false },
      { name: 'prototype pollution', value: '{"__proto__":{"admin":true}}', markdownNeutral: false },
    ];

    interface Attempt {
      result: GqlResult;
      /** The stored value as a client reads it back (for Markdown bodies: the text, and the Markdown). */
      readBack(): Promise<string | { text: string; markdown: string }>;
    }
    interface Target {
      name: string;
      markdown?: boolean;
      attempt(value: string): Promise<Attempt>;
      /** The rows a refused attempt must leave as they were. */
      state(): Promise<unknown>;
    }

    const ITEM = `query ($id: ID!) { item(id: $id) { title tags text markdown stage stageHistory { to reason } comments { id body } } }`;
    const readItem = async (id: string) => (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item;
    let target: { item: string; meeting: string; guideline: string };
    beforeAll(async () => {
      const item = await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'CASE',
        title: 'Doelwit',
        body: 'Tekst.',
      });
      const meeting = await gql(
        t.baseUrl,
        `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
        {
          input: {
            communityId: c.communityId,
            title: 'Intervisie',
            date: '2026-12-01T14:00:00.000Z',
            kind: 'INTERVISIE',
          },
        },
        c.member.token,
      );
      const promoted = await gql(
        t.baseUrl,
        `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
        { input: { sourceItemIds: [item.id], title: 'Richtlijn' } },
        c.facilitator.token,
      );
      const guideline = promoted.data!.promoteToGuideline.id as string;
      const trying = await gql(
        t.baseUrl,
        `mutation ($id: ID!) { setGuidelineStatus(input: { id: $id, status: IN_UITPROBEERFASE }) { id } }`,
        { id: guideline },
        c.facilitator.token,
      );
      if (trying.errors) throw new Error(JSON.stringify(trying.errors));
      target = { item: item.id, meeting: meeting.data!.createMeeting.id, guideline };
    });

    const rows = (text: string, params: unknown[] = []) => sql(t.db.url, text, params);
    const counts = (...tables: string[]) => Promise.all(tables.map(count));
    const mutate = (query: string, input: Record<string, unknown>, token = c.member.token) =>
      gql(t.baseUrl, query, { input }, token);

    const TARGETS: Target[] = [
      {
        name: 'register: displayName',
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
            { email: `naam-${randomUUID()}@example.nl`, password: TEST_PASSWORD, displayName: value },
            '',
          );
          return {
            result,
            readBack: async () =>
              (await gql(t.baseUrl, '{ me { displayName } }', {}, result.data!.register.token)).data!.me.displayName,
          };
        },
        state: () => counts('users', 'sessions'),
      },
      {
        name: 'register: password',
        async attempt(value) {
          const email = `wachtwoord-${randomUUID()}@example.nl`;
          const result = await mutate(
            `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
            { email, password: value, displayName: 'Wachtwoord' },
            '',
          );
          // Stored as a hash: "read back" is signing in with exactly that string.
          return {
            result,
            readBack: async () =>
              (
                await gql(t.baseUrl, `mutation ($input: LoginInput!) { login(input: $input) { token } }`, {
                  input: { email, password: value },
                })
              ).data
                ? value
                : 'sign-in failed',
          };
        },
        state: () => counts('users', 'sessions'),
      },
      {
        name: 'createCommunity: name',
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
            { name: value },
          );
          return {
            result,
            readBack: async () =>
              (
                await gql(
                  t.baseUrl,
                  `query ($id: ID!) { community(id: $id) { name } }`,
                  { id: result.data!.createCommunity.id },
                  c.member.token,
                )
              ).data!.community.name,
          };
        },
        state: () => counts('communities', 'memberships', 'audit_log'),
      },
      {
        name: 'createCommunity: description',
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
            { name: 'Met beschrijving', description: value },
          );
          return {
            result,
            readBack: async () =>
              (
                await gql(
                  t.baseUrl,
                  `query ($id: ID!) { community(id: $id) { description } }`,
                  { id: result.data!.createCommunity.id },
                  c.member.token,
                )
              ).data!.community.description,
          };
        },
        state: () => counts('communities', 'memberships', 'audit_log'),
      },
      {
        name: 'createItem: title',
        async attempt(value) {
          const result = await mutate(`mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`, {
            communityId: c.communityId,
            kind: 'NOTE',
            title: value,
          });
          return { result, readBack: async () => (await readItem(result.data!.createItem.id)).title };
        },
        state: () => counts('items', 'stage_changes', 'yjs_updates', 'yjs_snapshots', 'audit_log'),
      },
      {
        name: 'createItem: tags',
        async attempt(value) {
          const result = await mutate(`mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`, {
            communityId: c.communityId,
            kind: 'NOTE',
            title: 'Met tags',
            tags: [value],
          });
          return { result, readBack: async () => (await readItem(result.data!.createItem.id)).tags.join('|') };
        },
        state: () => counts('items', 'stage_changes', 'yjs_updates', 'yjs_snapshots', 'audit_log'),
      },
      {
        name: 'createItem: body (Markdown)',
        markdown: true,
        async attempt(value) {
          const result = await mutate(`mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`, {
            communityId: c.communityId,
            kind: 'NOTE',
            title: 'Met tekst',
            body: value,
          });
          return { result, readBack: async () => readItem(result.data!.createItem.id) };
        },
        state: () => counts('items', 'stage_changes', 'yjs_updates', 'yjs_snapshots', 'audit_log'),
      },
      {
        name: 'updateItem: title',
        async attempt(value) {
          const result = await mutate(`mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`, {
            id: target.item,
            title: value,
          });
          return { result, readBack: async () => (await readItem(target.item)).title };
        },
        state: () => rows('SELECT title, tags FROM items WHERE id = $1', [target.item]),
      },
      {
        name: 'updateItem: tags',
        async attempt(value) {
          const result = await mutate(`mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`, {
            id: target.item,
            tags: [value],
          });
          return { result, readBack: async () => (await readItem(target.item)).tags.join('|') };
        },
        state: () => rows('SELECT title, tags FROM items WHERE id = $1', [target.item]),
      },
      {
        name: 'setItemStage: reason',
        async attempt(value) {
          const [{ stage }] = await rows('SELECT stage FROM items WHERE id = $1', [target.item]);
          const next = stage === 'COMBINATIE' ? 'INTERNALISATIE' : 'COMBINATIE';
          const result = await mutate(`mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { id } }`, {
            id: target.item,
            stage: next,
            reason: value,
          });
          return { result, readBack: async () => (await readItem(target.item)).stageHistory.at(-1).reason };
        },
        state: () =>
          Promise.all([
            rows('SELECT stage FROM items WHERE id = $1', [target.item]),
            counts('stage_changes', 'audit_log'),
          ]),
      },
      {
        name: 'addComment: body',
        async attempt(value) {
          const result = await mutate(`mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`, {
            itemId: target.item,
            kind: 'QUESTION',
            body: value,
          });
          return {
            result,
            readBack: async () =>
              (await readItem(target.item)).comments.find(
                (comment: { id: string }) => comment.id === result.data!.addComment.id,
              ).body,
          };
        },
        state: () => counts('comments'),
      },
      {
        name: 'createMeeting: title',
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
            { communityId: c.communityId, title: value, date: '2026-12-08T14:00:00.000Z', kind: 'KLANKBORD' },
          );
          return {
            result,
            readBack: async () =>
              (
                await gql(
                  t.baseUrl,
                  `query ($id: ID!) { meeting(id: $id) { title } }`,
                  { id: result.data!.createMeeting.id },
                  c.member.token,
                )
              ).data!.meeting.title,
          };
        },
        state: () => counts('meetings', 'items', 'yjs_updates'),
      },
      {
        name: 'addAgendaItem: note',
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
            { meetingId: target.meeting, note: value },
          );
          return {
            result,
            readBack: async () =>
              (
                await gql(
                  t.baseUrl,
                  `query ($id: ID!) { meeting(id: $id) { agenda { note } } }`,
                  { id: target.meeting },
                  c.member.token,
                )
              ).data!.meeting.agenda.at(-1).note,
          };
        },
        state: () => counts('agenda_items'),
      },
      {
        name: 'promoteToGuideline: title',
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
            { sourceItemIds: [target.item], title: value },
            c.facilitator.token,
          );
          return { result, readBack: async () => (await readItem(result.data!.promoteToGuideline.id)).title };
        },
        state: () => counts('items', 'item_sources', 'yjs_updates', 'audit_log'),
      },
      {
        name: 'recordApplication: body (Markdown)',
        markdown: true,
        async attempt(value) {
          const result = await mutate(
            `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`,
            { guidelineId: target.guideline, body: value },
          );
          return { result, readBack: async () => readItem(result.data!.recordApplication.id) };
        },
        state: () => counts('items', 'yjs_updates', 'audit_log'),
      },
    ];

    const STORED = 'stored, read back identical';
    const STORED_AS_MARKDOWN = 'stored as Markdown text, nothing run';
    const REFUSED = 'refused (BAD_USER_INPUT), nothing written';

    /** A Markdown body: the same text when its Markdown is read in again, and nothing evaluated or linked. */
    async function markdownOutcome(
      value: string,
      neutral: boolean,
      back: { text: string; markdown: string },
    ): Promise<string> {
      if (neutral) return back.text === value ? STORED : `stored as ${JSON.stringify(back.text.slice(0, 80))}`;
      const again = await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'NOTE',
        title: 'Opnieuw ingelezen',
        body: back.markdown,
      });
      const reread = await readItem(again.id);
      if (reread.text !== back.text) return `Markdown not stable: ${JSON.stringify(back.markdown.slice(0, 80))}`;
      if (/49/.test(back.text)) return `evaluated: ${back.text}`;
      return STORED_AS_MARKDOWN;
    }

    /** Fields that name something (shown in member lists, carets, titles), where direction controls are refused. */
    const NAME_FIELDS = /: (displayName|name|title|tags)$/;
    for (const field of TARGETS) {
      it(`${field.name}: ${PAYLOADS.length} payloads`, async () => {
        const outcomes: Record<string, string> = {};
        const wanted: Record<string, unknown> = {};
        for (const payload of PAYLOADS) {
          const before = JSON.stringify(await field.state());
          const { result, readBack } = await field.attempt(payload.value);
          if (!result.errors) {
            const back = await readBack();
            outcomes[payload.name] =
              typeof back === 'string'
                ? back === payload.value
                  ? STORED
                  : `stored as ${JSON.stringify(back.slice(0, 80))}`
                : await markdownOutcome(payload.value, payload.markdownNeutral, back);
          } else {
            const code = errorCode(result);
            const after = JSON.stringify(await field.state());
            outcomes[payload.name] =
              code !== 'BAD_USER_INPUT'
                ? `${code}: ${result.errors[0].message}`
                : after === before
                  ? REFUSED
                  : `refused, but written: ${before} -> ${after}`;
          }
          const stored = field.markdown && !payload.markdownNeutral ? STORED_AS_MARKDOWN : STORED;
          wanted[payload.name] =
            payload.refusedInNames && NAME_FIELDS.test(field.name)
              ? REFUSED
              : payload.mayBeRefused
                ? expect.stringMatching(new RegExp(`^(${escapeRegExp(stored)}|${escapeRegExp(REFUSED)})$`))
                : stored;
        }
        expect(outcomes).toEqual(wanted);
      }, 60_000);
    }

    it('search: every payload is answered or refused as BAD_USER_INPUT, and highlights carry no markup but <mark>', async () => {
      // Items whose titles and bodies hold the payloads, to be found and highlighted.
      for (const payload of PAYLOADS.filter((p) => !p.mayBeRefused && !p.refusedInNames)) {
        await createItem(t.baseUrl, c.member.token, {
          communityId: c.communityId,
          kind: 'NOTE',
          title: `Gevonden ${payload.value}`.slice(0, 200),
          body: `Zoekbaar ${payload.value}`,
        });
      }
      const SEARCH = `query ($input: SearchInput!) { search(input: $input) { totalHits hits { highlights { title text } } } }`;
      await waitFor(
        async () =>
          ((await gql(t.baseUrl, SEARCH, { input: { query: 'alert', communityIds: [c.communityId] } }, c.member.token))
            .data?.search.totalHits ?? 0) >= 2,
        10_000,
        'the payload items to be indexed',
      );
      const outcomes: Record<string, string> = {};
      const highlights: string[] = [];
      for (const query of [...PAYLOADS.map((p) => p.value), 'alert', 'script', 'onerror', 'DROP TABLE']) {
        const result = await gql(
          t.baseUrl,
          SEARCH,
          { input: { query, communityIds: [c.communityId] } },
          c.member.token,
        );
        outcomes[query.slice(0, 40)] = result.errors ? String(errorCode(result)) : 'answered';
        for (const hit of result.data?.search.hits ?? []) highlights.push(hit.highlights.title, hit.highlights.text);
      }
      for (const [query, outcome] of Object.entries(outcomes))
        expect(`${query}: ${outcome}`).toMatch(/: (answered|BAD_USER_INPUT)$/);
      expect(highlights.length).toBeGreaterThan(0);
      expect(highlights.filter((h) => /<(?!\/?mark>)/.test(h))).toEqual([]);
      expect(highlights.join(' ')).toContain('&lt;script&gt;');
    });

    it('the tables are all still there, and the server up', async () => {
      expect(await count('items')).toBeGreaterThan(0);
      expect((await request(t.baseUrl).get('/health')).status).toBe(200);
    });
  });

  describe('collab tickets: forged, replayed and orphaned tickets open no socket (401)', () => {
    let itemId: string;
    let wsBase: string;
    beforeAll(async () => {
      itemId = (
        await createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title: 'Tickets' })
      ).id;
      wsBase = `${t.baseUrl.replace(/^http/, 'ws')}/collab/${itemId}`;
    });

    /** A ticket signed with the server's real key: only its claims decide. */
    async function signed(claims: {
      i: string;
      u: string;
      r: boolean;
      s: string;
      e: number;
      n?: string;
    }): Promise<string> {
      const [{ value }] = await sql<{ value: Buffer }>(
        t.db.url,
        `SELECT value FROM server_secrets WHERE name = 'collab-ticket'`,
      );
      const payload = Buffer.from(JSON.stringify({ n: randomBytes(16).toString('base64url'), ...claims })).toString(
        'base64url',
      );
      return `${payload}.${createHmac('sha256', value).update(payload).digest('base64url')}`;
    }
    const decode = (ticket: string) =>
      JSON.parse(Buffer.from(ticket.split('.')[0], 'base64url').toString()) as Record<string, unknown>;
    const encode = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify(claims)).toString('base64url');

    it('forged: bad signature, tampered user, tampered read-only flag, other item, expired, garbage, none', async () => {
      const other = await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'NOTE',
        title: 'Ander item',
      });
      const good = await collabTicket(t.baseUrl, c.member.token, itemId);
      const readers = await collabTicket(t.baseUrl, c.reader.token, itemId);
      expect(readers.readOnly).toBe(true);
      const [payload, signature] = good.token.split('.');
      const now = Math.floor(Date.now() / 1000);
      const session = fingerprint(c.member.token);
      // The control: a ticket signed the same way with valid claims opens a socket, so each refusal below is for its one flaw.
      const genuine = await signed({ i: itemId, u: c.member.id, r: false, s: session, e: now + 60 });
      expect(await upgradeStatus(`${wsBase}?ticket=${genuine}`)).toBe(101);

      const cases: Record<string, string> = {
        'bad signature': `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
        'signature of another ticket': `${payload}.${readers.token.split('.')[1]}`,
        'tampered user': `${encode({ ...decode(good.token), u: c.facilitator.id })}.${signature}`,
        "a reader's ticket made writable": `${encode({ ...decode(readers.token), r: false })}.${readers.token.split('.')[1]}`,
        'for another item': (await collabTicket(t.baseUrl, c.member.token, other.id)).token,
        'expired (signed, all else valid)': await signed({
          i: itemId,
          u: c.member.id,
          r: false,
          s: session,
          e: now - 1,
        }),
        'for a session that never existed': await signed({
          i: itemId,
          u: c.member.id,
          r: false,
          s: fingerprint('x'.repeat(43)),
          e: now + 60,
        }),
        unsigned: payload,
        garbage: 'not-a-ticket',
        'three parts': `${good.token}.extra`,
        'very long': 'A'.repeat(2_000),
        none: '',
      };
      const statuses: Record<string, number> = {};
      for (const [name, ticket] of Object.entries(cases))
        statuses[name] = await upgradeStatus(ticket ? `${wsBase}?ticket=${encodeURIComponent(ticket)}` : wsBase);
      expect(statuses).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, 401])));
      // The genuine tickets were not spoiled by the forgeries made from them.
      expect(await upgradeStatus(`${wsBase}?ticket=${good.token}`)).toBe(101);
    });

    it('replayed: a ticket opens one socket; used again, 401', async () => {
      const ticket = await collabTicket(t.baseUrl, c.member.token, itemId);
      expect(await upgradeStatus(`${wsBase}?ticket=${ticket.token}`)).toBe(101);
      expect(await upgradeStatus(`${wsBase}?ticket=${ticket.token}`)).toBe(401);
    });

    it('a ticket whose session was logged out: 401', async () => {
      const user = await signedInMember();
      const ticket = await collabTicket(t.baseUrl, user.token, itemId);
      await gql(t.baseUrl, 'mutation { logout }', {}, user.token);
      expect(await upgradeStatus(`${wsBase}?ticket=${ticket.token}`)).toBe(401);
    });

    it('a ticket of someone removed from the community since: 401', async () => {
      const user = await signedInMember();
      const ticket = await collabTicket(t.baseUrl, user.token, itemId);
      const removed = await gql(
        t.baseUrl,
        `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
        { input: { communityId: c.communityId, userId: user.id } },
        c.facilitator.token,
      );
      expect(removed.errors).toBeUndefined();
      expect(await upgradeStatus(`${wsBase}?ticket=${ticket.token}`)).toBe(401);
    });

    it('a ticket for an item that does not exist, or a path that is no item: 401, 404', async () => {
      const ticket = await collabTicket(t.baseUrl, c.member.token, itemId);
      const base = `${t.baseUrl.replace(/^http/, 'ws')}/collab`;
      expect(await upgradeStatus(`${base}/${randomUUID()}?ticket=${ticket.token}`)).toBe(401);
      expect(await upgradeStatus(`${base}/${encodeURIComponent("' OR 1=1 --")}?ticket=${ticket.token}`)).toBe(401);
      expect(await upgradeStatus(`${base}/${itemId}/extra?ticket=${ticket.token}`)).toBe(404);
      expect(await upgradeStatus(`${t.baseUrl.replace(/^http/, 'ws')}/graphql`)).toBe(404);
    });
  });

  describe('changePassword', () => {
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
    const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
    const clients: CollabClient[] = [];
    afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

    it('needs a signed-in user, and the right current password (else nothing changes)', async () => {
      const user = await signedInMember();
      const other = (await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).data!.login
        .token as string;
      expect(
        errorCode(
          await gql(t.baseUrl, CHANGE, {
            input: { currentPassword: TEST_PASSWORD, newPassword: 'een heel nieuw wachtwoord' },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
      const wrong = await gql(
        t.baseUrl,
        CHANGE,
        { input: { currentPassword: `${TEST_PASSWORD}!`, newPassword: 'een heel nieuw wachtwoord' } },
        user.token,
      );
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
      const tooShort = await gql(
        t.baseUrl,
        CHANGE,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'kort' } },
        user.token,
      );
      expect(errorCode(tooShort)).toBe('BAD_USER_INPUT');
      // Both sessions live on, and the old password still works.
      expect((await gql(t.baseUrl, '{ me { id } }', {}, other)).data!.me).toEqual({ id: user.id });
      expect(
        (await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).errors,
      ).toBeUndefined();
    });

    it("ends the other sessions: their sockets close with 4403 and their tickets are refused, while this session's socket stays", async () => {
      const user = await signedInMember();
      const other = (await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).data!.login
        .token as string;
      const { id } = await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'CASE',
        title: 'Wachtwoord wijzigen',
      });
      const here = await connectClient(t.baseUrl, user.token, id);
      const there = await connectClient(t.baseUrl, other, id);
      clients.push(here, there);
      const unusedTicket = await collabTicket(t.baseUrl, other, id);
      const closed = new Promise<number>((resolve) =>
        there.provider.ws!.addEventListener('close', (event) => resolve((event as unknown as { code: number }).code)),
      );

      const changed = await gql(
        t.baseUrl,
        CHANGE,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'een heel nieuw wachtwoord' } },
        user.token,
      );
      expect(changed.errors).toBeUndefined();
      expect(await closed).toBe(4403);
      there.provider.disconnect();

      // The other session is over everywhere.
      expect((await gql(t.baseUrl, '{ me { id } }', {}, other)).data!.me).toBeNull();
      expect(
        errorCode(await gql(t.baseUrl, `mutation ($id: ID!) { collabTicket(itemId: $id) { token } }`, { id }, other)),
      ).toBe('UNAUTHENTICATED');
      expect(await upgradeStatus(`${t.baseUrl.replace(/^http/, 'ws')}/collab/${id}?ticket=${unusedTicket.token}`)).toBe(
        401,
      );
      // This one goes on, its socket included.
      expect(here.provider.ws?.readyState).toBe(WebSocket.OPEN);
      typeParagraph(here.doc, 'Na het wijzigen van het wachtwoord.');
      await waitFor(
        async () =>
          (await storedDocument(t.db.url, id))
            .getXmlFragment('default')
            .toString()
            .includes('Na het wijzigen van het wachtwoord.'),
        3000,
        'the edit after the change',
      );
      expect((await gql(t.baseUrl, '{ me { id } }', {}, user.token)).data!.me).toEqual({ id: user.id });
      // The old password is gone, the new one works.
      expect(errorCode(await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await gql(t.baseUrl, LOGIN, { input: { email: user.email, password: 'een heel nieuw wachtwoord' } })).errors,
      ).toBeUndefined();
    });
  });

  /** A new member of the community, signed in. */
  async function signedInMember(): Promise<TestUser> {
    const user = await registerUser(t.baseUrl, 'Tijdelijk Lid');
    await addMember(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      user,
      role: 'MEMBER',
      perspective: 'OTHER',
    });
    return user;
  }
});

describe('rate limits: RATE_LIMITED with a retry time, and the refused request writes nothing', () => {
  let t: TestApp;
  let users: TestUser[];
  beforeAll(async () => {
    t = await startTestApp({
      RATE_REGISTRATIONS_PER_HOUR: '3',
      RATE_MUTATIONS_PER_MINUTE: '5',
      RATE_TICKETS_PER_MINUTE: '2',
    });
    // The three registrations this address may make in an hour.
    users = [];
    for (const name of ['Ans', 'Bram', 'Cor']) users.push(await registerUser(t.baseUrl, name));
  });
  afterAll(() => t.close());
  const count = async (table: string): Promise<number> =>
    (await sql<{ n: number }>(t.db.url, `SELECT count(*)::int AS n FROM ${table}`))[0].n;

  function expectRateLimited(result: GqlResult, maxSeconds: number): void {
    expect(errorCode(result)).toBe('RATE_LIMITED');
    expect(result.data).toBeNull();
    const retryAfter = result.errors![0].extensions!.retryAfter as number;
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
    expect(result.errors![0].message).toContain(String(retryAfter));
  }

  it('registrations per address', async () => {
    const before = await Promise.all([count('users'), count('sessions')]);
    const result = await gql(t.baseUrl, `mutation ($input: RegisterInput!) { register(input: $input) { token } }`, {
      input: { email: 'vierde@example.nl', password: TEST_PASSWORD, displayName: 'Vierde' },
    });
    expectRateLimited(result, 3600);
    expect(await Promise.all([count('users'), count('sessions')])).toEqual(before);
  });

  it('mutations per user', async () => {
    const [ans] = users;
    const CREATE = `mutation ($name: String!) { createCommunity(input: { name: $name }) { id } }`;
    for (let i = 1; i <= 5; i++)
      expect((await gql(t.baseUrl, CREATE, { name: `Netwerk ${i}` }, ans.token)).errors).toBeUndefined();
    const before = await Promise.all([count('communities'), count('memberships'), count('audit_log')]);
    expectRateLimited(await gql(t.baseUrl, CREATE, { name: 'Netwerk 6' }, ans.token), 60);
    expect(await Promise.all([count('communities'), count('memberships'), count('audit_log')])).toEqual(before);
    // Reading goes on, and so does everyone else.
    expect((await gql(t.baseUrl, '{ communities { id } }', {}, ans.token)).data!.communities).toHaveLength(5);
    expect((await gql(t.baseUrl, CREATE, { name: 'Van Cor' }, users[2].token)).errors).toBeUndefined();
  });

  it('collab tickets per user', async () => {
    const [, bram, cor] = users;
    // Cor sets up (Cor's own mutations); Bram only asks for tickets.
    const community = await gql(
      t.baseUrl,
      `mutation { createCommunity(input: { name: "Tickets" }) { id } }`,
      {},
      cor.token,
    );
    const communityId = community.data!.createCommunity.id as string;
    await addMember(t.baseUrl, cor.token, { communityId, user: bram, role: 'MEMBER', perspective: 'OTHER' });
    const { id } = await createItem(t.baseUrl, cor.token, { communityId, kind: 'NOTE', title: 'Veel tickets' });
    const TICKET = `mutation ($id: ID!) { collabTicket(itemId: $id) { token } }`;
    for (let i = 0; i < 2; i++) expect((await gql(t.baseUrl, TICKET, { id }, bram.token)).errors).toBeUndefined();
    const before = await Promise.all([count('used_tickets'), count('audit_log')]);
    expectRateLimited(await gql(t.baseUrl, TICKET, { id }, bram.token), 60);
    expect(await Promise.all([count('used_tickets'), count('audit_log')])).toEqual(before);
  });
});

/**
 * A fragment bomb: each fragment spreads the one before it twice, so 40 small
 * fragments (about 400 tokens) stand for 2^40 fields. Run against a server in
 * its own process, so that a server that tries to expand it hangs that
 * process, not this test run.
 */
describe('a fragment bomb', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer({
      DATABASE_URL: db.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
  }, 60_000);
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await db?.drop();
  });

  it('is refused as too costly, and the server keeps answering', async () => {
    const fragments = ['fragment F0 on User { id }'];
    for (let i = 1; i <= 40; i++) fragments.push(`fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`);
    const query = `{ me { ...F40 } } ${fragments.join(' ')}`;
    const answer = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(15_000),
    }).catch((error: Error) => error);
    if (answer instanceof Error)
      throw new Error(`No answer within 15 s (${answer.name}): the server is still working on a 400-token query`);
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const health = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
  }, 30_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A session's fingerprint as tickets carry it: the SHA-256 of its token, base64url. */
function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
