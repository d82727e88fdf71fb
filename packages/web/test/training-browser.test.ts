/**
 * Training in Chromium (issue 6 point 6; R000-058, R000-060, R003-043): a teacher on a 360 px phone
 * fills in the training-needs audit by keyboard and records a course with its certificate; the
 * administrator, acting for the online safety lead, sees who is overdue and the audit's summary; a
 * governor sees the counts for their report and no names.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserTestsMissing,
  type Harness,
  heading,
  SCREENSHOTS,
  signIn,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Training browser tests');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.skipIf(missing !== null)('training in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ pupils: 2 });
    // Everyone joined in January, so their induction period is long over.
    await h.haven.db.updateTable('people').set({ created_at: '2026-01-05T08:00:00.000Z' }).execute();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('a teacher on a phone completes the needs audit and records a course', { timeout: 60_000 }, async () => {
    const page = await (await h.newContext(true)).newPage();
    await signIn(page, h, 'teacher');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My training' }).click();
    await expect.poll(() => heading(page)).toBe('My training');
    await expect.poll(() => page.textContent('main')).toContain('e-Safety induction');
    expect(await page.textContent('main')).toContain('Overdue');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('link', { name: 'Fill in your training-needs audit' }).click();
    await expect.poll(() => heading(page)).toBe('Training-needs audit');
    // By keyboard: focus the first choice of each question and move with the arrow keys.
    const radios = page.locator('input[type="radio"][value="3"]');
    const count = await radios.count();
    expect(count).toBe(8);
    for (let i = 0; i < count; i++) {
      await radios.nth(i).focus();
      await page.keyboard.press('Space');
    }
    await page.locator('#audit-nudes-1').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('A need raised in performance management').fill('Filtering and monitoring');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Send my audit' }).press('Enter');
    await expect.poll(() => page.textContent('main')).toContain('Thank you: your audit is recorded.');
    expect(await page.textContent('main')).toContain('nude or semi-nude');

    await page.getByRole('link', { name: 'My training' }).first().click();
    await expect.poll(() => heading(page)).toBe('My training');
    // Nothing chosen: a precise error by the field.
    await page.getByRole('button', { name: 'Record it' }).click();
    await expect.poll(() => page.textContent('main')).toContain('There is a problem');
    await page.getByLabel('Course').selectOption({ label: 'Cyber security training for school staff (DfE)' });
    await page.getByLabel('Provider (optional)').fill('DfE');
    await page
      .locator('#mine-file')
      .setInputFiles({ name: 'cyber.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Record it' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Recorded.');
    await expect.poll(() => page.textContent('main')).toContain('certificate kept');
    const rows = await h.haven.db
      .selectFrom('training_records')
      .select(['course_id', 'certificate_sha256'])
      .where('school_id', '=', h.demo.school.id)
      .execute();
    expect(rows).toEqual([
      { course_id: 'cyber-security', certificate_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'training-phone.png'),
      fullPage: true,
    });
  });

  it('the lead sees who is overdue and the audit summary', { timeout: 60_000 }, async () => {
    const page = await (await h.newContext(true)).newPage();
    await signInWithTwoFactor(page, h, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Training', exact: true })
      .click();
    await expect.poll(() => heading(page)).toBe('Training');
    await expect.poll(() => page.textContent('main')).toContain('Due and overdue (');
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('Designated safeguarding lead and deputy training');
    expect(main).toContain('Was due by');
    await page.getByLabel('Post').selectOption({ label: 'Safeguarding Designated Person' });
    await expect
      .poll(() => page.textContent('main'))
      .toContain('Designated safeguarding lead and deputy training');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('link', { name: 'Training-needs audits' }).click();
    await expect.poll(() => heading(page)).toBe('Training-needs audits');
    await expect
      .poll(() => page.textContent('main'))
      .toMatch(/1 of \d+ members of staff have completed the audit/);
    expect(await page.textContent('main')).toContain('Filtering and monitoring');
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Reviewed by admin@');
  });

  it('a governor sees the counts for their report, with no names', { timeout: 60_000 }, async () => {
    const page = await (await h.newContext(true)).newPage();
    await signIn(page, h, 'governor');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Training counts' })
      .click();
    await expect.poll(() => heading(page)).toBe('Training counts');
    await expect.poll(() => page.textContent('main')).toContain('Governor online safety training');
    expect(await page.textContent('main')).toMatch(/1 of \d+ members of staff have completed the audit/);
    const names = await h.haven.db
      .selectFrom('people')
      .select('display_name')
      .where('kind', '=', 'staff')
      .execute();
    const main = (await page.textContent('main')) ?? '';
    expect(names.filter((n) => main.includes(n.display_name))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
