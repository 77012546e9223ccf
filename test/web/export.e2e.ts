import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { readExportArchive, splitItemMarkdown } from '@spiraal/interchange';
import { describeBrowser, launchBrowser, newPage, signIn } from '../support/browser';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/** The password registerUser gives every test user. */

/**
 * Taking knowledge out, in Chromium against the real API and the built app
 * (apps/web/dist; `npx nx run web:build` first): an item downloaded as
 * Markdown, and the whole leernetwerk as a zip, offered to facilitators only.
 */
jest.setTimeout(60_000);

describeBrowser('downloads in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  let itemId: string;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
    itemId = (
      await createItem(t.baseUrl, c.member.token, {
        communityId: c.communityId,
        kind: 'CASE',
        title: 'Casus: de gesloten deur',
        tags: ['huisbezoek'],
        body: '## Situatie\n\nNiemand deed open.\n',
      })
    ).id;
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

  it('a reader downloads an item as Markdown with its front matter', async () => {
    const { page, errors } = await openAs(c.reader, `/items/${itemId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Downloaden als Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`casus-de-gesloten-deur-${itemId.slice(0, 8)}.md`);
    const { data, body } = splitItemMarkdown(readFileSync((await download.path())!, 'utf8'));
    expect(data).toMatchObject({
      title: 'Casus: de gesloten deur',
      kind: 'CASE',
      stage: 'EXTERNALISATIE',
      tags: ['huisbezoek'],
      authors: ['Mo Lid'],
      id: itemId,
    });
    expect(body).toBe('## Situatie\n\nNiemand deed open.\n');
    expect(errors).toEqual([]);
  });

  it('a facilitator exports the leernetwerk as a zip; a member is not offered it', async () => {
    const { page, errors } = await openAs(c.facilitator, `/c/${c.communityId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Leernetwerk exporteren (zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^spiraal-leernetwerk-private-\d{4}-\d{2}-\d{2}\.zip$/);
    const { manifest } = readExportArchive(new Uint8Array(readFileSync((await download.path())!)));
    expect(manifest.items.map((item) => item.title)).toEqual(['Casus: de gesloten deur']);
    expect(errors).toEqual([]);

    const member = await openAs(c.member, `/c/${c.communityId}`);
    // The whole page renders from one answer: with the heading there, the link would be too.
    await member.page.getByRole('heading', { level: 1, name: 'Leernetwerk PRIVATE' }).waitFor();
    expect(await member.page.getByRole('link', { name: 'Leernetwerk exporteren (zip)' }).count()).toBe(0);
  });
});
