import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import {
  CSP_VIOLATION,
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughApi,
} from '../support/browser';
import { gql, startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * The web app under its Content-Security-Policy in Chromium. Every browser
 * test runs under the policy and fails on a violation (test/support/browser.ts
 * reports each as a console error); these show that the policy is really
 * enforced and reported, and that live editing (a websocket, carets in colour)
 * needs nothing beyond it.
 */
describeBrowser('the web app under its Content-Security-Policy', () => {
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
    await signInThroughApi(page, t.baseUrl, user.email);
    return { page, errors };
  }

  it('the page comes with the policy, and an inline script or style attribute is refused and reported', async () => {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    const response = await page.goto(t.baseUrl);
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    await page.getByRole('heading', { name: 'Spiraal' }).waitFor();
    expect(errors).toEqual([]);

    // What an injected payload would try: neither runs, and each is reported as a violation.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      const box = document.createElement('div');
      box.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(box);
      const color = getComputedStyle(box).color;
      box.remove();
      await new Promise((resolve) => setTimeout(resolve, 50)); // violation events are queued as tasks
      return {
        script: (window as unknown as { __injected?: boolean }).__injected === true,
        styled: color === 'rgb(255, 0, 0)',
      };
    });
    expect(ran).toEqual({ script: false, styled: false });
    await waitFor(
      () => errors.filter((e) => e.includes(CSP_VIOLATION)).length >= 2,
      2000,
      'both violations to be reported',
    );
    expect(errors.filter((e) => e.includes(CSP_VIOLATION)).map((e) => /: (\S+) blocked/.exec(e)?.[1])).toEqual(
      expect.arrayContaining(['script-src-elem', 'style-src-attr']),
    );
  });

  it('live editing by two people (a same-origin websocket, coloured carets) runs without a single violation', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Casus onder CSP',
      body: 'Begin.',
    });
    const mo = await signedIn(c.member);
    const fenna = await signedIn(c.facilitator);
    const sockets: string[] = [];
    mo.page.on('websocket', (socket) => sockets.push(socket.url()));

    for (const { page } of [mo, fenna]) {
      await page.goto(`${t.baseUrl}/items/${id}`);
      const editor = page.getByRole('textbox', { name: 'Tekst van het item', exact: true });
      await editor.waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        () =>
          document.querySelector('[role="textbox"][contenteditable="true"]')?.closest('[aria-busy="false"]') != null,
        null,
        { timeout: 10_000 },
      );
    }
    const editor = mo.page.getByRole('textbox', { name: 'Tekst van het item', exact: true });
    await editor.click();
    await mo.page.keyboard.press('End');
    await mo.page.keyboard.type(' Geschreven onder het beleid.');
    await mo.page.keyboard.press('Shift+Home');
    // Fenna sees Mo's caret and selection, coloured through the CSSOM (allowed), never a style attribute.
    await fenna.page.locator('.collaboration-carets__caret').first().waitFor({ timeout: 10_000 });
    await fenna.page.locator('.collaboration-carets__selection').first().waitFor({ timeout: 10_000 });
    await waitFor(
      async () =>
        (
          (await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { text } }`, { id }, c.member.token)).data?.item
            .text ?? ''
        ).includes('Geschreven onder het beleid.'),
      10_000,
      'the edit on the server',
    );
    await screenshot(fenna.page, 'csp-live-editing');

    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.every((url) => url.startsWith(t.baseUrl.replace(/^http/, 'ws') + '/collab/'))).toBe(true);
    expect(mo.errors).toEqual([]);
    expect(fenna.errors).toEqual([]);
  });
});
