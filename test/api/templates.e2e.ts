import { errorCode, gql, gqlData, startTestApp, TestApp } from '../support/test-app';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { waitFor } from '../support/collab-client';
import { SEARCH, SearchResultData } from '../search/search-contract';

const TEMPLATES = `query ($communityId: ID!) { templates(communityId: $communityId) {
  id name description kind body builtIn prompts { heading prompt } document } }`;
const CREATE_TEMPLATE = `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id name kind body builtIn } }`;
const UPDATE_TEMPLATE = `mutation ($input: UpdateTemplateInput!) { updateTemplate(input: $input) { id name body } }`;
const ARCHIVE_TEMPLATE = `mutation ($id: ID!) { archiveTemplate(id: $id) { id } }`;
const CREATE_ITEM = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id text templateId } }`;
const ITEM = `query ($id: ID!) { item(id: $id) { id text markdown templateId } }`;
const EXPORT = `query ($id: ID!) { exportItem(id: $id) { markdown } }`;

const INCIDENT = `## Het incident

Welk concreet voorval uit je werk wil je inbrengen?

## Mijn vraag

Wat wil je leren van deze ronde?

## Rondvraag
`;

describe('templates facilitators make', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  const list = async (token: string) =>
    (await gqlData<{ templates: Record<string, any>[] }>(t.baseUrl, TEMPLATES, { communityId: c.communityId }, token))
      .templates;

  it('offers the built-in templates and intervisie methods to every member, readers included', async () => {
    const templates = await list(c.reader.token);
    expect(templates.every((template) => template.builtIn)).toBe(true);
    expect(templates.map((template) => template.name)).toEqual(
      expect.arrayContaining([
        'Casus',
        'Verhaal',
        'Werkvraag',
        'Toepassingsreflectie',
        'Incidentmethode',
        'Roddelmethode',
      ]),
    );
    const casus = templates.find((template) => template.name === 'Casus')!;
    expect(casus.prompts[0]).toEqual({
      heading: 'situatie',
      prompt: 'Wat speelt er? Wie zijn betrokken, sinds wanneer?',
    });
    expect(casus.document).not.toContain('Wat speelt er');
    expect(errorCode(await gql(t.baseUrl, TEMPLATES, { communityId: c.communityId }, c.outsider.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets a facilitator create, change and archive a template, audit-logged; members and readers may not', async () => {
    const input = { communityId: c.communityId, kind: 'CASE', name: 'Onze incidentmethode', body: INCIDENT };
    for (const token of [c.member.token, c.reader.token]) {
      expect(errorCode(await gql(t.baseUrl, CREATE_TEMPLATE, { input }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await gql(t.baseUrl, CREATE_TEMPLATE, { input }, c.outsider.token))).toBe('NOT_FOUND');
    const created = (await gqlData(t.baseUrl, CREATE_TEMPLATE, { input }, c.facilitator.token)).createTemplate;
    expect(created).toMatchObject({ name: 'Onze incidentmethode', kind: 'CASE', builtIn: false });
    expect((await list(c.member.token)).map((template) => template.id)).toContain(created.id);

    expect(
      errorCode(await gql(t.baseUrl, UPDATE_TEMPLATE, { input: { id: created.id, name: 'Van Mo' } }, c.member.token)),
    ).toBe('FORBIDDEN');
    const updated = (
      await gqlData(
        t.baseUrl,
        UPDATE_TEMPLATE,
        { input: { id: created.id, name: 'Incidentmethode (ons)' } },
        c.facilitator.token,
      )
    ).updateTemplate;
    expect(updated).toMatchObject({ name: 'Incidentmethode (ons)', body: INCIDENT });
    const builtIn = await gql(
      t.baseUrl,
      UPDATE_TEMPLATE,
      { input: { id: 'builtin-casus', name: 'Mijn casus' } },
      c.facilitator.token,
    );
    expect(errorCode(builtIn)).toBe('BAD_USER_INPUT');

    const archived = await gql(t.baseUrl, ARCHIVE_TEMPLATE, { id: created.id }, c.facilitator.token);
    expect(archived.errors).toBeUndefined();
    expect((await list(c.member.token)).map((template) => template.id)).not.toContain(created.id);
    const fromArchived = await gql(
      t.baseUrl,
      CREATE_ITEM,
      { input: { communityId: c.communityId, kind: 'CASE', title: 'Te laat', templateId: created.id } },
      c.member.token,
    );
    expect(errorCode(fromArchived)).toBe('BAD_USER_INPUT');

    const audit = await gqlData(
      t.baseUrl,
      `query ($communityId: ID!) { auditLog(communityId: $communityId) { edges { node { action targetId } } } }`,
      { communityId: c.communityId },
      c.facilitator.token,
    );
    const actions = audit.auditLog.edges
      .filter((edge: any) => edge.node.targetId === created.id)
      .map((edge: any) => edge.node.action);
    expect(actions.sort()).toEqual(['template.archive', 'template.create', 'template.update']);
  });

  it('refuses a name of only invisible characters, a body without headings and oversized input, storing nothing', async () => {
    const base = { communityId: c.communityId, kind: 'CASE', body: INCIDENT };
    const bad = [
      { ...base, name: '\u200b\u2060\u200b' },
      { ...base, name: '   ' },
      { ...base, name: 'Zonder koppen', body: 'Alleen een alinea.' },
      { ...base, name: 'Te groot', body: `## Kop\n\n${'x'.repeat(20_001)}` },
      { ...base, name: 'x'.repeat(81) },
      { ...base, name: 'Richtlijn', kind: 'GUIDELINE' },
    ];
    const before = (await list(c.facilitator.token)).length;
    for (const input of bad) {
      const result = await gql(t.baseUrl, CREATE_TEMPLATE, { input }, c.facilitator.token);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors)).not.toMatch(/\bat .*\.js/);
    }
    expect((await list(c.facilitator.token)).length).toBe(before);
  });

  it('starts an item from a template: headings only, the prompts never in text, search or export', async () => {
    const template = (
      await gqlData(
        t.baseUrl,
        CREATE_TEMPLATE,
        { input: { communityId: c.communityId, kind: 'CASE', name: 'Incidentmethode van ons', body: INCIDENT } },
        c.facilitator.token,
      )
    ).createTemplate;
    const created = (
      await gqlData(
        t.baseUrl,
        CREATE_ITEM,
        {
          input: {
            communityId: c.communityId,
            kind: 'CASE',
            title: 'Incident bij de voordeur',
            templateId: template.id,
          },
        },
        c.member.token,
      )
    ).createItem;
    expect(created.templateId).toBe(template.id);
    const item = (await gqlData(t.baseUrl, ITEM, { id: created.id }, c.member.token)).item;
    expect(item.text.split('\n')).toEqual(['Het incident', 'Mijn vraag', 'Rondvraag']);
    expect(item.markdown).toBe('## Het incident\n\n## Mijn vraag\n\n## Rondvraag\n');
    const exported = (await gqlData(t.baseUrl, EXPORT, { id: created.id }, c.member.token)).exportItem.markdown;
    expect(exported).not.toContain('concreet voorval');

    // `template: true` keeps working, and its prompts are placeholders too.
    const story = (
      await gqlData(
        t.baseUrl,
        CREATE_ITEM,
        { input: { communityId: c.communityId, kind: 'STORY', title: 'Verhaal uit sjabloon', template: true } },
        c.member.token,
      )
    ).createItem;
    expect(story.templateId).toBe('builtin-verhaal');
    expect(story.text).not.toContain('Vertel het zoals je het beleefde');

    const search = async (query: string) =>
      (await gqlData<{ search: SearchResultData }>(t.baseUrl, SEARCH, { input: { query } }, c.member.token)).search;
    await waitFor(async () => (await search('voordeur')).totalHits > 0, 10_000, 'the item to be indexed');
    expect((await search('concreet voorval')).hits.map((hit) => hit.item.id)).not.toContain(created.id);

    const wrongKind = await gql(
      t.baseUrl,
      CREATE_ITEM,
      { input: { communityId: c.communityId, kind: 'NOTE', title: 'Notitie', templateId: template.id } },
      c.member.token,
    );
    expect(errorCode(wrongKind)).toBe('BAD_USER_INPUT');
    const unknown = await gql(
      t.baseUrl,
      CREATE_ITEM,
      { input: { communityId: c.communityId, kind: 'CASE', title: 'Onbekend', templateId: 'builtin-bestaat-niet' } },
      c.member.token,
    );
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
  });
});
