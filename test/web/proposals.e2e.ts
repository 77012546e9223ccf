import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createItem } from '../support/fixtures';
import { describeBrowser, launchBrowser, newPage, signInThroughApi } from '../support/browser';
import { addMember, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * Voorstellen in Chromium (issue 18, "done when"): on an adopted guideline
 * Bram's edits show as proposals, Anna accepts them, and version 2 appears
 * with Bram in its provenance.
 */

const EDITOR = { name: 'Tekst van het item', exact: true } as const;

describeBrowser('voorstellen in the live editor', () => {
  jest.setTimeout(30_000);
  let t: TestApp;
  let browser: Browser;
  let anna: TestUser;
  let bram: TestUser;
  let guidelineId: string;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    [anna, bram] = await Promise.all([registerUser(t.baseUrl, 'Anna Smit'), registerUser(t.baseUrl, 'Bram Visser')]);
    const created = await gqlData<{ createCommunity: { id: string } }>(
      t.baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Wijkteam Noord', description: 'Samen leren', visibility: 'PRIVATE' } },
      anna.token,
    );
    const communityId = created.createCommunity.id;
    await addMember(t.baseUrl, anna.token, { communityId, user: bram, role: 'MEMBER', perspective: 'PROFESSIONAL' });
    const source = await createItem(t.baseUrl, anna.token, {
      communityId,
      kind: 'CASE',
      title: 'Huisbezoek',
      body: 'Bel eerst aan en stel je voor aan de bewoner.',
    });
    const promoted = await gqlData<{ promoteToGuideline: { id: string } }>(
      t.baseUrl,
      `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`,
      { input: { sourceItemIds: [source.id], title: 'Richtlijn huisbezoek' } },
      anna.token,
    );
    guidelineId = promoted.promoteToGuideline.id;
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
      { input: { id: guidelineId, status: 'VASTGESTELD' } },
      anna.token,
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(open.map((context) => context.close()));
    await browser?.close();
    await t?.close();
  });

  async function openAs(user: TestUser): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await signInThroughApi(page, t.baseUrl, user.email);
    await page.goto(`${t.baseUrl}/items/${guidelineId}`);
    // Editable: SUGGEST connections write (proposals only).
    await page.waitForSelector(`[role="textbox"][aria-label="${EDITOR.name}"][contenteditable="true"]`, {
      timeout: 10_000,
    });
    return { page, errors };
  }

  it('Bram’s edits show as proposals, Anna accepts, and version 2 appears with Bram in it', async () => {
    const [b, a] = await Promise.all([openAs(bram), openAs(anna)]);

    // Suggestion mode is on and cannot be switched off on an adopted guideline.
    const toggle = b.page.getByRole('button', { name: 'Voorstellen', exact: true });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(toggle.getAttribute('aria-disabled')).resolves.toBe('true');

    const editor = b.page.getByRole('textbox', EDITOR);
    await editor.locator('p', { hasText: 'Bel eerst' }).click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' Neem de tijd.');
    const proposal = b.page.locator('ins.proposal', { hasText: 'Neem de tijd.' });
    await proposal.waitFor({ timeout: 5000 });
    await expect(proposal.getAttribute('data-author')).resolves.toBe('Bram Visser');

    // Anna sees it live, in Bram's colour with his name, and takes it over.
    await a.page.locator('ins.proposal', { hasText: 'Neem de tijd.' }).waitFor({ timeout: 5000 });
    await a.page.getByText('Voorstel van Bram Visser').waitFor();
    await a.page.getByRole('button', { name: 'Voorstel van Bram Visser overnemen' }).click();

    // Version 2, with Bram as proposer; the text is ordinary text now, for both.
    await a.page.getByRole('heading', { name: 'Versie 2' }).waitFor({ timeout: 10_000 });
    const version2 = a.page.locator('.versions li', { has: a.page.getByRole('heading', { name: 'Versie 2' }) });
    await expect(version2.textContent()).resolves.toContain('Bram Visser');
    await b.page.locator('ins.proposal').waitFor({ state: 'detached', timeout: 5000 });
    await expect(b.page.getByRole('textbox', EDITOR).textContent()).resolves.toContain('bewoner. Neem de tijd.');
    expect([...b.errors, ...a.errors]).toEqual([]);
  });
});
