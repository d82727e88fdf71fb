/**
 * Import from the MIS in Chromium at 360 px (issue 6): the school administrator chooses a SIMS
 * pupils export, sees which column became which field and the counts, the bad row by its line,
 * imports the good rows, and finds the run in the past imports; a column the page does not know
 * is mapped by hand from the mapping table. R001-007.
 */
import path from 'node:path';
import { policy } from '@haven/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misExport } from '../../server/src/demo/mis-export.ts';
import { listPeople } from '../../server/src/repositories/people.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  SCREENSHOTS,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Directory import browser tests');

describe.skipIf(missing !== null)('import from the MIS in Chromium', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness({ template: 'milford-haven', pupils: 0 });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('previews a pupils export on a phone, shows the bad row by line, and imports the good rows', {
    timeout: 120_000,
  }, async () => {
    page = await (await h.newContext(true)).newPage();
    await signInWithTwoFactor(page, h, 'admin');
    await page.goto(`${h.base}/directory/import`);
    await expect.poll(() => heading(page)).toBe('Import from the MIS');

    const files = misExport({
      pupils: 200,
      yearGroups: policy.yearGroupsFor(['ks3', 'ks4', 'sixth-form']),
      staffRoles: [],
      governorRoles: [],
    });
    const csv = `${files.pupils}999999,H999999999999,Jones,Nia,,14,14A,F,\r\n`;
    await page.getByLabel('Pupils').check();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'pupils.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel(/This file lists everyone current/).check();
    await page.getByRole('button', { name: 'Preview the import' }).click();

    await expect.poll(() => page.getByLabel('Field for the column “UPN”').inputValue()).toBe('misId');
    expect(await page.getByLabel('Field for the column “Reg Group”').inputValue()).toBe('className');
    expect(await page.getByLabel('Field for the column “Gender”').inputValue()).toBe('');
    expect(await page.locator('[data-count="added"]').textContent()).toBe('200');
    expect(await page.locator('[data-count="badRows"]').textContent()).toBe('1');
    const problems = page.getByRole('table', { name: 'Problems (1)' });
    expect(await problems.getByRole('row').nth(1).textContent()).toContain('202');
    expect(await problems.textContent()).toContain('"14" is not a year group');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'directory-import-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Import the 200 good rows and skip the bad' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent())
      .toContain('200 added');
    expect((await listPeople(h.haven.db, h.demo.school.id, { kind: 'pupil' })).total).toBe(200);
    const runs = page.getByRole('table', { name: 'Past imports' });
    await expect.poll(() => runs.textContent()).toContain('pupils.csv');
  });

  it('maps a column it does not know from the mapping table', { timeout: 120_000 }, async () => {
    await page.goto(`${h.base}/directory/import`);
    await expect.poll(() => heading(page)).toBe('Import from the MIS');
    await page.getByLabel('Governors').check();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'governors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Ref,Forename,Surname\r\nG1,Gwen,Hughes\r\n'),
    });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect.poll(() => page.textContent('main')).toContain('This file cannot be imported');
    await page.getByLabel('Field for the column “Ref”').selectOption('misId');
    await expect.poll(() => page.locator('[data-count="added"]').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent())
      .toContain('1 added');
  });
});
