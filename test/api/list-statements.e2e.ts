import request from 'supertest';
import { communityWithPeople, createItem } from '../support/fixtures';
import { gqlData, startTestApp, TestApp } from '../support/test-app';

/**
 * A page of items costs the same number of SQL statements however long it is
 * (no N+1): every relation a list can ask goes through a per-request
 * DataLoader. Counted with the API's own `spiraal_sql_statements_total`.
 * Guidelines ask the most (sources, versions, attention, applications).
 */
const LIST = `query ($communityId: ID!, $first: Int!) {
  items(communityId: $communityId, first: $first, filter: { kinds: [GUIDELINE] }) {
    totalCount
    edges { node {
      id title tags guidelineStatus
      community { name }
      createdBy { displayName }
      authors { displayName }
      stageHistory { to by { displayName } }
      comments { kind author { displayName } }
      sources { title }
      derivedItems { title }
      applications { title }
      applicationCount
      appliesTo { version }
      guidelineVersions { number adoptedBy { displayName } }
      attention { needed reasons { code } }
    } }
  }
}`;

async function statements(baseUrl: string): Promise<number> {
  const text = (await request(baseUrl).get('/metrics')).text;
  return Number(/^spiraal_sql_statements_total (\S+)$/m.exec(text)?.[1]);
}

describe('statements per list page', () => {
  let t: TestApp;
  let communityId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_PUBLIC: 'true' });
    const people = await communityWithPeople(t.baseUrl);
    ({ communityId } = people);
    token = people.facilitator.token;
    for (let i = 0; i < 8; i++) {
      const source = await createItem(t.baseUrl, people.member.token, {
        communityId,
        kind: 'CASE',
        title: `Casus ${i}`,
        tags: ['wijkteam'],
      });
      const { promoteToGuideline } = await gqlData(
        t.baseUrl,
        `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
        { input: { sourceItemIds: [source.id], title: `Richtlijn ${i}` } },
        token,
      );
      await gqlData(
        t.baseUrl,
        `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
        { input: { itemId: promoteToGuideline.id, kind: 'QUESTION', body: 'Werkt dit ook in de wijk?' } },
        people.member.token,
      );
      if (i % 2)
        await gqlData(
          t.baseUrl,
          `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
          { input: { id: promoteToGuideline.id, status: 'VASTGESTELD' } },
          token,
        );
    }
  });

  afterAll(() => t?.close());

  /** The fewest statements one request for this page size took, over a few tries (background work only adds). */
  async function cost(first: number): Promise<number> {
    let fewest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const before = await statements(t.baseUrl);
      const data = await gqlData(t.baseUrl, LIST, { communityId, first }, token);
      expect(data.items.edges).toHaveLength(first);
      fewest = Math.min(fewest, (await statements(t.baseUrl)) - before);
    }
    return fewest;
  }

  it('a page of 8 guidelines with every relation costs what a page of 2 costs', async () => {
    const two = await cost(2);
    expect(two).toBeGreaterThan(0);
    expect(await cost(8)).toBe(two);
  });
});
