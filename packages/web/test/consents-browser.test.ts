/**
 * Consents in Chromium (issue 6 point 4; R001-233, R001-237, R001-238, R004-072): a teacher picks a
 * year group, sees "assumed, not given" written out beside given and refused, and runs the
 * publishing check pupil by pupil with the GDPR warning; a parent on a 360 px phone withdraws
 * their child's photo consent.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords.ts';
import { createAccount } from '../../server/src/repositories/accounts.ts';
import { addConsentRecord } from '../../server/src/repositories/consent-records.ts';
import { listGuardians, listPeople, type Person } from '../../server/src/repositories/people.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  SCREENSHOTS,
  signIn,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Consents browser tests');

describe.skipIf(missing !== null)('consents in Chromium', () => {
  let h: Harness;
  let year: Person[];
  const parentPassword = 'a parent pass phrase for the browser';

  beforeAll(async () => {
    // Seed 001 (primary-advantage): its appendix 6 treats no response as consent.
    h = await startHarness({ template: 'primary-advantage', pupils: 21 });
    const schoolId = h.demo.school.id;
    const pupils = (await listPeople(h.haven.db, schoolId, { kind: 'pupil' })).items;
    const first = pupils[0]!.yearGroup;
    year = pupils.filter((p) => p.yearGroup === first);
    const on = new Date().toISOString().slice(0, 10);
    const base = {
      schoolId,
      purpose: 'school-photos',
      method: 'paper-form' as const,
      parentId: null,
      relationship: 'parent',
      decidedOn: on,
      formSigned: true,
      note: null,
      recordedAt: new Date().toISOString(),
      recordedByAccountId: null,
      recordedBy: 'office',
    };
    await addConsentRecord(h.haven.db, {
      ...base,
      pupilId: year[0]!.id,
      decision: 'given',
      parentName: 'Given Parent',
    });
    await addConsentRecord(h.haven.db, {
      ...base,
      pupilId: year[1]!.id,
      decision: 'refused',
      parentName: 'Refusing Parent',
    });
    const guardian = (await listGuardians(h.haven.db, year[0]!.id))[0]!.person;
    await createAccount(h.haven.db, {
      schoolId,
      personId: guardian.id,
      email: 'parent@primary-advantage.example',
      displayName: guardian.displayName,
      passwordHash: await hashPassword(parentPassword),
      grants: ['parent'],
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows assumed apart from given and answers the publishing check pupil by pupil', {
    timeout: 60_000,
  }, async () => {
    const page = await (await h.newContext()).newPage();
    await signIn(page, h, 'teacher');
    await page.getByRole('link', { name: 'Photo and internet consents' }).click();
    await expect.poll(() => heading(page)).toBe('Photo and internet consents');
    await page.getByLabel('Class or year group').selectOption(`year:${year[0]!.yearGroup}`);
    const table = page.getByRole('table');
    await expect.poll(() => table.textContent()).toContain('Assumed, not given (no answer)');
    const rowText = async (p: Person) =>
      page.getByRole('row').filter({ hasText: p.displayName }).textContent();
    expect(await rowText(year[0]!)).toContain('Given on');
    expect(await rowText(year[1]!)).toContain('Refused on');
    expect(await rowText(year[2]!)).toContain('Assumed, not given');
    expect(await page.textContent('main')).toContain(
      'UK GDPR does not treat silence or inactivity as consent',
    );

    // A teacher checks but does not record: no button to.
    expect(await page.getByRole('button', { name: /^Record a change/ }).count()).toBe(0);
    const check = page.getByRole('region', {
      name: 'May we publish this photo of these pupils on the website?',
    });
    for (const p of year) await check.getByLabel(p.displayName).check();
    await check.getByRole('button', { name: 'Check' }).click();
    const answers = check.locator('.consent-answers');
    await expect.poll(() => answers.textContent()).toContain('Yes, consent given');
    const answer = async (p: Person) => check.locator('li').filter({ hasText: p.displayName }).textContent();
    expect(await answer(year[0]!)).toContain('Yes, consent given');
    expect(await answer(year[1]!)).toContain('No: refused or withdrawn');
    expect(await answer(year[2]!)).toContain('Assumed, not given: the parent never answered');
    expect(await check.textContent()).toContain('Not for everyone: 1 of 3 pupils have consent given.');
    expect(await check.textContent()).toContain('Article 4(11)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'consents-check.png'), fullPage: true });
  });

  it('records a refusal from a paper form, by keyboard, and shows it in the list', {
    timeout: 60_000,
  }, async () => {
    const page = await (await h.newContext()).newPage();
    await signInWithTwoFactor(page, h, 'admin');
    await page.goto(`${h.base}/consents`);
    await expect.poll(() => heading(page)).toBe('Photo and internet consents');
    await page.getByLabel('Class or year group').selectOption(`year:${year[0]!.yearGroup}`);
    const pupil = year[2]!;
    await page.getByRole('button', { name: `Record a change for ${pupil.displayName}` }).click();
    const form = page.getByRole('region', { name: `Record a change for ${pupil.displayName}` });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('consent-record-heading');
    await form.getByLabel('Refused consent').check();
    await form.getByLabel('Paper form').check();
    const guardian = (await listGuardians(h.haven.db, pupil.id))[0]!.person;
    await form.getByLabel('Parent or carer').selectOption(guardian.id);
    await form.getByRole('button', { name: 'Record the change' }).press('Enter');
    await expect.poll(() => form.textContent()).toContain('Recorded');
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: pupil.displayName }).textContent())
      .toContain(`Refused on`);
    expect(await form.textContent()).toContain(`by ${guardian.displayName} (parent) (Paper form;`);
  });

  it('lets a parent on a phone withdraw their child’s photo consent', { timeout: 60_000 }, async () => {
    const page = await (await h.newContext(true)).newPage();
    await page.goto(`${h.base}/`);
    await page.getByLabel('Email address').fill('parent@primary-advantage.example');
    await page.getByLabel('Password', { exact: true }).fill(parentPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A 360 px header may fold its navigation away: wait for the signed-in page, then follow the link.
    const link = page.getByRole('link', { name: "Your children's consents" });
    await link.waitFor({ state: 'attached' });
    await page.goto(`${h.base}/consents/mine`);
    await expect.poll(() => heading(page)).toBe("Your children's consents");
    const child = page.getByRole('region', { name: year[0]!.displayName });
    await expect.poll(() => child.textContent()).toContain('Given on');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await child
      .getByRole('button', { name: /^Withdraw consent: Photographs and videos for the school/ })
      .click();
    await expect.poll(() => page.textContent('main')).toContain('Recorded');
    await expect.poll(() => child.textContent()).toContain('Withdrawn on');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const records = await h.haven.db
      .selectFrom('consent_records')
      .select(['decision', 'method'])
      .where('pupil_id', '=', year[0]!.id)
      .orderBy('seq')
      .execute();
    expect(records).toEqual([
      { decision: 'given', method: 'paper-form' },
      { decision: 'withdrawn', method: 'parent-online' },
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'consents-parent-phone.png'), fullPage: true });
  });
});
