import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { gqlData } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { indexed, SEARCH, SearchResultData } from '../search/search-contract';

/** The shared corpus (Dutch publications as text extracted from PDF); never copied into the project. */
const CORPUS = join(__dirname, '../../../shared/corpus');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((name) => name.endsWith('.txt'))
      .sort()
  : [];
if (files.length === 0) console.log(`import-corpus.e2e.ts: skipped, no corpus texts in ${CORPUS}`);
const describeWithCorpus = files.length > 0 ? describe : describe.skip;

const IMPORT = `mutation ($input: ImportDocumentInput!) { importDocument(input: $input) { status items { id text } } }`;

/**
 * Words from the middle of one line of the file (its first and last word may
 * be pieces of split words): what PDF cleanup must leave readable and findable.
 */
function knownPhrase(text: string): string {
  const candidates = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((words) => words.length >= 7 && words.every((word) => /^[a-zà-ÿ]{2,}$/.test(word)))
    .map((words) => words.slice(1, -1).join(' '));
  if (candidates.length === 0) throw new Error('no line of plain words in this corpus text');
  return candidates[Math.floor(candidates.length / 2)];
}

describeWithCorpus('importing the shared corpus (text extracted from PDF)', () => {
  let t: TestApp;
  let c: CommunityFixture;
  beforeAll(async () => {
    t = await startTestApp();
    c = await communityWithPeople(t.baseUrl);
  });
  afterAll(() => t.close());

  it.each(files)('imports %s so that words from it can be read in item.text and searched', async (name) => {
    const bytes = readFileSync(join(CORPUS, name));
    const phrase = knownPhrase(bytes.toString('utf8'));
    const { importDocument } = await gqlData(
      t.baseUrl,
      IMPORT,
      {
        input: {
          communityId: c.communityId,
          kind: 'NOTE',
          filename: name,
          content: bytes.toString('base64'),
          contentEncoding: 'BASE64',
        },
      },
      c.facilitator.token,
    );
    expect(importDocument.status).toBe('IMPORTED');
    expect(importDocument.items[0].text).toContain(phrase);
    await indexed(t);
    const { search } = await gqlData<{ search: SearchResultData }>(
      t.baseUrl,
      SEARCH,
      { input: { query: `"${phrase}"`, communityIds: [c.communityId] } },
      c.facilitator.token,
    );
    expect(search.hits.map((hit) => hit.item.id)).toContain(importDocument.items[0].id);
  });
});
