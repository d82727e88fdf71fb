/**
 * Monitoring reports in Chromium: the DSL opens the reports from the navigation, chooses the days
 * the clocks went back around, and reads the same numbers in the figures, the charts' bars and
 * the tables behind them; narrowing to a group changes them all and goes into the address; the
 * page fits a phone; a teacher is not offered the page and is refused it by its address.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../server/src/audit/audit-log.ts';
import { seedClockChange } from '../../server/test/helpers/reports.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  SCREENSHOTS,
  signIn,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Monitoring report browser tests');

describe.skipIf(missing !== null)('monitoring reports in Chromium', () => {
  let h: Harness;
  let dsl: Page;

  beforeAll(async () => {
    h = await startHarness();
    await seedClockChange(h.haven, h.demo.school.id);
    dsl = await (await h.newContext()).newPage();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const figure = (page: Page, title: string) => page.getByRole('figure', { name: title, exact: true });
  /** The cells of a figure's table row, opening "Show the numbers" first. */
  const row = async (page: Page, title: string, header: string) => {
    const f = figure(page, title);
    const details = f.locator('details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    const r = f.getByRole('row', { name: new RegExp(`^${header}\\b`) });
    return (await r.locator('th, td').allTextContents()).map((c) => c.trim());
  };
  const fact = (page: Page, term: string) =>
    page
      .locator('dl.facts > div')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
      .locator('dd');

  it('shows the DSL the days around the clock change in figures, bars and tables that agree', {
    timeout: 60_000,
  }, async () => {
    await signInWithTwoFactor(dsl, h, 'dsl');
    await dsl
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Monitoring reports' })
      .click();
    await expect.poll(() => heading(dsl)).toBe('Monitoring reports');
    await dsl.getByLabel('From').fill('2026-10-24');
    await dsl.getByLabel('To', { exact: true }).fill('2026-10-26');
    await dsl.getByRole('button', { name: 'Show the report' }).click();
    await expect.poll(() => dsl.url()).toContain('from=2026-10-24&to=2026-10-26');
    await expect.poll(() => fact(dsl, 'Requests').textContent()).toBe('10');
    expect(await fact(dsl, 'Blocked').textContent()).toBe('6');
    expect(await fact(dsl, 'Alerts').textContent()).toBe('5');
    expect(await fact(dsl, 'Period').textContent()).toBe('24 October 2026 to 26 October 2026 (3 days)');

    const activity = 'Requests each day, allowed and blocked';
    expect(await figure(dsl, activity).locator('.chart-summary').textContent()).toBe(
      '10 requests from 24 October 2026 to 26 October 2026, 6 of them blocked (60%). The busiest day was 25 October 2026, with 5.',
    );
    const bars = figure(dsl, activity).locator('svg[role="img"]');
    expect(await bars.locator('title').first().textContent()).toBe(activity);
    expect(await bars.locator('rect title').allTextContents()).toEqual([
      '24 October 2026: Allowed 1',
      '24 October 2026: Blocked 2',
      '25 October 2026: Allowed 2',
      '25 October 2026: Blocked 3',
      '26 October 2026: Allowed 1',
      '26 October 2026: Blocked 1',
    ]);
    expect(await row(dsl, activity, '25 October 2026')).toEqual(['25 October 2026', '2', '3', '5']);

    const top = figure(dsl, 'Most blocked categories');
    expect(await top.locator('.chart-hbar-label').allTextContents()).toEqual([
      'Gambling3 (50%)',
      'Social media2 (33%)',
      'Online games1 (17%)',
    ]);
    expect(await row(dsl, 'Most blocked categories', 'Gambling')).toEqual(['Gambling', '3', '50%']);
    expect(await row(dsl, 'Requests by group', 'Key Stage 3')).toEqual(['Key Stage 3', '6', '4']);
    expect(await row(dsl, 'Requests by category', 'Uncategorised')).toEqual(['Uncategorised', '1', '0']);
    expect(await row(dsl, 'Monitoring alerts each day, by severity', '25 October 2026')).toEqual([
      '25 October 2026',
      '0',
      '0',
      '1',
      '1',
      '1',
      '3',
    ]);
    await dsl.screenshot({ path: path.join(SCREENSHOTS, 'monitor-reports.png'), fullPage: true });
  });

  it('narrows everything to a group, keeps it in the address, and records the look', async () => {
    await dsl.getByLabel('Group', { exact: true }).selectOption({ label: 'Key Stage 4' });
    await dsl.getByRole('button', { name: 'Show the report' }).click();
    await expect.poll(() => dsl.url()).toContain('group=ks4');
    await expect.poll(() => fact(dsl, 'Requests').textContent()).toBe('3');
    expect(await fact(dsl, 'Blocked').textContent()).toBe('2');
    expect(await fact(dsl, 'Alerts').textContent()).toBe('2');
    expect(await fact(dsl, 'Who').textContent()).toBe('Key Stage 4');
    expect(await row(dsl, 'Requests each day, allowed and blocked', '25 October 2026')).toEqual([
      '25 October 2026',
      '1',
      '1',
      '2',
    ]);
    expect(
      await figure(dsl, 'Most blocked categories').locator('.chart-hbar-label').allTextContents(),
    ).toEqual(['Social media2 (100%)']);
    const [event] = (await listAudit(h.haven.db, { action: 'monitor.report-viewed', limit: 1 })).items;
    expect(event?.detail).toEqual({ from: '2026-10-24', to: '2026-10-26', group: 'ks4', user: null });

    // The same link opened afresh shows the same report, split by group as chosen.
    await dsl.getByLabel('Split each day by').selectOption('group');
    await expect.poll(() => dsl.url()).toContain('by=group');
    await dsl.goto(dsl.url());
    await expect.poll(() => fact(dsl, 'Requests').textContent()).toBe('3');
    expect(await dsl.getByLabel('Group', { exact: true }).inputValue()).toBe('ks4');
    const legend = figure(dsl, 'Requests each day, by group').locator('.chart-legend li');
    expect(await legend.allTextContents()).toEqual(['Key Stage 4']);
  });

  it('fits a phone without sideways scrolling', async () => {
    await dsl.setViewportSize({ width: 360, height: 740 });
    await dsl.goto(`${h.base}/monitor/reports?from=2026-10-24&to=2026-10-26`);
    await expect.poll(() => fact(dsl, 'Requests').textContent()).toBe('10');
    expect(await dsl.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await dsl.screenshot({ path: path.join(SCREENSHOTS, 'monitor-reports-phone.png'), fullPage: true });
  });

  it('offers a teacher no reports, and refuses the page by its address', async () => {
    const teacher = await (await h.newContext()).newPage();
    await signIn(teacher, h, 'teacher');
    await expect.poll(() => heading(teacher)).toContain(h.demo.school.name);
    const nav = teacher.getByRole('navigation', { name: 'Main' });
    expect(await nav.textContent()).not.toContain('Monitoring reports');
    const views = (await listAudit(h.haven.db, { action: 'monitor.report-viewed', limit: 500 })).items.length;
    await teacher.goto(`${h.base}/monitor/reports?from=2026-10-24&to=2026-10-26`);
    await expect.poll(() => heading(teacher)).toBe('Monitoring reports');
    expect(await teacher.textContent('main')).toContain('Your account does not have access');
    expect(await teacher.locator('figure').count()).toBe(0);
    expect((await listAudit(h.haven.db, { action: 'monitor.report-viewed', limit: 500 })).items).toHaveLength(
      views,
    );
  });
});
