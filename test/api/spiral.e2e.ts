import { collabTicket, connectClient, textOf, typeParagraph, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { addMember, errorCode, gql, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';
import { sql, storedDocument } from '../support/test-database';

const ITEM = `id kind stage title guidelineStatus guidelineVersion reviewDate markdown
  sources { id } derivedItems { id } applications { id } appliesTo { guideline { id } version }
  guidelineVersions { number title text adoptedBy { displayName } adoptedAt reviewDate }
  attention { needed reasons { code item { id } } }
  comments { id kind body author { displayName } authorPerspective resolvedAt }`;

interface Item {
  id: string;
  kind: string;
  stage: string;
  title: string;
  guidelineStatus: string | null;
  guidelineVersion: number | null;
  reviewDate: string | null;
  markdown: string;
  sources: { id: string }[];
  derivedItems: { id: string }[];
  applications: { id: string }[];
  appliesTo: { guideline: { id: string }; version: number } | null;
  guidelineVersions: {
    number: number;
    title: string;
    text: string;
    adoptedBy: { displayName: string };
    adoptedAt: string;
    reviewDate: string;
  }[];
  attention: { needed: boolean; reasons: { code: string; item: { id: string } | null }[] } | null;
  comments: {
    id: string;
    kind: string;
    body: string;
    author: { displayName: string };
    authorPerspective: string;
    resolvedAt: string | null;
  }[];
}

const SPIRAL = `query ($id: ID!, $from: DateTime, $to: DateTime) {
  spiral(communityId: $id, from: $from, to: $to) {
    from to
    stageCounts { stage count }
    transitions { month from to count }
    flows { guideline { id } sources { id } applications { id } }
    contributions { perspective members items comments reflections }
    signals { code question items { id } perspectives }
  }
}`;

/**
 * The whole spiral through GraphQL, as a facilitator and two members would
 * go round it: story → case → uitwerken tot richtlijn → uitprobeerfase →
 * toepassingsreflectie → vastgesteld → bijstellen, with klankbord, a
 * bijeenkomst, and the spiral report showing every move.
 */
describe('the knowledge spiral', () => {
  let t: TestApp;
  let c: CommunityFixture;
  let member2: TestUser;
  const ids: Record<string, string> = {};

  const item = async (id: string, user: TestUser = c.facilitator) =>
    (await gqlData<{ item: Item }>(t.baseUrl, `query ($id: ID!) { item(id: $id) { ${ITEM} } }`, { id }, user.token))
      .item;
  const mutate = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    gqlData<T>(t.baseUrl, query, variables, user.token);
  const setStatus = (id: string, status: string, user: TestUser = c.facilitator, reviewDate?: string) =>
    mutate<{ setGuidelineStatus: Item }>(
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { ${ITEM} } }`,
      { input: { id, status, reviewDate } },
      user,
    );
  const apply = (guidelineId: string, user: TestUser, body?: string) =>
    gql(
      t.baseUrl,
      `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { ${ITEM} } }`,
      { input: { guidelineId, body } },
      user.token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
    member2 = await registerUser(t.baseUrl, 'Bo Bewoner');
    await addMember(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      user: member2,
      role: 'MEMBER',
      perspective: 'BEWONER',
    });
  });
  afterAll(() => t?.close());

  it('1. a story becomes explicit: a stage change is a move', async () => {
    ids.story = (
      await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'STORY',
        title: 'De koffie die klaarstond',
        body: 'Hij wilde vooral dat ik bleef zitten.\n\nPas daarna vertelde hij over zijn vrouw.',
      })
    ).id;
    await mutate(
      `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { id } }`,
      { input: { id: ids.story, stage: 'EXTERNALISATIE', reason: 'Uitgeschreven na de intervisie' } },
      c.member,
    );
    ids.case1 = (
      await createItem(t.baseUrl, member2.token, {
        communityId: c.communityId,
        kind: 'CASE',
        title: 'Casus: mevrouw wil geen hulp',
        body: '## Situatie\n\nMevrouw woont alleen.\n\n## Suggesties\n\nEerst vertrouwen, dan pas vragen.',
      })
    ).id;
    ids.case2 = (
      await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'CASE',
        title: 'Casus: de gesloten deur',
        body: '## Afspraken\n\nWe komen terug op een vaste dag.',
      })
    ).id;
  });

  it('2. uitwerken tot richtlijn: a guideline in combinatie, status concept, with its provenance and a section per source', async () => {
    const { promoteToGuideline } = await mutate<{ promoteToGuideline: Item }>(
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { ${ITEM} } }`,
      {
        input: { sourceItemIds: [ids.story, ids.case1, ids.case2], title: 'Richtlijn: contact leggen bij zorgmijding' },
      },
      c.facilitator,
    );
    ids.guideline = promoteToGuideline.id;
    expect(promoteToGuideline).toMatchObject({
      kind: 'GUIDELINE',
      stage: 'COMBINATIE',
      guidelineStatus: 'CONCEPT',
      guidelineVersion: 1,
      guidelineVersions: [],
      applications: [],
    });
    expect(promoteToGuideline.sources.map((s) => s.id)).toEqual([ids.story, ids.case1, ids.case2]);
    const md = promoteToGuideline.markdown;
    for (const [key, title] of [
      ['story', 'De koffie die klaarstond'],
      ['case1', 'Casus: mevrouw wil geen hulp'],
      ['case2', 'Casus: de gesloten deur'],
    ]) {
      expect(md).toContain(`## ${title}`);
      expect(md).toContain(`(/items/${ids[key]})`);
    }
    // A title that starts with its kind is not prefixed twice ("Bron: Casus: Casus: …").
    expect(md).toContain(`Bron: [Casus: mevrouw wil geen hulp](/items/${ids.case1})`);
    expect(md).toContain(`Bron: [Verhaal: De koffie die klaarstond](/items/${ids.story})`);
    expect(md).not.toMatch(/Casus: Casus:/);
    expect(md).toContain('> Suggesties: Eerst vertrouwen, dan pas vragen.');
    expect(md).toContain('> Afspraken: We komen terug op een vaste dag.');
    expect(md).toContain('> Hij wilde vooral dat ik bleef zitten.');
    expect((await item(ids.case1)).derivedItems.map((d) => d.id)).toEqual([ids.guideline]);
  });

  it('refuses sources from another community, unreadable ones as not found, and nothing is created', async () => {
    const other = await communityWithPeople(t.baseUrl);
    const foreign = await createItem(t.baseUrl, other.member.token, {
      communityId: other.communityId,
      kind: 'CASE',
      title: 'Elders',
    });
    // The facilitator of both communities still may not mix them.
    await addMember(t.baseUrl, other.facilitator.token, {
      communityId: other.communityId,
      user: c.facilitator,
      role: 'FACILITATOR',
      perspective: 'PROFESSIONAL',
    });
    const before = await sql<{ n: number }>(t.db.url, `SELECT count(*)::int AS n FROM items WHERE kind = 'GUIDELINE'`);
    const mixed = await gql(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [ids.case1, foreign.id], title: 'Gemengd' } },
      c.facilitator.token,
    );
    expect(errorCode(mixed)).toBe('BAD_USER_INPUT');
    const hidden = await gql(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [ids.case1, foreign.id], title: 'Verborgen' } },
      c.member.token,
    );
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const none = await gql(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [], title: 'Leeg' } },
      c.facilitator.token,
    );
    expect(errorCode(none)).toBe('BAD_USER_INPUT');
    const fromGuideline = await gql(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [ids.guideline], title: 'Richtlijn uit richtlijn' } },
      c.facilitator.token,
    );
    expect(errorCode(fromGuideline)).toBe('BAD_USER_INPUT');
    expect(await sql<{ n: number }>(t.db.url, `SELECT count(*)::int AS n FROM items WHERE kind = 'GUIDELINE'`)).toEqual(
      before,
    );
  });

  it('3. a concept is not tried yet; in the uitprobeerfase members and readers record applications on version 1', async () => {
    expect(errorCode(await apply(ids.guideline, c.member, 'Te vroeg'))).toBe('BAD_USER_INPUT');
    await setStatus(ids.guideline, 'IN_UITPROBEERFASE');
    const byMember = await apply(ids.guideline, member2, '## Wat deed je?\n\nIk ging drie keer langs op dezelfde dag.');
    expect(byMember.errors).toBeUndefined();
    const reflection = byMember.data!.recordApplication as Item;
    expect(reflection).toMatchObject({
      kind: 'REFLECTION',
      stage: 'INTERNALISATIE',
      appliesTo: { guideline: { id: ids.guideline }, version: 1 },
    });
    expect(reflection.title).toBe('Toepassingsreflectie: Richtlijn: contact leggen bij zorgmijding');
    ids.reflection1 = reflection.id;
    const byReader = await apply(ids.guideline, c.reader);
    expect(byReader.errors).toBeUndefined();
    ids.reflection2 = byReader.data!.recordApplication.id;
    // An empty body starts from the template's three questions.
    expect(byReader.data!.recordApplication.markdown).toMatch(
      /Wat deed je\?[\s\S]*Wat gebeurde er\?[\s\S]*Wat zou je anders doen\?/,
    );
    expect((await item(ids.guideline)).applications.map((a) => a.id)).toEqual([ids.reflection2, ids.reflection1]);
  });

  it('4. vastgesteld freezes version 1: the document turns read-only, live too', async () => {
    const editor = await connectClient(t.baseUrl, c.member.token, ids.guideline);
    try {
      typeParagraph(editor.doc, 'Aanvulling van voor het vaststellen.');
      await waitFor(
        async () => textOf(await storedDocument(t.db.url, ids.guideline)).includes('Aanvulling van voor'),
        5_000,
        'the edit to be stored',
      );
      const adopted = (await setStatus(ids.guideline, 'VASTGESTELD', c.facilitator, '2027-11-01T00:00:00.000Z'))
        .setGuidelineStatus;
      expect(adopted.guidelineStatus).toBe('VASTGESTELD');
      expect(adopted.guidelineVersions).toEqual([
        expect.objectContaining({
          number: 1,
          title: 'Richtlijn: contact leggen bij zorgmijding',
          adoptedBy: { displayName: 'Fenna Facilitator' },
          reviewDate: '2027-11-01T00:00:00.000Z',
        }),
      ]);
      expect(adopted.guidelineVersions[0].text).toContain('Aanvulling van voor het vaststellen.');
      // The open editor is read-only now: what it types is never stored.
      await new Promise((r) => setTimeout(r, 300));
      typeParagraph(editor.doc, 'Stiekeme wijziging na het vaststellen.');
      await new Promise((r) => setTimeout(r, 500));
      expect(textOf(await storedDocument(t.db.url, ids.guideline))).not.toContain('Stiekeme wijziging');
    } finally {
      editor.destroy();
    }
    expect((await collabTicket(t.baseUrl, c.facilitator.token, ids.guideline)).readOnly).toBe(true);
    const rename = await gql(
      t.baseUrl,
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
      { input: { id: ids.guideline, title: 'Anders' } },
      c.facilitator.token,
    );
    expect(errorCode(rename)).toBe('FORBIDDEN');
    expect(
      errorCode(
        await gql(
          t.baseUrl,
          `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
          { input: { id: ids.guideline, status: 'CONCEPT' } },
          c.facilitator.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await apply(ids.guideline, c.member, 'Na het vaststellen toegepast.')).errors).toBeUndefined();
  });

  it('5. a source changed after adoption, or a passed review date, asks for attention', async () => {
    expect((await item(ids.guideline)).attention).toEqual({ needed: false, reasons: [] });
    await new Promise((r) => setTimeout(r, 10));
    await mutate(
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
      { input: { id: ids.case1, title: 'Casus: mevrouw wil geen hulp (bijgewerkt)' } },
      member2,
    );
    expect((await item(ids.guideline)).attention).toEqual({
      needed: true,
      reasons: [{ code: 'SOURCE_CHANGED', item: { id: ids.case1 } }],
    });
    await setStatus(ids.guideline, 'VASTGESTELD', c.facilitator, '2026-01-01T00:00:00.000Z');
    expect((await item(ids.guideline)).attention!.reasons.map((r) => r.code)).toEqual([
      'REVIEW_DATE_PASSED',
      'SOURCE_CHANGED',
    ]);
  });

  it('6. bijstellen opens version 2 for editing; version 1 stays readable', async () => {
    const { reviseGuideline } = await mutate<{ reviseGuideline: Item }>(
      `mutation ($id: ID!) { reviseGuideline(id: $id) { ${ITEM} } }`,
      { id: ids.guideline },
      c.facilitator,
    );
    expect(reviseGuideline).toMatchObject({ guidelineStatus: 'CONCEPT', guidelineVersion: 2 });
    expect(reviseGuideline.guidelineVersions.map((v) => v.number)).toEqual([1]);
    expect((await collabTicket(t.baseUrl, c.member.token, ids.guideline)).readOnly).toBe(false);
    expect(
      errorCode(
        await gql(
          t.baseUrl,
          `mutation ($id: ID!) { reviseGuideline(id: $id) { id } }`,
          { id: ids.guideline },
          c.facilitator.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    await setStatus(ids.guideline, 'VASTGESTELD');
    expect((await item(ids.guideline)).guidelineVersions.map((v) => v.number)).toEqual([2, 1]);
  });

  it('7. klankbord: questions first, suggestions last, with each author’s perspective; resolved by author or facilitator', async () => {
    const add = (kind: string, body: string, user: TestUser) =>
      mutate<{ addComment: { id: string } }>(
        `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { itemId: ids.case2, kind, body } },
        user,
      );
    const suggestion = (await add('SUGGESTION', 'Probeer een vaste dag.', c.member)).addComment.id;
    ids.question = (await add('QUESTION', 'Wat maakte dat de deur dicht bleef?', c.reader)).addComment.id;
    await add('REACTION', 'Dit herken ik uit de wijk.', member2);
    const { comments } = await item(ids.case2);
    expect(comments.map((x) => [x.kind, x.author.displayName, x.authorPerspective])).toEqual([
      ['QUESTION', 'Lea Lezer', 'STUDENT'],
      ['REACTION', 'Bo Bewoner', 'BEWONER'],
      ['SUGGESTION', 'Mo Lid', 'ERVARINGSDESKUNDIGE'],
    ]);
    expect(
      errorCode(
        await gql(
          t.baseUrl,
          `mutation ($id: ID!) { resolveComment(id: $id) { id } }`,
          { id: suggestion },
          member2.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    const resolved = await mutate<{ resolveComment: { resolvedAt: string } }>(
      `mutation ($id: ID!) { resolveComment(id: $id) { resolvedAt } }`,
      { id: suggestion },
      c.member,
    );
    expect(resolved.resolveComment.resolvedAt).toBeTruthy();
    for (const body of ['', ' ', 'x'.repeat(5001)]) {
      expect(
        errorCode(
          await gql(
            t.baseUrl,
            `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
            { input: { itemId: ids.case2, kind: 'REACTION', body } },
            c.member.token,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    }
  });

  it('8. a bijeenkomst offers what practice brought up and has a verslag', async () => {
    const meetingFields = `id title kind report { id kind title } agenda { position item { id } comment { id } note } agendaSuggestions { reason item { id } comment { id } }`;
    const { createMeeting } = await mutate<{ createMeeting: any }>(
      `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { ${meetingFields} } }`,
      {
        input: {
          communityId: c.communityId,
          title: 'Intervisie december',
          date: '2026-12-10T13:00:00.000Z',
          kind: 'INTERVISIE',
        },
      },
      c.member,
    );
    expect(createMeeting.report).toMatchObject({ kind: 'NOTE', title: 'Verslag: Intervisie december' });
    const suggested = createMeeting.agendaSuggestions.map(
      (s: any) => `${s.reason}:${s.item.id}:${s.comment?.id ?? ''}`,
    );
    expect(suggested).toEqual(
      expect.arrayContaining([
        `REFLECTION:${ids.reflection1}:`,
        `REFLECTION:${ids.reflection2}:`,
        `OPEN_QUESTION:${ids.case2}:${ids.question}`,
      ]),
    );
    const add = (input: Record<string, unknown>) =>
      mutate<{ addAgendaItem: any }>(
        `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { ${meetingFields} } }`,
        { input: { meetingId: createMeeting.id, ...input } },
        c.member,
      );
    await add({ itemId: ids.reflection1 });
    const { addAgendaItem } = await add({ commentId: ids.question, note: 'Eerst deze vraag' });
    expect(addAgendaItem.agenda).toEqual([
      { position: 1, item: { id: ids.reflection1 }, comment: null, note: null },
      { position: 2, item: { id: ids.case2 }, comment: { id: ids.question }, note: 'Eerst deze vraag' },
    ]);
    const left = addAgendaItem.agendaSuggestions.map((s: any) => s.item.id);
    expect(left).not.toContain(ids.reflection1);
    expect(addAgendaItem.agendaSuggestions.some((s: any) => s.comment?.id === ids.question)).toBe(false);
    expect(
      errorCode(
        await gql(
          t.baseUrl,
          `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
          { input: { meetingId: createMeeting.id } },
          c.member.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('9. the spiral report shows every move, the turn, the voices and the questions', async () => {
    // A case that has waited long, and an adopted guideline nobody tried for months.
    const old = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Oude casus',
    });
    await sql(t.db.url, `UPDATE items SET created_at = now() - interval '70 days' WHERE id = $1`, [old.id]);
    const { spiral } = await gqlData<{ spiral: any }>(t.baseUrl, SPIRAL, { id: c.communityId }, c.reader.token);
    const counts = Object.fromEntries(spiral.stageCounts.map((s: any) => [s.stage, s.count]));
    expect(counts).toEqual({ SOCIALISATIE: 0, EXTERNALISATIE: 4 + 1, COMBINATIE: 1, INTERNALISATIE: 3 });
    const moves = (from: string, to: string) =>
      spiral.transitions
        .filter((m: any) => m.from === from && m.to === to)
        .reduce((n: number, m: any) => n + m.count, 0);
    expect(moves('SOCIALISATIE', 'EXTERNALISATIE')).toBe(1);
    expect(moves('EXTERNALISATIE', 'COMBINATIE')).toBe(3);
    expect(moves('COMBINATIE', 'INTERNALISATIE')).toBe(3);
    expect(spiral.transitions.every((m: any) => /^\d{4}-\d{2}$/.test(m.month))).toBe(true);
    expect(spiral.flows).toEqual([
      {
        guideline: { id: ids.guideline },
        sources: [{ id: ids.story }, { id: ids.case1 }, { id: ids.case2 }],
        applications: expect.arrayContaining([{ id: ids.reflection1 }, { id: ids.reflection2 }]),
      },
    ]);
    const voices = Object.fromEntries(spiral.contributions.map((x: any) => [x.perspective, x]));
    expect(voices.BEWONER).toEqual({ perspective: 'BEWONER', members: 1, items: 2, comments: 1, reflections: 1 });
    expect(voices.STUDENT).toMatchObject({ members: 1, comments: 1, reflections: 1 });
    const signals = Object.fromEntries(spiral.signals.map((s: any) => [s.code, s]));
    expect(signals.CASES_NOT_COMBINED.items).toEqual([{ id: old.id }]);
    expect(signals.CASES_NOT_COMBINED.question).toMatch(/^Welke casussen/);
    expect(signals.REFLECTIONS_NOT_DISCUSSED.items.map((i: any) => i.id)).toEqual(
      expect.arrayContaining([ids.reflection2]),
    );
    expect(signals.REFLECTIONS_NOT_DISCUSSED.items.map((i: any) => i.id)).not.toContain(ids.reflection1);
    expect(signals.REVIEW_DATES_PASSED).toBeUndefined();
    expect(signals.MISSING_PERSPECTIVES).toBeUndefined();
    // Not a score anywhere: no people, no ranking.
    expect(JSON.stringify(spiral)).not.toMatch(/displayName|score|rank/i);
  });

  it('10. asks about an adopted guideline nobody tried in 90 days, and about a review date that passed', async () => {
    await sql(
      t.db.url,
      `UPDATE guideline_versions SET adopted_at = adopted_at - interval '120 days' WHERE guideline_id = $1`,
      [ids.guideline],
    );
    await sql(
      t.db.url,
      `UPDATE items SET created_at = created_at - interval '100 days' WHERE applies_guideline_id = $1`,
      [ids.guideline],
    );
    await setStatus(ids.guideline, 'VASTGESTELD', c.facilitator, '2026-02-01T00:00:00.000Z');
    const { spiral } = await gqlData<{ spiral: any }>(t.baseUrl, SPIRAL, { id: c.communityId }, c.member.token);
    const signals = Object.fromEntries(spiral.signals.map((s: any) => [s.code, s]));
    expect(signals.GUIDELINES_NOT_TRIED.items).toEqual([{ id: ids.guideline }]);
    expect(signals.REVIEW_DATES_PASSED.items).toEqual([{ id: ids.guideline }]);
    expect(signals.GUIDELINES_NOT_TRIED.question).toMatch(/\?/);
  });

  it('asks a sensible period of the spiral report', async () => {
    for (const [from, to] of [
      ['2026-11-01T00:00:00Z', '2026-10-01T00:00:00Z'],
      ['2010-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ]) {
      expect(errorCode(await gql(t.baseUrl, SPIRAL, { id: c.communityId, from, to }, c.member.token))).toBe(
        'BAD_USER_INPUT',
      );
    }
    const { spiral } = await gqlData<{ spiral: any }>(
      t.baseUrl,
      SPIRAL,
      { id: c.communityId, from: '2020-01-01T00:00:00Z', to: '2020-12-31T00:00:00Z' },
      c.member.token,
    );
    expect(spiral.transitions).toEqual([]);
    expect(spiral.flows).toEqual([]);
  });

  it('proposes the tags most sources share instead of all of them, and takes the tags the facilitator chose', async () => {
    const tagged = async (title: string, tags: string[]) =>
      (await createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title, tags })).id;
    const sources = [
      await tagged('Buurvrouw belt niet meer', ['mantelzorg', 'eenzaamheid', 'schulden']),
      await tagged('Zoon komt niet', ['Mantelzorg', 'jeugd']),
      await tagged('Vader vergeet', ['mantelzorg', 'eenzaamheid', 'dementie']),
    ];
    const promote = (input: Record<string, unknown>) =>
      mutate<{ promoteToGuideline: { id: string; tags: string[] } }>(
        `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id tags } }`,
        { input },
        c.facilitator,
      );
    const proposed = await promote({ sourceItemIds: sources, title: 'Mantelzorgers in beeld' });
    expect(proposed.promoteToGuideline.tags).toEqual(['mantelzorg', 'eenzaamheid']);
    const chosen = await promote({
      sourceItemIds: sources,
      title: 'Mantelzorgers ontlasten',
      tags: ['MANTELZORG', 'respijtzorg'],
    });
    expect(chosen.promoteToGuideline.tags).toEqual(['mantelzorg', 'respijtzorg']);
    ids.tagged = chosen.promoteToGuideline.id;
  });

  it('uitproberen: a reflection with its own title, what the writer will try and when they look back; no doubled prefix', async () => {
    await setStatus(ids.tagged, 'IN_UITPROBEERFASE');
    const renamed = await mutate<{ updateItem: { title: string } }>(
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { title } }`,
      { input: { id: ids.tagged, title: 'Toepassingsreflectie: zo ontlasten we' } },
      c.facilitator,
    );
    expect(renamed.updateItem.title).toBe('Toepassingsreflectie: zo ontlasten we');
    const plain = await apply(ids.tagged, c.member);
    expect(plain.data!.recordApplication.title).toBe('Toepassingsreflectie: zo ontlasten we');
    const planned = await gql(
      t.baseUrl,
      `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { ${ITEM} } }`,
      {
        input: {
          guidelineId: ids.tagged,
          title: 'Respijt bij familie Jansen',
          intention: 'Een dagdeel respijtzorg regelen voor de dochter.',
          lookBackOn: '2027-01-15T00:00:00Z',
        },
      },
      member2.token,
    );
    expect(planned.errors).toBeUndefined();
    const reflection = planned.data!.recordApplication as Item;
    expect(reflection).toMatchObject({
      title: 'Respijt bij familie Jansen',
      kind: 'REFLECTION',
      appliesTo: { guideline: { id: ids.tagged }, version: 1 },
    });
    expect(reflection.markdown).toMatch(
      /^## Wat ga ik proberen\?\n\nEen dagdeel respijtzorg regelen voor de dochter\.\n\n## Wanneer kijk ik terug\?\n\n15 januari 2027\n\n## Wat deed je\?/,
    );
    const both = await gql(
      t.baseUrl,
      `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id } }`,
      { input: { guidelineId: ids.tagged, body: 'tekst', intention: 'plan' } },
      member2.token,
    );
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
  });
});
