import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { TEST_PASSWORD } from './graphql-client';

/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * `describe` for browser tests. Without Chromium they skip with one plain line,
 * except in CI, where they must run.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPath()) return describe(name, body);
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error('Chromium is missing: in CI the browser tests must run (.ci/run installs Debian’s chromium)');
      });
    });
    return;
  }
  console.log(`Skipping browser tests "${name}": Chromium not found (apt-get install chromium)`);
  describe.skip(name, body);
}

// Flags measured on these machines (docs/STACK.md): no network chatter, no sandbox as root.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath()!, headless: true, args: FLAGS });
}

export const SCREENSHOT_DIR = join(__dirname, '../../test-output/screenshots');

/** Saves a screenshot as test output (not in git) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * The browser's own console line for an answer with an error status. A refusal
 * the app shows the user (wrong password 401, too many attempts 429, ...) has
 * that status on purpose (HTTP_STATUS in apps/api/src/common/errors.ts); a 500
 * still counts as an error.
 */
const REFUSAL_STATUS_LINE =
  /^Failed to load resource: the server responded with a status of (400|401|403|404|409|413|415|429|503) /;

/** Records console errors and uncaught page errors, to assert there are none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !REFUSAL_STATUS_LINE.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

/** What a `securitypolicyviolation` event is reported as (a console error, so `collectErrors` sees it). */
export const CSP_VIOLATION = 'Content-Security-Policy violation';

/**
 * Reports every Content-Security-Policy violation in the page as a console
 * error, whatever Chromium itself logs: a test that ran into the policy fails.
 * Init scripts come from the browser's own channel, so the policy does not stop this one.
 */
export async function reportCspViolations(context: BrowserContext): Promise<void> {
  // Source text, as this file is also compiled without the DOM's types.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      console.error(${JSON.stringify(CSP_VIOLATION)} + ': ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || '(inline)') + ' at ' + (event.sourceFile || event.documentURI) + ':' + event.lineNumber);
    });`,
  });
}

/** A page in a fresh context (never bypassing the CSP), with its errors and CSP violations collected. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  await reportCspViolations(context);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/** Signs in through the login form the page shows, with the password `registerUser` gave. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

/**
 * Signs in without the form, through the API from inside the page, so the
 * session cookie is set as the browser would set it (for tests about other
 * pages than the login page).
 */
export async function signInThroughApi(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const status = await page.evaluate(
    async ([address, password]) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { user { id } } }',
          variables: { input: { email: address, password } },
        }),
      });
      return response.status;
    },
    [email, TEST_PASSWORD] as const,
  );
  if (status !== 200) throw new Error(`Signing in ${email} through the API answered ${status}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
