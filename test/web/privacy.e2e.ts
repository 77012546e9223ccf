import type { Browser, BrowserContext, Page } from 'playwright-core';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { describeBrowser, launchBrowser, newPage, signIn } from '../support/browser';
import { errorCode, gql, startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * The privacy guard as a new user meets it (docs/privacy.md): typing a case
 * underlines the personal data within about a second, for both editors; one
 * click pseudonymises it for everyone; then the facilitator may promote.
 */
const EDITOR = { name: 'Tekst van het item', exact: true } as const;
const TYPED = 'Mevrouw Jansen (82) woont aan de Lindelaan 14, BSN 123457002';
const PROMOTE = `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`;

describeBrowser('privacy guard in the editor', () => {
  jest.setTimeout(40_000);
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(open.map((context) => context.close()));
    await browser?.close();
    await t?.close();
  });

  async function editorFor(user: TestUser, itemId: string): Promise<Page> {
    const { context, page } = await newPage(browser);
    open.push(context);
    await page.goto(`${t.baseUrl}/items/${itemId}`);
    await signIn(page, user.email);
    await page.goto(`${t.baseUrl}/items/${itemId}`);
    await page.waitForSelector(`[role="textbox"][aria-label="${EDITOR.name}"][contenteditable="true"]`, {
      timeout: 15_000,
    });
    return page;
  }

  const underlined = (page: Page) =>
    page.$$eval('.privacy-finding', (spans) =>
      spans.map((s) => `${s.getAttribute('data-privacy-kind')}:${s.textContent}`),
    );

  it('underlines while typing, pseudonymises for both editors with one click, and then lets the facilitator promote', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Casus thuiswonen',
      body: 'Aanleiding.',
    });
    const [writer, other] = await Promise.all([editorFor(c.member, id), editorFor(c.facilitator, id)]);

    const box = writer.getByRole('textbox', EDITOR);
    await box.click();
    await writer.keyboard.press('End');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type(TYPED);
    const typedAt = Date.now();
    const expected = ['NAME:Jansen', 'AGE:(82)', 'ADDRESS:Lindelaan 14', 'BSN:123457002'];
    await writer.waitForFunction((n) => document.querySelectorAll('.privacy-finding').length >= n, expected.length, {
      timeout: 5_000,
    });
    // "within a second" of the last keystroke, with room for a loaded CI machine.
    expect(Date.now() - typedAt).toBeLessThan(3_000);
    expect(await underlined(writer)).toEqual(expected);
    await other.waitForFunction((n) => document.querySelectorAll('.privacy-finding').length >= n, expected.length, {
      timeout: 5_000,
    });
    expect(await underlined(other)).toEqual(expected);
    // Underlines are decorations: the document itself holds no trace of them.
    const stored = (await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { markdown } }`, { id }, c.member.token))
      .data!.item.markdown as string;
    expect(stored).not.toContain('privacy');

    expect(
      errorCode(
        await gql(t.baseUrl, PROMOTE, { input: { sourceItemIds: [id], title: 'Thuiswonen' } }, c.facilitator.token),
      ),
    ).toBe('PRIVACY_FINDINGS_OPEN');

    const panel = writer.getByRole('region', { name: 'Privacy' });
    await panel.getByRole('button', { name: 'Alles pseudonimiseren' }).click();
    const pseudonymised = 'Mevrouw Persoon A [leeftijd] woont aan de [adres], BSN [BSN]';
    for (const page of [writer, other]) {
      await page.waitForFunction(
        (want) => document.querySelector('[role="textbox"]')?.textContent?.includes(want),
        pseudonymised,
        { timeout: 5_000 },
      );
      await page.waitForFunction(() => document.querySelectorAll('.privacy-finding').length === 0, undefined, {
        timeout: 5_000,
      });
    }
    await panel.getByText('Geen persoonsgegevens gevonden.').waitFor();
    expect(
      (await gql(t.baseUrl, PROMOTE, { input: { sourceItemIds: [id], title: 'Thuiswonen' } }, c.facilitator.token))
        .errors,
    ).toBeUndefined();
  });
});
