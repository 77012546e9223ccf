import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import {
  AxeViolation,
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { addMember, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

const EDITOR = '[role="textbox"][aria-label="Tekst van het item"]';
const PROMOTE = `mutation ($input: PromoteToGuidelineInput!) { promoteToGuideline(input: $input) { id } }`;
const SET_STATUS = `mutation ($input: SetGuidelineStatusInput!) { setGuidelineStatus(input: $input) { id } }`;
const REVISE = `mutation ($id: ID!) { reviseGuideline(id: $id) { id } }`;
const MARKDOWN = `query ($id: ID!) { item(id: $id) { markdown } }`;
const SUGGEST_NOTICE =
  'Je rechten voor dit document zijn gewijzigd: wat je nu schrijft, wordt een voorstel dat de auteur of een facilitator overneemt of afwijst.';
const EDITABLE_NOTICE = 'Je rechten voor dit document zijn gewijzigd: je kunt het weer bewerken.';

const LONG_NAME = 'Leernetwerk Wijkgerichte Ondersteuning van Mantelzorgers Noord-Oost';

/**
 * Issue 21, points 1, 12 and 13, on one server and in one browser: open
 * editors follow a change of access; every page fits a phone and a laptop;
 * dark mode.
 */
describeBrowser('the first hour: open editors, layout and dark mode', () => {
  jest.setTimeout(90_000);
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /**
   * Issue 21, point 1: what someone may do with an open document changes while
   * they have it open (a facilitator adopts the guideline they are typing in):
   * their editor follows within a second, and nothing they typed vanishes
   * silently. Two people, each in their own browser context, one browser.
   */
  describe('open editors follow a change of access', () => {
    let c: CommunityFixture;
    const open: BrowserContext[] = [];

    beforeAll(async () => {
      c = await communityWithPeople(t.baseUrl);
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((context) => context.close()));
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

    it('a facilitator adopts while a member types: within a second the member sees the status, suggestion mode and a notice', async () => {
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
      // A member may only suggest in an adopted guideline: the editor stays open, in suggestion mode.
      await page.getByRole('status').filter({ hasText: SUGGEST_NOTICE }).waitFor({ timeout: 1000 });
      await editorEditable(page, true, 1000);
      const toggle = page.getByRole('button', { name: 'Voorstellen', exact: true });
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      // What was typed before the adoption is in the adopted text.
      expect((await gqlData(t.baseUrl, MARKDOWN, { id }, c.member.token)).item.markdown).toContain(
        'Eerst even bellen.',
      );
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
      // The document is the server's again, and the member may now only suggest.
      await page.getByRole('button', { name: 'Voorstellen', exact: true, pressed: true }).waitFor();
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

  /**
   * Issue 21, points 12 and 13: every page fits a phone (320 and 390 px) and a
   * laptop (1366 px) without sideways scrolling, the header is one row on a
   * laptop and compact with a menu on a phone; dark mode follows the system,
   * can be switched (remembered) and passes axe like light mode, dialogs
   * included. One server, one browser, one page resized between widths.
   */
  describe('layout on a phone and a laptop, and dark mode', () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let facilitator: TestUser;
    const paths: Record<string, string> = {};

    beforeAll(async () => {
      facilitator = await registerUser(t.baseUrl, 'Fenna van der Facilitator-Vermeulen');
      const member = await registerUser(t.baseUrl, 'Maarten Meewerkende-Mantelzorgconsulent');
      const communityId = (
        await gqlData<{ createCommunity: { id: string } }>(
          t.baseUrl,
          `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
          { input: { name: LONG_NAME, description: 'Casuïstiek en intervisie.', visibility: 'PRIVATE' } },
          facilitator.token,
        )
      ).createCommunity.id;
      await addMember(t.baseUrl, facilitator.token, {
        communityId,
        user: member,
        role: 'MEMBER',
        perspective: 'ERVARINGSDESKUNDIGE',
      });
      const item = await createItem(t.baseUrl, member.token, {
        communityId,
        kind: 'CASE',
        title: 'Casus: overbelaste mantelzorger met een heel lange titel die moet kunnen afbreken',
        tags: ['mantelzorg', 'respijtzorg', 'wijkverpleging'],
        body: '## Situatie\n\nMevrouw J. zorgt al jaren voor haar partner. Zie https://example.org/een/heel/lang/adres/dat/niet/mag/uitsteken/op/een/telefoon/scherm',
      });
      const meeting = await gqlData<{ createMeeting: { id: string } }>(
        t.baseUrl,
        `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`,
        {
          input: {
            communityId,
            title: 'Intervisie over respijtzorg',
            kind: 'INTERVISIE',
            date: new Date().toISOString(),
          },
        },
        facilitator.token,
      );
      Object.assign(paths, {
        start: '/',
        community: `/c/${communityId}`,
        items: `/c/${communityId}/items`,
        members: `/c/${communityId}/members`,
        spiral: `/c/${communityId}/spiraal`,
        meetings: `/c/${communityId}/bijeenkomsten`,
        meeting: `/bijeenkomsten/${meeting.createMeeting.id}`,
        item: `/items/${item.id}`,
        search: '/zoeken?q=mantelzorg',
        inbox: '/meldingen',
        preferences: '/meldingen/instellingen',
        directory: '/leernetwerken',
      });
      ({ context, page, errors } = await newPage(browser));
      await page.goto(`${t.baseUrl}/`);
      await signIn(page, facilitator.email);
    }, 90_000);
    afterAll(async () => {
      await context?.close();
    });

    /** Goes to a page the way a link does (no reload), and waits for its heading and data. */
    async function visit(path: string): Promise<void> {
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.locator('main h1').first().waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    }

    /** How far the page scrolls sideways (0: not at all), and the elements that stick out furthest. */
    const overflow = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const extra = document.documentElement.scrollWidth - width;
        if (extra <= 0) return { extra: 0, culprits: [] as string[] };
        const culprits = [...document.body.querySelectorAll('*')]
          .map((node) => ({ node, right: node.getBoundingClientRect().right }))
          .filter(({ right }) => right > width + 1)
          // Inside a box that scrolls (or clips) by itself, sticking out is that box's business.
          .filter(({ node }) => {
            for (let up = node.parentElement; up && up !== document.body; up = up.parentElement)
              if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= width + 1)
                return false;
            return true;
          })
          .sort((a, b) => b.right - a.right)
          .slice(0, 3)
          .map(
            ({ node, right }) =>
              `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} (${Math.round(right)})`,
          );
        return { extra, culprits };
      });

    it('no page scrolls sideways at 320, 390 and 1366 px', async () => {
      const found: string[] = [];
      for (const [name, path] of Object.entries(paths)) {
        await page.setViewportSize({ width: 1366, height: 768 });
        await visit(path);
        for (const width of [1366, 390, 320]) {
          await page.setViewportSize({ width, height: width < 1000 ? 844 : 768 });
          const { extra, culprits } = await overflow();
          if (extra > 0) found.push(`${name} at ${width}px: ${extra}px too wide (${culprits.join(', ')})`);
        }
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('the header is one row on a laptop, and compact with a menu on a phone', async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await visit(paths.members);
      const tops = await page
        .locator('.header-row > *:visible')
        .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
      const bottoms = await page
        .locator('.header-row > *:visible')
        .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().bottom)));
      // One row: every part of the row starts above where any other ends.
      expect(Math.max(...tops)).toBeLessThan(Math.min(...bottoms));
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      await screenshot(page, 'layout-members-1366');

      await page.setViewportSize({ width: 390, height: 844 });
      await visit(paths.members);
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(130);
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      await page.locator('.header-search input').waitFor();
      expect((await overflow()).extra).toBe(0);
      await screenshot(page, 'layout-members-390-menu');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      // A link in the menu closes it.
      await page.getByRole('navigation', { name: 'Leernetwerk' }).getByRole('link', { name: 'Bijeenkomsten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bijeenkomsten' }).waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      // Escape closes it too, and gives focus back to the button.
      await menu.click();
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Menu');
      expect(errors).toEqual([]);
    });
    /**
     * axe's colour-contrast rule only (what dark mode changes; the other rules
     * are checked in light mode), with axe loaded once per document: faster.
     */
    async function contrastViolations(): Promise<AxeViolation[]> {
      if (!(await page.evaluate(() => 'axe' in globalThis)))
        await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: ['color-contrast'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target })),
        }));
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    }

    /** Opens each kind of dialog on its page and checks it with axe (all rules in light mode, contrast in dark). */
    async function dialogsAccessible(label: 'light' | 'dark'): Promise<string[]> {
      const found: string[] = [];
      const check = async (name: string) => {
        await page.getByRole('dialog').waitFor();
        const violations = label === 'dark' ? await contrastViolations() : await seriousAccessibilityViolations(page);
        if (violations.length) found.push(`${label}, ${name}: ${JSON.stringify(violations)}`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      };
      await visit(paths.community);
      await page.locator('.switcher-button').click();
      await page.getByRole('button', { name: 'Nieuw leernetwerk' }).click();
      await check('new community');
      await visit(paths.members);
      await page.locator('.members .button-danger').first().click();
      await check('remove member');
      await visit(paths.item);
      await page.getByRole('button', { name: 'Uitwerken tot richtlijn' }).click();
      await check('promote');
      return found;
    }

    it('dark mode follows the system, can be switched (remembered), and axe finds nothing in either, dialogs open', async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const themeSwitch = page.getByRole('button', { name: 'Donkere modus' });

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(() => localStorage.removeItem('spiraal.theme'));
      await page.reload();
      await visit(paths.community);
      expect(await background()).toBe('rgb(20, 23, 27)');
      expect(await themeSwitch.getAttribute('aria-pressed')).toBe('true');
      const found: string[] = [];
      for (const [name, path] of Object.entries(paths)) {
        await visit(path);
        const violations = await contrastViolations();
        if (violations.length) found.push(`${name} (dark): ${JSON.stringify(violations)}`);
      }
      found.push(...(await dialogsAccessible('dark')));

      // The switch wins over the system, and is remembered.
      await themeSwitch.click();
      expect(await themeSwitch.getAttribute('aria-pressed')).toBe('false');
      expect(await background()).toBe('rgb(246, 245, 241)');
      await page.reload();
      await page.locator('main h1').first().waitFor();
      expect(await background()).toBe('rgb(246, 245, 241)');
      found.push(...(await dialogsAccessible('light')));
      await themeSwitch.click();
      expect(await background()).toBe('rgb(20, 23, 27)');
      await screenshot(page, 'layout-dark-item');
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
