import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { connectClient, typeParagraph, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gql, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

/** The password registerUser gives every test user. */
const XSS_TITLE = '<img src=x onerror=alert(1)>';

/**
 * The web app's pages in Chromium, against the real API and the built app
 * (apps/web/dist; `npx nx run web:build` first). Every page visited is checked
 * for console errors and for serious or critical axe-core violations.
 */
// A browser walks through whole journeys here; Jest's default of 5 s is too short.
jest.setTimeout(60_000);

describeBrowser('the web app pages', () => {
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    // A document unloads soon after its last editor leaves, which records a revision.
    [t, browser] = await Promise.all([startTestApp({ COLLAB_IDLE_UNLOAD_MS: '200' }), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path = '/'): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const { context, page, errors } = await newPage(browser);
    opened.push(context);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(t.baseUrl + path);
    return { page, errors, dialogs };
  }

  /** No serious or critical axe-core violations anywhere on the page, the editor included. */
  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('says plainly when the password is wrong, when to try again, and when the server is unreachable', async () => {
    const user = await registerUser(t.baseUrl, 'Wanda Wachtwoord');
    const { page, errors } = await open('/');
    await heading(page, 'Inloggen').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-login');
    // The first Tab reaches the skip link; it leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.locator('main:focus').count()).toBe(1);

    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill('niet mijn wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
    );
    await expectAccessible(page);
    await screenshot(page, 'pages-login-wrong-password');

    // Four more failures lock the account for 15 minutes: the message gives the wait.
    for (let i = 0; i < 4; i++) {
      await gql(t.baseUrl, `mutation ($input: LoginInput!) { login(input: $input) { token } }`, {
        input: { email: user.email, password: 'nog steeds fout' },
      });
    }
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Te veel pogingen' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Te veel pogingen. Probeer het over 15 minuten opnieuw.');

    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Geen verbinding' }).waitFor();
    await page.context().setOffline(false);

    // English as second language.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await heading(page, 'Sign in').waitFor();
    expect(await page.getByLabel('E-mail address').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The failed fetch while offline is the browser's own console line; nothing else.
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('takes a newcomer from registration to a new leernetwerk, a colleague, a casus from the template, the filtered list and the casus', async () => {
    const colleague = await registerUser(t.baseUrl, 'Cas Collega');
    const { page, errors } = await open('/register');

    await heading(page, 'Account aanmaken').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    expect(await page.getByText('Vul je naam in.').count()).toBe(1);
    await page.getByLabel('Naam').fill('Nina Nieuw');
    await page.getByLabel('E-mailadres').fill(`nina-${Date.now()}@example.nl`);
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();

    // No leernetwerk yet: the empty state.
    await heading(page, 'Welkom bij Spiraal').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-start-empty');
    await page.getByRole('button', { name: 'Maak je eerste leernetwerk' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Nieuw leernetwerk' });
    await createDialog.getByLabel('Naam').fill('Wijkteam Noord');
    await createDialog
      .getByLabel('Beschrijving')
      .fill('Casuïstiek en intervisie van het wijkteam. Zie https://example.org/wijkteam');
    await createDialog.getByRole('button', { name: 'Leernetwerk aanmaken' }).click();
    await heading(page, 'Wijkteam Noord').waitFor();
    expect(page.url()).toMatch(/\/c\/[0-9a-f-]{36}$/);
    const communityPath = new URL(page.url()).pathname;

    // Members: invite the colleague by e-mail, with a role and a perspective; they join by accepting.
    await page.getByRole('navigation', { name: 'Leernetwerk' }).getByRole('link', { name: 'Leden' }).click();
    await heading(page, 'Leden').waitFor();
    await page.getByLabel('E-mailadres').fill(colleague.email);
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Lid' });
    await page.getByLabel('Perspectief').selectOption({ label: 'Ervaringsdeskundige' });
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Uitnodiging verstuurd naar ${colleague.email}.` })
      .waitFor();
    await page.getByRole('region', { name: 'Openstaande uitnodigingen' }).getByText(colleague.email).waitFor();
    expect(await page.getByRole('row', { name: /Cas Collega/ }).count()).toBe(0);
    // An address without an account gets the very same answer.
    await page.getByLabel('E-mailadres').fill('niemand@example.nl');
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await page.getByRole('status').filter({ hasText: 'Uitnodiging verstuurd naar niemand@example.nl.' }).waitFor();
    await page.getByRole('button', { name: 'Uitnodiging aan niemand@example.nl intrekken' }).click();
    await page
      .getByRole('button', { name: 'Uitnodiging aan niemand@example.nl intrekken' })
      .waitFor({ state: 'detached' });
    // This server mails nothing: the facilitator sees the link to pass on; the colleague accepts with it
    // (in their own session, through the API; an unverified address alone is not enough), and is then in the list.
    const link = await page.getByLabel(`Uitnodigingslink voor ${colleague.email}`).inputValue();
    const token = new URL(link).searchParams.get('token')!;
    expect((await gqlData(t.baseUrl, `{ myInvitations { id } }`, {}, colleague.token)).myInvitations).toEqual([]);
    await gqlData(
      t.baseUrl,
      `mutation ($id: ID!, $token: String) { acceptInvitation(id: $id, token: $token) { id } }`,
      { id: token.split('.')[0], token },
      colleague.token,
    );
    await page.reload();
    const row = page.getByRole('row', { name: /Cas Collega/ });
    await row.getByRole('cell', { name: 'Ervaringsdeskundige' }).waitFor();
    await row.getByRole('cell', { name: colleague.email }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-members-facilitator');

    // A casus from the template, through the dialog, then its page opens.
    await page.getByRole('link', { name: 'Kennisbank' }).click();
    await heading(page, 'Kennisbank').waitFor();
    // The dialog takes focus, gives it back on Escape.
    await page.getByRole('button', { name: 'Nieuw item' }).click();
    const itemDialog = page.getByRole('dialog', { name: 'Nieuw item' });
    await itemDialog.waitFor();
    expect(await page.locator('dialog :focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    await itemDialog.waitFor({ state: 'detached' });
    expect(await page.locator(':focus').textContent()).toBe('+ Nieuw item');
    await page.getByRole('button', { name: 'Nieuw item' }).click();
    expect(await itemDialog.getByRole('radio', { name: /Casus/ }).isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'pages-new-item-dialog');
    await itemDialog.getByLabel('Titel').fill('Mevrouw Jansen wil thuis blijven wonen');
    await itemDialog.getByLabel('Tags').fill('ouderen, wonen');
    await itemDialog.getByRole('button', { name: 'Aanmaken en openen' }).click();
    await heading(page, 'Mevrouw Jansen wil thuis blijven wonen').waitFor();
    const itemPath = new URL(page.url()).pathname;
    expect(itemPath).toMatch(/^\/items\/[0-9a-f-]{36}$/);
    // The server wrote the casus template into the document.
    const markdown = await page.evaluate(async (id) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'query ($id: ID!) { item(id: $id) { markdown } }', variables: { id } }),
      });
      return ((await response.json()) as { data: { item: { markdown: string } } }).data.item.markdown;
    }, itemPath.split('/')[2]);
    expect(markdown).toMatch(/Situatie/);

    // The list, filtered by the casus's stage.
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Kennisbank' }).click();
    await heading(page, 'Kennisbank').waitFor();
    await page.getByLabel('Fase').selectOption({ label: 'Socialisatie' });
    await page.getByText('Er zijn (nog) geen items die hierbij passen.').waitFor();
    await page.getByLabel('Fase').selectOption({ label: 'Externalisatie' });
    await page.getByRole('status').filter({ hasText: '1 item gevonden' }).waitFor();
    expect(page.url()).toContain('stage=EXTERNALISATIE');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Mevrouw Jansen wil thuis blijven wonen' }) });
    expect(await card.getByText('Externalisatie').count()).toBe(1);
    expect(await card.getByText('Casus', { exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'pages-item-list-filtered');

    await card.getByRole('link', { name: 'Mevrouw Jansen wil thuis blijven wonen' }).click();
    await heading(page, 'Mevrouw Jansen wil thuis blijven wonen').waitFor();
    expect(new URL(page.url()).pathname).toBe(itemPath);

    // Title and tags, then a stage change with a reason: it lands in the history.
    await page.getByRole('button', { name: 'Titel en tags bewerken' }).click();
    await page.getByLabel('Titel').fill('Mevrouw Jansen wil thuis blijven wonen (vervolg)');
    await page.getByLabel('Tags').fill('ouderen, wonen, mantelzorg');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await heading(page, 'Mevrouw Jansen wil thuis blijven wonen (vervolg)').waitFor();
    await page.getByRole('list', { name: 'Tags' }).getByText('mantelzorg').waitFor();
    await page.getByLabel('Nieuwe fase').selectOption('COMBINATIE');
    await page.getByLabel('Waarom? (toelichting)').fill('Besproken in de intervisie van maart.');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('status').filter({ hasText: 'De fase is gewijzigd naar Combinatie.' }).waitFor();
    await page.getByText('Externalisatie → Combinatie').waitFor();
    expect(await page.getByText('Besproken in de intervisie van maart.').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'pages-item-facilitator');

    // The home page for newcomers now knows about the casus.
    await page.getByRole('navigation', { name: 'Leernetwerk' }).getByRole('link', { name: 'Overzicht' }).click();
    await heading(page, 'Wijkteam Noord').waitFor();
    await page.getByRole('heading', { name: 'Wat weet het netwerk al?' }).waitFor();
    await page.getByRole('link', { name: 'Mevrouw Jansen wil thuis blijven wonen (vervolg)' }).waitFor();
    expect(await page.getByRole('link', { name: 'https://example.org/wijkteam' }).getAttribute('href')).toBe(
      'https://example.org/wijkteam',
    );
    expect(new URL(page.url()).pathname).toBe(communityPath);
    await expectAccessible(page);
    await screenshot(page, 'pages-community-home');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'pages-community-home-phone');
    await page.getByRole('link', { name: 'Mevrouw Jansen wil thuis blijven wonen (vervolg)' }).click();
    await heading(page, /Mevrouw Jansen/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-item-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A deep link works after a reload, and the back button restores the list's filter.
    await page.goto(t.baseUrl + itemPath);
    await heading(page, /Mevrouw Jansen/).waitFor();
    await page.goto(`${t.baseUrl}${communityPath}/items?stage=COMBINATIE`);
    await page.getByRole('status').filter({ hasText: '1 item gevonden' }).waitFor();
    expect(await page.getByLabel('Fase').inputValue()).toBe('COMBINATIE');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await heading(page, 'Inloggen').waitFor();
    expect(errors).toEqual([]);
  });

  it('renders user text as text: an item titled like an HTML tag runs nothing', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: XSS_TITLE,
      tags: ['<b>vet</b>'],
    });
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetItemStageInput!) { setItemStage(input: $input) { id } }`,
      { input: { id, stage: 'COMBINATIE', reason: '<script>alert(2)</script> javascript:alert(3)' } },
      c.member.token,
    );
    const { page, errors, dialogs } = await open(`/items/${id}`);
    await signIn(page, c.member.email);
    await heading(page, XSS_TITLE).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(XSS_TITLE);
    await page.getByText('<script>alert(2)</script> javascript:alert(3)').waitFor();
    expect(await page.getByRole('link', { name: /javascript/ }).count()).toBe(0);
    await page.goto(`${t.baseUrl}/c/${c.communityId}/items`);
    await page.getByRole('link', { name: XSS_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Filter op tag <b>vet</b>' }).waitFor();
    expect(await page.locator('img[src="x"], b, script:not([src])').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a reader everything, read-only: no edit controls on any page', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Casus voor de lezer',
    });
    await withRevision(id, c.member, 'Een zin die in een versie staat.');

    const { page, errors } = await open(`/c/${c.communityId}`);
    await signIn(page, c.reader.email);
    await heading(page, 'Leernetwerk PRIVATE').waitFor();
    await page.getByText('Jouw rol: Lezer').waitFor();
    expect(await page.getByRole('button', { name: 'Casus inbrengen' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Wie zitten er in het netwerk?' }).waitFor();
    await page.getByText('Ervaringsdeskundige').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-community-home-reader');

    // The switcher: a disclosure with links, closed by Escape.
    const switcher = page.getByRole('button', { name: /^Leernetwerk/ });
    await switcher.click();
    expect(await switcher.getAttribute('aria-expanded')).toBe('true');
    await page
      .getByRole('list', { name: 'Mijn leernetwerken' })
      .getByRole('link', { name: 'Leernetwerk PRIVATE' })
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-switcher-open');
    await page.keyboard.press('Escape');
    expect(await switcher.getAttribute('aria-expanded')).toBe('false');

    // In English, the same page.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'What does the network know already?' }).waitFor();
    await page.getByText('Your role: Reader').waitFor();
    await screenshot(page, 'pages-community-home-en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();

    await page.getByRole('link', { name: 'Kennisbank' }).first().click();
    await page.getByRole('link', { name: 'Casus voor de lezer' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nieuw item' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Casus voor de lezer' }).click();
    await heading(page, 'Casus voor de lezer').waitFor();
    await page.getByRole('heading', { name: 'Eerdere versies' }).waitFor();
    await page
      .getByRole('button', { name: /Versie van .* bekijken/ })
      .first()
      .click();
    const preview = page.getByRole('dialog');
    await preview.getByText('Een zin die in een versie staat.').waitFor();
    expect(await preview.getByRole('button', { name: 'Deze versie terugzetten' }).count()).toBe(0);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    for (const name of ['Titel en tags bewerken', 'Fase wijzigen', 'Archiveren']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByLabel('Nieuwe fase').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'pages-item-reader');

    await page.goto(`${t.baseUrl}/c/${c.communityId}/members`);
    await page.getByRole('row', { name: /Fenna Facilitator/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Toevoegen' }).count()).toBe(0);
    expect(await page.locator('main').getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /verwijderen/ }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'pages-members-reader');

    // The session ends elsewhere: the next page asks to sign in again, and then shows what was asked for.
    await page.evaluate(() =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"query":"mutation { logout }"}',
      }),
    );
    await page.getByRole('navigation', { name: 'Leernetwerk' }).getByRole('link', { name: 'Kennisbank' }).click();
    await heading(page, 'Inloggen').waitFor();
    await signIn(page, c.reader.email);
    await heading(page, 'Kennisbank').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${c.communityId}/items`);
    expect(errors).toEqual([]);
  });

  it('lets a member preview an earlier version and restore it', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie met versies',
      body: 'Eerste versie.',
    });
    await withRevision(id, c.member, 'Tweede zin.');
    // Later changes that the restore undoes.
    const later = await connectClient(t.baseUrl, c.facilitator.token, id);
    typeParagraph(later.doc, 'Een latere zin.');
    await waitFor(async () => (await itemText(id)).includes('Een latere zin.'), 5000, 'the later edit');
    later.destroy();
    await waitFor(async () => (await revisionIds(id)).length === 2, 5000, 'the second revision');

    const { page, errors } = await open(`/items/${id}`);
    await signIn(page, c.member.email);
    await heading(page, 'Notitie met versies').waitFor();
    // Newest first: the oldest version is the last in the list.
    await page
      .getByRole('button', { name: /Versie van .* bekijken/ })
      .nth(1)
      .click();
    const preview = page.getByRole('dialog');
    await preview.getByText('Eerste versie.\nTweede zin.', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'pages-revision-preview');
    await preview.getByRole('button', { name: 'Deze versie terugzetten' }).click();
    await preview.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'De versie is teruggezet.' }).waitFor();
    await waitFor(async () => (await itemText(id)) === 'Eerste versie.\nTweede zin.', 5000, 'the restored text');
    expect(errors).toEqual([]);
  });

  async function itemText(id: string): Promise<string> {
    return (
      await gqlData<{ item: { text: string } }>(
        t.baseUrl,
        `query ($id: ID!) { item(id: $id) { text } }`,
        { id },
        c.member.token,
      )
    ).item.text;
  }

  async function revisionIds(id: string): Promise<string[]> {
    const answer = await gqlData<{ itemRevisions: { id: string }[] }>(
      t.baseUrl,
      `query ($id: ID!) { itemRevisions(itemId: $id) { id } }`,
      { id },
      c.member.token,
    );
    return answer.itemRevisions.map((r) => r.id);
  }

  /** Types a paragraph live and leaves: the document unloads and records a revision. */
  async function withRevision(id: string, user: TestUser, paragraph: string): Promise<void> {
    const client = await connectClient(t.baseUrl, user.token, id);
    typeParagraph(client.doc, paragraph);
    await waitFor(async () => (await itemText(id)).includes(paragraph), 5000, 'the edit');
    client.destroy();
    await waitFor(async () => (await revisionIds(id)).length > 0, 5000, 'a revision');
  }
});
