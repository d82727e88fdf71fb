/**
 * Browser tests of the filter pages: headless Chromium (Debian's, never a downloaded one) against
 * a real Haven on SQLite serving the built web app, with the demo school and two listed sites.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { filter } from '@haven/core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../server/src/auth/totp.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createDemoSchool, type DemoResult } from '../../server/src/demo/demo-school.ts';
import { type Haven, type ListProvider, openHaven } from '../../server/src/haven.ts';
import { buildApp } from '../../server/src/http/app.ts';
import {
  insertFilterDecisions,
  type NewFilterDecision,
} from '../../server/src/repositories/filter-decisions.ts';
import { createFilterReviewRequest } from '../../server/src/repositories/filter-reviews.ts';
import { SYSTEM_ACTOR } from '../../server/src/services/actor.ts';
import { recordFilterTestRun, recordIllegalHits } from '../../server/src/services/filter-service.ts';

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
if (missing) console.warn(`Filter browser tests SKIPPED: ${missing}`);

/** The category lists the server consults: two sites, as input data for the test. */
const LISTED: Record<string, filter.CategoryId[]> = {
  'social.example': ['social-media'],
  'games.example': ['gaming'],
};
const lists: ListProvider = {
  current: () => ({
    categorise: (host) => {
      const labels = host.split('.');
      for (let i = 0; i < labels.length; i++) {
        const categories = LISTED[labels.slice(i).join('.')];
        if (categories) return { categories, matched: labels.slice(i).join('.') };
      }
      return null;
    },
    illegal: () => false,
  }),
};

/** Records the pages list, as a gateway and the CLI would have made them. */
async function seedFilterRecords(haven: Haven, schoolId: string) {
  const now = Date.now();
  const decision = (minutesAgo: number, username: string): NewFilterDecision => ({
    schoolId,
    at: new Date(now - minutesAgo * 60_000).toISOString(),
    site: null,
    gatewayId: null,
    group: 'ks3',
    username,
    client: '10.1.2.3',
    host: 'games.example',
    url: null,
    category: 'gaming',
    action: 'block',
    kind: 'policy',
    rule: 'user-actions/gaming',
    source: 'dns',
    batchId: null,
  });
  await insertFilterDecisions(haven.db, [
    ...Array.from({ length: 60 }, (_, i) => decision(i + 1, 'amy.pupil')),
    ...Array.from({ length: 5 }, (_, i) => decision(i + 1, 'ben.pupil')),
  ]);
  await createFilterReviewRequest(haven.db, {
    schoolId,
    at: new Date(now - 3_600_000).toISOString(),
    gatewayId: null,
    host: 'games.example',
    url: 'http://games.example/maths',
    group: 'ks3',
    username: 'amy.pupil',
    client: '10.1.2.3',
    reference: 'R-1234',
    comment: 'It is a maths game for homework',
  });
  const row = (category: string, ok: boolean, dns: string, proxy: string) => ({
    group: 'ks3',
    category,
    host: dns === 'not-tested' ? null : `${category}.example`,
    expected: 'block',
    clause: null,
    dns,
    proxy,
    ok,
  });
  await recordIllegalHits(
    haven,
    haven.db,
    schoolId,
    [
      {
        at: new Date(now - 120_000).toISOString(),
        gatewayId: null,
        group: 'ks3',
        username: 'ben.pupil',
        client: '10.1.2.9',
        source: 'dns',
      },
    ],
    { actor: SYSTEM_ACTOR, actorRef: 'gateway:test', actorName: 'Gateway "Test"' },
  );
  await recordFilterTestRun(haven, schoolId, {
    at: new Date(now - 86_400_000).toISOString(),
    summary: { rows: 3, ok: 1, failed: 1, notTested: 1 },
    rows: [
      row('gaming', true, 'block', 'block'),
      row('gambling', false, 'allow', 'block'),
      row('dating', false, 'not-tested', 'not-tested'),
    ],
  });
}

describe.skipIf(missing !== null)('the filter pages in Chromium', () => {
  let haven: Haven;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let browser: Browser;
  let base: string;
  let demo: DemoResult;
  let dataDir: string;
  const cred = (local: string) => demo.credentials.find((c) => c.email.startsWith(`${local}@`))!;
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'haven-filter-browser-'));
    haven = await openHaven(loadConfig({}, { dataDir, logLevel: 'silent' }), { lists });
    demo = await createDemoSchool(haven, 'milford-haven', { pupils: 24 });
    await seedFilterRecords(haven, demo.school.id);
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
    for (const context of signedIn.values()) await context.close();
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

  /** Signs in an account whose role requires two-factor sign-in, setting it up on the way. */
  async function signInWithTwoFactor(page: Page, local: string) {
    await signIn(page, local);
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
    await expect.poll(() => heading(page)).toContain('Milford Haven School');
  }

  /** Accounts with two-factor sign-in stay signed in for the file: a code cannot be used twice. */
  const signedIn = new Map<string, BrowserContext>();
  async function twoFactorPage(local: string): Promise<Page> {
    const existing = signedIn.get(local);
    if (existing) return existing.pages()[0] ?? existing.newPage();
    const context = await newContext();
    signedIn.set(local, context);
    const page = await context.newPage();
    await signInWithTwoFactor(page, local);
    return page;
  }

  async function openFilterPage(page: Page, link: string) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Filter' }).click();
    await page.getByRole('navigation', { name: 'Filter pages' }).getByRole('link', { name: link }).click();
  }

  async function newContext(phone = false): Promise<BrowserContext> {
    return phone
      ? browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
      : browser.newContext();
  }

  it('lets a teacher check a site for a group, on a phone, and names the clause that decides', async () => {
    const context = await newContext(true);
    const page = await context.newPage();
    await signIn(page, 'teacher');
    await expect.poll(() => heading(page)).toContain('Milford Haven School');
    await openFilterPage(page, 'Check a site');
    await expect.poll(() => heading(page)).toBe('Check a site');

    await page.getByLabel('Web address or site').fill('https://www.social.example/feed');
    await page.getByLabel('Group').selectOption({ label: 'Key Stage 3' });
    // The time starts at now, in school time.
    expect(await page.getByLabel('Date and time').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Check', exact: true }).click();

    const result = page.getByRole('region', { name: /www\.social\.example/ });
    await expect.poll(() => result.textContent()).toContain('Blocked');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Social media');
    expect(text).toContain('Needs staff permission');
    expect(text).toContain('Communications matrix (pupils column), row “Use of social media”: SP');
    // The reason sentence is the server's own.
    expect(text).toMatch(/needs staff permission for Key Stage 3/);
    // A teacher may ask for an exception from here.
    expect(await result.getByRole('link', { name: 'Ask for an exception for this site' }).count()).toBe(1);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'filter-check-phone.png'), fullPage: true });
    await context.close();
  });

  it('takes an exception from a teacher’s request through the DSL’s approval into the change log', async () => {
    const teacherContext = await newContext();
    const teacher = await teacherContext.newPage();
    await signIn(teacher, 'teacher');
    await expect.poll(() => heading(teacher)).toContain('Milford Haven School');
    await openFilterPage(teacher, 'Exceptions');
    await expect.poll(() => heading(teacher)).toBe('Exceptions');

    await teacher.getByLabel('A whole category').check();
    await teacher.getByLabel('Category', { exact: true }).selectOption('gaming');
    await teacher.getByLabel('A filter group').check();
    await teacher.getByLabel('Group', { exact: true }).selectOption({ label: 'Key Stage 3' });
    await teacher.getByLabel('Reason').fill('Coding club: reviewing games made in Scratch');
    await teacher.getByRole('button', { name: 'Ask for approval' }).click();
    await expect.poll(() => teacher.textContent('main')).toContain('Your request has been sent');
    const request = teacher.locator('li.exception').first();
    await expect.poll(() => request.textContent()).toContain('Waiting for a decision');
    expect(await request.textContent()).toContain('The category “online games” – the Key Stage 3 group');
    // A teacher is not an approver: nothing to approve here.
    expect(await request.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    await teacherContext.close();

    const dsl = await twoFactorPage('dsl');
    await openFilterPage(dsl, 'Exceptions');
    const item = dsl.locator('li.exception').filter({ hasText: 'Coding club' });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByLabel('Note').fill('Fine for club sessions.');
    await item.getByRole('button', { name: /^Approve/ }).click();
    await expect.poll(() => item.textContent()).toContain('Approved');
    expect(await item.textContent()).toContain('Fine for club sessions.');
    await dsl.screenshot({ path: path.join(screenshots, 'filter-exceptions.png'), fullPage: true });

    await openFilterPage(dsl, 'Change log');
    await expect.poll(() => heading(dsl)).toBe('Filter change-control log');
    const table = dsl.getByRole('table', { name: 'Changes to the filter, newest first' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    const rows = await table.getByRole('row').allTextContents();
    // Newest first: the approval above the request.
    expect(rows[1]).toContain('Exception approved');
    expect(rows[1]).toMatch(
      /approved the exception allowing the category "online games" for the Key Stage 3 group/,
    );
    expect(rows[2]).toContain('Exception asked for');
    expect(rows[2]).toMatch(/asked for the category "online games" to be allowed for the Key Stage 3 group/);
  });

  it('shows a governor the change-control log but not the decision log, which the API refuses', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'governor');
    await expect.poll(() => heading(page)).toContain('Milford Haven School');
    await openFilterPage(page, 'Change log');
    await expect.poll(() => heading(page)).toBe('Filter change-control log');
    const filterNav = page.getByRole('navigation', { name: 'Filter pages' });
    expect(await filterNav.getByRole('link', { name: 'Change log' }).count()).toBe(1);
    expect(await filterNav.getByRole('link', { name: 'Decision log' }).count()).toBe(0);
    expect(await filterNav.getByRole('link', { name: 'Exceptions' }).count()).toBe(0);

    // The groups and their rules are for governors to read, with the clause behind each rule.
    await filterNav.getByRole('link', { name: 'Groups and rules' }).click();
    await expect.poll(() => heading(page)).toBe('Filter groups and rules');
    const ks3 = page.getByRole('table', { name: 'Rules for Key Stage 3' });
    const gambling = ks3.getByRole('row').filter({ hasText: 'Gambling' });
    expect(await gambling.textContent()).toMatch(
      /Blocked.*User actions matrix, row “.*gambling.*”: unacceptable/i,
    );
    const childAbuse = ks3.getByRole('row').filter({ hasText: 'Child sexual abuse content' });
    expect(await childAbuse.textContent()).toContain('Illegal – always blocked');
    const groupsText = (await page.textContent('main')) ?? '';
    expect(groupsText).toContain('Categories the policy is silent on');
    expect(groupsText).toContain('AI chat services');
    await page.screenshot({ path: path.join(screenshots, 'filter-groups.png'), fullPage: true });
    await page.getByRole('link', { name: 'Show its rules for Staff' }).click();
    const staff = page.getByRole('table', { name: 'Rules for Staff' });
    await expect
      .poll(() => staff.getByRole('row').filter({ hasText: 'Social media' }).textContent())
      .toContain('Outside lessons only');
    await filterNav.getByRole('link', { name: 'Change log' }).click();
    await expect.poll(() => heading(page)).toBe('Filter change-control log');

    // Typed in by hand, the page says no and fetches nothing; the API refuses too.
    await page.goto(`${base}/filter/decisions`);
    await expect.poll(() => page.textContent('main')).toContain('No access');
    expect(await page.getByRole('button', { name: 'Search' }).count()).toBe(0);
    const status = await page.evaluate(
      async (url) => (await fetch(url, { credentials: 'same-origin' })).status,
      `/api/schools/${demo.school.id}/filter/decisions`,
    );
    expect(status).toBe(403);
    await context.close();
  });

  it('shows the server’s error beside a period’s end, and saves a valid timetable', async () => {
    const page = await twoFactorPage('admin');
    await openFilterPage(page, 'Timetable and terms');
    await expect.poll(() => heading(page)).toBe('Timetable and term dates');

    const start = page.locator('#tt-periods-0-start');
    const end = page.locator('#tt-periods-0-end');
    expect(await page.locator('#tt-periods-0-name').inputValue()).toBe('Break');
    await end.fill(await start.inputValue());
    await page.getByRole('button', { name: 'Save the timetable' }).click();
    await expect
      .poll(() => page.locator('#tt-periods-0-end-error').textContent())
      .toBe('Must differ from the start');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Period 1, Ends: Must differ from the start',
    );
    await page.screenshot({ path: path.join(screenshots, 'filter-timetable-error.png'), fullPage: true });

    await end.fill('10:50');
    await page.getByRole('button', { name: 'Add a holiday' }).click();
    await page.locator('#tt-holidays-0-name').fill('INSET day');
    await page.locator('#tt-holidays-0-start').fill('2026-11-02');
    await page.locator('#tt-holidays-0-end').fill('2026-11-02');
    await page.getByRole('button', { name: 'Save the timetable' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Saved.');
    expect(await page.locator('#tt-periods-0-end-error').count()).toBe(0);

    // What was saved is what the server now holds.
    await page.reload();
    await expect.poll(() => page.locator('#tt-periods-0-end').inputValue()).toBe('10:50');
    expect(await page.locator('#tt-holidays-0-name').inputValue()).toBe('INSET day');
  });

  it('lets the administrator page through the decision log, close a review request and open a test run', async () => {
    const page = await twoFactorPage('admin');
    await openFilterPage(page, 'Decision log');
    await expect.poll(() => heading(page)).toBe('Decision log');
    expect(await page.textContent('main')).toContain('Every search is recorded in the audit log');
    // Nothing is fetched (or audit-logged) until a search is made.
    expect(await page.getByRole('table').count()).toBe(0);
    await page.getByLabel('Username').fill('amy.pupil');
    await page.getByRole('button', { name: 'Search' }).click();
    const table = page.getByRole('table', { name: 'Decisions, newest first' });
    await expect.poll(() => table.getByRole('row').count()).toBe(51);
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(
      /Key Stage 3.*amy\.pupil.*games\.example.*Online games.*Blocked/,
    );
    await page.getByRole('button', { name: 'Older' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(11);
    expect(await page.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Newer' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(51);
    await page.screenshot({ path: path.join(screenshots, 'filter-decisions.png'), fullPage: true });

    await openFilterPage(page, 'Review requests');
    await expect.poll(() => heading(page)).toBe('Review requests');
    const review = page.locator('li.review').filter({ hasText: 'games.example/maths' });
    await expect.poll(() => review.count()).toBe(1);
    expect(await review.textContent()).toContain('It is a maths game for homework');
    await review.getByLabel('Note').fill('Allowed the maths section with a standing entry.');
    await review.getByRole('button', { name: /^Mark done/ }).click();
    await expect.poll(() => page.textContent('main')).toContain('No open review requests.');
    await page.getByLabel('Show').selectOption('done');
    await expect
      .poll(() => page.locator('li.review').first().textContent())
      .toContain('Allowed the maths section with a standing entry.');

    await openFilterPage(page, 'Filter tests');
    await expect.poll(() => heading(page)).toBe('Filter tests');
    await expect.poll(() => page.textContent('main')).toContain('haven filter test --school milford-haven');
    const runs = page.getByRole('table', { name: 'Filter test runs, newest first' });
    await expect.poll(() => runs.getByRole('row').count()).toBe(2);
    // Run by the CLI: 1 passed, 1 failed, 1 not tested, of 3.
    expect(await runs.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'cli',
      '1',
      '1',
      '1',
      '3',
    ]);
    await runs.getByRole('link').first().click();
    await expect.poll(() => heading(page)).toMatch(/^Filter test of /);
    const rows = page.getByRole('table', { name: 'Each group and category' });
    await expect.poll(() => rows.getByRole('row').count()).toBe(4);
    const text = (await rows.textContent()) ?? '';
    expect(text).toContain('Key Stage 3: Online games');
    expect(text).toContain('Passed');
    expect(text).toContain('Failed');
    expect(text).toContain('Not tested');
    await page.screenshot({ path: path.join(screenshots, 'filter-test-run.png'), fullPage: true });
  });

  it('alerts the DSL on the home page to an illegal-list hit, and shows who and where but not what', async () => {
    const page = await twoFactorPage('dsl');
    await page.goto(`${base}/`);
    const alerts = page.getByRole('region', { name: /Alerts for you/ });
    await expect.poll(() => alerts.textContent()).toContain('matched an illegal-content list');
    expect(await alerts.textContent()).toContain('1 unread');
    expect(await alerts.textContent()).not.toContain('ben.pupil');
    await page.screenshot({ path: path.join(screenshots, 'home-alert.png'), fullPage: true });
    await alerts.getByRole('link', { name: 'Open' }).click();
    await expect.poll(() => heading(page)).toBe('Illegal-list hits');
    const table = page.getByRole('table', { name: 'Illegal-list hits, newest first' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/Key Stage 3.*ben\.pupil.*DNS/i);
    expect(await page.textContent('main')).toContain('Do not try to visit or find the content');

    await page.goto(`${base}/`);
    await alerts.getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(() => alerts.textContent()).toContain('Read');
    expect(await alerts.textContent()).not.toContain('unread');
  });

  it('keeps the illegal-list hits from the school administrator', async () => {
    const page = await twoFactorPage('admin');
    await page.goto(`${base}/`);
    expect(await page.getByRole('region', { name: /Alerts for you/ }).count()).toBe(0);
    await page.goto(`${base}/filter/illegal-hits`);
    await expect.poll(() => page.textContent('main')).toContain('No access');
    expect(
      await page
        .getByRole('navigation', { name: 'Filter pages' })
        .getByRole('link', { name: 'Illegal-list hits' })
        .count(),
    ).toBe(0);
  });
});
