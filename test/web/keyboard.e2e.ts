import type { Browser, Page } from 'playwright-core';
import { gql, gqlData, registerUser, startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchBrowser, newPage, screenshot } from '../support/browser';

/** The accessible name of the focused element: aria-label, its label, or its text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el) return '';
    return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused control has this accessible name (as a user tabbing through the page would). */
async function tabTo(page: Page, name: string | RegExp, maxStops = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const current = await focusedName(page);
    seen.push(current);
    if (typeof name === 'string' ? current === name : name.test(current)) return;
  }
  throw new Error(`Tab never reached "${name}"; focus went through: ${seen.join(' | ')}`);
}

/** A frame for the browser to deliver selection changes to the editor before more keys. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describeBrowser('keyboard only', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in, creates a casus from the template and types in it, without a mouse', async () => {
    const user = await registerUser(t.baseUrl, 'Kees Toetsenbord');
    const { createCommunity } = await gqlData(
      t.baseUrl,
      `mutation { createCommunity(input: { name: "Intervisie Oost", visibility: PRIVATE }) { id } }`,
      {},
      user.token,
    );
    const { page, errors, context } = await newPage(browser);

    await page.goto(`${t.baseUrl}/login`);
    await tabTo(page, 'E-mailadres');
    await page.keyboard.type(user.email);
    await tabTo(page, 'Wachtwoord');
    await page.keyboard.type('correct horse battery');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Intervisie Oost' }).waitFor();

    await tabTo(page, 'Kennisbank');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kennisbank' }).waitFor();
    await tabTo(page, /Nieuw item/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await tabTo(page, 'Titel');
    await page.keyboard.type('Casus zonder muis');
    await tabTo(page, 'Aanmaken en openen');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Casus zonder muis' }).waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('[role="textbox"][aria-label="Tekst van het item"]')?.getAttribute('contenteditable') ===
        'true',
    );
    await tabTo(page, 'Tekst van het item');
    await page.keyboard.press('Control+End');
    await settle(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Getypt zonder muis, tijdens de intervisie.');
    await page.locator('.item-editor [role="status"]', { hasText: 'Opgeslagen' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'keyboard-only-casus');

    // The server has it: a casus in EXTERNALISATIE, from the template, with what was typed.
    const itemId = new URL(page.url()).pathname.split('/').pop()!;
    let markdown = '';
    for (let i = 0; i < 50 && !markdown.includes('Getypt zonder muis'); i++) {
      markdown = (await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { markdown } }`, { id: itemId }, user.token))
        .data!.item.markdown;
      await new Promise((r) => setTimeout(r, 100));
    }
    const item = (
      await gql(
        t.baseUrl,
        `query ($id: ID!) { item(id: $id) { kind stage title community { id } } }`,
        { id: itemId },
        user.token,
      )
    ).data!.item;
    expect(item).toEqual({
      kind: 'CASE',
      stage: 'EXTERNALISATIE',
      title: 'Casus zonder muis',
      community: { id: createCommunity.id },
    });
    expect(markdown).toMatch(/^## Situatie/);
    expect(markdown).toContain('Getypt zonder muis, tijdens de intervisie.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
