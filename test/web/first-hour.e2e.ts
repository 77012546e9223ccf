import type { Browser, BrowserContext, Page } from 'playwright-core';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { describeBrowser, launchBrowser, newPage, seriousAccessibilityViolations, signIn } from '../support/browser';
import { gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';
import { sql } from '../support/test-database';
import { createResetToken } from '../../apps/api/src/auth/password-reset-token';

const EDITOR = { name: 'Tekst van het item', exact: true } as const;
const ITEM = `query ($id: ID!) { item(id: $id) { stage markdown stageHistory { to reason } } }`;

/** What a newcomer and a facilitator ran into in their first hour (issue 21), in one shared browser. */
describeBrowser('the first hour', () => {
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

  async function signedIn(user: TestUser): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await page.goto(`${t.baseUrl}/`);
    await signIn(page, user.email);
    return { page, errors };
  }

  it('a stage changes once per click; a forgotten reason goes with the last move', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'STORY',
      title: 'Verhaal uit de wijk',
    });
    const { page, errors } = await signedIn(c.member);
    await page.goto(`${t.baseUrl}/items/${id}`);
    const select = page.getByLabel('Nieuwe fase');
    await select.waitFor();
    // Nothing chosen: clicking does not move the item.
    expect(await select.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kies eerst de nieuwe fase.' }).waitFor();
    await select.selectOption('EXTERNALISATIE');
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByText('De fase is gewijzigd naar Externalisatie.').waitFor();
    expect(await select.inputValue()).toBe('');
    // Clicking again, to add the reason, moves nothing.
    await page.getByRole('button', { name: 'Fase wijzigen' }).click();
    await page.getByLabel('Toelichting bij de laatste wijziging').fill('Uitgeschreven na de intervisie');
    await page.getByRole('button', { name: 'Toelichting toevoegen' }).click();
    await page.getByText('De toelichting staat bij de laatste wijziging.').waitFor();
    const item = (await gqlData(t.baseUrl, ITEM, { id }, c.member.token)).item;
    expect(item.stage).toBe('EXTERNALISATIE');
    expect(item.stageHistory).toEqual([
      { to: 'SOCIALISATIE', reason: null },
      { to: 'EXTERNALISATIE', reason: 'Uitgeschreven na de intervisie' },
    ]);
    expect(errors).toEqual([]);
  });

  it('typing at the end of a link leaves the link', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie met een link',
      body: 'Zie de website',
    });
    const { page, errors } = await signedIn(c.member);
    await page.goto(`${t.baseUrl}/items/${id}`);
    const editor = page.getByRole('textbox', EDITOR);
    await editor.waitFor({ timeout: 10_000 });
    await editor.getByText('Zie de website').waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: 'Adres van de link' }).fill('www.movisie.nl');
    await page.keyboard.press('Enter');
    await editor.locator('a').waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('End');
    await page.keyboard.type(' van Movisie');
    await editor.getByText('van Movisie').waitFor();
    expect(
      await editor.locator('a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
    ).toEqual([['website', 'https://www.movisie.nl']]);
    const stored = async () => (await gqlData(t.baseUrl, ITEM, { id }, c.member.token)).item.markdown as string;
    for (let i = 0; i < 50 && !(await stored()).includes('van Movisie'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await stored()).toBe('Zie de [website](https://www.movisie.nl) van Movisie\n');
    expect(errors).toEqual([]);
  });

  it('Wachtwoord vergeten? asks for a link; the link lets you choose a new password and signs you in', async () => {
    const user = await registerUser(t.baseUrl, 'Vera Vergeetachtig');
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { name: 'Wachtwoord vergeten' }).waitFor();
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByRole('status').filter({ hasText: 'Als er een account met dit e-mailadres is' }).waitFor();

    // The link as an administrator (or the mail) gives it.
    const token = await createResetToken((text, params) => sql(t.db.url, text, params), user.id);
    await page.goto(`${t.baseUrl}/wachtwoord-herstellen?token=${token}`);
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await page.getByText('Het wachtwoord moet minstens 10 tekens hebben.').waitFor();
    await page.getByLabel('Nieuw wachtwoord').fill('een nieuw lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect((await gqlData(t.baseUrl, `{ me { id } }`, {}, user.token)).me).toBeNull();
    // Used once: the same link now says so.
    await page.goto(`${t.baseUrl}/wachtwoord-herstellen?token=${token}`);
    await page.getByLabel('Nieuw wachtwoord').fill('nog een ander wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await page.getByText(/Deze link om je wachtwoord te herstellen is ongeldig/).waitFor();
    expect(errors).toEqual([]);
  });

  it('a newcomer finds a listed leernetwerk, asks to join and is let in; the facilitator answers and edits settings', async () => {
    const listed = await communityWithPeople(t.baseUrl);
    await gqlData(
      t.baseUrl,
      `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { id } }`,
      { input: { id: listed.communityId, name: 'Leernetwerk Mantelzorg Oost', visibility: 'LISTED' } },
      listed.facilitator.token,
    );
    const newcomer = await registerUser(t.baseUrl, 'Nina Nieuw');
    const { page, errors } = await signedIn(newcomer);
    // Nothing to search yet: said so, with the way to the directory, not spelling tips.
    await page.goto(`${t.baseUrl}/zoeken?q=mantelzorg`);
    await page.getByRole('heading', { name: 'Er is nog niets om te doorzoeken' }).waitFor();
    expect(await page.getByText('Een paar tips:').count()).toBe(0);
    await page.getByRole('link', { name: 'Bekijk alle leernetwerken' }).click();
    const entry = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Leernetwerk Mantelzorg Oost' }) });
    await entry.waitFor();
    await entry.getByText('Facilitator: Fenna Facilitator').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await entry
      .getByLabel('Bericht aan de facilitator (mag leeg blijven)')
      .fill('Ik werk als wijkverpleegkundige in Oost.');
    await entry.getByRole('button', { name: 'Vraag om lid te worden' }).click();
    await entry.getByText('Je verzoek is verstuurd; een facilitator beantwoordt het.').waitFor();

    const facilitator = await signedIn(listed.facilitator);
    await facilitator.page.goto(`${t.baseUrl}/c/${listed.communityId}/members`);
    const requests = facilitator.page.getByRole('region', { name: 'Verzoeken om lid te worden' });
    await requests.getByText('Ik werk als wijkverpleegkundige in Oost.').waitFor();
    await requests.getByRole('button', { name: 'Toelaten' }).click();
    await requests.getByText('Nina Nieuw is nu lid.').waitFor();
    const settings = facilitator.page.getByRole('region', { name: 'Instellingen van het leernetwerk' });
    await settings.getByRole('textbox', { name: 'Beschrijving' }).fill('Voor wie mantelzorgers ondersteunt');
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await settings.getByText('De instellingen zijn opgeslagen.').waitFor();

    await page.reload();
    await entry.getByText('Je bent lid').waitFor();
    await entry.getByText('Voor wie mantelzorgers ondersteunt').waitFor();
    expect(errors).toEqual([]);
    expect(facilitator.errors).toEqual([]);
  });

  it('promote proposes the tags most sources share; Uitproberen opens a short dialog instead of an empty reflection', async () => {
    const tagged = (title: string, tags: string[]) =>
      createItem(t.baseUrl, c.member.token, { communityId: c.communityId, kind: 'CASE', title, tags });
    const a = await tagged('Buurvrouw belt niet meer', ['mantelzorg', 'eenzaamheid']);
    await tagged('Zoon komt niet', ['Mantelzorg', 'jeugd']);
    const { page, errors } = await signedIn(c.facilitator);
    await page.goto(`${t.baseUrl}/items/${a.id}`);
    await page.getByRole('button', { name: 'Uitwerken tot richtlijn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /Zoon komt niet/ }).check();
    await dialog.getByLabel('Titel van de richtlijn').fill('Richtlijn: mantelzorgers ontlasten');
    expect(await dialog.getByLabel('Tags').inputValue()).toBe('mantelzorg');
    await dialog.getByRole('button', { name: 'Richtlijn maken en openen' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(a.id));
    const guidelineId = new URL(page.url()).pathname.split('/').pop()!;
    const guideline = (
      await gqlData(
        t.baseUrl,
        `query ($id: ID!) { item(id: $id) { tags markdown } }`,
        { id: guidelineId },
        c.facilitator.token,
      )
    ).item;
    expect(guideline.tags).toEqual(['mantelzorg']);
    expect(guideline.markdown).not.toMatch(/Casus: Casus:/);
    await gqlData(
      t.baseUrl,
      `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`,
      { input: { id: guidelineId, status: 'IN_UITPROBEERFASE' } },
      c.facilitator.token,
    );

    const member = await signedIn(c.member);
    await member.page.goto(`${t.baseUrl}/items/${guidelineId}`);
    await member.page.getByRole('button', { name: 'Uitproberen in de praktijk' }).click();
    const tryOut = member.page.getByRole('dialog', { name: 'Uitproberen in de praktijk' });
    expect(await tryOut.getByLabel('Titel van je toepassingsreflectie').inputValue()).toBe(
      'Toepassingsreflectie: Richtlijn: mantelzorgers ontlasten',
    );
    expect(await seriousAccessibilityViolations(member.page)).toEqual([]);
    // Nothing is created until the writer says what they will try.
    await tryOut.getByRole('button', { name: 'Reflectie beginnen' }).click();
    await tryOut.getByText('Schrijf kort wat je gaat proberen.').waitFor();
    await tryOut.getByLabel('Wat ga je proberen?').fill('Een dagdeel respijtzorg regelen.');
    await tryOut.getByLabel('Wanneer kijk je terug?').fill('2027-01-15');
    await tryOut.getByRole('button', { name: 'Reflectie beginnen' }).click();
    await member.page.waitForURL((url) => !url.pathname.endsWith(guidelineId));
    const reflectionId = new URL(member.page.url()).pathname.split('/').pop()!;
    const reflection = (
      await gqlData(
        t.baseUrl,
        `query ($id: ID!) { item(id: $id) { kind title markdown } }`,
        { id: reflectionId },
        c.member.token,
      )
    ).item;
    expect(reflection).toMatchObject({
      kind: 'REFLECTION',
      title: 'Toepassingsreflectie: Richtlijn: mantelzorgers ontlasten',
    });
    expect(reflection.markdown).toMatch(
      /^## Wat ga ik proberen\?\n\nEen dagdeel respijtzorg regelen\.\n\n## Wanneer kijk ik terug\?\n\n15 januari 2027/,
    );
    expect(errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});
