/**
 * Compliance in Chromium (issue 6 point 7): the DSL opens Compliance, filters by year group (the
 * filter is kept in the URL), sees a pupil who has not signed and not the one who has, moves to
 * another list by keyboard, and downloads the CSV; a governor on a 360 px phone sees the numbers
 * and no names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendSignature } from '../../server/src/repositories/agreements.ts';
import { listPeople, type Person } from '../../server/src/repositories/people.ts';
import { requiredFor } from '../../server/src/services/agreement-service.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  SCREENSHOTS,
  signIn,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Compliance browser tests');

describe.skipIf(missing !== null)('compliance in Chromium', () => {
  let h: Harness;
  let signed: Person;
  let unsigned: Person;

  beforeAll(async () => {
    h = await startHarness({ template: 'primary-advantage', pupils: 14 });
    const school = h.demo.school;
    const year4 = (await listPeople(h.haven.db, school.id, { kind: 'pupil', yearGroup: 'Year 4' })).items;
    [signed, unsigned] = year4 as [Person, Person];
    for (const r of await requiredFor(h.haven, school, signed))
      await appendSignature(h.haven.db, {
        schoolId: school.id,
        agreementId: r.agreement,
        versionId: r.versionId,
        textHash: r.textHash,
        kind: 'signed',
        refersTo: null,
        personId: signed.id,
        actorAccountId: null,
        actorPersonId: signed.id,
        actorLabel: signed.displayName,
        relation: r.signer === 'parent' ? 'parent' : 'self',
        answers: {},
        at: new Date().toISOString(),
        ip: null,
        userAgent: null,
      });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the DSL filters by year group, sees who has not signed and downloads the CSV', {
    timeout: 60_000,
  }, async () => {
    const page = await (await h.newContext()).newPage();
    await signInWithTwoFactor(page, h, 'dsl');
    await page.getByRole('link', { name: 'Compliance', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Compliance');
    await page.getByLabel('Year group', { exact: true }).selectOption('Year 4');
    await expect.poll(() => page.url()).toContain('yearGroup=Year+4');
    const table = page.getByRole('table', { name: 'People with an agreement not signed' });
    await expect.poll(() => table.textContent()).toContain(unsigned.displayName);
    expect(await table.textContent()).not.toContain(signed.displayName);
    expect(await table.textContent()).toContain('Not signed');
    // The numbers are there too.
    expect(await page.textContent('main')).toContain("Numbers for the governors' report");

    // The filter survives a reload: it is in the URL.
    await page.reload();
    await expect.poll(() => page.getByLabel('Year group', { exact: true }).inputValue()).toBe('Year 4');

    const link = page.getByRole('link', { name: 'Download CSV' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('view=agreements');
    expect(href).toContain('yearGroup=Year+4');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^compliance-agreements-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('"Name","Kind","Year group","Class","Roles","Agreement","State"');
    expect(csv).toContain(`"${unsigned.displayName}","pupil","Year 4"`);
    expect(csv).not.toContain(signed.displayName);
    const res = await page.request.get(`${h.base}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');

    // By keyboard to another list; the year group goes with it.
    await page.getByRole('link', { name: 'Consents missing or assumed' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('view=consents');
    expect(page.url()).toContain('yearGroup=Year+4');
    const consents = page.getByRole('table', { name: 'Pupils with a consent not recorded or assumed' });
    await expect.poll(() => consents.textContent()).toContain('Assumed (no response)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'compliance-dsl.png'), fullPage: true });
  });

  it('a governor on a phone sees the numbers only', { timeout: 60_000 }, async () => {
    const page = await (await h.newContext(true)).newPage();
    await signIn(page, h, 'governor');
    await expect.poll(() => heading(page)).toContain(h.demo.school.name);
    await page.goto(`${h.base}/compliance?view=agreements&yearGroup=Year%204`);
    await expect.poll(() => heading(page)).toBe('Compliance');
    await expect.poll(() => page.textContent('main')).toContain('Outstanding, by area');
    const main = (await page.textContent('main'))!;
    expect(main).not.toContain(unsigned.displayName);
    expect(await page.getByRole('link', { name: 'Download CSV' }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'compliance-governor-phone.png'), fullPage: true });
  });
});
