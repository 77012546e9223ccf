import type { Browser, BrowserContext, Page } from 'playwright-core';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { describeBrowser, launchBrowser, newPage, screenshot, signInThroughApi } from '../support/browser';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * Klankbord in the text, with two editors at once in Chromium: Bram selects a
 * sentence and asks about it while Anna types above it; the highlight stays
 * on the sentence in both editors; Anna sees the question live, opens its
 * thread from the highlight, answers and resolves it, and Bram sees that
 * without reloading.
 */

const EDITOR = { name: 'Tekst van het item', exact: true } as const;
const SENTENCE = 'Wat bedoel je met deze zin?';

describeBrowser('comments in the text', () => {
  jest.setTimeout(45_000);
  let t: TestApp;
  let browser: Browser;
  let c: CommunityFixture;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    c = await communityWithPeople(t.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(open.map((context) => context.close()));
    await browser?.close();
    await t?.close();
  });

  async function openAs(user: TestUser, itemId: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await signInThroughApi(page, t.baseUrl, user.email);
    await page.goto(`${t.baseUrl}/items/${itemId}`);
    await page.waitForSelector(`[role="textbox"][aria-label="${EDITOR.name}"][contenteditable="true"]`, {
      timeout: 10_000,
    });
    await page.getByText('Mevrouw J. twijfelde').waitFor();
    return { page, errors };
  }

  /** The highlighted text in the editor (one thread: its decorations joined). */
  const highlighted = (page: Page) =>
    page.locator('.comment-highlight').evaluateAll((nodes) => nodes.map((n) => n.textContent).join(''));

  async function expectHighlight(page: Page, want: string, what: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    let last = '';
    while (Date.now() < deadline) {
      last = await highlighted(page);
      if (last === want) return;
      await page.waitForTimeout(50);
    }
    const klankbord = await page.locator('.klankbord').innerText();
    throw new Error(
      `${what}: highlighted ${JSON.stringify(last)}, wanted ${JSON.stringify(want)}; klankbord: ${klankbord}`,
    );
  }

  it('keeps the question on its sentence while the other types before it, live for both', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Een gesprek op de gang',
      body: `Eerste alinea over de wijk.\n\nMevrouw J. twijfelde. ${SENTENCE} Daarna werd het stil.`,
    });
    const [bram, anna] = await Promise.all([openAs(c.member, id), openAs(c.facilitator, id)]);

    // Bram selects the sentence and chooses to respond to it.
    const selected = await bram.page.evaluate((sentence) => {
      const root = document.querySelector('[role="textbox"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(sentence);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + sentence.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, SENTENCE);
    expect(selected).toBe(true);
    await bram.page.getByRole('button', { name: 'Reageer op deze tekst' }).click();
    await bram.page.getByText('Je reageert op deze tekst:').waitFor();

    // Meanwhile Anna types at the start of that paragraph, before the sentence.
    await anna.page.getByText('Mevrouw J. twijfelde').click({ position: { x: 2, y: 5 } });
    await anna.page.keyboard.press('Home');
    await anna.page.keyboard.type('Anna schrijft hier. ');

    await bram.page.getByLabel('Jouw reactie').fill('Welke zin bedoel je precies?');
    await bram.page.getByRole('button', { name: 'Plaatsen' }).click();
    await expectHighlight(bram.page, SENTENCE, "Bram's highlight");
    // Anna sees it without reloading, on the sentence, and keeps typing before it.
    await expectHighlight(anna.page, SENTENCE, "Anna's highlight (live)");
    await anna.page.keyboard.type('En nog meer. ');
    await expectHighlight(anna.page, SENTENCE, "Anna's highlight while she types");
    await expectHighlight(bram.page, SENTENCE, "Bram's highlight while Anna types");
    const annaText = await anna.page.getByRole('textbox', EDITOR).innerText();
    expect(annaText).toContain(`Anna schrijft hier. En nog meer. Mevrouw J. twijfelde. ${SENTENCE}`);
    await bram.page.waitForFunction(
      (want) => {
        // Without the other's caret (its name label sits in the text).
        const clone = document.querySelector('[role="textbox"]')!.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return clone.textContent!.includes(want);
      },
      'Anna schrijft hier. En nog meer. Mevrouw J.',
      { timeout: 3_000 },
    );

    // Clicking the highlight opens the thread beside the text: Anna answers and resolves it there.
    await anna.page.locator('.comment-highlight').first().click();
    const thread = anna.page.getByRole('region', { name: 'Draad bij de tekst' });
    await thread.getByText('Welke zin bedoel je precies?').waitFor();
    await thread.getByLabel('Jouw antwoord').fill('De twijfel van mevrouw J.');
    await thread.getByRole('button', { name: 'Antwoorden' }).click();
    await bram.page.getByText('De twijfel van mevrouw J.').waitFor({ timeout: 3_000 });
    await screenshot(anna.page, 'comment-thread-beside-the-text');

    await thread.getByRole('button', { name: /markeren als afgehandeld/ }).click();
    await expectHighlight(bram.page, '', "Bram's highlight after resolving");
    await bram.page.getByText('Afgehandeld').first().waitFor({ timeout: 3_000 });
    expect(bram.errors).toEqual([]);
    expect(anna.errors).toEqual([]);
  });
});
