import type { Browser } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { describeBrowser, launchBrowser, newPage, screenshot } from '../support/browser';

describeBrowser('the web app in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the start page with no console errors', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(t.baseUrl);
    await page.getByRole('heading', { name: 'Spiraal' }).waitFor();
    await screenshot(page, 'smoke-start');
    expect(errors).toEqual([]);
    await context.close();
  });
});
