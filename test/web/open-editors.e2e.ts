import type { Browser, BrowserContext, Page } from 'playwright-core';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { describeBrowser, launchBrowser, newPage, seriousAccessibilityViolations, signIn } from '../support/browser';
import { gqlData, startTestApp, TestApp, TestUser } from '../support/test-app';

const EDITOR = '[role="textbox"][aria-label="Tekst van het item"]';
const PROMOTE = `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`;
const SET_STATUS = `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`;
const REVISE = `mutation ($id: ID!) { reviseGuideline(id: $id) { id } }`;
const MARKDOWN = `query ($id: ID!) { item(id: $id) { markdown } }`;
const READ_ONLY_NOTICE = 'Je rechten voor dit document zijn gewijzigd: je kunt het nu alleen lezen.';
const EDITABLE_NOTICE = 'Je rechten voor dit document zijn gewijzigd: je kunt het weer bewerken.';

/**
 * Issue 21, point 1: what someone may do with an open document changes while
 * they have it open (a facilitator adopts the guideline they are typing in):
 * their editor follows within a second, and nothing they typed vanishes
 * silently. Two people, each in their own browser context, one browser.
 */
describeBrowser('open editors follow a change of access', () => {
  jest.setTimeout(40_000);
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

  async function openAs(user: TestUser, path: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await page.goto(t.baseUrl + path);
    await signIn(page, user.email);
    return { page, errors };
  }

  async function guidelineInTryOut(title: string): Promise<string> {
    const source = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: `Casus: ${title}`,
      body: 'Eerst aanbellen, dan rustig wachten.',
    });
    const id = (
      await gqlData<{ promoteToGuideline: { id: string } }>(
        t.baseUrl,
        PROMOTE,
        { input: { sourceItemIds: [source.id], title: `Richtlijn: ${title}` } },
        c.facilitator.token,
      )
    ).promoteToGuideline.id;
    await gqlData(t.baseUrl, SET_STATUS, { input: { id, status: 'IN_UITPROBEERFASE' } }, c.facilitator.token);
    return id;
  }

  const editorEditable = (page: Page, editable: boolean, timeout = 10_000) =>
    page.waitForFunction(
      ([selector, want]) => document.querySelector(selector)?.getAttribute('contenteditable') === want,
      [EDITOR, String(editable)] as const,
      { timeout },
    );

  async function typeAtEnd(page: Page, text: string): Promise<void> {
    await page.locator(EDITOR).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  }

  it('a facilitator adopts while a member types: within a second the member sees the status, read-only and a notice', async () => {
    const id = await guidelineInTryOut('de voordeur');
    const [member, facilitator] = await Promise.all([
      openAs(c.member, `/items/${id}`),
      openAs(c.facilitator, `/items/${id}`),
    ]);
    const page = member.page;
    await editorEditable(page, true);
    await typeAtEnd(page, ' Eerst even bellen.');
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    await page.getByRole('toolbar', { name: 'Opmaak' }).waitFor();

    await facilitator.page.getByRole('button', { name: 'Vaststellen' }).click();
    const dialog = facilitator.page.getByRole('dialog', { name: 'Richtlijn vaststellen' });
    const adopted = facilitator.page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') && response.request().postData()!.includes('SetGuidelineStatus'),
    );
    await dialog.getByRole('button', { name: 'Vaststellen' }).click();
    await adopted;

    // Within a second of the adoption: status, mode, toolbar and a notice, in place (no reload).
    await page
      .locator('.item-header')
      .getByText(/^Status: Vastgesteld · versie 1$/)
      .waitFor({ timeout: 1000 });
    await editorEditable(page, false, 1000);
    await page.getByRole('status').filter({ hasText: READ_ONLY_NOTICE }).waitFor({ timeout: 1000 });
    expect(await page.getByRole('toolbar', { name: 'Opmaak' }).count()).toBe(0);
    await page.getByText('Alleen lezen', { exact: true }).waitFor();
    // What was typed before the adoption is in the adopted text.
    expect((await gqlData(t.baseUrl, MARKDOWN, { id }, c.member.token)).item.markdown).toContain('Eerst even bellen.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Bijstellen opens it again: the member may edit again, told so in place.
    await gqlData(t.baseUrl, REVISE, { id }, c.facilitator.token);
    await editorEditable(page, true, 2000);
    await page.getByRole('status').filter({ hasText: EDITABLE_NOTICE }).waitFor({ timeout: 1000 });
    await page
      .locator('.item-header')
      .getByText(/^Status: Concept · versie 2$/)
      .waitFor();
    expect(member.errors).toEqual([]);
    expect(facilitator.errors).toEqual([]);
  });

  it('an update the server refuses is never silent: its text stays to copy, the document returns to the server’s', async () => {
    const id = await guidelineInTryOut('de achterdeur');
    const { page, errors } = await openAs(c.member, `/items/${id}`);
    // Holds what the member's editor sends on its open socket, as a slow network would.
    let sockets = 0;
    let heldSocket = 0;
    await page.routeWebSocket(/\/collab\//, (socket) => {
      const server = socket.connectToServer();
      const n = ++sockets;
      socket.onMessage((message) => {
        if (n !== heldSocket) server.send(message);
      });
    });
    await page.reload();
    await editorEditable(page, true);
    await typeAtEnd(page, ' Bewaard.');
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();

    heldSocket = sockets;
    await typeAtEnd(page, ' Deze zin komt te laat.');
    await gqlData(t.baseUrl, SET_STATUS, { input: { id, status: 'VASTGESTELD' } }, c.facilitator.token);

    const notice = page.getByRole('alert').filter({ hasText: 'Niet opgeslagen.' });
    await notice.waitFor({ timeout: 5000 });
    await notice.getByText('De server heeft je laatste wijziging geweigerd').waitFor();
    expect(await notice.getByLabel('Tekst die niet is opgeslagen').inputValue()).toBe('Deze zin komt te laat.');
    // The document is the server's again, and read-only.
    await editorEditable(page, false);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('Bewaard.'),
      EDITOR,
    );
    expect(await page.locator(EDITOR).textContent()).not.toContain('Deze zin komt te laat.');
    const markdown = (await gqlData(t.baseUrl, MARKDOWN, { id }, c.member.token)).item.markdown as string;
    expect(markdown).toContain('Bewaard.');
    expect(markdown).not.toContain('komt te laat');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: 'Sluiten' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
