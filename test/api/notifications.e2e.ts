import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { MailOutboxWorker } from '../../apps/api/src/mail/mail-outbox.worker';
import { DigestService } from '../../apps/api/src/notifications/digest.service';
import { NotificationJobs } from '../../apps/api/src/notifications/notification-jobs';
import { signUnsubscribe } from '../../apps/api/src/notifications/unsubscribe-token';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { openLive } from '../support/live-client';
import { MailCatcher, mailedInvitationToken, startMailCatcher } from '../support/mail-catcher';
import { sql } from '../support/test-database';
import { errorCode, gql, gqlData, startTestApp, TestApp } from '../support/test-app';

const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const INBOX = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind createdAt readAt excerpt actorCount summary commentId actor { id displayName } item { id title } community { id name } } }
  }
  unreadNotificationCount
}`;

describe('Notifications', () => {
  let catcher: MailCatcher;
  let api: TestApp;
  let people: CommunityFixture;
  let itemId: string;

  const comment = (token: string, body: string, mentions: string[] = [], target = itemId) =>
    gql(api.baseUrl, ADD_COMMENT, { input: { itemId: target, kind: 'REACTION', body, mentions } }, token);
  const inbox = (token: string, variables: Record<string, unknown> = {}) =>
    gqlData(api.baseUrl, INBOX, variables, token);
  const drain = () => api.app.get(MailOutboxWorker).drain();

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApp({
      SMTP_URL: catcher.url,
      MAIL_FROM: 'Spiraal <noreply@spiraal.test>',
      PUBLIC_URL: 'http://spiraal.test:8080',
      MAIL_POLL_MS: '100',
    });
    people = await communityWithPeople(api.baseUrl, 'PRIVATE', mailedInvitationToken(catcher));
    itemId = (
      await createItem(api.baseUrl, people.member.token, {
        communityId: people.communityId,
        kind: 'CASE',
        title: 'Casus over de wijkzorg',
      })
    ).id;
    // These tests start from an empty inbox and an empty mail catcher (joining sent invitation mails).
    for (const user of [people.facilitator, people.member, people.reader])
      await gqlData(api.baseUrl, `mutation { markAllNotificationsRead }`, {}, user.token);
    await drain();
    catcher.mails.splice(0);
  }, 60_000); // joining waits for the invitation mails
  afterAll(async () => {
    await api?.close();
    await catcher?.close();
  });

  it('notifies the mentioned person at once (inbox, live count, one mail with unsubscribe) and the author, never the actor', async () => {
    const live = await openLive(api.baseUrl, { token: people.reader.token });
    await live.next((e) => e.type === 'ready');
    const added = await comment(people.facilitator.token, 'Lea, wat vind jij hiervan?', [people.reader.id]);
    const commentId = added.data!.addComment.id;
    expect((await live.next((e) => e.type === 'notification')).data.unreadCount).toBe(1);
    live.close();

    const lea = await inbox(people.reader.token);
    expect(lea.unreadNotificationCount).toBe(1);
    expect(lea.notifications.edges[0].node).toMatchObject({
      kind: 'MENTION',
      readAt: null,
      excerpt: 'Lea, wat vind jij hiervan?',
      summary: 'Fenna Facilitator noemde je',
      commentId,
      actor: { id: people.facilitator.id },
      item: { id: itemId, title: 'Casus over de wijkzorg' },
      community: { id: people.communityId },
    });
    const mo = await inbox(people.member.token, { unreadOnly: true });
    expect(mo.notifications.edges.map((e: any) => e.node.kind)).toEqual(['COMMENT']);
    expect((await inbox(people.facilitator.token)).unreadNotificationCount).toBe(0);

    const [mail] = await catcher.waitFor(1);
    expect(mail.envelopeTo).toEqual([people.reader.email]);
    expect(mail.parsed.subject).toContain('Fenna Facilitator noemde je');
    expect(mail.parsed.text).toContain(`http://spiraal.test:8080/items/${itemId}#comment-${commentId}`);
    expect(mail.parsed.html).toContain(`href="http://spiraal.test:8080/items/${itemId}#comment-${commentId}"`);
    expect(mail.raw).toMatch(
      /^List-Unsubscribe:\s*<http:\/\/spiraal\.test:8080\/unsubscribe\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>/m,
    );
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // The author's COMMENT waits for the daily digest.
    await drain();
    expect(catcher.mails).toHaveLength(1);
  });

  it('refuses unknown people, people who may not read the item, and floods, naming them and storing nothing', async () => {
    const before = await sql(
      api.db.url,
      `SELECT (SELECT count(*) FROM comments)::int AS c, (SELECT count(*) FROM notifications)::int AS n`,
    );
    const unknown = '00000000-0000-4000-8000-000000000001';
    const refused = await comment(people.member.token, 'Kijk eens', [people.reader.id, unknown, people.outsider.id]);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain(unknown);
    expect(refused.errors![0].message).toContain(people.outsider.id);
    expect(refused.errors![0].message).not.toContain(people.reader.id);
    const flood = Array.from({ length: 500 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    expect(errorCode(await comment(people.member.token, 'Iedereen!', flood))).toBe('BAD_USER_INPUT');
    expect(errorCode(await comment(people.member.token, 'Hoi', ['robert'] as string[]))).toBe('BAD_USER_INPUT');
    expect(
      await sql(
        api.db.url,
        `SELECT (SELECT count(*) FROM comments)::int AS c, (SELECT count(*) FROM notifications)::int AS n`,
      ),
    ).toEqual(before);
  });

  it('groups a burst of comments on one item into one notification ("… en 2 anderen reageerden")', async () => {
    const other = (
      await createItem(api.baseUrl, people.member.token, {
        communityId: people.communityId,
        kind: 'CASE',
        title: 'Tweede casus',
      })
    ).id;
    await comment(people.reader.token, 'Eerste', [], other);
    await comment(people.facilitator.token, 'Tweede', [], other);
    await comment(people.reader.token, 'Derde', [], other);
    const mo = await inbox(people.member.token, { unreadOnly: true });
    const onOther = mo.notifications.edges.filter((e: any) => e.node.item.id === other);
    expect(onOther).toHaveLength(1);
    expect(onOther[0].node).toMatchObject({
      kind: 'COMMENT',
      actorCount: 2,
      excerpt: 'Derde',
      summary: 'Lea Lezer en 1 ander reageerden',
    });
    // The commenters follow the item now: Lea hears of Fenna's comment (and of her own not).
    const lea = await inbox(people.reader.token, { unreadOnly: true });
    expect(
      lea.notifications.edges.filter((e: any) => e.node.item.id === other).map((e: any) => e.node.actor.id),
    ).toEqual([people.facilitator.id]);
  });

  it('follows and unfollows items and communities; unfollowing sticks when commenting again', async () => {
    const followed = () =>
      gqlData(
        api.baseUrl,
        `query ($id: ID!, $c: ID!) { item(id: $id) { followedByMe } community(id: $c) { followedByMe } }`,
        { id: itemId, c: people.communityId },
        people.member.token,
      );
    expect(await followed()).toEqual({ item: { followedByMe: true }, community: { followedByMe: false } });
    expect(
      (
        await gqlData(
          api.baseUrl,
          `mutation ($id: ID!) { unfollow(targetId: $id) }`,
          { id: itemId },
          people.member.token,
        )
      ).unfollow,
    ).toBe(true);
    await gqlData(
      api.baseUrl,
      `mutation ($id: ID!) { follow(targetId: $id) }`,
      { id: people.communityId },
      people.member.token,
    );
    expect(await followed()).toEqual({ item: { followedByMe: false }, community: { followedByMe: true } });
    await comment(people.member.token, 'Nog een gedachte');
    expect((await followed()).item.followedByMe).toBe(false);
    const before = (await inbox(people.member.token)).notifications.totalCount;
    await comment(people.facilitator.token, 'Hierop reageert Mo niet meer');
    expect((await inbox(people.member.token)).notifications.totalCount).toBe(before);
    // An outsider cannot follow (or learn of) a private item.
    expect(
      errorCode(
        await gql(api.baseUrl, `mutation ($id: ID!) { follow(targetId: $id) }`, { id: itemId }, people.outsider.token),
      ),
    ).toBe('NOT_FOUND');
    await gqlData(api.baseUrl, `mutation ($id: ID!) { follow(targetId: $id) }`, { id: itemId }, people.member.token);
    expect((await followed()).item.followedByMe).toBe(true);
  });

  it('pages the inbox newest first and marks read only your own notifications', async () => {
    const first = await inbox(people.reader.token, { first: 1 });
    expect(first.notifications.edges).toHaveLength(1);
    expect(first.notifications.pageInfo.hasNextPage).toBe(true);
    const second = await inbox(people.reader.token, { first: 1, after: first.notifications.pageInfo.endCursor });
    expect(second.notifications.edges[0].node.createdAt <= first.notifications.edges[0].node.createdAt).toBe(true);
    const leaIds = [first, second].map((p) => p.notifications.edges[0].node.id);
    expect(
      (
        await gqlData(
          api.baseUrl,
          `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
          { ids: leaIds },
          people.member.token,
        )
      ).markNotificationsRead,
    ).toBe(0);
    expect(
      (
        await gqlData(
          api.baseUrl,
          `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
          { ids: leaIds },
          people.reader.token,
        )
      ).markNotificationsRead,
    ).toBe(2);
    expect(
      errorCode(await gql(api.baseUrl, `mutation { markNotificationsRead(ids: ["x"]) }`, {}, people.reader.token)),
    ).toBe('BAD_USER_INPUT');
    const rest = await gqlData(api.baseUrl, `mutation { markAllNotificationsRead }`, {}, people.reader.token);
    expect(rest.markAllNotificationsRead).toBe(first.unreadNotificationCount - 2);
    expect((await inbox(people.reader.token)).unreadNotificationCount).toBe(0);
    expect(errorCode(await gql(api.baseUrl, `{ unreadNotificationCount }`))).toBe('UNAUTHENTICATED');
  });

  it('mails the daily digest once, grouped per community, and one-click unsubscribe works without signing in', async () => {
    catcher.mails.length = 0;
    expect(await api.app.get(DigestService).run('DAILY')).toBeGreaterThan(0);
    await drain();
    const digest = catcher.mails.find((m) => m.envelopeTo[0] === people.member.email)!;
    expect(digest.parsed.subject).toMatch(/^Spiraal: \d+ nieuwe meldingen? \(dagelijkse samenvatting\)$/);
    expect(digest.parsed.text).toContain('== Leernetwerk PRIVATE ==');
    expect(digest.parsed.text).toContain('Casus over de wijkzorg');
    expect(digest.parsed.html).toContain('<h2 style="font-size:18px">Leernetwerk PRIVATE</h2>');
    const count = catcher.mails.length;
    expect(await api.app.get(DigestService).run('DAILY')).toBe(0);

    // The link from the header, as a mail client posts it (RFC 8058).
    const unsubscribe = new URL(/^List-Unsubscribe:\s*<([^>]+)>/m.exec(digest.raw)![1]);
    const token = unsubscribe.searchParams.get('token')!;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const foreign = signUnsubscribe(randomBytes(32), people.member.id, 'DAILY');
    for (const bad of [tampered, foreign, 'nonsense', '']) {
      const res = await request(api.baseUrl)
        .post(`/unsubscribe?token=${encodeURIComponent(bad)}`)
        .type('form')
        .send('List-Unsubscribe=One-Click');
      expect(res.status).toBe(400);
    }
    const prefs = () => gqlData(api.baseUrl, `{ notificationPreferences { kind delivery } }`, {}, people.member.token);
    expect((await prefs()).notificationPreferences).toContainEqual({ kind: 'COMMENT', delivery: 'DAILY' });
    expect((await request(api.baseUrl).get(`/unsubscribe?token=${token}`)).status).toBe(200); // only shows the button
    expect((await prefs()).notificationPreferences).toContainEqual({ kind: 'COMMENT', delivery: 'DAILY' });
    const ok = await request(api.baseUrl)
      .post(`${unsubscribe.pathname}${unsubscribe.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(ok.status).toBe(200);
    const after = (await prefs()).notificationPreferences;
    expect(after).toContainEqual({ kind: 'COMMENT', delivery: 'NEVER' });
    expect(after).toContainEqual({ kind: 'MENTION', delivery: 'IMMEDIATE' });

    // No double send after a restart.
    await api.restart();
    await api.app.get(MailOutboxWorker).drain();
    expect(catcher.mails).toHaveLength(count);
  });

  it('keeps preferences per kind and refuses unknown values', async () => {
    const update = (preferences: unknown) =>
      gql(
        api.baseUrl,
        `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { kind delivery } }`,
        { input: { preferences } },
        people.reader.token,
      );
    const done = await update([{ kind: 'MENTION', delivery: 'WEEKLY' }]);
    expect(done.data!.updateNotificationPreferences).toContainEqual({ kind: 'MENTION', delivery: 'WEEKLY' });
    expect(errorCode(await update([{ kind: 'MENTION', delivery: 'HOURLY' }]))).toBe('BAD_USER_INPUT');
  });

  it('drops from the inbox what the person may no longer read, and mails them nothing about it', async () => {
    const item = (
      await createItem(api.baseUrl, people.facilitator.token, {
        communityId: people.communityId,
        kind: 'CASE',
        title: 'Geheim',
      })
    ).id;
    await gqlData(
      api.baseUrl,
      `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { kind } }`,
      { input: { preferences: [{ kind: 'MENTION', delivery: 'IMMEDIATE' }] } },
      people.reader.token,
    );
    catcher.setResponder(() => 'hang'); // hold the mail in the outbox while the membership ends
    await api.app.get(MailOutboxWorker).beforeApplicationShutdown(); // stop this app's worker; a fresh one sends below
    await comment(people.facilitator.token, 'Lea, kijk hier', [people.reader.id], item);
    expect((await inbox(people.reader.token)).unreadNotificationCount).toBeGreaterThan(0);
    await gqlData(
      api.baseUrl,
      `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
      { input: { communityId: people.communityId, userId: people.reader.id } },
      people.facilitator.token,
    );
    const lea = await inbox(people.reader.token);
    expect(lea.unreadNotificationCount).toBe(0);
    expect(lea.notifications.edges).toEqual([]);
    catcher.setResponder(null);
    catcher.mails.length = 0;
    await api.restart();
    await api.app.get(MailOutboxWorker).drain();
    expect(catcher.mails.filter((m) => m.envelopeTo[0] === people.reader.email)).toEqual([]);
    const [row] = await sql<{ n: number }>(
      api.db.url,
      `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1 AND cancelled_at IS NOT NULL`,
      [people.reader.email],
    );
    expect(row.n).toBe(1);
  });

  it('raises every kind where it happens: stage, promotion, guideline changes, reflection, meeting, membership', async () => {
    // A community of its own, so earlier tests' notifications do not count.
    const c = await communityWithPeople(api.baseUrl, 'PRIVATE', mailedInvitationToken(catcher));
    const latest = async (token: string) =>
      (await inbox(token, { first: 20 })).notifications.edges.map((e: any) => e.node);
    const kinds = async (token: string) => (await latest(token)).map((n: any) => n.kind);
    // Joined by accepting an invitation: one's own action notifies nobody (a role change below does).
    expect(await kinds(c.member.token)).toEqual([]);

    const casus = (
      await createItem(api.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title: 'Casus van Mo' })
    ).id;
    await gqlData(api.baseUrl, `mutation ($id: ID!) { follow(targetId: $id) }`, { id: casus }, c.reader.token);
    await gqlData(
      api.baseUrl,
      `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { stage } }`,
      { input: { id: casus, stage: 'COMBINATIE', reason: 'Klaar om te bundelen' } },
      c.facilitator.token,
    );
    const stage = (await latest(c.reader.token))[0];
    expect(stage).toMatchObject({ kind: 'STAGE_CHANGE', item: { id: casus } });
    expect(stage.excerpt).toContain('Klaar om te bundelen');
    expect(await kinds(c.member.token)).toEqual(['STAGE_CHANGE']); // the author follows

    const guideline = (
      await gqlData(
        api.baseUrl,
        `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
        { input: { sourceItemIds: [casus], title: 'Richtlijn buurtzorg' } },
        c.facilitator.token,
      )
    ).promoteToGuideline.id;
    expect((await latest(c.member.token))[0]).toMatchObject({ kind: 'PROMOTED', item: { id: guideline } });
    await gqlData(api.baseUrl, `mutation ($id: ID!) { follow(targetId: $id) }`, { id: guideline }, c.member.token);
    await gqlData(
      api.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { guidelineStatus } }`,
      { input: { id: guideline, status: 'IN_UITPROBEERFASE' } },
      c.facilitator.token,
    );
    expect((await latest(c.member.token))[0]).toMatchObject({ kind: 'GUIDELINE_CHANGED', item: { id: guideline } });

    const reflection = (
      await gqlData(
        api.baseUrl,
        `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`,
        { input: { guidelineId: guideline } },
        c.reader.token,
      )
    ).recordApplication.id;
    expect((await latest(c.facilitator.token))[0]).toMatchObject({ kind: 'REFLECTION', item: { id: reflection } });

    const meeting = (
      await gqlData(
        api.baseUrl,
        `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
        {
          input: {
            communityId: c.communityId,
            title: 'Intervisie mei',
            date: '2027-05-01T10:00:00Z',
            kind: 'INTERVISIE',
          },
        },
        c.facilitator.token,
      )
    ).createMeeting.id;
    expect((await latest(c.reader.token))[0]).toMatchObject({
      kind: 'MEETING',
      excerpt: 'Intervisie mei (2027-05-01)',
    });
    await gqlData(
      api.baseUrl,
      `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
      { input: { meetingId: meeting, itemId: casus } },
      c.facilitator.token,
    );
    expect((await latest(c.member.token))[0]).toMatchObject({
      kind: 'MEETING',
      item: { id: casus },
      excerpt: 'Op de agenda van Intervisie mei (2027-05-01)',
    });

    await gqlData(
      api.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: c.communityId, userId: c.reader.id, role: 'MEMBER' } },
      c.facilitator.token,
    );
    expect((await latest(c.reader.token))[0]).toMatchObject({ kind: 'MEMBERSHIP', excerpt: 'Je rol is nu lid' });
    // The facilitator did all of this and was told of none of it (only of the reader's reflection).
    expect(await kinds(c.facilitator.token)).toEqual(['REFLECTION']);
  });

  it('tells facilitators once when a guideline is due for review', async () => {
    const guideline = (
      await createItem(api.baseUrl, people.facilitator.token, {
        communityId: people.communityId,
        kind: 'GUIDELINE',
        title: 'Richtlijn X',
      })
    ).id;
    await sql(api.db.url, `UPDATE items SET review_date = now() + interval '2 days' WHERE id = $1`, [guideline]);
    const jobs = api.app.get(NotificationJobs);
    expect(await jobs.reviewDue()).toBe(1);
    expect(await jobs.reviewDue()).toBe(0);
    const fenna = await inbox(people.facilitator.token);
    expect(fenna.notifications.edges[0].node).toMatchObject({
      kind: 'REVIEW_DUE',
      item: { id: guideline },
      summary: 'Een richtlijn is toe aan herziening',
    });
  });
});
