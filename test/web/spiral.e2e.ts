import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { gqlData, startTestApp, TestApp, TestUser } from '../support/test-app';

/** The password registerUser gives every test user. */
const EDITOR = '[role="textbox"][aria-label="Tekst van het item"]';

const PROMOTE = `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`;
const SET_STATUS = `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordApplicationInput!) { recordApplication(input: $input) { id title } }`;
const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;

/**
 * The knowledge spiral in Chromium, against the real API and the built app
 * (apps/web/dist; `npx nx run web:build` first): uitwerken tot richtlijn, the
 * guideline's lifecycle, uitproberen in de praktijk, the klankbord, the
 * kennisspiraal page and a bijeenkomst. Every page visited is checked for
 * console errors and for serious or critical axe-core violations.
 */
// A browser walks through whole journeys here; Jest's default of 5 s is too short.
jest.setTimeout(60_000);

describeBrowser('the knowledge spiral in the browser', () => {
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

  /** A page at this address, signed in through the login form the address first shows. */
  async function openAs(user: Pick<TestUser, 'email'>, path: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    opened.push(context);
    await page.goto(t.baseUrl + path);
    await signIn(page, user.email);
    return { page, errors };
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  /** Waits until the live editor has loaded the body and is (not) editable. */
  async function editorEditable(page: Page, editable: boolean): Promise<void> {
    await page.waitForFunction(
      ([selector, want]) => {
        const box = document.querySelector(selector);
        return !!box && box.closest('[aria-busy="false"]') !== null && box.getAttribute('contenteditable') === want;
      },
      [EDITOR, String(editable)] as const,
      { timeout: 10_000 },
    );
  }

  /** A story and two cases in a community, written by its member, as the sources of a guideline. */
  async function sources(people: CommunityFixture, label: string) {
    const { communityId, member } = people;
    const story = await createItem(t.baseUrl, member.token, {
      communityId,
      kind: 'STORY',
      title: `Verhaal: een avond aan de keukentafel ${label}`,
      body: 'Ze vertelde pas over haar zorgen toen de koffie op was.',
    });
    const caseOne = await createItem(t.baseUrl, member.token, {
      communityId,
      kind: 'CASE',
      // Initials only: a full name would be a privacy finding, and the gate would refuse the promotion (docs/privacy.md).
      title: `Casus: mevrouw J. wil thuis blijven ${label}`,
      body: '## Situatie\n\nMevrouw J. woont alleen.\n\n## Suggesties\n\nVraag door naar wat ze zelf wil, voor je iets regelt.',
    });
    const caseTwo = await createItem(t.baseUrl, member.token, {
      communityId,
      kind: 'CASE',
      title: `Casus: de buurman die niet opendoet ${label}`,
      body: '## Situatie\n\nDe buurman doet al weken niet open.\n\n## Afspraken\n\nWe gaan met z’n tweeën, en bellen eerst.',
    });
    return { story, caseOne, caseTwo };
  }

  /** A guideline made through the API, in the given status. */
  async function guideline(
    people: CommunityFixture,
    title: string,
    statusValue: 'CONCEPT' | 'IN_UITPROBEERFASE',
  ): Promise<string> {
    const { story, caseOne, caseTwo } = await sources(people, title);
    const made = await gqlData<{ promoteToGuideline: { id: string } }>(
      t.baseUrl,
      PROMOTE,
      { input: { sourceItemIds: [story.id, caseOne.id, caseTwo.id], title } },
      people.facilitator.token,
    );
    const id = made.promoteToGuideline.id;
    if (statusValue !== 'CONCEPT')
      await gqlData(t.baseUrl, SET_STATUS, { input: { id, status: statusValue } }, people.facilitator.token);
    return id;
  }

  it('lets a facilitator work a story and two cases up into a guideline, then start trying it out', async () => {
    await sources(c, '(promotie)');
    await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Notitie: koffie bij de intervisie',
    });
    const { page, errors } = await openAs(c.facilitator, `/c/${c.communityId}/items`);
    await heading(page, 'Kennisbank').waitFor();

    // The dialog takes focus (its filter) and gives it back on Escape.
    await page.getByRole('button', { name: 'Uitwerken tot richtlijn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uitwerken tot richtlijn' });
    await dialog.getByRole('checkbox').first().waitFor();
    expect(await dialog.getByLabel('Zoek in de titels').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator(':focus').textContent()).toBe('Uitwerken tot richtlijn');

    await page.getByRole('button', { name: 'Uitwerken tot richtlijn' }).click();
    // Submitting without anything says what is missing.
    await dialog.getByRole('button', { name: 'Richtlijn maken en openen' }).click();
    await dialog.getByText('Kies minstens één bron.').waitFor();
    await dialog.getByText('Geef de richtlijn een titel.').waitFor();
    // Filter by title: the two cases; the chosen ones stay chosen when the filter changes.
    await dialog.getByLabel('Zoek in de titels').fill('casus (promotie)');
    expect(await dialog.getByRole('checkbox').count()).toBe(2);
    await dialog.getByRole('checkbox', { name: /mevrouw J. wil thuis blijven \(promotie\)/ }).check();
    await dialog.getByRole('checkbox', { name: /buurman die niet opendoet \(promotie\)/ }).check();
    await dialog.getByLabel('Zoek in de titels').fill('keukentafel');
    await dialog.getByRole('checkbox', { name: /keukentafel \(promotie\)/ }).check();
    await dialog.getByLabel('Zoek in de titels').fill('');
    await dialog.getByRole('status').filter({ hasText: '3 bronnen gekozen' }).waitFor();
    expect(await dialog.getByText('Kies minstens één bron.').count()).toBe(0);
    // Kind and stage of each candidate.
    const noteChoice = dialog.getByRole('listitem').filter({ hasText: 'Notitie: koffie bij de intervisie' });
    await noteChoice.getByText('Notitie', { exact: true }).waitFor();
    await noteChoice.getByText('Externalisatie').waitFor();
    await dialog.getByLabel('Titel van de richtlijn').fill('Richtlijn: thuis blijven wonen');
    await expectAccessible(page);
    await screenshot(page, 'spiral-promote-dialog');
    await dialog.getByRole('button', { name: 'Richtlijn maken en openen' }).click();

    // The new guideline: a concept, with its three sources linked.
    await heading(page, 'Richtlijn: thuis blijven wonen').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/items\/[0-9a-f-]{36}$/);
    const guidelineId = new URL(page.url()).pathname.split('/')[2];
    await page
      .locator('.item-header')
      .getByText(/^Status: Concept · versie 1$/)
      .waitFor();
    const bronnen = region(page, 'Bronnen');
    await bronnen.getByRole('link').nth(2).waitFor();
    expect(await bronnen.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining([
        'Verhaal: een avond aan de keukentafel (promotie)',
        'Casus: mevrouw J. wil thuis blijven (promotie)',
        'Casus: de buurman die niet opendoet (promotie)',
      ]),
    );
    expect(await bronnen.getByRole('link').count()).toBe(3);
    // A concept cannot be tried out yet.
    expect(await page.getByRole('button', { name: 'Uitproberen in de praktijk' }).count()).toBe(0);
    await editorEditable(page, true);

    await page.getByRole('button', { name: 'Naar uitprobeerfase' }).click();
    await status(page, 'De status is nu: In uitprobeerfase.');
    await page
      .locator('.item-header')
      .getByText(/^Status: In uitprobeerfase · versie 1$/)
      .waitFor();
    await page.getByRole('button', { name: 'Uitproberen in de praktijk' }).waitFor();
    // The source knows where it went.
    await bronnen.getByRole('link', { name: 'Casus: mevrouw J. wil thuis blijven (promotie)' }).click();
    await heading(page, 'Casus: mevrouw J. wil thuis blijven (promotie)').waitFor();
    await region(page, 'Afgeleid in richtlijnen')
      .getByRole('link', { name: 'Richtlijn: thuis blijven wonen' })
      .waitFor();
    await expectAccessible(page);
    await page.goto(`${t.baseUrl}/items/${guidelineId}`);
    await heading(page, 'Richtlijn: thuis blijven wonen').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'spiral-guideline-page');
    expect(errors).toEqual([]);
  });

  it('lets a member try a guideline out: a reflection in internalisatie, linked both ways', async () => {
    const id = await guideline(c, 'Richtlijn: het keukentafelgesprek', 'IN_UITPROBEERFASE');
    const { page, errors } = await openAs(c.member, `/items/${id}`);
    await heading(page, 'Richtlijn: het keukentafelgesprek').waitFor();
    // Members see no facilitator moves.
    for (const name of ['Uitwerken tot richtlijn', 'Naar uitprobeerfase', 'Vaststellen', 'Bijstellen']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await region(page, 'Toepassingen').getByText('Nog niemand heeft deze richtlijn uitgeprobeerd.').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Uitproberen in de praktijk' }).click();
    // A short dialog first: nothing is created until the writer says what they will try.
    const tryOut = page.getByRole('dialog', { name: 'Uitproberen in de praktijk' });
    await tryOut.getByLabel('Wat ga je proberen?').fill('Het gesprek aan de keukentafel beginnen met haar eigen wens.');
    await tryOut.getByLabel('Wanneer kijk je terug?').fill('2027-01-15');
    await tryOut.getByRole('button', { name: 'Reflectie beginnen' }).click();
    await heading(page, 'Toepassingsreflectie: Richtlijn: het keukentafelgesprek').waitFor();
    const reflectionPath = new URL(page.url()).pathname;
    expect(reflectionPath).not.toBe(`/items/${id}`);
    const header = page.locator('.item-header');
    await header.getByText('Toepassingsreflectie', { exact: true }).waitFor();
    await header.getByText('Internalisatie').waitFor();
    await header.getByText(/Toepassing van .* versie 1/).waitFor();
    // Written from the template, live, by the member.
    await editorEditable(page, true);
    expect(await page.locator(EDITOR).textContent()).toMatch(/Wat deed je/);
    await expectAccessible(page);
    await screenshot(page, 'spiral-reflection-page');

    await header.getByRole('link', { name: 'Richtlijn: het keukentafelgesprek' }).click();
    await heading(page, 'Richtlijn: het keukentafelgesprek').waitFor();
    const applications = region(page, /^Toepassingen/);
    await applications.getByRole('link', { name: 'Toepassingsreflectie: Richtlijn: het keukentafelgesprek' }).waitFor();
    await applications.getByText(/Mo Lid/).waitFor();
    expect(await applications.getByRole('link').getAttribute('href')).toBe(reflectionPath);
    expect(errors).toEqual([]);
  });

  it('lets a facilitator adopt a guideline (version 1, read-only) and revise it (version 2, editable)', async () => {
    const id = await guideline(c, 'Richtlijn: samen op huisbezoek', 'IN_UITPROBEERFASE');
    const { page, errors } = await openAs(c.facilitator, `/items/${id}`);
    await heading(page, 'Richtlijn: samen op huisbezoek').waitFor();
    await editorEditable(page, true);
    await region(page, 'Versies').getByText('Nog geen vastgestelde versie.').waitFor();

    await page.getByRole('button', { name: 'Vaststellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Richtlijn vaststellen' });
    const reviewDate = dialog.getByLabel('Herzien op');
    // A year from now unless chosen otherwise.
    expect(await reviewDate.inputValue()).toBe(
      `${new Date().getFullYear() + 1}-${String(new Date().getMonth() + 1).padStart(2, '0')}-${String(new Date().getDate()).padStart(2, '0')}`,
    );
    await reviewDate.fill('2031-06-15');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Vaststellen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await status(page, 'De status is nu: Vastgesteld.');

    await page
      .locator('.item-header')
      .getByText(/^Status: Vastgesteld · versie 1$/)
      .waitFor();
    await page
      .getByText('Versie 1 is vastgesteld: de tekst verandert alleen nog door voorstellen;', { exact: false })
      .waitFor();
    const versions = region(page, 'Versies');
    await versions.getByRole('heading', { name: 'Versie 1' }).waitFor();
    await versions.getByText('Fenna Facilitator').waitFor();
    await versions.getByText('15 jun 2031').waitFor();
    await versions.getByText('Tekst van versie 1').click();
    await versions
      .getByRole('document', { name: 'Tekst van versie 1' })
      .getByText(/Vraag door naar wat ze zelf wil/)
      .waitFor();
    // Frozen for everyone: the text changes only through voorstellen (suggestion mode, forced), title and tags not at all.
    await editorEditable(page, true);
    const suggesting = page.getByRole('button', { name: 'Voorstellen', exact: true });
    expect(await suggesting.getAttribute('aria-pressed')).toBe('true');
    expect(await suggesting.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Titel en tags bewerken' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vaststellen' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'spiral-guideline-adopted');

    await page.getByRole('button', { name: 'Bijstellen' }).click();
    const revise = page.getByRole('dialog', { name: 'Richtlijn bijstellen' });
    await revise.getByText(/Vastgestelde versie 1 blijft leesbaar/).waitFor();
    await revise.getByRole('button', { name: 'Versie 2 openen' }).click();
    await status(page, 'Versie 2 is geopend om bij te stellen.');
    await page
      .locator('.item-header')
      .getByText(/^Status: Concept · versie 2$/)
      .waitFor();
    await editorEditable(page, true);
    await page.getByRole('button', { name: 'Titel en tags bewerken' }).waitFor();
    // Version 1 stays readable.
    await versions.getByRole('heading', { name: 'Versie 1' }).waitFor();
    await expectAccessible(page);
    // In English, the same lifecycle.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Status of the guideline' }).waitFor();
    await page
      .locator('.item-header')
      .getByText(/^Status: Draft · version 2$/)
      .waitFor();
    await region(page, 'Versions').getByText('Adopted by').waitFor();
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    expect(errors).toEqual([]);
  });

  it('says plainly when an adopted guideline asks for attention: review date passed, a source changed', async () => {
    const id = await guideline(c, 'Richtlijn: de warme overdracht', 'IN_UITPROBEERFASE');
    await gqlData(
      t.baseUrl,
      SET_STATUS,
      { input: { id, status: 'VASTGESTELD', reviewDate: '2024-03-01T12:00:00.000Z' } },
      c.facilitator.token,
    );
    const { item } = await gqlData<{ item: { sources: { id: string; title: string }[] } }>(
      t.baseUrl,
      `query ($id: ID!) { item(id: $id) { sources { id title } } }`,
      { id },
      c.member.token,
    );
    const changed = item.sources[1];
    await gqlData(
      t.baseUrl,
      `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { id } }`,
      { input: { id: changed.id, title: `${changed.title} (aangevuld)` } },
      c.member.token,
    );

    const { page, errors } = await openAs(c.member, `/items/${id}`);
    await heading(page, 'Richtlijn: de warme overdracht').waitFor();
    const notice = region(page, 'Deze richtlijn vraagt aandacht');
    await notice.getByText('De herzieningsdatum (1 mrt 2024) is verstreken: tijd om bij te stellen?').waitFor();
    await notice.getByRole('link', { name: `${changed.title} (aangevuld)` }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'spiral-guideline-attention');
    expect(errors).toEqual([]);
  });

  it('lets a reader ask a klankbord question, shown before suggestions, but not promote or change status', async () => {
    const id = await guideline(c, 'Richtlijn: voor de lezer', 'IN_UITPROBEERFASE');
    const { caseOne } = await sources(c, '(klankbord)');
    await gqlData(
      t.baseUrl,
      ADD_COMMENT,
      { input: { itemId: caseOne.id, kind: 'SUGGESTION', body: 'Betrek de dochter erbij.' } },
      c.member.token,
    );
    await gqlData(
      t.baseUrl,
      ADD_COMMENT,
      { input: { itemId: caseOne.id, kind: 'REACTION', body: 'Dit herken ik uit mijn eigen wijk.' } },
      c.facilitator.token,
    );

    const { page, errors } = await openAs(c.reader, `/items/${id}`);
    await heading(page, 'Richtlijn: voor de lezer').waitFor();
    for (const name of [
      'Uitwerken tot richtlijn',
      'Naar uitprobeerfase',
      'Vaststellen',
      'Bijstellen',
      'Titel en tags bewerken',
    ]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    // Readers may try a guideline out.
    await page.getByRole('button', { name: 'Uitproberen in de praktijk' }).waitFor();
    await expectAccessible(page);

    await page.goto(`${t.baseUrl}/items/${caseOne.id}`);
    await heading(page, /mevrouw J. wil thuis blijven \(klankbord\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Uitwerken tot richtlijn' }).count()).toBe(0);
    const klankbord = region(page, /^Klankbord/);
    await klankbord.getByText('Betrek de dochter erbij.').waitFor();
    // A question is the default kind; an empty one is not sent.
    expect(await klankbord.getByRole('radio', { name: /Verdiepende vraag/ }).isChecked()).toBe(true);
    await klankbord.getByRole('button', { name: 'Plaatsen' }).click();
    await klankbord.getByText('Schrijf eerst je reactie.').waitFor();
    await klankbord.getByLabel('Jouw reactie').fill('Wat wil mevrouw J. zelf het liefst?');
    await klankbord.getByRole('button', { name: 'Plaatsen' }).click();
    await status(page, 'Je reactie is geplaatst.');
    await klankbord.getByText('Wat wil mevrouw J. zelf het liefst?').waitFor();

    // Questions first, suggestions last ("uitstellen van oordeel"), as the server orders them.
    const cards = klankbord.getByRole('article');
    expect(await cards.evaluateAll((list) => list.map((el) => el.getAttribute('aria-label')))).toEqual([
      'Verdiepende vraag, Lea Lezer',
      'Reactie, Fenna Facilitator',
      'Suggestie, Mo Lid',
    ]);
    const question = cards.first();
    await question.getByText('Student').waitFor();
    // Only one's own response can be marked as dealt with by a reader.
    expect(await klankbord.getByRole('button', { name: /markeren als afgehandeld/ }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'spiral-comments-panel');
    await question.getByRole('button', { name: 'Verdiepende vraag van Lea Lezer: markeren als afgehandeld' }).click();
    await question.getByText('Afgehandeld', { exact: true }).waitFor();
    expect(await klankbord.getByRole('button', { name: /markeren als afgehandeld/ }).count()).toBe(0);
    expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the spiral of a community: stages, moves, flows, voices and the questions where it stalls', async () => {
    const people = await communityWithPeople(t.baseUrl);
    const { story, caseOne, caseTwo } = await sources(people, '(spiraal)');
    await createItem(t.baseUrl, people.member.token, {
      communityId: people.communityId,
      kind: 'NOTE',
      title: 'Notitie: los idee',
    });
    const { promoteToGuideline } = await gqlData<{ promoteToGuideline: { id: string } }>(
      t.baseUrl,
      PROMOTE,
      { input: { sourceItemIds: [story.id, caseOne.id, caseTwo.id], title: 'Richtlijn: het huisbezoek' } },
      people.facilitator.token,
    );
    await gqlData(
      t.baseUrl,
      SET_STATUS,
      { input: { id: promoteToGuideline.id, status: 'IN_UITPROBEERFASE' } },
      people.facilitator.token,
    );
    const { recordApplication } = await gqlData<{ recordApplication: { id: string; title: string } }>(
      t.baseUrl,
      RECORD,
      { input: { guidelineId: promoteToGuideline.id, body: null } },
      people.member.token,
    );

    const { page, errors } = await openAs(people.facilitator, `/c/${people.communityId}`);
    await heading(page, 'Leernetwerk PRIVATE').waitFor();
    await page.getByRole('navigation', { name: 'Leernetwerk' }).getByRole('link', { name: 'Kennisspiraal' }).click();
    await heading(page, 'Kennisspiraal').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${people.communityId}/spiraal`);

    // The picture is an image with a text alternative; the tables say the same in words.
    const picture = page.getByRole('img', { name: 'Kennisspiraal: items per fase en bewegingen tussen de fasen' });
    await picture.waitFor();
    expect(await picture.locator('desc').textContent()).toContain('Externalisatie → Combinatie: 2');
    const stages = page.getByRole('table', { name: 'Items per fase, nu' });
    for (const row of ['Socialisatie 1', 'Externalisatie 3', 'Combinatie 1', 'Internalisatie 1']) {
      await stages.getByRole('row', { name: row, exact: true }).waitFor();
    }
    const moves = page.getByRole('table', { name: 'Bewegingen tussen fasen in deze periode' });
    for (const row of [
      'Socialisatie → Combinatie 1',
      'Externalisatie → Combinatie 2',
      'Combinatie → Internalisatie 1',
    ]) {
      await moves.getByRole('row', { name: row, exact: true }).waitFor();
    }
    expect(await moves.getByRole('row').count()).toBe(4);

    // Source → guideline → application, every one a link.
    const flows = region(page, 'Van bron tot toepassing');
    await flows.getByRole('link', { name: 'Richtlijn: het huisbezoek', exact: true }).waitFor();
    await flows.getByRole('link', { name: 'Casus: de buurman die niet opendoet (spiraal)' }).waitFor();
    await flows.getByRole('link', { name: recordApplication.title }).waitFor();

    // Signals are questions, with the items they are about; contributions are counts per perspective.
    const signals = region(page, 'Waar stokt onze spiraal?');
    const notDiscussed = signals.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Welke toepassingsreflecties hebben we nog niet samen besproken?' }),
    });
    await notDiscussed.getByRole('link', { name: recordApplication.title }).waitFor();
    const silent = signals
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Welke stemmen horen we nog niet?' }) });
    await silent.getByText('Student').waitFor();
    const voices = page.getByRole('table', { name: 'Bijdragen per perspectief in deze periode' });
    await voices.getByRole('row', { name: 'Ervaringsdeskundige 1 5 0 1', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'spiral-page');

    // Another period: it lives in the address.
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: 'Afgelopen 3 maanden' });
    await page.waitForURL(/\?maanden=3$/);
    await moves.getByRole('row', { name: 'Externalisatie → Combinatie 2', exact: true }).waitFor();

    // In English, the same picture in other words.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await heading(page, 'Knowledge spiral').waitFor();
    await page
      .getByRole('table', { name: 'Moves between stages in this period' })
      .getByRole('row', { name: 'Externalisation → Combination 2', exact: true })
      .waitFor();
    await region(page, 'Where does our spiral stall?')
      .getByRole('heading', { name: 'Which practice reflections have we not discussed together?' })
      .waitFor();
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await heading(page, 'Kennisspiraal').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await screenshot(page, 'spiral-page-phone');
    expect(errors).toEqual([]);
  });

  it('lets a member plan a bijeenkomst and put what was not discussed yet on its agenda', async () => {
    const people = await communityWithPeople(t.baseUrl);
    const id = await guideline(people, 'Richtlijn: de eerste afspraak', 'IN_UITPROBEERFASE');
    const { recordApplication } = await gqlData<{ recordApplication: { id: string; title: string } }>(
      t.baseUrl,
      RECORD,
      { input: { guidelineId: id, body: null } },
      people.member.token,
    );
    await gqlData(
      t.baseUrl,
      ADD_COMMENT,
      { input: { itemId: id, kind: 'QUESTION', body: 'Voor wie is deze afspraak bedoeld?' } },
      people.reader.token,
    );

    const { page, errors } = await openAs(people.member, `/c/${people.communityId}`);
    await heading(page, 'Leernetwerk PRIVATE').waitFor();
    await page.getByRole('navigation', { name: 'Leernetwerk' }).getByRole('link', { name: 'Bijeenkomsten' }).click();
    await heading(page, 'Bijeenkomsten').waitFor();
    await page.getByText('Nog geen bijeenkomsten.', { exact: false }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Nieuwe bijeenkomst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe bijeenkomst' });
    await dialog.getByLabel('Titel').fill('Intervisie april');
    await dialog.getByLabel('Datum en tijd').fill('2030-04-15T19:30');
    await dialog.getByRole('radio', { name: 'Intervisie' }).check();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Plannen en openen' }).click();

    await heading(page, 'Intervisie april').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/bijeenkomsten\/[0-9a-f-]{36}$/);
    const meetingPath = new URL(page.url()).pathname;
    await page.getByText('15 apr 2030, 19:30').waitFor();
    const agenda = region(page, 'Agenda');
    await agenda.getByText('De agenda is nog leeg.', { exact: false }).waitFor();

    // Not discussed yet: the reflection and the open question.
    const suggestions = region(page, 'Nog niet besproken');
    await suggestions.getByRole('link', { name: recordApplication.title }).waitFor();
    await suggestions.getByText('Voor wie is deze afspraak bedoeld?').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'spiral-meeting-suggestions');
    await suggestions.getByRole('button', { name: `${recordApplication.title}: op de agenda` }).click();
    await status(page, `“${recordApplication.title}” staat op de agenda.`);
    await agenda.getByRole('link', { name: recordApplication.title }).waitFor();
    expect(await suggestions.getByRole('link', { name: recordApplication.title }).count()).toBe(0);
    expect(
      await agenda
        .getByRole('heading', { name: 'Agenda', exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await suggestions
      .getByRole('button', { name: /Open vraag: Voor wie is deze afspraak bedoeld\?: op de agenda/ })
      .click();
    await agenda.getByText('Voor wie is deze afspraak bedoeld?').waitFor();
    await agenda.getByRole('link', { name: 'Richtlijn: de eerste afspraak', exact: true }).waitFor();

    // A point of one's own.
    await agenda.getByLabel('Agendapunt of toelichting').fill('Wat namen we mee uit maart?');
    await agenda.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await agenda.getByRole('listitem').filter({ hasText: 'Wat namen we mee uit maart?' }).waitFor();
    expect(await agenda.getByRole('list').first().getByRole('listitem').count()).toBe(3);
    await expectAccessible(page);
    await screenshot(page, 'spiral-meeting-page');

    // The verslag is an item of its own, written live.
    await page.getByRole('link', { name: 'Naar het verslag' }).click();
    await heading(page, 'Verslag: Intervisie april').waitFor();
    await editorEditable(page, true);

    // The list shows it as upcoming; a reader sees the meeting but cannot change the agenda.
    await page.goto(`${t.baseUrl}/c/${people.communityId}/bijeenkomsten`);
    await region(page, 'Komende bijeenkomsten').getByRole('link', { name: 'Intervisie april' }).waitFor();
    expect(errors).toEqual([]);

    const reader = await openAs(people.reader, meetingPath);
    await heading(reader.page, 'Intervisie april').waitFor();
    await region(reader.page, 'Agenda').getByRole('link', { name: recordApplication.title }).waitFor();
    expect(await reader.page.getByRole('button', { name: /op de agenda/i }).count()).toBe(0);
    await reader.page.getByText('Alleen facilitatoren en leden kunnen de agenda aanvullen.').waitFor();
    await expectAccessible(reader.page);
    expect(reader.errors).toEqual([]);
  });
});
