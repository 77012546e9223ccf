import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { createItem } from '../support/fixtures';
import { addMember, gqlData, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

const LONG_NAME = 'Leernetwerk Wijkgerichte Ondersteuning van Mantelzorgers Noord-Oost';

/**
 * Issue 21, points 12 and 13: every page fits a phone (320 and 390 px) and a
 * laptop (1366 px) without sideways scrolling, the header is one row on a
 * laptop and compact with a menu on a phone; dark mode follows the system,
 * can be switched (remembered) and passes axe like light mode, dialogs
 * included. One server, one browser, one page resized between widths.
 */
describeBrowser('layout on a phone and a laptop, and dark mode', () => {
  jest.setTimeout(90_000);
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let facilitator: TestUser;
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
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
    await browser?.close();
    await t?.close();
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
          ({ node, right }) => `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} (${Math.round(right)})`,
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
});
