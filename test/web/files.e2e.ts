import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { describeBrowser, launchBrowser, newPage, signInThroughApi } from '../support/browser';
import { communityWithPeople, CommunityFixture, createItem } from '../support/fixtures';
import { startTestApp, TestApp, TestUser } from '../support/test-app';

/**
 * Images and files in the live editor (issue 22, point 3), in Chromium
 * against the real API: one editor picks an image with the toolbar button
 * and pastes another, the other editor of the item sees both (nodes in the
 * Y.Doc, loaded through the session cookie); a file shows as a chip with
 * its name and size; a type that is not allowed gets a clear message.
 */

const EDITOR = { name: 'Tekst van het item', exact: true } as const;

describeBrowser('images and files in the editor', () => {
  jest.setTimeout(60_000);
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

  async function signIn(user: TestUser): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await newPage(browser);
    open.push(context);
    await signInThroughApi(page, t.baseUrl, user.email);
    return { page, errors };
  }

  async function openItem(page: Page, itemId: string): Promise<void> {
    await page.goto(`${t.baseUrl}/items/${itemId}`);
    await page.getByRole('textbox', EDITOR).waitFor({ timeout: 15_000 });
    await page.waitForSelector('[role="textbox"][contenteditable="true"]', { timeout: 15_000 });
  }

  /** Images in the editor that have loaded, by their stored address. */
  function loadedImages(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('[role="textbox"] img[data-file-src]')]
        .filter((img) => img.complete && img.naturalWidth > 0)
        .map((img) => img.getAttribute('data-file-src') ?? ''),
    );
  }

  it('shows an image picked and one pasted by one editor to the other, and a file as a chip', async () => {
    const { id } = await createItem(t.baseUrl, c.member.token, {
      communityId: c.communityId,
      kind: 'CASE',
      title: 'Intervisie met flip-over',
      body: 'De flip-over van vanmiddag:',
    });
    const [mo, fenna] = await Promise.all([signIn(c.member), signIn(c.facilitator)]);
    await Promise.all([openItem(mo.page, id), openItem(fenna.page, id)]);
    await mo.page.getByRole('textbox', EDITOR).click();

    // Picked with the toolbar button: a photo with a GPS position.
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#d08030' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 0/1' } })
      .toBuffer();
    const chooser = mo.page.waitForEvent('filechooser');
    await mo.page.getByRole('button', { name: 'Afbeelding of bestand toevoegen' }).click();
    await (await chooser).setFiles({ name: 'flip-over.jpg', mimeType: 'image/jpeg', buffer: photo });

    // Pasted from the clipboard, as a phone or a screenshot tool gives it.
    const pasted = await sharp({ create: { width: 200, height: 100, channels: 4, background: '#2060c0' } })
      .png()
      .toBuffer();
    await mo.page.getByRole('textbox', EDITOR).evaluate((editor, base64) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'schermafbeelding.png', { type: 'image/png' }));
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted.toString('base64'));

    // Both editors show both images, loaded (the uploader's own page may still be loading the second).
    const bothLoaded = (page: Page) =>
      page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLImageElement>('[role="textbox"] img[data-file-src]')].filter(
            (img) => img.complete && img.naturalWidth > 0,
          ).length === 2,
        undefined,
        { timeout: 15_000 },
      );
    await Promise.all([bothLoaded(fenna.page), bothLoaded(mo.page)]);
    const seen = await loadedImages(fenna.page);
    expect(seen).toHaveLength(2);
    for (const src of seen) expect(src).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    expect(await loadedImages(mo.page)).toEqual(seen);
    // What the other editor loaded has no GPS position.
    const served = await fenna.page.evaluate(async (src) => {
      const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
      return Array.from(bytes);
    }, seen[0]);
    expect((await sharp(Buffer.from(served)).metadata()).exif).toBeUndefined();

    // A PDF becomes a chip with name and size that downloads it.
    const pdf = Buffer.from('%PDF-1.4\n% protocol intervisie\n%%EOF\n');
    const second = mo.page.waitForEvent('filechooser');
    await mo.page.getByRole('button', { name: 'Afbeelding of bestand toevoegen' }).click();
    await (await second).setFiles({ name: 'protocol.pdf', mimeType: 'application/pdf', buffer: pdf });
    const chip = fenna.page.locator('[role="textbox"] a[data-file-attachment]');
    await chip.waitFor({ timeout: 15_000 });
    expect(await chip.textContent()).toBe(`protocol.pdf${pdf.length} B`);
    expect(await chip.getAttribute('href')).toMatch(/^\/files\/[0-9a-f-]{36}$/);

    // Not allowed: a clear message in Dutch, nothing inserted.
    const third = mo.page.waitForEvent('filechooser');
    await mo.page.getByRole('button', { name: 'Afbeelding of bestand toevoegen' }).click();
    await (
      await third
    ).setFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await mo.page.getByRole('alert').filter({ hasText: 'logo.svg kan niet' }).waitFor({ timeout: 10_000 });
    expect(
      await fenna.page.locator('[role="textbox"] img[data-file-src], [role="textbox"] a[data-file-attachment]').count(),
    ).toBe(3);
    expect([...mo.errors, ...fenna.errors].filter((e) => !/415/.test(e))).toEqual([]);
  });
});
