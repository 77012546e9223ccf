import { unzipSync, strFromU8 } from 'fflate';
import { sql } from '../support/test-database';
import { errorCode, gql, gqlData, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { connectClient, typeParagraph, waitFor } from '../support/collab-client';

/** The privacy guard (docs/privacy.md): findings, pseudonymise, dismiss, the gate, search snippets, export. */
const CASE = 'Mevrouw Jansen (82) woont aan de Lindelaan 14, BSN 123457002.';
const FINDINGS = `query ($id: ID!) { item(id: $id) { text privacyFindings { id kind text start end confidence } } }`;
const PSEUDONYMISE = `mutation ($input: PseudonymiseInput!) { pseudonymise(input: $input) { id text privacyFindings { kind } } }`;
const DISMISS = `mutation ($input: DismissPrivacyFindingInput!) { dismissPrivacyFinding(input: $input) { id privacyFindings { id kind } } }`;
const PROMOTE = `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`;

interface Finding {
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
}

describe('privacy guard', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  const findings = async (id: string, token: string) =>
    (await gqlData(t.baseUrl, FINDINGS, { id }, token)).item as { text: string; privacyFindings: Finding[] };
  const newCase = (body: string, title = 'Casus mevrouw') =>
    createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title, body });

  it('shows editors the findings with offsets into the text, other readers an empty list, outsiders nothing', async () => {
    const { id } = await newCase(CASE);
    const item = await findings(id, c.member.token);
    expect(item.privacyFindings.map((f) => [f.kind, f.text])).toEqual([
      ['NAME', 'Jansen'],
      ['AGE', '(82)'],
      ['ADDRESS', 'Lindelaan 14'],
      ['BSN', '123457002'],
    ]);
    for (const f of item.privacyFindings) {
      expect(item.text.slice(f.start, f.end)).toBe(f.text);
      expect(f.confidence).toBeGreaterThan(0);
    }
    expect((await findings(id, c.reader.token)).privacyFindings).toEqual([]);
    expect(errorCode(await gql(t.baseUrl, FINDINGS, { id }, c.outsider.token))).toBe('NOT_FOUND');
  });

  it('computes findings from the live document at once, not after the text is stored', async () => {
    const { id } = await newCase('Eerste gesprek.');
    const editor = await connectClient(t.baseUrl, c.member.token, id);
    try {
      typeParagraph(editor.doc, 'Bel de dochter op 06-12345678.');
      // No wait for the delayed derivation: the answer comes from the loaded document.
      await waitFor(
        async () => (await findings(id, c.member.token)).privacyFindings.some((f) => f.kind === 'PHONE'),
        900,
        'the phone finding',
      );
    } finally {
      editor.destroy();
    }
  });

  it('pseudonymises in one transaction on the live document while two others type, losing none of their edits', async () => {
    const { id } = await newCase(`${CASE}\nMevrouw Jansen belt haar zoon Youssef El Idrissi op 06-12345678.`);
    const a = await connectClient(t.baseUrl, c.member.token, id);
    const b = await connectClient(t.baseUrl, c.facilitator.token, id);
    try {
      let typing = true;
      const typed: string[] = [];
      const typist = (async () => {
        for (let i = 0; typing; i++) {
          const line = `${i % 2 ? 'A' : 'B'} typt regel ${i}`;
          typeParagraph(i % 2 ? a.doc : b.doc, line);
          typed.push(line);
          await new Promise((r) => setTimeout(r, 15));
        }
      })();
      await new Promise((r) => setTimeout(r, 100));
      const result = (await gqlData(t.baseUrl, PSEUDONYMISE, { input: { itemId: id } }, c.member.token)).pseudonymise;
      await new Promise((r) => setTimeout(r, 100));
      typing = false;
      await typist;
      expect(result.text).toContain('Mevrouw Persoon A [leeftijd] woont aan de [adres], BSN [BSN].');
      expect(result.text).toContain('Mevrouw Persoon A belt haar zoon Persoon B op [telefoonnummer].');
      expect(result.privacyFindings).toEqual([]);
      for (const client of [a, b]) {
        await waitFor(
          () => typed.every((line) => client.text().includes(line)) && client.text().includes('Persoon B'),
          5000,
          'every edit on both editors',
        );
        expect(client.text()).not.toMatch(/Jansen|123457002|Youssef|06-12345678/);
      }
      expect(a.text()).toBe(b.text());
    } finally {
      a.destroy();
      b.destroy();
    }
    const audit = await sql<{ details: { kinds: string[] } }>(
      t.db.url,
      `SELECT details FROM audit_log WHERE action = 'privacy.pseudonymise' AND target_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toMatch(/Jansen|123457002/);
  });

  it('pseudonymises one chosen person everywhere and leaves the rest', async () => {
    const { id } = await newCase('Anna de Vries belde. Later zei mevrouw De Vries dat het beter ging. BSN 123457002.');
    const before = (await findings(id, c.member.token)).privacyFindings;
    const name = before.find((f) => f.kind === 'NAME')!;
    const result = (
      await gqlData(t.baseUrl, PSEUDONYMISE, { input: { itemId: id, findingIds: [name.id] } }, c.member.token)
    ).pseudonymise;
    expect(result.text).toBe('Persoon A belde. Later zei mevrouw Persoon A dat het beter ging. BSN 123457002.');
    expect(result.privacyFindings).toEqual([{ kind: 'BSN' }]);
  });

  it('refuses stale or unknown ids, readers and empty reasons, and changes nothing then', async () => {
    const { id } = await newCase(CASE);
    const [bsn] = (await findings(id, c.member.token)).privacyFindings.filter((f) => f.kind === 'BSN');
    const stale = await gql(
      t.baseUrl,
      PSEUDONYMISE,
      { input: { itemId: id, findingIds: [bsn.id, 'pf_0000000000000000'] } },
      c.member.token,
    );
    expect(errorCode(stale)).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await gql(t.baseUrl, PSEUDONYMISE, { input: { itemId: id, findingIds: [] } }, c.member.token)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(t.baseUrl, PSEUDONYMISE, { input: { itemId: id } }, c.reader.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(t.baseUrl, PSEUDONYMISE, { input: { itemId: id } }, c.outsider.token))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(
        await gql(t.baseUrl, DISMISS, { input: { itemId: id, findingId: bsn.id, reason: 'x' } }, c.reader.token),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await gql(t.baseUrl, DISMISS, { input: { itemId: id, findingId: bsn.id, reason: '   ' } }, c.member.token),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await gql(
          t.baseUrl,
          DISMISS,
          { input: { itemId: id, findingId: 'pf_nope', reason: 'Geen BSN' } },
          c.member.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const after = await findings(id, c.member.token);
    expect(after.text).toBe(CASE);
    expect(after.privacyFindings).toHaveLength(4);
    expect(await sql(t.db.url, 'SELECT 1 FROM privacy_dismissals WHERE item_id = $1', [id])).toEqual([]);
  });

  it('records who dismissed which finding and why; the finding stays closed while the text around it changes', async () => {
    const { id } = await newCase('Het bestelnummer is 123457002 volgens de leverancier.');
    const [finding] = (await findings(id, c.member.token)).privacyFindings;
    expect(finding.kind).toBe('BSN');
    const result = (
      await gqlData(
        t.baseUrl,
        DISMISS,
        { input: { itemId: id, findingId: finding.id, reason: 'Een bestelnummer, geen BSN' } },
        c.member.token,
      )
    ).dismissPrivacyFinding;
    expect(result.privacyFindings).toEqual([]);
    const [row] = await sql<{ reason: string; dismissed_by: string; kind: string }>(
      t.db.url,
      'SELECT reason, dismissed_by, kind FROM privacy_dismissals WHERE item_id = $1',
      [id],
    );
    expect(row).toEqual({ reason: 'Een bestelnummer, geen BSN', dismissed_by: c.member.id, kind: 'BSN' });
    const editor = await connectClient(t.baseUrl, c.member.token, id);
    try {
      typeParagraph(editor.doc, 'Een nieuwe alinea zonder gegevens.');
      await waitFor(
        async () => (await findings(id, c.member.token)).text.includes('nieuwe alinea'),
        3000,
        'the new text',
      );
      expect((await findings(id, c.member.token)).privacyFindings).toEqual([]);
    } finally {
      editor.destroy();
    }
    expect(
      errorCode(
        await gql(
          t.baseUrl,
          DISMISS,
          { input: { itemId: id, findingId: finding.id, reason: 'nogmaals' } },
          c.member.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses to promote a source with open findings, naming items and kinds; a facilitator may override with a reason (audit-logged)', async () => {
    const { id } = await newCase(CASE, 'Casus Lindelaan');
    const count = async () =>
      (await sql(t.db.url, `SELECT 1 FROM items WHERE kind = 'GUIDELINE' AND community_id = $1`, [c.communityId]))
        .length;
    const before = await count();
    const refused = await gql(
      t.baseUrl,
      PROMOTE,
      { input: { sourceItemIds: [id], title: 'Richtlijn thuiswonen' } },
      c.facilitator.token,
    );
    expect(errorCode(refused)).toBe('PRIVACY_FINDINGS_OPEN');
    expect(refused.errors![0].extensions!.items).toEqual([
      { id, title: 'Casus Lindelaan', kinds: ['NAME', 'AGE', 'ADDRESS', 'BSN'] },
    ]);
    expect(refused.errors![0].message).toContain('Casus Lindelaan');
    const noReason = await gql(
      t.baseUrl,
      PROMOTE,
      { input: { sourceItemIds: [id], title: 'Richtlijn', privacyOverride: { reason: ' ' } } },
      c.facilitator.token,
    );
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const byMember = await gql(
      t.baseUrl,
      PROMOTE,
      { input: { sourceItemIds: [id], title: 'Richtlijn', privacyOverride: { reason: 'Mag' } } },
      c.member.token,
    );
    expect(errorCode(byMember)).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    const overridden = await gql(
      t.baseUrl,
      PROMOTE,
      { input: { sourceItemIds: [id], title: 'Richtlijn', privacyOverride: { reason: 'Toestemming van cliënt' } } },
      c.facilitator.token,
    );
    expect(overridden.errors).toBeUndefined();
    const [audit] = await sql<{ details: { reason: string; for: string } }>(
      t.db.url,
      `SELECT details FROM audit_log WHERE action = 'privacy.override' AND community_id = $1`,
      [c.communityId],
    );
    expect(audit.details).toMatchObject({ reason: 'Toestemming van cliënt', for: 'guideline.promote' });
    // After pseudonymising, the case may be promoted without an override.
    await gqlData(t.baseUrl, PSEUDONYMISE, { input: { itemId: id } }, c.member.token);
    expect(
      (await gql(t.baseUrl, PROMOTE, { input: { sourceItemIds: [id], title: 'Richtlijn 2' } }, c.facilitator.token))
        .errors,
    ).toBeUndefined();
  });

  it('refuses to make a community network-visible while cases hold open findings, unless a facilitator overrides with a reason', async () => {
    const fresh = await communityWithPeople(t.baseUrl);
    await createItem(t.baseUrl, fresh.member.token, {
      communityId: fresh.communityId,
      kind: 'CASE',
      title: 'Casus',
      body: CASE,
    });
    const UPDATE = `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { visibility } }`;
    const visibility = async () =>
      (
        await sql<{ visibility: string }>(t.db.url, 'SELECT visibility FROM communities WHERE id = $1', [
          fresh.communityId,
        ])
      )[0].visibility;

    const refused = await gql(
      t.baseUrl,
      UPDATE,
      { input: { id: fresh.communityId, visibility: 'NETWORK' } },
      fresh.facilitator.token,
    );
    expect(errorCode(refused)).toBe('PRIVACY_FINDINGS_OPEN');
    expect(refused.errors![0].extensions!.items).toEqual([
      expect.objectContaining({ title: 'Casus', kinds: expect.arrayContaining(['BSN', 'NAME']) }),
    ]);
    expect(await visibility()).toBe('PRIVATE');
    // Other settings stay free: a new name needs no gate.
    await gqlData(
      t.baseUrl,
      UPDATE,
      { input: { id: fresh.communityId, name: 'Intervisiegroep Oost' } },
      fresh.facilitator.token,
    );

    const overridden = await gqlData(
      t.baseUrl,
      UPDATE,
      {
        input: {
          id: fresh.communityId,
          visibility: 'NETWORK',
          privacyOverride: { reason: 'Alle cliënten gaven toestemming' },
        },
      },
      fresh.facilitator.token,
    );
    expect(overridden.updateCommunity.visibility).toBe('NETWORK');
    const [audit] = await sql<{ details: { for: string } }>(
      t.db.url,
      `SELECT details FROM audit_log WHERE action = 'privacy.override' AND community_id = $1`,
      [fresh.communityId],
    );
    expect(audit.details.for).toBe('community.visibility');
  });

  it('never shows a BSN or IBAN in a search snippet, and exports only without open findings or pseudonymised', async () => {
    const other = await communityWithPeople(t.baseUrl);
    await createItem(t.baseUrl, other.member.token, {
      communityId: other.communityId,
      kind: 'CASE',
      title: 'Schuldhulp',
      body: 'De schuldhulpmaatje kreeg BSN 123457002 en rekening NL91ABNA0417164300 van meneer Bakker.',
    });
    const SEARCH = `query ($input: SearchInput!) { search(input: $input) { hits { highlights { text } } } }`;
    await waitFor(
      async () =>
        (await gqlData(t.baseUrl, SEARCH, { input: { query: 'schuldhulpmaatje' } }, other.reader.token)).search.hits
          .length > 0,
      10_000,
      'indexing',
    );
    for (const query of ['schuldhulpmaatje', '123457002', 'NL91ABNA0417164300']) {
      const hits = (await gqlData(t.baseUrl, SEARCH, { input: { query } }, other.reader.token)).search.hits as {
        highlights: { text: string };
      }[];
      for (const hit of hits) expect(hit.highlights.text).not.toMatch(/123457002|NL91ABNA0417164300|0417164300/);
    }
    const url = `${t.baseUrl}/export/communities/${other.communityId}`;
    const headers = { Authorization: `Bearer ${other.facilitator.token}` };
    const refused = await fetch(url, { headers });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'PRIVACY_FINDINGS_OPEN',
    );
    const zip = await fetch(`${url}?pseudonymise=1`, { headers });
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).toContain('[BSN]');
    expect(all).not.toMatch(/123457002|NL91ABNA0417164300|Bakker/);
  });

  it('shows facilitators the cases past the bewaartermijn with open personal data, also as a spiral signal', async () => {
    const SET = `mutation ($input: SetRetentionInput!) { setRetention(input: $input) { id retentionMonths } }`;
    const ATTENTION = `query ($id: ID!) { community(id: $id) { retentionMonths privacyAttention { item { id } kinds } } }`;
    expect(
      errorCode(
        await gql(t.baseUrl, SET, { input: { communityId: c.communityId, retentionMonths: 24 } }, c.member.token),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await gql(t.baseUrl, SET, { input: { communityId: c.communityId, retentionMonths: 0 } }, c.facilitator.token),
      ),
    ).toBe('BAD_USER_INPUT');
    const old = await newCase('Meneer Bakker belde over zijn schulden.', 'Oude casus');
    const recent = await newCase('Mevrouw Smit belde.', 'Nieuwe casus');
    await sql(t.db.url, `UPDATE items SET created_at = now() - interval '30 months' WHERE id = $1`, [old.id]);
    expect(
      (await gqlData(t.baseUrl, ATTENTION, { id: c.communityId }, c.facilitator.token)).community.privacyAttention,
    ).toEqual([]);
    expect(
      (
        await gqlData(
          t.baseUrl,
          SET,
          { input: { communityId: c.communityId, retentionMonths: 24 } },
          c.facilitator.token,
        )
      ).setRetention.retentionMonths,
    ).toBe(24);
    const seen = (await gqlData(t.baseUrl, ATTENTION, { id: c.communityId }, c.facilitator.token)).community;
    expect(seen.privacyAttention).toEqual([{ item: { id: old.id }, kinds: ['NAME'] }]);
    expect(seen.privacyAttention.map((a: { item: { id: string } }) => a.item.id)).not.toContain(recent.id);
    expect(
      (await gqlData(t.baseUrl, ATTENTION, { id: c.communityId }, c.member.token)).community.privacyAttention,
    ).toEqual([]);
    const SPIRAL = `query ($id: ID!) { spiral(communityId: $id) { signals { code items { id } } } }`;
    const signals = async (token: string) =>
      (await gqlData(t.baseUrl, SPIRAL, { id: c.communityId }, token)).spiral.signals as {
        code: string;
        items: { id: string }[];
      }[];
    expect((await signals(c.facilitator.token)).find((s) => s.code === 'PRIVACY_ATTENTION')?.items).toEqual([
      { id: old.id },
    ]);
    expect((await signals(c.member.token)).some((s) => s.code === 'PRIVACY_ATTENTION')).toBe(false);
  });
});
