/**
 * Browser tests: the main journeys in headless Chromium (Debian's, never a downloaded one)
 * against a real Haven on SQLite, listening on a loopback port, serving the built web app.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../server/src/auth/totp.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createDemoSchool, type DemoResult } from '../../server/src/demo/demo-school.ts';
import { type Haven, openHaven } from '../../server/src/haven.ts';
import { buildApp } from '../../server/src/http/app.ts';

const CHROMIUM = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium';
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const screenshots = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../.haven-test-screenshots',
);

const missing = !existsSync(CHROMIUM)
  ? `Chromium not found at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(path.join(webDir, 'index.html'))
    ? 'the web app is not built (npm run build)'
    : null;
if (missing && process.env.CI) throw new Error(`browser tests cannot run in CI: ${missing}`);
if (missing) console.warn(`Browser tests SKIPPED: ${missing}`);

describe.skipIf(missing !== null)('the web app in Chromium', () => {
  let haven: Haven;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let browser: Browser;
  let base: string;
  let demo: DemoResult;
  let dataDir: string;
  const cred = (local: string) => demo.credentials.find((c) => c.email.startsWith(`${local}@`))!;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'haven-browser-'));
    haven = await openHaven(loadConfig({}, { dataDir, logLevel: 'silent' }));
    demo = await createDemoSchool(haven, 'milford-haven', { pupils: 24 });
    app = await buildApp(haven, { webDir });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(screenshots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await haven?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(page: Page, local: string) {
    await page.goto(`${base}/`);
    await page.getByLabel('Email address').fill(cred(local).email);
    await page.getByLabel('Password', { exact: true }).fill(cred(local).password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('takes the DSL through required two-factor set-up to a home page built on real data', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'dsl');
    await expect.poll(() => page.url()).toContain('/two-factor/setup');
    const start = page.getByRole('button', { name: 'Start setting up' });
    // Wait for the page to settle on one or the other: checking the button at once races a slow render.
    await start.or(page.locator('code.secret')).first().waitFor();
    if (await start.isVisible()) await start.click();
    const key = (await page.locator('code.secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await page
      .getByLabel(/code/i)
      .first()
      .fill(hotp(base32Decode(key), totpStep(Date.now())));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await expect.poll(() => page.getByText('Your recovery codes').count()).toBeGreaterThan(0);
    await page.getByLabel('I have stored these recovery codes somewhere safe').check();
    await page.getByRole('button', { name: /continue/i }).click();

    // Home: the school, the policy's review status (approved 24/05/2023: review overdue), roles and holders.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Milford Haven School');
    const body = await page.textContent('main');
    expect(body).toContain('e-Safety Officer');
    expect(body).toMatch(/overdue/i);
    await page.screenshot({ path: path.join(screenshots, 'home-dsl.png'), fullPage: true });

    // The communications matrix as an accessible table, cells as the seed gives them.
    await page.goto(`${base}/policy/matrices/communications`);
    const table = page.getByRole('table');
    await expect.poll(() => table.locator('caption').count()).toBe(1);
    const row = table
      .getByRole('row')
      .filter({ hasText: 'Taking photos of work on mobile phones / cameras' });
    expect(await row.textContent()).toMatch(/NA[\s\S]*SP/);
    await page.screenshot({ path: path.join(screenshots, 'matrix-communications.png'), fullPage: true });

    // People: the DSL may see the directory.
    await page.goto(`${base}/people`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/people/i);
    await context.close();
  });

  it('lets a teacher in with a password alone, and keeps the directory from them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'teacher');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Milford Haven School');
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    await page.goto(`${base}/people`);
    await expect.poll(() => page.textContent('main')).toMatch(/access/i);
    await context.close();
  });

  it('refuses a wrong password with a clear message, and nothing else changes', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Email address').fill(cred('governor').email);
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.textContent('body')).toContain('The email address or password is not right');
    await context.close();
  });

  it('works on a phone-sized screen without sideways scrolling, and by keyboard from a skip link', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, 'governor');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Milford Haven School');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // From the top of a freshly loaded page, the first Tab reaches the skip link.
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Milford Haven School');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toMatch(/skip/i);
    await page.screenshot({ path: path.join(screenshots, 'home-phone.png'), fullPage: true });
    await context.close();
  });
});
