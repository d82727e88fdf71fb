/**
 * What the browser tests share: a real Haven on SQLite serving the built web app with a demo
 * school, Debian's Chromium (never a downloaded one), and sign-in (with two-factor set-up where
 * an account needs it). A test file that cannot run says why, and CI refuses to skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../server/src/auth/totp.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createDemoSchool, type DemoResult } from '../../server/src/demo/demo-school.ts';
import { type Haven, type ListProvider, openHaven } from '../../server/src/haven.ts';
import { buildApp } from '../../server/src/http/app.ts';

export const CHROMIUM = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium';
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
export const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../.haven-test-screenshots',
);

/** Why the browser tests cannot run here, or null. In CI a reason is a failure, not a skip. */
export function browserTestsMissing(what: string): string | null {
  const missing = !existsSync(CHROMIUM)
    ? `Chromium not found at ${CHROMIUM} (apt-get install chromium)`
    : !existsSync(path.join(webDir, 'index.html'))
      ? 'the web app is not built (npm run build)'
      : null;
  if (missing && process.env.CI) throw new Error(`browser tests cannot run in CI: ${missing}`);
  if (missing) console.warn(`${what} SKIPPED: ${missing}`);
  return missing;
}

export interface Harness {
  haven: Haven;
  demo: DemoResult;
  base: string;
  browser: Browser;
  cred(local: string): { email: string; password: string };
  newContext(phone?: boolean): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHarness(
  o: { pupils?: number; lists?: ListProvider; template?: string } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'haven-browser-'));
  const haven = await openHaven(
    loadConfig({}, { dataDir, logLevel: 'silent' }),
    o.lists ? { lists: o.lists } : {},
  );
  const demo = await createDemoSchool(haven, o.template ?? 'milford-haven', { pupils: o.pupils ?? 8 });
  const app = await buildApp(haven, { webDir });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
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
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    haven,
    demo,
    base,
    browser,
    cred: (local) => demo.credentials.find((c) => c.email.startsWith(`${local}@`))!,
    async newContext(phone = false) {
      const context = phone
        ? await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
        : await browser.newContext();
      // An action that cannot happen fails with its reason, rather than waiting out the test.
      context.setDefaultTimeout(15_000);
      return context;
    },
    async close() {
      await browser.close();
      await app.close();
      await haven.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

export async function signIn(page: Page, h: Harness, local: string): Promise<void> {
  await page.goto(`${h.base}/`);
  await page.getByLabel('Email address').fill(h.cred(local).email);
  await page.getByLabel('Password', { exact: true }).fill(h.cred(local).password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in an account whose role requires two-factor sign-in, setting it up on the way. */
export async function signInWithTwoFactor(page: Page, h: Harness, local: string): Promise<void> {
  await signIn(page, h, local);
  await expect.poll(() => page.url()).toContain('/two-factor/setup');
  const start = page.getByRole('button', { name: 'Start setting up' });
  // Wait for the page to settle on one or the other: checking the button at once races a slow render.
  await start.or(page.locator('code.secret')).first().waitFor();
  if (await start.isVisible()) await start.click();
  const key = (await page.locator('code.secret').textContent())?.replace(/\s/g, '') ?? '';
  await page
    .getByLabel(/code/i)
    .first()
    .fill(hotp(base32Decode(key), totpStep(Date.now())));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await page.getByLabel('I have stored these recovery codes somewhere safe').check();
  await page.getByRole('button', { name: /continue/i }).click();
  await expect.poll(() => heading(page)).toContain(h.demo.school.name);
}
