import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture } from '../support/fixtures';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  seriousAccessibilityViolations,
  signInThroughApi,
} from '../support/browser';
import { gql, gqlData, startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * The editor kit in Chromium against the real API: the "/" menu, a table two
 * people fill at once, a facilitator's template offered by "/", and template
 * prompts that show as placeholders without ever being text (docs/templates.md).
 */

const EDITOR = { name: 'Tekst van het item', exact: true } as const;
const CREATE_ITEM = `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`;
const ITEM = `query ($id: ID!) { item(id: $id) { text markdown } }`;

describeBrowser('the editor kit: slash menu, tables, templates', () => {
  jest.setTimeout(30_000);
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(user: TestUser): Promise<Page> {
    const { context, page } = await newPage(browser);
    open.push(context);
    await signInThroughApi(page, t.baseUrl, user.email);
    return page;
  }

  async function openItem(page: Page, itemId: string): Promise<void> {
    await page.goto(`${t.baseUrl}/items/${itemId}`);
    await page.waitForFunction(
      (label) => {
        const box = document.querySelector(`[role="textbox"][aria-label="${label}"]`);
        return !!box && box.closest('[aria-busy="false"]') !== null && box.getAttribute('contenteditable') === 'true';
      },
      EDITOR.name,
      { timeout: 10_000 },
    );
  }

  async function newItem(input: Record<string, unknown>): Promise<string> {
    const data = await gqlData(
      t.baseUrl,
      CREATE_ITEM,
      { input: { communityId: c.communityId, ...input } },
      c.member.token,
    );
    return data.createItem.id as string;
  }

  const serverItem = async (id: string) =>
    (await gql(t.baseUrl, ITEM, { id }, c.member.token)).data!.item as { text: string; markdown: string };

  it('"/tabel" inserts a table that two people fill in at once, rows added from the table toolbar', async () => {
    const id = await newItem({ kind: 'CASE', title: 'Casus: het dilemma van mevrouw J.' });
    const [mo, fenna] = await Promise.all([signIn(c.member), signIn(c.facilitator)]);
    await Promise.all([openItem(mo, id), openItem(fenna, id)]);
    const moEditor = mo.getByRole('textbox', EDITOR);
    await moEditor.click();

    // Escape closes the menu and leaves the "/" as text.
    await mo.keyboard.type('/');
    const menu = mo.getByRole('listbox', { name: 'Invoegen' });
    await menu.waitFor();
    expect(await menu.getByRole('option').count()).toBeGreaterThanOrEqual(7);
    expect(await seriousAccessibilityViolations(mo)).toEqual([]);
    await mo.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await mo.keyboard.press('Backspace');

    await mo.keyboard.type('/tabel');
    await menu.waitFor();
    const options = menu.getByRole('option');
    expect(await options.allTextContents()).toEqual(['Tabel']);
    expect(await moEditor.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    expect(await mo.getByRole('status').filter({ hasText: '1 mogelijkheid' }).count()).toBe(1);
    await mo.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });

    await fenna.locator('.item-editor__content table').waitFor({ timeout: 2000 });
    expect(await fenna.locator('.item-editor__content tr').count()).toBe(3);
    // Mo writes the header row with Tab, Fenna the first cell below at the same time.
    const moTyping = (async () => {
      await mo.keyboard.type('Waarde');
      await mo.keyboard.press('Tab');
      await mo.keyboard.type('Voor');
    })();
    await fenna.locator('.item-editor__content td').first().click();
    await fenna.keyboard.type('Autonomie');
    await moTyping;
    for (const page of [mo, fenna]) {
      await page.waitForFunction(
        () => {
          const text = document.querySelector('.item-editor__content table')?.textContent ?? '';
          return text.includes('Waarde') && text.includes('Voor') && text.includes('Autonomie');
        },
        undefined,
        { timeout: 2000 },
      );
    }
    expect(await mo.locator('.item-editor__content th').first().textContent()).toBe('Waarde');

    await mo.getByRole('toolbar', { name: 'Tabel bewerken' }).getByRole('button', { name: 'Rij onder' }).click();
    await fenna.waitForFunction(() => document.querySelectorAll('.item-editor__content tr').length === 4);

    // The server's text and Markdown have the cells: search and the privacy detector read them.
    await waitFor(
      async () => {
        const { markdown, text } = await serverItem(id);
        return markdown.includes('| Waarde | Voor |') && text.includes('Autonomie');
      },
      10_000,
      'the table in the stored text and Markdown',
    );
    const stored = await serverItem(id);
    expect(stored.markdown).toMatch(/\| Autonomie \|/);
    expect(stored.text.split('\n')).toEqual(expect.arrayContaining(['Waarde', 'Voor', 'Autonomie']));
  });

  it('"/" offers a facilitator’s template; its prompts show as placeholders, never as text', async () => {
    // The facilitator writes the template on the templates page.
    const fenna = await signIn(c.facilitator);
    await fenna.goto(`${t.baseUrl}/c/${c.communityId}/sjablonen`);
    await fenna.getByRole('heading', { level: 1, name: 'Sjablonen' }).waitFor();
    await fenna.getByRole('button', { name: 'Nieuw sjabloon' }).click();
    const form = fenna.getByRole('form', { name: 'Nieuw sjabloon' });
    await form.getByLabel('Naam').fill('Teamincident');
    await form.getByLabel('Waarvoor (optioneel)').fill('Eén voorval, de groep vraagt door');
    await form
      .getByLabel('Inhoud (Markdown)')
      .fill('## Het voorval\n\nBeschrijf één concreet moment.\n\n## Mijn vraag\n\nWat wil je leren?\n');
    expect(await seriousAccessibilityViolations(fenna)).toEqual([]);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await fenna.getByRole('status').filter({ hasText: 'Sjabloon ‘Teamincident’ opgeslagen.' }).waitFor();
    await fenna.getByRole('heading', { level: 2, name: 'Teamincident' }).waitFor();

    const id = await newItem({ kind: 'CASE', title: 'Casus: de voordeur' });
    const mo = await signIn(c.member);
    await openItem(mo, id);
    await mo.getByRole('textbox', EDITOR).click();
    await mo.keyboard.type('/teamincident');
    const options = mo.getByRole('listbox', { name: 'Invoegen' }).getByRole('option');
    await options.first().waitFor({ timeout: 5000 });
    expect(await options.allTextContents()).toEqual(['Sjabloon: TeamincidentEén voorval, de groep vraagt door']);
    await mo.keyboard.press('Enter');

    const placeholder = mo.locator('.item-editor__content p[data-placeholder="Beschrijf één concreet moment."]');
    await placeholder.waitFor();
    const content = mo.locator('.item-editor__content');
    expect(await content.locator('h2').allTextContents()).toEqual(['Het voorval', 'Mijn vraag']);
    expect(await content.textContent()).not.toContain('Beschrijf');

    // Typing under a heading replaces its prompt; the text is the writer's, the prompt never stored.
    await placeholder.click();
    await mo.keyboard.type('Mevrouw J. deed de deur niet open.');
    await placeholder.waitFor({ state: 'detached' });
    await waitFor(async () => (await serverItem(id)).text.includes('deur niet open'), 10_000, 'the text stored');
    const stored = await serverItem(id);
    expect(stored.text).not.toContain('Beschrijf');
    expect(stored.markdown).toBe('## Het voorval\n\nMevrouw J. deed de deur niet open.\n\n## Mijn vraag\n');
  });

  it('a story from its template ends in an empty paragraph: typing at the end stays out of the last heading', async () => {
    const id = await newItem({ kind: 'STORY', title: 'Verhaal: de eerste dag', template: true });
    const mo = await signIn(c.member);
    await openItem(mo, id);
    const content = mo.locator('.item-editor__content');
    await content.locator('p[data-placeholder="Vertel het zoals je het beleefde."]').waitFor();
    await mo.getByRole('textbox', EDITOR).click();
    await mo.keyboard.press('Control+End');
    await mo.keyboard.type('Dat ik mag vragen.');
    await waitFor(async () => (await serverItem(id)).text.includes('Dat ik mag vragen.'), 10_000, 'the text stored');
    expect(await content.locator('h2').last().textContent()).toBe('Wat neem je mee?');
    expect((await serverItem(id)).markdown).toMatch(/## Wat neem je mee\?\n\nDat ik mag vragen\.\n$/);
  });
});
