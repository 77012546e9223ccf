import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { describeBrowser, launchBrowser, newPage, signIn } from '../support/browser';
import { createItem } from '../support/fixtures';
import {
  CaughtMail,
  isAddressConfirmation,
  MailCatcher,
  mailedInvitationToken,
  startMailCatcher,
  waitForMail,
} from '../support/mail-catcher';
import { addMember, gql, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * Two browsers, as the "done when": Bram mentions Anna in a klankbord
 * comment with the @-suggestions, Anna's bell rises without a reload, her
 * inbox leads to the comment, and the mail catcher holds one mail for her
 * whose unsubscribe link works.
 */
describeBrowser('notifications in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let catcher: MailCatcher;
  let bram: TestUser;
  let anna: TestUser;
  let itemId: string;
  let annaPage: Page;
  let bramPage: Page;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    catcher = await startMailCatcher();
    [t, browser] = await Promise.all([
      startTestApp({ SMTP_URL: catcher.url, MAIL_POLL_MS: '100', PUBLIC_URL: 'http://spiraal.local' }),
      launchBrowser(),
    ]);
    [bram, anna] = [await registerUser(t.baseUrl, 'Bram Bakker'), await registerUser(t.baseUrl, 'Anna de Vries')];
    const created = await gql(
      t.baseUrl,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Wijkzorg Oost', visibility: 'PRIVATE' } },
      bram.token,
    );
    const communityId = created.data!.createCommunity.id;
    await addMember(
      t.baseUrl,
      bram.token,
      { communityId, user: anna, role: 'MEMBER', perspective: 'OTHER' },
      mailedInvitationToken(catcher),
    );
    itemId = (await createItem(t.baseUrl, bram.token, { communityId, kind: 'CASE', title: 'Casus: de buurvrouw' })).id;
  }, 90_000);
  afterAll(async () => {
    await Promise.all(open.map((context) => context.close()));
    await browser?.close();
    await t?.close();
    await catcher?.close();
  });

  async function signedIn(user: TestUser, path: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await page.goto(`${t.baseUrl}${path}`);
    await signIn(page, user.email);
    return { page, errors };
  }

  it('Bram mentions Anna; her bell rises live, the inbox leads to the comment, and one mail reaches her', async () => {
    const annaSide = await signedIn(anna, '/');
    // Joining the community was a notification already (MEMBERSHIP): the count before is whatever it is.
    const bell = annaSide.page.getByRole('link', { name: /^Meldingen, / });
    await bell.waitFor();
    await annaSide.page.waitForFunction(
      () => document.querySelector('.notification-bell')?.getAttribute('data-unread') !== null,
    );
    const before = Number(await bell.getAttribute('data-unread'));

    const bramSide = await signedIn(bram, `/items/${itemId}`);
    const body = bramSide.page.getByLabel('Jouw reactie');
    await body.click();
    await body.pressSequentially('Wat denk jij, @An');
    const option = bramSide.page.getByRole('option', { name: 'Anna de Vries' });
    await option.waitFor();
    await bramSide.page.getByRole('status').filter({ hasText: '1 lid gevonden' }).waitFor();
    await body.press('Enter');
    expect(await body.inputValue()).toBe('Wat denk jij, @Anna de Vries ');
    await bramSide.page.getByRole('button', { name: 'Plaatsen' }).click();
    await bramSide.page.getByText('Je reactie is geplaatst.').waitFor();

    // No reload on Anna's side: the count arrives over the live channel.
    await annaSide.page.getByRole('link', { name: `Meldingen, ${before + 1} ongelezen` }).waitFor({ timeout: 5_000 });
    await annaSide.page
      .getByRole('status')
      .filter({ hasText: /ongelezen melding/ })
      .waitFor();

    await bell.click();
    const entry = annaSide.page.getByRole('link', { name: 'Bram Bakker noemde je: Casus: de buurvrouw' });
    await entry.waitFor();
    await entry.click();
    await annaSide.page.waitForURL(new RegExp(`/items/${itemId}#comment-`));
    const commentId = new URL(annaSide.page.url()).hash.slice('#comment-'.length);
    await annaSide.page.locator(`#comment-${commentId}`).getByText('Wat denk jij, @Anna de Vries').waitFor();

    // Anna joined by invitation; that mail is not the one under test.
    const notification = (m: CaughtMail) =>
      m.envelopeTo[0] === anna.email && !m.parsed.subject?.startsWith('Uitnodiging') && !isAddressConfirmation(m);
    await waitForMail(catcher, notification);
    const mails = catcher.mails.filter(notification);
    expect(mails).toHaveLength(1);
    expect(mails[0].parsed.text).toContain(`http://spiraal.local/items/${itemId}#comment-${commentId}`);
    const unsubscribe = new URL(/^List-Unsubscribe:\s*<([^>]+)>/m.exec(mails[0].raw)![1]);
    const res = await request(t.baseUrl)
      .post(`${unsubscribe.pathname}${unsubscribe.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(annaSide.errors).toEqual([]);
    expect(bramSide.errors).toEqual([]);
    annaPage = annaSide.page;
    bramPage = bramSide.page;
  });

  it('a mention typed with @ in the live editor becomes a node the server reads: her bell rises again', async () => {
    const bell = annaPage.getByRole('link', { name: /^Meldingen, / });
    const before = Number(await bell.getAttribute('data-unread'));
    await bramPage.goto(`${t.baseUrl}/items/${itemId}`);
    const editor = bramPage.getByRole('textbox', { name: 'Tekst van het item', exact: true });
    await bramPage.waitForFunction(
      () =>
        document.querySelector('[role="textbox"][aria-label="Tekst van het item"]')?.getAttribute('contenteditable') ===
        'true',
    );
    await editor.click();
    await bramPage.keyboard.press('End');
    await bramPage.keyboard.type(' Vraag voor @An');
    await bramPage.getByRole('option', { name: 'Anna de Vries' }).waitFor();
    await bramPage.keyboard.press('Enter');
    await editor.locator('.mention', { hasText: '@Anna de Vries' }).waitFor();
    await annaPage.getByRole('link', { name: `Meldingen, ${before + 1} ongelezen` }).waitFor({ timeout: 10_000 });
  });
});
