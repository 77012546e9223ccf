import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { createItem } from '../support/fixtures';
import { gql, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

/** The password registerUser gives every test user. */
const XSS_TITLE = 'Zorgmijding <img src=x onerror=alert(1)>';

/**
 * Search in Chromium, against the real API and the built app (apps/web/dist;
 * `npx nx run web:build` first): the header's search-as-you-type box, and the
 * results page with its facets, paging and "nothing found" help.
 */
// A browser walks through whole journeys here; Jest's default of 5 s is too short.
jest.setTimeout(60_000);

/** The variables.input.query of a GraphQL search request, or undefined for any other request. */
function searchQueryOf(request: Request): string | undefined {
  if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return undefined;
  const body = request.postDataJSON() as { query?: string; variables?: { input?: { query?: string } } } | null;
  return body?.query?.includes('search(') ? body.variables?.input?.query : undefined;
}

describeBrowser('search', () => {
  let t: TestApp;
  let browser: Browser;
  let anna: TestUser;
  const ids: Record<string, string> = {};
  let noord: string;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    anna = await registerUser(t.baseUrl, 'Anna Zoeker');
    const community = async (name: string) =>
      (
        await gqlData<{ createCommunity: { id: string } }>(
          t.baseUrl,
          `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
          { input: { name, visibility: 'PRIVATE' } },
          anna.token,
        )
      ).createCommunity.id;
    noord = await community('Wijkteam Noord');
    const oost = await community('GGZ Oost');
    const item = async (key: string, input: Parameters<typeof createItem>[2]) => {
      ids[key] = (await createItem(t.baseUrl, anna.token, input)).id;
    };
    await item('intervisie', {
      communityId: noord,
      kind: 'CASE',
      title: 'Intervisie met het sociaal wijkteam',
      tags: ['intervisie', 'wijkteam'],
      body: '## Situatie\n\nIn de intervisies van het wijkteam bespreken we een casus over eenzaamheid.',
    });
    await item('afspraken', {
      communityId: noord,
      kind: 'NOTE',
      stage: 'COMBINATIE',
      title: 'Afspraken over intervisie in de wijk',
      tags: ['intervisie'],
      body: 'Zo organiseren we intervisie: kies een casus en stel verdiepende vragen.',
    });
    await item('begrip', {
      communityId: oost,
      kind: 'CONCEPT',
      title: 'Wat is intervisie?',
      tags: ['begrip'],
      body: 'Intervisie is leren van elkaars ervaring, met collega’s.',
    });
    await item('nachtdienst', {
      communityId: oost,
      kind: 'STORY',
      title: 'Een avond in de nachtdienst',
      body: 'Het was rustig tot twee uur, daarna niet meer.',
    });
    await item('xss', {
      communityId: oost,
      kind: 'NOTE',
      title: XSS_TITLE,
      body: 'Over zorgmijding & vertrouwen: <script>alert(2)</script>',
    });

    // Indexing is asynchronous (an outbox worker): wait until every item can be found.
    await searchable('intervisie', 3);
    await searchable('nachtdienst', 1);
    await searchable('zorgmijding', 1);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Polls the search API until the query finds at least this many items (10 s at most). */
  async function searchable(query: string, atLeast: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    let last = '';
    while (Date.now() < deadline) {
      const result = await gql<{ search: { totalHits: number } }>(
        t.baseUrl,
        `query ($input: SearchInput!) { search(input: $input) { totalHits } }`,
        { input: { query } },
        anna.token,
      );
      if ((result.data?.search.totalHits ?? 0) >= atLeast) return;
      last = JSON.stringify(result.errors ?? result.data);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`"${query}" did not find ${atLeast} items within 10 s; last answer: ${last}`);
  }

  async function open(path = '/'): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const { context, page, errors } = await newPage(browser);
    opened.push(context);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(t.baseUrl + path);
    await signIn(page, anna.email);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return { page, errors, dialogs };
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Zoeken' });
  const focusedRole = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName.toLowerCase());
  /** The results region and its count line. */
  const results = (page: Page) => page.getByRole('region', { name: 'Resultaten' });
  const count = (page: Page, text: string) =>
    results(page)
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .waitFor();

  it('finds an item while typing half a word with a typo, and opens it with the keyboard', async () => {
    const { page, errors } = await open('/');
    const box = searchBox(page);
    await box.click();
    await box.pressSequentially('intervsi');

    const option = page.getByRole('option', { name: /Intervisie met het sociaal wijkteam/ });
    await option.waitFor({ timeout: 10_000 });
    await option.locator('mark').first().waitFor();
    expect(await option.getByText('Casus', { exact: true }).count()).toBe(1);
    expect(await option.getByText('Externalisatie').count()).toBe(1);
    expect(await option.getByText('Wijkteam Noord').count()).toBe(1);
    const listbox = page.getByRole('listbox', { name: 'Zoeksuggesties' });
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    await listbox.getByRole('option', { name: /^Alle resultaten voor “intervsi”/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'search-dropdown');

    // Arrow keys move the active option; focus stays in the box.
    const optionId = await option.getAttribute('id');
    for (let i = 0; i < 8 && (await box.getAttribute('aria-activedescendant')) !== optionId; i++)
      await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(optionId);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await focusedRole(page)).toBe('combobox');
    await page.keyboard.press('Enter');
    await heading(page, 'Intervisie met het sociaal wijkteam').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/items/${ids.intervisie}`);
    expect(await box.inputValue()).toBe('');

    // "/" jumps to the box; Escape closes the list; Enter without a chosen option opens the results page.
    await page.keyboard.press('/');
    expect(await focusedRole(page)).toBe('combobox');
    await page.keyboard.type('intervisie');
    await page.getByRole('option', { name: /Wat is intervisie\?/ }).waitFor();
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await listbox.isVisible()).toBe(false);
    expect(await box.inputValue()).toBe('intervisie');
    await page.keyboard.press('Enter');
    await heading(page, 'Zoeken').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/zoeken?q=intervisie');
    await count(page, '3 resultaten');
    expect(errors).toEqual([]);
  });

  it('counts only the answer to the latest query, however late an earlier one arrives', async () => {
    const { page, errors } = await open('/');
    // The answer to "nachtdienst" is held back until after the one to "afspraken".
    await page.route('**/graphql', async (route) => {
      if (searchQueryOf(route.request()) === 'nachtdienst') await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const box = searchBox(page);
    const slowAsked = page.waitForRequest((request) => searchQueryOf(request) === 'nachtdienst');
    const slowAnswered = page.waitForResponse((response) => searchQueryOf(response.request()) === 'nachtdienst');
    await box.fill('nachtdienst');
    await slowAsked;
    await box.fill('afspraken');
    await page.getByRole('option', { name: /Afspraken over intervisie in de wijk/ }).waitFor();
    await slowAnswered;
    // Two frames for React to have applied the late answer, had it taken it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.getByRole('option', { name: /nachtdienst/ }).count()).toBe(0);
    expect(await page.getByRole('option', { name: /Afspraken over intervisie in de wijk/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('narrows the results page by facets kept in the address, and helps when nothing is found', async () => {
    const { page, errors } = await open('/zoeken?q=intervisie');
    await heading(page, 'Zoeken').waitFor();
    expect(await page.title()).toBe('Zoeken · Spiraal');
    expect(await page.getByLabel('Waar zoek je naar?').inputValue()).toBe('intervisie');
    await count(page, '3 resultaten');
    const hit = results(page).getByRole('link', { name: 'Intervisie met het sociaal wijkteam' });
    expect(await hit.getAttribute('href')).toBe(`/items/${ids.intervisie}`);
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    // The snippet of the body, with the matched word marked.
    await results(page)
      .locator('mark', { hasText: /^intervisies$/i })
      .first()
      .waitFor();

    await page
      .getByRole('group', { name: 'Leernetwerk' })
      .getByRole('checkbox', { name: 'Wijkteam Noord (2)' })
      .waitFor();
    await page.getByRole('group', { name: 'Leernetwerk' }).getByRole('checkbox', { name: 'GGZ Oost (1)' }).waitFor();

    // A stage facet: the list narrows, the address says so, and the other stages stay offered.
    const stages = page.getByRole('group', { name: 'Fase' });
    await stages.getByRole('checkbox', { name: /Combinatie/ }).check();
    await count(page, '1 resultaat');
    expect(new URL(page.url()).searchParams.getAll('stage')).toEqual(['COMBINATIE']);
    expect(await results(page).getByRole('link').allTextContents()).toEqual(['Afspraken over intervisie in de wijk']);
    expect(await results(page).getByText('Notitie', { exact: true }).count()).toBe(1);
    await stages.getByRole('checkbox', { name: 'Externalisatie (2)' }).waitFor();
    expect(await stages.getByRole('checkbox', { name: /Combinatie/ }).isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'search-results');

    // A reload shows the same.
    await page.reload();
    await count(page, '1 resultaat');
    expect(
      await page
        .getByRole('group', { name: 'Fase' })
        .getByRole('checkbox', { name: /Combinatie/ })
        .isChecked(),
    ).toBe(true);

    // Another query under the stage filter finds nothing: the page offers to drop the filter.
    await page.getByLabel('Waar zoek je naar?').fill('nachtdienst');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { name: 'Niets gevonden voor “nachtdienst”' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'search-nothing-found-filtered');
    await page.getByRole('button', { name: 'Zonder filter Fase: Combinatie zoeken' }).click();
    await count(page, '1 resultaat');
    await results(page).getByRole('link', { name: 'Een avond in de nachtdienst' }).waitFor();
    expect(new URL(page.url()).searchParams.getAll('stage')).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('nachtdienst');

    // The back button returns to the previous query with its filter.
    await page.goBack();
    await count(page, '1 resultaat');
    expect(await page.getByLabel('Waar zoek je naar?').inputValue()).toBe('intervisie');

    // Nothing found without filters: tips for the words themselves.
    await page.getByRole('button', { name: 'Alle filters wissen' }).click();
    await count(page, '3 resultaten');
    await page.getByLabel('Waar zoek je naar?').fill('qwxzyqwv');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { name: 'Niets gevonden voor “qwxzyqwv”' }).waitFor();
    await page.getByText('Controleer de spelling van zeldzame woorden en namen.').waitFor();
    expect(await page.getByRole('button', { name: /^Zonder filter/ }).count()).toBe(0);

    // In English.
    await page.goto(`${t.baseUrl}/zoeken?q=intervisie`);
    await count(page, '3 resultaten');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await heading(page, 'Search').waitFor();
    await page
      .getByRole('region', { name: 'Results' })
      .getByRole('status')
      .filter({ hasText: /^3 results$/ })
      .waitFor();
    await page
      .getByRole('group', { name: 'Stage' })
      .getByRole('checkbox', { name: /Combination/ })
      .waitFor();
    await screenshot(page, 'search-results-en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();

    // At phone width: the facets fold away behind "Verfijnen", the results come first.
    await page.setViewportSize({ width: 390, height: 844 });
    await heading(page, 'Zoeken').waitFor();
    const refine = page.getByRole('button', { name: /^Verfijnen/ });
    expect(await refine.getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(page);
    await screenshot(page, 'search-results-phone');
    await refine.click();
    await page
      .getByRole('group', { name: 'Fase' })
      .getByRole('checkbox', { name: /Combinatie/ })
      .waitFor();
    await screenshot(page, 'search-results-phone-refine');
    // On a phone the search box sits in the header's menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await searchBox(page).click();
    await searchBox(page).pressSequentially('intervsi');
    await page.getByRole('option', { name: /Intervisie met het sociaal wijkteam/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'search-dropdown-phone');
    expect(errors).toEqual([]);
  });

  it('names the words it did not find, offers the corrected query one click away, and close words when nothing is found', async () => {
    const { page, errors } = await open('/zoeken?q=intervsie%20eenzaamheidsbeleid');
    await count(page, '3 resultaten');
    await results(page).getByText('Niet gevonden: eenzaamheidsbeleid').waitFor();
    await results(page).getByRole('link', { name: 'intervisie eenzaamheidsbeleid' }).click();
    expect(new URL(page.url()).searchParams.get('q')).toBe('intervisie eenzaamheidsbeleid');
    await count(page, '3 resultaten');
    expect(
      await results(page)
        .getByText(/^Bedoelde je/)
        .count(),
    ).toBe(0);

    await page.getByLabel('Waar zoek je naar?').fill('nachtdienstrooster');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { name: 'Niets gevonden voor “nachtdienstrooster”' }).waitFor();
    await results(page).getByRole('link', { name: 'nachtdienst', exact: true }).click();
    await count(page, '1 resultaat');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('pages on with "Meer resultaten" and takes focus to the first new result', async () => {
    for (let i = 1; i <= 23; i++) {
      await createItem(t.baseUrl, anna.token, {
        communityId: noord,
        kind: 'NOTE',
        title: `Verslag bijeenkomst ${i}`,
        body: `Aanwezig bij bijeenkomst ${i}: het hele wijkteam.`,
      });
    }
    await searchable('bijeenkomst', 23);
    const { page, errors } = await open('/zoeken?q=bijeenkomst');
    await count(page, '23 resultaten');
    const links = results(page).getByRole('link');
    expect(await links.count()).toBe(20);
    await page.getByRole('button', { name: 'Meer resultaten' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-hits li.search-hit').length === 23);
    expect(await links.count()).toBe(23);
    expect(new Set(await links.allTextContents()).size).toBe(23);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await links.nth(20).textContent());
    expect(await page.getByRole('button', { name: 'Meer resultaten' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says clearly when a query is too long', async () => {
    const { page, errors } = await open(`/zoeken?q=${'a'.repeat(501)}`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Je zoekvraag is te lang. Gebruik hoogstens 500 tekens.' })
      .waitFor();
    await expectAccessible(page);
    // The refused request may show as the browser's own line about a failed resource, nothing else.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('shows an item titled like an HTML tag as text, with its matched word marked, and runs nothing', async () => {
    const { page, errors, dialogs } = await open('/');
    const box = searchBox(page);
    await box.click();
    await box.pressSequentially('zorgmijding');
    const option = page.getByRole('option', { name: /Zorgmijding <img src=x onerror=alert\(1\)>/ });
    await option.waitFor({ timeout: 10_000 });
    expect(await option.locator('mark').first().textContent()).toMatch(/^zorgmijding$/i);
    expect(await page.locator('img[src="x"], mark img, [onerror]').count()).toBe(0);

    await page.keyboard.press('Enter');
    await heading(page, 'Zoeken').waitFor();
    await count(page, '1 resultaat');
    const link = results(page).getByRole('link', { name: XSS_TITLE });
    expect(await link.textContent()).toBe(XSS_TITLE);
    // The body's snippet, whatever the Markdown made of its tag: text, never an element.
    await results(page)
      .getByText(/zorgmijding & vertrouwen/i)
      .waitFor();
    expect(await page.locator('img[src="x"], [onerror], script:not([src])').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'search-results-html-as-text');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
