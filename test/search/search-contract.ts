import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { addMember, errorCode, gql, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';
import { sql } from '../support/test-database';
import { FIXTURE, FixtureItem, NETWORK_ITEM, OTHER_COMMUNITY_ITEM } from './dutch-fixture';

export const SEARCH = `
  query ($input: SearchInput!) {
    search(input: $input) {
      totalHits tookMs engine missingWords didYouMean suggestions
      hits { item { id title kind stage community { id name } } score highlights { title text } }
      facets { stages { value count } kinds { value count } tags { value count } communities { value count label } }
    }
  }`;

export interface SearchHitResult {
  item: { id: string; title: string; kind: string; stage: string; community: { id: string; name: string } };
  score: number;
  highlights: { title: string; text: string };
}

export interface SearchResultData {
  missingWords: string[];
  didYouMean: string | null;
  suggestions: string[];
  totalHits: number;
  tookMs: number;
  engine: string;
  hits: SearchHitResult[];
  facets: Record<'stages' | 'kinds' | 'tags' | 'communities', { value: string; count: number; label: string | null }[]>;
}

/** Waits until the search outbox is delivered: what the worker does within about a second. */
export async function indexed(app: TestApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ pending }] = await sql<{ pending: number }>(
      app.db.url,
      'SELECT count(*)::int AS pending FROM search_outbox',
    );
    if (!pending) return;
    if (Date.now() > deadline) throw new Error(`${pending} search changes still undelivered after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface SearchWorld {
  app: TestApp;
  ours: CommunityFixture;
  theirs: CommunityFixture;
  network: CommunityFixture;
  /** Signed in, member of nothing: sees only NETWORK communities. */
  visitor: TestUser;
  ids: Record<string, string>;
  search(input: Record<string, unknown>, user?: TestUser): Promise<SearchResultData>;
  keysOf(result: SearchResultData): string[];
}

async function seed(
  app: TestApp,
  community: CommunityFixture,
  items: FixtureItem[],
  ids: Record<string, string>,
): Promise<void> {
  for (const item of items) {
    const { key, ...input } = item;
    // Guidelines are a facilitator's move (uitwerken tot richtlijn).
    const author = item.kind === 'GUIDELINE' ? community.facilitator : community.member;
    ids[key] = (await createItem(app.baseUrl, author.token, { communityId: community.communityId, ...input })).id;
  }
}

/**
 * The behaviour every engine must have, on the project's own Dutch fixture.
 * `env` selects the engine (MEILI_URL for Meilisearch); `engine` is the
 * name the API must report, so a silent fallback cannot pass as the engine.
 */
export function searchContract(engine: string, env: () => Record<string, string>): void {
  const world = {} as SearchWorld;

  beforeAll(async () => {
    world.app = await startTestApp(env());
    const { baseUrl } = world.app;
    [world.ours, world.theirs, world.network] = await Promise.all([
      communityWithPeople(baseUrl),
      communityWithPeople(baseUrl),
      communityWithPeople(baseUrl, 'NETWORK'),
    ]);
    world.visitor = await registerUser(baseUrl, 'Vera Bezoeker');
    world.ids = {};
    await seed(world.app, world.ours, FIXTURE, world.ids);
    await seed(world.app, world.theirs, [OTHER_COMMUNITY_ITEM], world.ids);
    await seed(world.app, world.network, [NETWORK_ITEM], world.ids);
    const archived = await createItem(baseUrl, world.ours.member.token, {
      communityId: world.ours.communityId,
      kind: 'NOTE',
      title: 'Gearchiveerde intervisie',
      body: 'Intervisie die niemand meer hoort te vinden.',
    });
    await gqlData(
      baseUrl,
      `mutation ($id: ID!) { archiveItem(id: $id) { id } }`,
      { id: archived.id },
      world.ours.facilitator.token,
    );
    world.ids.archived = archived.id;
    await indexed(world.app);
    const keyOf = new Map<string, string>();
    world.search = async (input, user = world.ours.member) => {
      const data = await gqlData<{ search: SearchResultData }>(baseUrl, SEARCH, { input }, user.token);
      expect(data.search.engine).toBe(engine);
      return data.search;
    };
    world.keysOf = (result) => {
      if (!keyOf.size) Object.entries(world.ids).forEach(([k, id]) => keyOf.set(id, k));
      return result.hits.map((h) => keyOf.get(h.item.id) ?? h.item.id);
    };
  }, 120_000);

  afterAll(async () => {
    await world.app?.close();
  });

  const keys = async (query: string, extra: Record<string, unknown> = {}, user?: TestUser) =>
    world.keysOf(await world.search({ query, ...extra }, user));

  describe('Dutch matching', () => {
    it('finds inflected forms: intervisies → intervisie, ervaringsdeskundige → ervaringsdeskundigen', async () => {
      expect(await keys('intervisies ')).toContain('intervisie');
      expect(await keys('mantelzorger ')).toContain('begeleiding');
    });

    it('folds accents both ways: clienten finds cliënten, and cliënt finds it too', async () => {
      expect(await keys('clienten ')).toContain('clienten');
      expect(await keys('cliënt ')).toContain('clienten');
    });

    it('tolerates one typo from 5 letters and two from 9, and none in short words', async () => {
      expect(await keys('intervsie ')).toContain('intervisie');
      expect(await keys('wachtljist ')).toContain('clienten');
      expect(await keys('ervaringsdeskndge ')).toContain('ervaring');
      expect(await keys('duvien ')).toContain('intervisie');
      expect(await keys('gzz ')).toEqual([]);
    });

    it('completes the word being typed, with a typo too', async () => {
      expect(await keys('begelei')).toContain('begeleiding');
      expect(await keys('interv')).toContain('intervisie');
      expect(await keys('intervsi')).toContain('intervisie');
      expect(await keys('zorgmij')).toContain('intervisie');
    });

    it('finds synonyms from the one list: ggz, wijkteam, ervaringswerker', async () => {
      expect(await keys('ggz ')).toContain('ggz');
      const wijkteam = await keys('wijkteam ');
      expect(wijkteam).toEqual(expect.arrayContaining(['wijkteam', 'network']));
      expect(await keys('ervaringswerker ')).toEqual(expect.arrayContaining(['ervaring', 'wijkteam']));
    });

    it('matches a quoted phrase only where its words stand together', async () => {
      expect(await keys('"veilige groep"')).toEqual(['phrase']);
      expect(await keys('veilige groep ')).toEqual(expect.arrayContaining(['phrase', 'phrase-apart']));
      // A multi-word synonym is a phrase too: collegiale consultatie = intervisie.
      expect(await keys('collegiale consultatie ')).toEqual(expect.arrayContaining(['phrase', 'intervisie']));
    });

    it('requires no word: an item with one of the words is found, one with more of them first', async () => {
      const order = await keys('huisbezoek schulden ');
      expect(order[0]).toBe('wijkteam');
      expect(order).toEqual(expect.arrayContaining(['wijkteam', 'reflectie']));
      // A word nothing matches does not empty the result; it is named.
      const result = await world.search({ query: 'huisbezoek kwispeldoorn ' });
      expect(world.keysOf(result)).toEqual(expect.arrayContaining(['wijkteam', 'reflectie']));
      expect(result.missingWords).toEqual(['kwispeldoorn']);
    });

    it('lets stop and question words neither decide nor dominate, and still answers a query of mostly such words', async () => {
      const question = await world.search({ query: 'wat is intervisie' });
      expect(world.keysOf(question)[0]).toBe('intervisie');
      expect(question.missingWords).toEqual([]);
      // "hoe", "ga", "je", "om", "met" match nearly everything; only the meaningful word decides.
      const withFillers = await keys('hoe ga je om met een zorgmijder ');
      expect(withFillers[0]).toBe('intervisie');
      expect(withFillers.length).toBeLessThan(4);
    });

    it('says "bedoelde je" with the corrected query for a typo, and offers close words when nothing is found', async () => {
      const typo = await world.search({ query: 'intervsie ' });
      expect(typo.didYouMean).toBe('intervisie');
      expect((await world.search({ query: 'intervisie ' })).didYouMean).toBeNull();
      const nothing = await world.search({ query: 'wachtlijstenbeleid ' });
      expect(nothing.totalHits).toBe(0);
      expect(nothing.suggestions).toContain('wachtlijst');
      // Words of a community the user may not read are never offered.
      const secret = await world.search({ query: 'geheimhoudingen ' });
      expect(secret.suggestions).not.toContain('geheimhouding');
    });

    it('finds compounds both ways from the Dutch word list', async () => {
      // "wijk" and "team" are parts of wijkteam; the whole word "wijk " (not being typed) matches no word of the item.
      expect(await keys('wijk ')).toContain('wijkteam');
      expect(await keys('team wijk ')).toContain('wijkteam');
      const [hit] = (await world.search({ query: 'wijk ' })).hits.filter((h) => h.item.id === world.ids.wijkteam);
      expect(hit.highlights.text).toMatch(/<mark>wijkteam<\/mark>/);
    });

    it('weighs the title over the tags over the body', async () => {
      const order = await keys('zelfregie ');
      expect(order.slice(0, 3)).toEqual(['title-weight', 'tag-weight', 'body-weight']);
    });

    it('finds a long write-up by a word near its end, with that passage as the snippet', async () => {
      const result = await world.search({ query: 'zeldzaamheidsonderzoek ' });
      expect(world.keysOf(result)).toEqual(['long']);
      expect(result.hits[0].highlights.text).toContain('<mark>zeldzaamheidsonderzoek</mark>');
    });

    it('returns no hits for an empty query, and refuses one over 500 characters', async () => {
      for (const query of ['', '   ', '?!']) {
        const result = await world.search({ query });
        expect(result).toMatchObject({ totalHits: 0, hits: [] });
      }
      const long = await gql(world.app.baseUrl, SEARCH, { input: { query: 'a'.repeat(501) } }, world.ours.member.token);
      expect(errorCode(long)).toBe('BAD_USER_INPUT');
      expect(long.errors![0].message).toMatch(/500 tekens/);
    });
  });

  describe('highlights', () => {
    it('marks the matched words, inflected and typed in part too', async () => {
      const [hit] = (await world.search({ query: 'intervisies zorgmij' })).hits;
      expect(hit.highlights.title).toBe('<mark>Intervisie</mark> over een <mark>zorgmijdende</mark> bewoner');
      expect(hit.highlights.text).toContain('<mark>intervisie</mark>');
    });

    it('escapes everything that is not a mark', async () => {
      const result = await world.search({ query: 'wachtlijst ' });
      const hit = result.hits.find((h) => h.item.id === world.ids.markup)!;
      expect(hit.highlights.title).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;<mark>wachtlijst</mark>&quot;');
      expect(hit.highlights.text.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(hit.highlights.text).toContain('<mark>wachtlijst</mark>');
    });
  });

  describe('community synonyms', () => {
    const ADD = `mutation ($input: AddSearchSynonymInput!) { addSearchSynonym(input: $input) { id communityId expressions } }`;
    const REMOVE = `mutation ($id: ID!) { removeSearchSynonym(id: $id) }`;
    const LIST = `query ($communityId: ID!) { searchSynonyms(communityId: $communityId) { id expressions } }`;

    it('lets a facilitator add a synonym that the next search uses, and remove it again', async () => {
      const { baseUrl } = world.app;
      expect(await keys('duivenmelker ')).toEqual([]);
      const added = await gqlData<{ addSearchSynonym: { id: string; expressions: string[] } }>(
        baseUrl,
        ADD,
        { input: { communityId: world.ours.communityId, expressions: [' duivenmelker ', 'duiven'] } },
        world.ours.facilitator.token,
      );
      expect(added.addSearchSynonym.expressions).toEqual(['duivenmelker', 'duiven']);
      expect(await keys('duivenmelker ')).toContain('intervisie');
      // A reader sees the list; the synonym does not reach a community it does not belong to.
      const listed = await gqlData<{ searchSynonyms: { id: string }[] }>(
        baseUrl,
        LIST,
        { communityId: world.ours.communityId },
        world.ours.reader.token,
      );
      expect(listed.searchSynonyms.map((s) => s.id)).toContain(added.addSearchSynonym.id);
      expect(await keys('duivenmelker ', {}, world.theirs.member)).toEqual([]);
      await gqlData(baseUrl, REMOVE, { id: added.addSearchSynonym.id }, world.ours.facilitator.token);
      expect(await keys('duivenmelker ')).toEqual([]);
    });

    it('refuses members, readers, outsiders and bad input, storing nothing', async () => {
      const { baseUrl } = world.app;
      const input = { communityId: world.ours.communityId, expressions: ['vog', 'verklaring omtrent het gedrag'] };
      expect(errorCode(await gql(baseUrl, ADD, { input }, world.ours.member.token))).toBe('FORBIDDEN');
      expect(errorCode(await gql(baseUrl, ADD, { input }, world.ours.reader.token))).toBe('FORBIDDEN');
      expect(errorCode(await gql(baseUrl, ADD, { input }, world.theirs.facilitator.token))).toBe('NOT_FOUND');
      expect(errorCode(await gql(baseUrl, ADD, { input }))).toBe('UNAUTHENTICATED');
      for (const expressions of [
        ['vog'],
        ['vog', ' vog '],
        ['vog', '?!'],
        ['vog', 'x'.repeat(101)],
        Array.from({ length: 11 }, (_, i) => `w${i}`),
      ]) {
        const refused = await gql(baseUrl, ADD, { input: { ...input, expressions } }, world.ours.facilitator.token);
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      }
      const [{ n }] = await sql<{ n: number }>(world.app.db.url, 'SELECT count(*)::int AS n FROM search_synonyms');
      expect(n).toBe(0);
      const theirs = await gqlData<{ addSearchSynonym: { id: string } }>(
        baseUrl,
        ADD,
        { input: { ...input, communityId: world.theirs.communityId } },
        world.theirs.facilitator.token,
      );
      expect(
        errorCode(await gql(baseUrl, REMOVE, { id: theirs.addSearchSynonym.id }, world.ours.facilitator.token)),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(await gql(baseUrl, LIST, { communityId: world.theirs.communityId }, world.ours.member.token)),
      ).toBe('NOT_FOUND');
      await gqlData(baseUrl, REMOVE, { id: theirs.addSearchSynonym.id }, world.theirs.facilitator.token);
    });
  });

  describe('filters and facets', () => {
    it('narrows by stage, kind, tag and community', async () => {
      expect(await keys('intervisie ', { stages: ['SOCIALISATIE'] })).toEqual([]);
      expect(await keys('notitie ', { kinds: ['REFLECTION'] })).toEqual([]);
      expect(await keys('huisbezoek ', { tags: ['checklist'] })).toEqual(['reflectie']);
      expect(await keys('wijkteam ', { communityIds: [world.network.communityId] })).toEqual(['network']);
    });

    it('counts facets per value, each ignoring its own filter', async () => {
      const result = await world.search({ query: 'notitie ', stages: ['EXTERNALISATIE'] });
      expect(result.totalHits).toBe(result.hits.length);
      const kinds = Object.fromEntries(result.facets.kinds.map((f) => [f.value, f.count]));
      expect(kinds.NOTE).toBe(result.hits.filter((h) => h.item.kind === 'NOTE').length);
      // The stage facet still offers the other stages, so a chosen stage can be swapped.
      const all = await world.search({ query: 'notitie ' });
      expect(result.facets.stages).toEqual(all.facets.stages);
      const [community] = result.facets.communities;
      expect(community).toEqual({
        value: world.ours.communityId,
        count: result.totalHits,
        label: 'Leernetwerk PRIVATE',
      });
      expect(result.facets.tags.length).toBeGreaterThan(0);
    });

    it('pages with limit and offset over a stable order', async () => {
      const all = await world.search({ query: 'notitie ', limit: 100 });
      const first = await world.search({ query: 'notitie ', limit: 2 });
      const second = await world.search({ query: 'notitie ', limit: 2, offset: 2 });
      expect([...first.hits, ...second.hits].map((h) => h.item.id)).toEqual(all.hits.slice(0, 4).map((h) => h.item.id));
      expect(first.totalHits).toBe(all.totalHits);
      const wrong = await gql(
        world.app.baseUrl,
        SEARCH,
        { input: { query: 'notitie', limit: 101 } },
        world.ours.member.token,
      );
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    });
  });

  describe('permissions', () => {
    it('never shows a hit, a count or a facet from a community the user may not read', async () => {
      for (const query of ['intervisie ', 'ggz ', 'geheimhouding ', 'schulden ', 'clienten ']) {
        const result = await world.search({ query });
        expect(result.hits.map((h) => h.item.id)).not.toContain(world.ids.other);
        expect(result.facets.communities.map((f) => f.value)).not.toContain(world.theirs.communityId);
      }
      expect((await world.search({ query: 'geheimhouding ' })).totalHits).toBe(0);
    });

    it('lets the other community find its own item and none of ours', async () => {
      expect(await keys('geheimhouding ', {}, world.theirs.member)).toEqual(['other']);
      expect(await keys('zeldzaamheidsonderzoek ', {}, world.theirs.reader)).toEqual([]);
    });

    it('shows a visitor only NETWORK communities, a reader everything of theirs', async () => {
      expect(await keys('wijkteam ', {}, world.visitor)).toEqual(['network']);
      expect(await keys('intervisie ', {}, world.visitor)).toEqual([]);
      expect(await keys('intervisie ', {}, world.ours.reader)).toContain('intervisie');
    });

    it('says NOT_FOUND for a community id the user may not read, as for one that does not exist', async () => {
      for (const communityIds of [[world.theirs.communityId], ['00000000-0000-4000-8000-000000000000'], ['nope']]) {
        const result = await gql(
          world.app.baseUrl,
          SEARCH,
          { input: { query: 'intervisie', communityIds } },
          world.ours.member.token,
        );
        expect(errorCode(result)).toBe('NOT_FOUND');
      }
    });

    it('asks who you are first', async () => {
      expect(errorCode(await gql(world.app.baseUrl, SEARCH, { input: { query: 'intervisie' } }))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('never finds an archived item', async () => {
      expect(await keys('gearchiveerde ')).toEqual([]);
    });
  });

  describe('indexing', () => {
    it('follows title, tags, stage and archive changes', async () => {
      const { baseUrl } = world.app;
      const token = world.ours.member.token;
      const item = await createItem(baseUrl, token, {
        communityId: world.ours.communityId,
        kind: 'NOTE',
        title: 'Wandelgroep',
        body: 'Een notitie.',
      });
      await indexed(world.app);
      expect(world.keysOf(await world.search({ query: 'wandelgroep ' })).length).toBe(1);
      await gqlData(
        baseUrl,
        `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
        { input: { id: item.id, title: 'Fietsgroep', tags: ['bewegen'] } },
        token,
      );
      await gqlData(
        baseUrl,
        `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { id } }`,
        { input: { id: item.id, stage: 'COMBINATIE' } },
        token,
      );
      await indexed(world.app);
      expect((await world.search({ query: 'wandelgroep ' })).totalHits).toBe(0);
      const moved = await world.search({ query: 'fietsgroep bewegen ', stages: ['COMBINATIE'] });
      expect(moved.hits.map((h) => h.item.id)).toEqual([item.id]);
      await gqlData(baseUrl, `mutation ($id: ID!) { archiveItem(id: $id) { id } }`, { id: item.id }, token);
      await indexed(world.app);
      expect((await world.search({ query: 'fietsgroep ' })).totalHits).toBe(0);
    });

    it('drops a removed member from the results at once', async () => {
      const { baseUrl } = world.app;
      const leaver = await registerUser(baseUrl, 'Lotte Vertrekt');
      await addMember(baseUrl, world.ours.facilitator.token, {
        communityId: world.ours.communityId,
        user: leaver,
        role: 'MEMBER',
        perspective: 'PROFESSIONAL',
      });
      expect(await keys('intervisie ', {}, leaver)).toContain('intervisie');
      const [{ id: leaverId }] = await sql<{ id: string }>(world.app.db.url, 'SELECT id FROM users WHERE email = $1', [
        leaver.email,
      ]);
      await gqlData(
        baseUrl,
        `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
        { input: { communityId: world.ours.communityId, userId: leaverId } },
        world.ours.facilitator.token,
      );
      expect(await keys('intervisie ', {}, leaver)).toEqual([]);
    });
  });
}
