import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { MailCatcher, mailedInvitationToken, startMailCatcher } from '../support/mail-catcher';
import { errorCode, gql, gqlData, registerUser, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/test-database';

/**
 * Issue 20, finding 2: nobody is added to a community without consent, and
 * inviting cannot be used to find out who has an account.
 */

const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id email role community { id name } invitedBy { displayName } expiresAt } }`;
const MINE = `{ myInvitations { id email role community { id name } invitedBy { displayName } expiresAt } }`;
const ACCEPT = `mutation ($id: ID!) { acceptInvitation(id: $id) { id name myRole } }`;
const DECLINE = `mutation ($id: ID!) { declineInvitation(id: $id) }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawInvitation(id: $id) }`;
const COMMUNITIES = `{ communities { id } }`;
const LINK = `mutation ($input: AcceptInvitationLinkInput!) { acceptInvitationLink(input: $input) { token user { displayName email } } }`;
const ACCEPT_WITH = `mutation ($id: ID!, $token: String) { acceptInvitation(id: $id, token: $token) { id myRole } }`;
const DECLINE_WITH = `mutation ($id: ID!, $token: String) { declineInvitation(id: $id, token: $token) }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) }`;
const INBOX = `{ notifications { edges { node { kind summary excerpt community { id } } } } unreadNotificationCount }`;

describe('invitations with consent (finding 2)', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher();
    t = await startTestApp({ SMTP_URL: catcher.url, PUBLIC_URL: 'http://spiraal.test:8080', MAIL_POLL_MS: '100' });
    c = await communityWithPeople(t.baseUrl, 'PRIVATE', mailedInvitationToken(catcher));
  });
  afterAll(async () => {
    await t?.close();
    await catcher?.close();
  });

  /** The token of the link in the (latest) invitation mail to this address. */
  async function mailedToken(email: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const mail = [...catcher.mails].reverse().find((m) => m.envelopeTo.includes(email));
      const link = mail && /http:\/\/spiraal\.test:8080\/uitnodiging\?token=([^\s"<]+)/.exec(mail.parsed.text ?? '');
      if (link) return decodeURIComponent(link[1]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No invitation mail to ${email}`);
  }

  /** A registered user who confirmed their address through the verification mail. */
  async function verifiedUser(name?: string) {
    const user = await registerUser(t.baseUrl, name);
    let token: string | null = null;
    for (let i = 0; i < 100 && !token; i++) {
      const mail = catcher.mails.find(
        (m) => m.envelopeTo.includes(user.email) && /bevestigen\?token=/.test(m.parsed.text ?? ''),
      );
      const link = mail && /\/e-mailadres-bevestigen\?token=([^\s"<]+)/.exec(mail.parsed.text ?? '');
      if (link) token = decodeURIComponent(link[1]);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!token) throw new Error(`No verification mail to ${user.email}`);
    expect((await gqlData(t.baseUrl, VERIFY, { token })).verifyEmail).toBe(true);
    return user;
  }

  const invite = (email: string, role = 'MEMBER', token = c.facilitator.token) =>
    gql(t.baseUrl, INVITE, { input: { communityId: c.communityId, email, role, perspective: 'BEWONER' } }, token);

  it('has no addMember any more: members join only by accepting', async () => {
    const stranger = await registerUser(t.baseUrl);
    const old = await gql(
      t.baseUrl,
      `mutation { addMember(input: { communityId: "${c.communityId}", email: "${stranger.email}" }) { role } }`,
      {},
      c.facilitator.token,
    );
    expect(errorCode(old)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers the same for an address with an account and one without (no enumeration)', async () => {
    const existing = await registerUser(t.baseUrl, 'Bestaande Persoon');
    const a = await invite(existing.email.toUpperCase());
    const b = await invite('niemand-hier@example.nl');
    expect([a.status, b.status]).toEqual([200, 200]);
    const shape = (r: typeof a) => {
      const { id: _id, email: _email, expiresAt: _expires, ...rest } = r.data!.inviteMember;
      return rest;
    };
    expect(shape(a)).toEqual(shape(b));
    expect(shape(a)).toEqual({
      role: 'MEMBER',
      community: { id: c.communityId, name: expect.any(String) },
      invitedBy: { displayName: 'Fenna Facilitator' },
    });
    expect(a.data!.inviteMember.email).toBe(existing.email);
    expect(JSON.stringify(a.data)).not.toContain('Bestaande Persoon');
    expect(JSON.stringify(a.data)).not.toContain(existing.id);
  });

  it('makes nobody a member before accepting; the invited person sees, accepts and then belongs', async () => {
    const invited = await verifiedUser('Iris Uitgenodigd');
    const sent = await gqlData(
      t.baseUrl,
      INVITE,
      { input: { communityId: c.communityId, email: invited.email, role: 'READER', perspective: 'STUDENT' } },
      c.facilitator.token,
    );
    const id = sent.inviteMember.id as string;

    expect(
      (await gqlData(t.baseUrl, COMMUNITIES, {}, invited.token)).communities.map((x: { id: string }) => x.id),
    ).not.toContain(c.communityId);
    expect(await sql(t.db.url, `SELECT 1 FROM memberships WHERE user_id = $1`, [invited.id])).toHaveLength(0);
    const mine = (await gqlData(t.baseUrl, MINE, {}, invited.token)).myInvitations;
    expect(mine).toEqual([
      expect.objectContaining({
        id,
        role: 'READER',
        community: { id: c.communityId, name: expect.any(String) },
        invitedBy: { displayName: 'Fenna Facilitator' },
      }),
    ]);
    expect(new Date(mine[0].expiresAt).getTime()).toBeGreaterThan(Date.now());
    // Their inbox says so too (the community is not readable to them yet).
    const inbox = await gqlData(t.baseUrl, INBOX, {}, invited.token);
    expect(inbox.notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        kind: 'INVITATION',
        summary: expect.stringContaining('Fenna Facilitator'),
        excerpt: expect.stringContaining('als lezer'),
        community: { id: c.communityId },
      },
    ]);
    expect(inbox.unreadNotificationCount).toBe(1);

    // Someone else cannot take it.
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id }, c.outsider.token))).toBe('NOT_FOUND');

    const accepted = await gqlData(t.baseUrl, ACCEPT, { id }, invited.token);
    expect(accepted.acceptInvitation).toMatchObject({ id: c.communityId, myRole: 'READER' });
    expect(
      (await gqlData(t.baseUrl, COMMUNITIES, {}, invited.token)).communities.map((x: { id: string }) => x.id),
    ).toContain(c.communityId);
    expect((await gqlData(t.baseUrl, MINE, {}, invited.token)).myInvitations).toEqual([]);
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id }, invited.token))).toBe('NOT_FOUND');
  });

  it('can be declined, withdrawn, and expires', async () => {
    const [declining, withdrawn, late] = await Promise.all([verifiedUser(), verifiedUser(), verifiedUser()]);

    const d = (await invite(declining.email)).data!.inviteMember.id;
    expect((await gqlData(t.baseUrl, DECLINE, { id: d }, declining.token)).declineInvitation).toBe(true);
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id: d }, declining.token))).toBe('NOT_FOUND');

    const w = (await invite(withdrawn.email)).data!.inviteMember.id;
    expect(errorCode(await gql(t.baseUrl, WITHDRAW, { id: w }, c.member.token))).toBe('FORBIDDEN');
    const open = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { communityInvitations(communityId: $id) { id } }`,
      { id: c.communityId },
      c.facilitator.token,
    );
    expect(open.communityInvitations.map((i: { id: string }) => i.id)).toContain(w);
    expect((await gqlData(t.baseUrl, WITHDRAW, { id: w }, c.facilitator.token)).withdrawInvitation).toBe(true);
    expect((await gqlData(t.baseUrl, MINE, {}, withdrawn.token)).myInvitations).toEqual([]);
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id: w }, withdrawn.token))).toBe('NOT_FOUND');

    const l = (await invite(late.email)).data!.inviteMember.id;
    await sql(t.db.url, `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [l]);
    expect((await gqlData(t.baseUrl, MINE, {}, late.token)).myInvitations).toEqual([]);
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id: l }, late.token))).toBe('NOT_FOUND');
    expect(
      await sql(t.db.url, `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ANY($1)`, [
        [declining.email, withdrawn.email, late.email],
      ]),
    ).toHaveLength(0);
  });

  it('gives nobody an invitation for registering with its address: acceptance needs the link or a verified address', async () => {
    const victim = `slachtoffer-${Date.now()}@example.nl`;
    const sent = (await invite(victim, 'FACILITATOR')).data!.inviteMember;
    expect(sent).toMatchObject({ email: victim });
    // Someone else registers with the invited address (registration cannot check it) ...
    const squatter = await gqlData(
      t.baseUrl,
      `mutation ($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      {
        input: { email: victim, password: 'een lang wachtwoord', displayName: 'Niet Slachtoffer' },
      },
    );
    const token = squatter.register.token as string;
    // ... and sees nothing of the invitation, nor can take or refuse it: the same answer as for no invitation.
    expect((await gqlData(t.baseUrl, MINE, {}, token)).myInvitations).toEqual([]);
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id: sent.id }, token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(t.baseUrl, DECLINE, { id: sent.id }, token))).toBe('NOT_FOUND');
    const forged = `${sent.id}.${'A'.repeat(43)}`;
    expect(errorCode(await gql(t.baseUrl, ACCEPT_WITH, { id: sent.id, token: forged }, token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(t.baseUrl, ACCEPT_WITH, { id: sent.id, token: 'x'.repeat(5000) }, token))).toBe(
      'NOT_FOUND',
    );
    // A verification token of another account does not verify this one.
    const other = await verifiedUser();
    const mail = catcher.mails.find(
      (m) => m.envelopeTo.includes(other.email) && /bevestigen/.test(m.parsed.text ?? ''),
    )!;
    const otherToken = decodeURIComponent(/token=([^\s"<]+)/.exec(mail.parsed.text ?? '')![1]);
    const [, expiry, mac] = otherToken.split('.');
    expect(
      (await gqlData(t.baseUrl, VERIFY, { token: `${squatter.register.user.id}.${expiry}.${mac}` })).verifyEmail,
    ).toBe(false);
    expect((await gqlData(t.baseUrl, MINE, {}, token)).myInvitations).toEqual([]);
    expect((await gqlData(t.baseUrl, INBOX, {}, token)).unreadNotificationCount).toBe(0);
    expect(
      await sql(t.db.url, `SELECT 1 FROM memberships WHERE user_id = $1`, [squatter.register.user.id]),
    ).toHaveLength(0);
    expect(await sql(t.db.url, `SELECT outcome FROM invitations WHERE id = $1`, [sent.id])).toEqual([
      { outcome: null },
    ]);
    // The inviting side saw nothing of it: with mail the link is not handed to the facilitator.
    const open = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { communityInvitations(communityId: $id) { id linkToken } }`,
      { id: c.communityId },
      c.facilitator.token,
    );
    expect(open.communityInvitations).toContainEqual({ id: sent.id, linkToken: null });
  });

  it('accepts with the mailed link for an account that has the address, and that verifies it', async () => {
    const owner = await registerUser(t.baseUrl, 'Olga Eigenaar');
    const next = mailedInvitationToken(catcher);
    const first = (await invite(owner.email)).data!.inviteMember;
    expect((await gqlData(t.baseUrl, MINE, {}, owner.token)).myInvitations).toEqual([]);
    const token = await next(owner.email);
    // The link of one invitation does not open another.
    const second = (await invite(owner.email, 'READER', c.facilitator.token)).data!.inviteMember;
    expect(second.id).toBe(first.id); // renewed: the older link is void now
    expect(errorCode(await gql(t.baseUrl, ACCEPT_WITH, { id: first.id, token }, owner.token))).toBe('NOT_FOUND');
    const renewed = await next(owner.email);
    expect(errorCode(await gql(t.baseUrl, DECLINE_WITH, { id: first.id, token: renewed }, c.outsider.token))).toBe(
      'NOT_FOUND',
    );
    const accepted = await gqlData(t.baseUrl, ACCEPT_WITH, { id: first.id, token: renewed }, owner.token);
    expect(accepted.acceptInvitation).toEqual({ id: c.communityId, myRole: 'READER' });
    expect(
      await sql(t.db.url, `SELECT 1 FROM users WHERE id = $1 AND email_verified_at IS NOT NULL`, [owner.id]),
    ).toHaveLength(1);
  });

  it('mails a signed link that creates the account on acceptance when the address has none', async () => {
    const email = `nieuw-${Date.now()}@example.nl`;
    const sent = (await invite(email)).data!.inviteMember;
    const token = await mailedToken(email);
    const mail = [...catcher.mails].reverse().find((m) => m.envelopeTo.includes(email))!;
    expect(mail.parsed.subject).toMatch(/Uitnodiging voor/);
    expect(mail.parsed.text).toContain('Fenna Facilitator');

    const forged = await gql(t.baseUrl, LINK, {
      input: { token: `${sent.id}.${'A'.repeat(43)}`, displayName: 'Nova', password: 'een lang wachtwoord' },
    });
    expect(errorCode(forged)).toBe('NOT_FOUND');
    expect(await sql(t.db.url, `SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);

    const joined = await gqlData(t.baseUrl, LINK, {
      input: { token, displayName: 'Nova Nieuw', password: 'een lang wachtwoord' },
    });
    expect(joined.acceptInvitationLink.user).toEqual({ displayName: 'Nova Nieuw', email });
    const communities = await gqlData(
      t.baseUrl,
      `{ communities { id myRole } }`,
      {},
      joined.acceptInvitationLink.token,
    );
    expect(communities.communities).toContainEqual({ id: c.communityId, myRole: 'MEMBER' });
    expect(
      errorCode(
        await gql(t.baseUrl, LINK, { input: { token, displayName: 'Nog eens', password: 'een lang wachtwoord' } }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('invitations are rate-limited per inviter (finding 2)', () => {
  let t: TestApp;
  let c: CommunityFixture;

  beforeAll(async () => {
    t = await startTestApp({ RATE_INVITATIONS_PER_HOUR: '5' });
    c = await communityWithPeople(t.baseUrl); // 2 invitations, and 1 in the first test
  });
  afterAll(async () => {
    await t?.close();
  });

  it('without mail hands the link to the facilitator; only its holder accepts, and it verifies nothing', async () => {
    const victim = `zonder-mail-${Date.now()}@example.nl`;
    const sent = await gqlData(
      t.baseUrl,
      `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id linkToken } }`,
      { input: { communityId: c.communityId, email: victim, role: 'MEMBER', perspective: 'OTHER' } },
      c.facilitator.token,
    );
    const { id, linkToken } = sent.inviteMember as { id: string; linkToken: string };
    expect(linkToken).toMatch(new RegExp(`^${id}\\.`));
    const holder = await gqlData(
      t.baseUrl,
      `mutation ($input: RegisterInput!) { register(input: $input) { token user { id } } }`,
      {
        input: { email: victim, password: 'een lang wachtwoord', displayName: 'Vera Zonder' },
      },
    );
    const token = holder.register.token as string;
    expect((await gqlData(t.baseUrl, MINE, {}, token)).myInvitations).toEqual([]);
    expect(errorCode(await gql(t.baseUrl, ACCEPT, { id }, token))).toBe('NOT_FOUND');
    const accepted = await gqlData(t.baseUrl, ACCEPT_WITH, { id, token: linkToken }, token);
    expect(accepted.acceptInvitation).toEqual({ id: c.communityId, myRole: 'MEMBER' });
    expect(await sql(t.db.url, `SELECT email_verified_at FROM users WHERE id = $1`, [holder.register.user.id])).toEqual(
      [{ email_verified_at: null }],
    );
  });

  it('refuses the inviter past the limit with 429, and nothing is stored', async () => {
    const send = (i: number) =>
      gql(
        t.baseUrl,
        INVITE,
        { input: { communityId: c.communityId, email: `veel-${i}@example.nl`, role: 'MEMBER', perspective: 'OTHER' } },
        c.facilitator.token,
      );
    expect((await send(1)).status).toBe(200);
    expect((await send(2)).status).toBe(200);
    const refused = await send(3);
    expect([refused.status, errorCode(refused)]).toEqual([429, 'RATE_LIMITED']);
    expect(await sql(t.db.url, `SELECT 1 FROM invitations WHERE email = 'veel-3@example.nl'`)).toHaveLength(0);
  });
});
