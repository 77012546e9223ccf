import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { connectClient, waitFor } from '../support/collab-client';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import {
  describeBrowser,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signInThroughApi,
} from '../support/browser';
import { addMember as inviteAndAccept, gql, registerUser, startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * The live editor in Chromium against the real API: co-editing, presence,
 * readers, keyboard use, link safety, reconnecting and accessibility. The
 * editor is found by its role and name, never by the page around it.
 */

const EDITOR = { name: 'Tekst van het item', exact: true } as const;
const ITEM_TEXT = `query ($id: ID!) { item(id: $id) { text } }`;

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
  warnings: string[];
  dialogs: string[];
}

describeBrowser('the live editor', () => {
  // jest's testTimeout is a global option (the projects' one does not apply): browser tests need more than 5 s.
  jest.setTimeout(30_000);
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    // Short tickets (the minimum), so reconnecting after a restart needs a fresh one.
    [t, browser] = await Promise.all([startTestApp({ COLLAB_TICKET_TTL_SECONDS: '5' }), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A browser context signed in as this user through the login mutation (sets the httpOnly cookie). */
  async function signIn(user: TestUser, baseUrl = t.baseUrl): Promise<Session> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    const warnings: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await signInThroughApi(page, baseUrl, user.email);
    return { context, page, errors, warnings, dialogs };
  }

  /** Opens the item page and waits until the editor has the body from the server. */
  async function openItem(
    session: Session,
    itemId: string,
    { editable = true, baseUrl = t.baseUrl } = {},
  ): Promise<void> {
    await session.page.goto(`${baseUrl}/items/${itemId}`);
    const editor = session.page.getByRole('textbox', EDITOR);
    await editor.waitFor({ timeout: 10_000 });
    await session.page.waitForFunction(
      ([selector, want]) => {
        const box = document.querySelector(selector);
        return !!box && box.closest('[aria-busy="false"]') !== null && box.getAttribute('contenteditable') === want;
      },
      [`[role="textbox"][aria-label="${EDITOR.name}"]`, String(editable)] as const,
      { timeout: 10_000 },
    );
  }

  /** The body's text as editor.getText() would give it: blocks joined by newlines, without caret labels. */
  function bodyText(page: Page): Promise<string> {
    return page.getByRole('textbox', EDITOR).evaluate((root) => {
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return [...clone.children].map((block) => block.textContent ?? '').join('\n');
    });
  }

  async function waitForBody(
    page: Page,
    predicate: (text: string) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = await bodyText(page);
      if (predicate(last)) return;
      await page.waitForTimeout(25);
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; the body was:\n${last}`);
  }

  function status(page: Page) {
    return page.locator('.item-editor [role="status"]');
  }

  async function waitForStatus(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
    await page.locator('.item-editor [role="status"]', { hasText: text }).waitFor({ timeout: timeoutMs });
  }

  /** Waits until the focused element has this accessible label (TipTap moves focus a frame later). */
  async function focusOn(page: Page, label: string): Promise<void> {
    await page
      .waitForFunction((want) => document.activeElement?.getAttribute('aria-label') === want, label, { timeout: 2000 })
      .catch(async () => {
        throw new Error(
          `focus is on "${await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))}", not on "${label}"`,
        );
      });
  }

  /**
   * Moves the caret with a key. The caret moves natively and ProseMirror reads
   * it from the asynchronous selectionchange event; people never type faster
   * than that, so the test waits for it too.
   */
  async function moveCaret(page: Page, key: string): Promise<void> {
    await page.keyboard.press(key);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /** Puts the caret at the end of the body, on a new paragraph. */
  async function newParagraphAtEnd(page: Page): Promise<void> {
    await page.getByRole('textbox', EDITOR).focus();
    await moveCaret(page, 'Control+End');
    await page.keyboard.press('Enter');
  }

  async function addMember(displayName: string, role: 'MEMBER' | 'READER'): Promise<TestUser> {
    const user = await registerUser(t.baseUrl, displayName);
    await inviteAndAccept(t.baseUrl, c.facilitator.token, {
      communityId: c.communityId,
      user,
      role,
      perspective: 'PROFESSIONAL',
    });
    return user;
  }

  /** A casus started from its template, which the server writes into the document. */
  async function newCase(title = 'Casus: wachtlijst jeugdhulp'): Promise<{ id: string }> {
    const result = await gql(
      t.baseUrl,
      `mutation ($input: CreateItemInput!) { createItem(input: $input) { id } }`,
      { input: { communityId: c.communityId, kind: 'CASE', title, template: true } },
      c.member.token,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createItem;
  }

  it('lets two people co-edit a casus: each sees the other’s text and named caret within 2 s', async () => {
    const { id } = await newCase();
    const third = await addMember('Sanne de Wit', 'MEMBER');
    const [mo, fenna, sanne] = await Promise.all([signIn(c.member), signIn(c.facilitator), signIn(third)]);
    await Promise.all([openItem(mo, id), openItem(fenna, id), openItem(sanne, id)]);
    // The template the server wrote is there, once (the client never seeds content).
    const start = await bodyText(mo.page);
    // Headings with empty paragraphs; the prompts are placeholders, not text (docs/templates.md).
    expect(start).toMatch(/^Situatie\n\nWerkvraag\n/);
    expect(start).not.toContain('Wat speelt er');
    expect(start.match(/Situatie/g)).toHaveLength(1);
    expect(await bodyText(fenna.page)).toBe(start);

    await newParagraphAtEnd(mo.page);
    await mo.page.keyboard.type('Mo schrijft mee.');
    let since = Date.now();
    await waitForBody(fenna.page, (text) => text.includes('Mo schrijft mee.'), 2000, 'Mo’s text at Fenna');
    const moToFenna = Date.now() - since;

    // Fenna writes at the top, so the carets stand apart.
    await fenna.page.getByRole('textbox', EDITOR).focus();
    await moveCaret(fenna.page, 'Control+Home');
    await moveCaret(fenna.page, 'End');
    await fenna.page.keyboard.type(' (samen met het wijkteam)');
    since = Date.now();
    await waitForBody(
      mo.page,
      (text) => text.startsWith('Situatie (samen met het wijkteam)'),
      2000,
      'Fenna’s text at Mo',
    );
    const fennaToMo = Date.now() - since;
    expect(Math.max(moToFenna, fennaToMo)).toBeLessThan(2000);

    // Each sees the other's caret, with their name.
    await mo.page.locator('.collaboration-carets__label', { hasText: 'Fenna Facilitator' }).waitFor({ timeout: 2000 });
    await fenna.page.locator('.collaboration-carets__label', { hasText: 'Mo Lid' }).waitFor({ timeout: 2000 });

    // A third person in the middle: Mo now sees two carets.
    await sanne.page.getByRole('textbox', EDITOR).locator('h2', { hasText: 'Dilemma' }).click();
    await moveCaret(sanne.page, 'End');
    await sanne.page.keyboard.type(' en keuzes');
    await mo.page.locator('.collaboration-carets__label', { hasText: 'Sanne de Wit' }).waitFor({ timeout: 2000 });
    await waitForBody(fenna.page, (text) => text.includes("Dilemma's en keuzes"), 2000, 'Sanne’s text at Fenna');

    // Presence: everybody's avatar, named.
    const present = mo.page.getByRole('list', { name: 'Nu aanwezig' });
    for (const name of ['Mo Lid (jij)', 'Fenna Facilitator', 'Sanne de Wit'])
      await present.getByText(name, { exact: true }).waitFor({ timeout: 2000 });
    expect(await present.locator('[aria-hidden="true"]').allTextContents()).toEqual(['ML', 'FF', 'SW']);

    // Everybody converges, and it is saved.
    const final = await bodyText(mo.page);
    await waitForBody(fenna.page, (text) => text === final, 2000, 'convergence at Fenna');
    await waitForBody(sanne.page, (text) => text === final, 2000, 'convergence at Sanne');
    for (const who of [mo, fenna, sanne]) await waitForStatus(who.page, 'Opgeslagen');
    await waitFor(
      async () =>
        ((await gql(t.baseUrl, ITEM_TEXT, { id }, c.member.token)).data?.item.text ?? '').includes('Mo schrijft mee.'),
      5000,
      'the server’s text',
    );

    await mo.page.mouse.move(0, 0);
    await screenshot(mo.page, 'editor-co-editing-mo');
    await screenshot(fenna.page, 'editor-co-editing-fenna');
    for (const who of [mo, fenna, sanne]) {
      expect(who.errors).toEqual([]);
      expect(who.warnings.filter((w) => /permission denied|tiptap warn/i.test(w))).toEqual([]);
    }
  });

  it('shows readers the live text but lets them change nothing', async () => {
    const { id } = await newCase();
    const [mo, lea] = await Promise.all([signIn(c.member), signIn(c.reader)]);
    await Promise.all([openItem(mo, id), openItem(lea, id, { editable: false })]);
    const before = await bodyText(mo.page);
    const readerEditor = lea.page.getByRole('textbox', EDITOR);
    expect(await readerEditor.getAttribute('aria-readonly')).toBe('true');
    await lea.page.getByText('Alleen lezen', { exact: true }).waitFor();
    expect(await lea.page.getByRole('toolbar').count()).toBe(0);

    // Typing, formatting, deleting and pasting change nothing.
    await readerEditor.click();
    await lea.page.keyboard.type('Lezer probeert te schrijven');
    for (const key of ['Enter', 'Backspace', 'Delete', 'Control+b', 'Control+z', 'Control+Shift+8'])
      await lea.page.keyboard.press(key);
    await readerEditor.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Geplakt door de lezer');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await lea.page.waitForTimeout(500);
    expect(await bodyText(lea.page)).toBe(before);
    expect(await bodyText(mo.page)).toBe(before);

    // The reader still sees the others' edits live, and who is there.
    await newParagraphAtEnd(mo.page);
    await mo.page.keyboard.type('Het lid schrijft.');
    await waitForBody(lea.page, (text) => text.includes('Het lid schrijft.'), 2000, 'the member’s edit at the reader');
    await lea.page
      .getByRole('list', { name: 'Nu aanwezig' })
      .getByText('Mo Lid', { exact: true })
      .waitFor({ timeout: 2000 });
    await waitForStatus(lea.page, 'Live bijgewerkt');
    await waitForStatus(mo.page, 'Opgeslagen');
    const text = (await gql(t.baseUrl, ITEM_TEXT, { id }, c.member.token)).data!.item.text as string;
    expect(text).not.toContain('Lezer');
    expect(text).not.toContain('Geplakt');

    await lea.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(lea.page, 'editor-reader');
    expect(lea.errors).toEqual([]);
    expect(mo.errors).toEqual([]);
    // y-websocket would warn "Permission denied"; nothing was even sent.
    expect(lea.warnings.filter((w) => /permission denied/i.test(w))).toEqual([]);
  });

  it('works with the keyboard only: Tab to the editor, type, format with shortcuts and the toolbar', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Toetsenbord',
      body: 'Eerste regel.',
    });
    const mo = await signIn(c.member);
    await openItem(mo, id);
    const { page } = mo;
    await waitForStatus(page, 'Opgeslagen');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Tab through the page: the toolbar is one stop, then the editor.
    const stops: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el
          ? `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? ''}`
          : '';
      });
      stops.push(stop);
      if (stop === `textbox:${EDITOR.name}`) break;
    }
    expect(stops[stops.length - 1]).toBe(`textbox:${EDITOR.name}`);
    expect(stops[stops.length - 2]).toBe('button:Kop H2');
    expect(stops.filter((stop) => ['button:Vet', 'button:Cursief', 'button:Citaat'].includes(stop))).toEqual([]);

    await moveCaret(page, 'Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kop via sneltoets');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Gewoon ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('vetgedrukt');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' en ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('schuin');
    await page.keyboard.press('Control+i');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('punt een');

    // In a list Shift+Tab outdents; Escape first, then Shift+Tab leaves the text for the toolbar.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await focusOn(page, 'Kop H2');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await focusOn(page, 'Genummerde lijst');
    await page.keyboard.press('Enter');
    await focusOn(page, EDITOR.name);
    await page.waitForFunction(
      () => document.querySelector('[aria-label="Genummerde lijst"]')?.getAttribute('aria-pressed') === 'true',
    );

    // A link with Ctrl+K on a selected word.
    await moveCaret(page, 'End');
    await page.keyboard.type(' met bron');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+k');
    const url = page.getByRole('textbox', { name: 'Adres van de link' });
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('www.movisie.nl');
    await page.keyboard.press('Enter');
    await focusOn(page, EDITOR.name);

    const editor = page.getByRole('textbox', EDITOR);
    await editor.locator('h2', { hasText: 'Kop via sneltoets' }).waitFor({ timeout: 2000 });
    expect(await editor.locator('strong').allTextContents()).toEqual(['vetgedrukt']);
    expect(await editor.locator('em').allTextContents()).toEqual(['schuin']);
    expect(await editor.locator('ol > li').allTextContents()).toEqual(['punt een met bron']);
    expect(
      await editor.locator('a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
    ).toEqual([['bron', 'https://www.movisie.nl']]);

    // Undo with the keyboard takes the link away again; redo brings it back.
    await page.keyboard.press('Control+z');
    await editor.locator('a').waitFor({ state: 'detached', timeout: 2000 });
    await page.keyboard.press('Control+Shift+z');
    await editor.locator('a').waitFor({ timeout: 2000 });

    await waitForStatus(page, 'Opgeslagen');
    const markdown = async () =>
      (await gql(t.baseUrl, `query ($id: ID!) { item(id: $id) { markdown } }`, { id }, c.member.token)).data!.item
        .markdown as string;
    await waitFor(
      async () => (await markdown()).includes('[bron](https://www.movisie.nl)'),
      5000,
      'the Markdown on the server',
    );
    const stored = await markdown();
    expect(stored).toContain('## Kop via sneltoets');
    expect(stored).toContain('**vetgedrukt**');
    expect(stored).toMatch(/[_*]schuin[_*]/);
    await screenshot(page, 'editor-keyboard');
    expect(mo.errors).toEqual([]);
  });

  it('never renders or accepts a javascript: link, whether imported, injected, pasted or typed in the toolbar', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'NOTE',
      title: 'Gevaarlijke link',
      body: '[klik](javascript:alert(1))\n\nEen [veilige link](https://example.nl).',
    });
    // Another client writes a link with a javascript: href straight into the document.
    const intruder = await connectClient(t.baseUrl, c.facilitator.token, id);
    intruder.doc.transact(() => {
      const body = intruder.doc.getXmlFragment('default');
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      body.insert(body.length, [paragraph]);
      text.applyDelta([
        { insert: 'ingespoten', attributes: { link: { href: 'javascript:alert(2)' } } },
        { insert: ' en ' },
        { insert: 'verstopt', attributes: { link: { href: ' JaVaScRiPt:alert(3)' } } },
      ]);
    });
    const mo = await signIn(c.member);
    await openItem(mo, id);
    const { page } = mo;
    const editor = page.getByRole('textbox', EDITOR);
    await waitForBody(page, (text) => text.includes('ingespoten en verstopt'), 5000, 'the injected paragraph');
    intruder.destroy();

    const links = () => page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const unsafe = async () => (await links()).filter((href) => /script|data:/i.test(href));
    expect(await unsafe()).toEqual([]);
    expect(await editor.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://example.nl',
      '',
      '',
    ]);

    // Clicking (also Ctrl+click) the texts runs nothing.
    for (const text of ['klik', 'ingespoten', 'verstopt']) {
      await editor.getByText(text, { exact: true }).click();
      await editor.getByText(text, { exact: true }).click({ modifiers: ['Control'] });
    }

    // Pasting a javascript: link (as HTML and as plain text over a selection) gives no link.
    await moveCaret(page, 'Control+End');
    await page.keyboard.press('Enter');
    await editor.evaluate((element) => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<p><a href="javascript:alert(4)">geplakte link</a> <a href="https://example.org">goede link</a></p>',
      );
      data.setData('text/plain', 'geplakte link goede link');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitForBody(page, (text) => text.includes('geplakte link goede link'), 2000, 'the pasted text');
    await moveCaret(page, 'End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('woord');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await editor.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'javascript:alert(5)');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitForBody(page, (text) => text.endsWith('javascript:alert(5)'), 2000, 'the pasted plain text');

    // The toolbar refuses javascript: and other schemes, and accepts https:.
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const url = page.getByRole('textbox', { name: 'Adres van de link' });
    for (const attempt of [
      'javascript:alert(6)',
      ' JavaScript:alert(7)',
      'java\tscript:alert(8)',
      'data:text/html,<script>alert(9)</script>',
      'vbscript:msgbox(1)',
      '//evil.example',
    ]) {
      await url.fill(attempt);
      await url.press('Enter');
      await page
        .getByRole('alert')
        .getByText('Alleen adressen die beginnen met https://, http:// of mailto: zijn toegestaan.')
        .waitFor({ timeout: 2000 });
      expect(await url.getAttribute('aria-invalid')).toBe('true');
    }
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await unsafe()).toEqual([]);
    expect(await editor.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://example.nl',
      '',
      '',
      'https://example.org',
    ]);

    await page.waitForTimeout(300);
    expect(mo.dialogs).toEqual([]);
    expect(page.url()).toBe(`${t.baseUrl}/items/${id}`);
    expect(mo.errors).toEqual([]);
  });

  it('reconnects by itself after a server restart, with a fresh ticket, and sends what was written meanwhile', async () => {
    const { id } = await newCase('Casus: herstart');
    const mo = await signIn(c.member);
    await openItem(mo, id);
    const { page } = mo;
    await newParagraphAtEnd(page);
    await page.keyboard.type('Voor de herstart.');
    await waitForStatus(page, 'Opgeslagen');
    // Let the ticket this connection was opened with expire (5 s in this file).
    await page.waitForTimeout(5500);

    // New tickets wait until the edit below is typed, so it is surely made while disconnected.
    let typed!: () => void;
    const offlineEditDone = new Promise<void>((resolve) => (typed = resolve));
    await page.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('collabTicket')) await offlineEditDone;
      await route.continue().catch(() => undefined);
    });
    const restarting = t.restart();
    await waitForStatus(page, 'Verbinding verbroken, je wijzigingen blijven bewaard', 10_000);
    await page.keyboard.type(' Tijdens de storing geschreven.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'editor-offline');
    expect(await status(page).textContent()).toBe('Verbinding verbroken, je wijzigingen blijven bewaard');
    typed();
    await page.unroute('**/graphql');
    await restarting;

    await waitForStatus(page, 'Opgeslagen', 15_000);
    await waitFor(
      async () =>
        ((await gql(t.baseUrl, ITEM_TEXT, { id }, c.member.token)).data?.item.text ?? '').includes(
          'Tijdens de storing geschreven.',
        ),
      5000,
      'the offline edit on the server',
    );

    // Someone who opens the item now gets it, and sees Mo live.
    const fenna = await signIn(c.facilitator);
    await openItem(fenna, id);
    expect(await bodyText(fenna.page)).toContain('Voor de herstart. Tijdens de storing geschreven.');
    await page.keyboard.type(' Na de herstart.');
    await waitForBody(fenna.page, (text) => text.includes('Na de herstart.'), 2000, 'an edit after the restart');

    // While the server was down the browser reported the failed connection attempts; nothing else.
    const network = /WebSocket connection to .* failed|Failed to load resource|net::ERR_/;
    if (process.env.SHOW_NETWORK_ERRORS) console.log(mo.errors);
    expect(mo.errors.filter((error) => !network.test(error))).toEqual([]);
    expect(fenna.errors).toEqual([]);
  }, 60_000);

  it('stops and says so when access is revoked, and switches to read-only when downgraded', async () => {
    const { id } = await newCase('Casus: toegang');
    const [gone, downgraded] = await Promise.all([
      addMember('Tijmen Tijdelijk', 'MEMBER'),
      addMember('Dirk Degradatie', 'MEMBER'),
    ]);
    const [a, b] = await Promise.all([signIn(gone), signIn(downgraded)]);
    await Promise.all([openItem(a, id), openItem(b, id)]);

    await gql(
      t.baseUrl,
      `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`,
      { input: { communityId: c.communityId, userId: gone.id } },
      c.facilitator.token,
    );
    await waitForStatus(a.page, 'Je hebt geen toegang meer tot dit item', 5000);
    await a.page.waitForFunction(
      (name) => document.querySelector(`[aria-label="${name}"]`)?.getAttribute('contenteditable') === 'false',
      EDITOR.name,
    );

    await gql(
      t.baseUrl,
      `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }`,
      { input: { communityId: c.communityId, userId: downgraded.id, role: 'READER' } },
      c.facilitator.token,
    );
    // The open connection is now read-only: the first refused change makes the editor read-only too,
    // and it shows the server's document again (without the refused text).
    await newParagraphAtEnd(b.page);
    await b.page.keyboard.type('Na de degradatie');
    await b.page.getByText('Alleen lezen', { exact: true }).waitFor({ timeout: 5000 });
    await b.page.waitForFunction(
      (name) => document.querySelector(`[aria-label="${name}"]`)?.getAttribute('contenteditable') === 'false',
      EDITOR.name,
    );
    await waitForBody(
      b.page,
      (text) => text.startsWith('Situatie') && !text.includes('Na de degradatie'),
      5000,
      'the server’s document, read-only',
    );
    await waitForStatus(b.page, 'Live bijgewerkt');
    expect((await gql(t.baseUrl, ITEM_TEXT, { id }, c.member.token)).data!.item.text).not.toContain('Na de degradatie');

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(b.warnings.filter((w) => /permission denied/i.test(w))).toEqual([]);
  });

  it('says so when the document grew too large for the server, and does not keep retrying', async () => {
    const small = await startTestApp({ COLLAB_MAX_DOCUMENT_BYTES: '8192' });
    try {
      const people = await communityWithPeople(small.baseUrl);
      const { id } = await createItem(small.baseUrl, people.member.token, {
        communityId: people.communityId,
        kind: 'NOTE',
        title: 'Groot',
        body: 'Klein begin.',
      });
      const mo = await signIn(people.member, small.baseUrl);
      const sockets: string[] = [];
      mo.page.on('websocket', (socket) => sockets.push(socket.url()));
      await openItem(mo, id, { baseUrl: small.baseUrl });
      await newParagraphAtEnd(mo.page);
      await mo.page.getByRole('textbox', EDITOR).evaluate((element) => {
        const data = new DataTransfer();
        data.setData('text/plain', 'Een heel lange tekst. '.repeat(600));
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await waitForStatus(mo.page, 'Het document is te groot geworden', 5000);
      await mo.page.waitForFunction(
        (name) => document.querySelector(`[aria-label="${name}"]`)?.getAttribute('contenteditable') === 'false',
        EDITOR.name,
      );
      await mo.page.waitForTimeout(1500);
      expect(sockets.filter((url) => url.includes('/collab/'))).toHaveLength(1);
      expect((await gql(small.baseUrl, ITEM_TEXT, { id }, people.member.token)).data!.item.text).toBe('Klein begin.');
      expect(mo.errors).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('has no serious accessibility violations, for writers and readers', async () => {
    const { id } = await newCase('Casus: toegankelijkheid');
    const [mo, lea] = await Promise.all([signIn(c.member), signIn(c.reader)]);
    await Promise.all([openItem(mo, id), openItem(lea, id, { editable: false })]);
    await newParagraphAtEnd(mo.page);
    await mo.page.keyboard.type('Toegankelijk?');
    await lea.page.getByRole('textbox', EDITOR).focus();
    await mo.page.locator('.collaboration-carets__label', { hasText: 'Lea Lezer' }).waitFor({ timeout: 2000 });
    await waitForStatus(mo.page, 'Opgeslagen');
    expect(await seriousAccessibilityViolations(mo.page)).toEqual([]);
    // With the link form open as well.
    await mo.page.getByRole('button', { name: 'Link', exact: true }).click();
    await mo.page.getByRole('textbox', { name: 'Adres van de link' }).fill('javascript:alert(1)');
    await mo.page.getByRole('textbox', { name: 'Adres van de link' }).press('Enter');
    await mo.page.getByRole('alert').waitFor();
    expect(await seriousAccessibilityViolations(mo.page)).toEqual([]);
    expect(await seriousAccessibilityViolations(lea.page)).toEqual([]);
    expect((await status(mo.page).getAttribute('aria-live')) ?? '').toBe('polite');
    expect(mo.errors).toEqual([]);
    expect(lea.errors).toEqual([]);
  });
});
