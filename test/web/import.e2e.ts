import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchBrowser, newPage, signIn } from '../support/browser';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import { gql, gqlData } from '../support/graphql-client';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/** The password registerUser gives every test user. */

/**
 * Bringing documents in, in Chromium against the real API and the built app
 * (apps/web/dist; `npx nx run web:build` first): a member uploads a Markdown
 * file and a bad one together; the good one becomes an item with its
 * headings, the bad one gets its own message. Readers are not offered it.
 */
jest.setTimeout(60_000);

describeBrowser('importing documents in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openAs(user: Pick<TestUser, 'email'>, path: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    opened.push(context);
    await page.goto(t.baseUrl + path);
    await signIn(page, user.email);
    return { page, errors };
  }

  it('a member imports a Markdown file and sees a clear message for a bad file beside it', async () => {
    const { page, errors } = await openAs(c.member, `/c/${c.communityId}`);
    await page.getByLabel('Bestanden').setInputFiles([
      {
        name: 'intervisie-april.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Intervisie april\n\nWe spraken over **grenzen**.\n\n## Afspraken\n\n- terugbellen\n'),
      },
      { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.4\n\x00\x01\x02') },
    ]);
    await page.getByLabel('Soort').selectOption('CASE');
    await page.getByLabel('Tags (met komma’s)').fill('intervisie');
    await page.getByRole('button', { name: 'Importeren' }).click();

    const results = page.locator('.import-result');
    await results.nth(1).waitFor();
    await page.getByRole('link', { name: 'Intervisie april' }).waitFor();
    expect(await results.nth(0).innerText()).toMatch(/^intervisie-april\.md: Geïmporteerd \(1 item\)/);
    expect(await results.nth(1).innerText()).toBe(
      'scan.txt: Mislukt — Dit is een PDF; haal de tekst eruit (bijv. met pdftotext) en importeer die',
    );

    await page.getByRole('link', { name: 'Intervisie april' }).click();
    await page.getByRole('heading', { level: 1, name: 'Intervisie april' }).waitFor();
    const id = page.url().split('/items/')[1];
    const { item } = await gqlData(
      t.baseUrl,
      `query ($id: ID!) { item(id: $id) { kind tags markdown } }`,
      { id },
      c.member.token,
    );
    expect(item).toEqual({
      kind: 'CASE',
      tags: ['intervisie'],
      markdown: '# Intervisie april\n\nWe spraken over **grenzen**.\n\n## Afspraken\n\n- terugbellen\n',
    });
    expect(errors).toEqual([]);
  });

  it('a facilitator restores an export zip into an empty leernetwerk; a member is told only a facilitator can', async () => {
    const res = await fetch(`${t.baseUrl}/export/communities/${c.communityId}`, {
      headers: { Authorization: `Bearer ${c.facilitator.token}` },
    });
    expect(res.status).toBe(200);
    const zip = Buffer.from(await res.arrayBuffer());
    const created = await gql(
      t.baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Leernetwerk Terug', description: 'Leeg', visibility: 'PRIVATE' } },
      c.facilitator.token,
    );
    const target = created.data!.createCommunity.id as string;
    const titles = async (communityId: string) =>
      (
        await gqlData(
          t.baseUrl,
          `query ($id: ID!) { items(communityId: $id, first: 50) { edges { node { title kind markdown } } } }`,
          { id: communityId },
          c.facilitator.token,
        )
      ).items.edges
        .map((e: { node: unknown }) => e.node)
        .sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title));
    const before = await titles(c.communityId);
    expect(before.length).toBeGreaterThan(0);

    const member = await openAs(c.member, `/c/${c.communityId}`);
    await member.page
      .getByLabel('Bestanden')
      .setInputFiles([{ name: 'export.zip', mimeType: 'application/zip', buffer: zip }]);
    await member.page.getByRole('button', { name: 'Importeren' }).click();
    await member.page.locator('.import-result').first().waitFor();
    expect(await member.page.locator('.import-result').first().innerText()).toBe(
      'export.zip: Mislukt — Dit is een exportarchief (zip); alleen een facilitator van dit leernetwerk kan het terugzetten.',
    );

    const { page, errors } = await openAs(c.facilitator, `/c/${target}`);
    await page
      .getByLabel('Bestanden')
      .setInputFiles([{ name: 'export.zip', mimeType: 'application/zip', buffer: zip }]);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.locator('.import-result').first().waitFor();
    expect(await page.locator('.import-result').first().innerText()).toMatch(
      new RegExp(
        `^export\\.zip: Geïmporteerd — Exportarchief teruggezet: ${before.length} items, \\d+ verbanden, 0 reacties\\.$`,
      ),
    );
    expect(await titles(target)).toEqual(before);

    // Again: nothing new.
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('Dit exportarchief is hier al teruggezet').waitFor();
    expect(await titles(target)).toEqual(before);
    expect(errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });

  it('a reader is not offered the import', async () => {
    const { page } = await openAs(c.reader, `/c/${c.communityId}`);
    // The whole page renders from one answer: with the heading there, the panel would be too.
    await page.getByRole('heading', { level: 1, name: 'Leernetwerk PRIVATE' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Documenten importeren' }).count()).toBe(0);
  });
});
