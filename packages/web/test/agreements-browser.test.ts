/**
 * Agreements in Chromium (issue 6): a parent on a 360 px phone signs their Year 1 child's KS1
 * agreement with seed 001's form — ten "I keep SAFE" ticks and the trusted adults — after a
 * signature on a version replaced while the page was open is refused with the current one
 * offered. R001-059, R001-222, R001-223.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords.ts';
import { createAccount } from '../../server/src/repositories/accounts.ts';
import { listGuardians, listPeople, type Person } from '../../server/src/repositories/people.ts';
import { CLI_ACTOR } from '../../server/src/services/actor.ts';
import { importAgreementVersion } from '../../server/src/services/agreement-service.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  signIn,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Agreements browser tests');
const SAFE = [
  'ALLOWED',
  'CHECK',
  'ASK',
  'THINK',
  'KNOW',
  'SECRETS',
  'CLOTHES',
  'RESPONSIBLE',
  'KIND',
  'TELL',
];

describe.skipIf(missing !== null)('agreements in Chromium', () => {
  let h: Harness;
  let pupil: Person;
  const parentPassword = 'a parent pass phrase for the browser';

  beforeAll(async () => {
    h = await startHarness({ template: 'primary-advantage', pupils: 7 });
    const schoolId = h.demo.school.id;
    pupil = (await listPeople(h.haven.db, schoolId, { kind: 'pupil', yearGroup: 'Year 1' })).items[0]!;
    const guardian = (await listGuardians(h.haven.db, pupil.id))[0]!.person;
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

  it('a parent on a phone signs KS1 for their child; an outdated version is refused first', {
    timeout: 90_000,
  }, async () => {
    const page = await (await h.newContext(true)).newPage();
    await page.goto(`${h.base}/`);
    await page.getByLabel('Email address').fill('parent@primary-advantage.example');
    await page.getByLabel('Password', { exact: true }).fill(parentPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => heading(page)).not.toBe('Sign in');
    await page.getByRole('link', { name: 'Agreements' }).first().click();
    await expect.poll(() => heading(page)).toBe('Acceptable use agreements');
    const child = page.getByRole('region', { name: pupil.displayName });
    await expect.poll(() => child.textContent()).toContain('Not signed yet');
    await child.getByRole('link', { name: /^Read and sign: Key Stage 1/ }).click();
    await expect.poll(() => page.textContent('main')).toContain(`You are signing for ${pupil.displayName}.`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const fill = async (words: boolean) => {
      const ticks = page.getByRole('group', { name: /This is how I keep SAFE online/ });
      // Version 1 shows the seed's ten capitalised words; the school's own version its own lines.
      if (words) for (const word of SAFE) await ticks.getByLabel(new RegExp(`^${word}:`)).check();
      else for (const box of await ticks.getByRole('checkbox').all()) await box.check();
      expect(await ticks.getByRole('checkbox', { checked: true }).count()).toBe(10);
      await page.getByLabel('My trusted adults are _____ at school').fill('Mrs Patel');
      await page.getByLabel('_____ at home and _____ (1)').fill('Mum');
      await page.getByLabel('_____ at home and _____ (2)').fill('Grandad');
      await page.getByLabel('My name is _____').fill(pupil.givenName);
      await page.getByLabel('Parent/Carer Name').fill('A Parent');
      await page.getByLabel('Parent/Carer Signature').fill('A. Parent');
      await page.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
      await page.getByLabel('I have read this agreement and agree to it').check();
    };
    await fill(true);
    // While the page was open, the school replaced the wording: version 2.
    await importAgreementVersion(
      h.haven,
      { ...CLI_ACTOR, schoolId: h.demo.school.id },
      h.demo.school,
      'ks1-pupil',
      {
        filename: 'ks1.md',
        bytes: Buffer.from(SAFE.map((w) => `- I keep SAFE: ${w}.`).join('\n')),
      },
    );
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect.poll(() => page.textContent('main')).toContain('This agreement has changed');
    expect(await page.textContent('main')).toContain('version 2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('link', { name: 'Read the current version' }).click();
    await expect.poll(() => page.textContent('main')).toContain('version 2');
    await fill(false);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect.poll(() => page.textContent('main')).toContain('Signed at');
    const copy = await page.getByRole('link', { name: 'Download your copy (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${h.base}${copy}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: 'Back to your agreements' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: pupil.displayName }).textContent())
      .toContain('Signed');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const rows = await h.haven.db
      .selectFrom('agreement_signatures')
      .select(['kind', 'relation', 'person_id', 'user_agent'])
      .where('school_id', '=', h.demo.school.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'signed', relation: 'parent', person_id: pupil.id });
    expect(rows[0]!.user_agent).toBeTruthy();
  });

  it("seed 001's staff form: a teacher signs, then the school administrator gives the authorised signature", {
    timeout: 90_000,
  }, async () => {
    const teacher = await (await h.newContext()).newPage();
    await signIn(teacher, h, 'teacher');
    await expect.poll(() => heading(teacher)).not.toBe('Sign in');
    await teacher.getByRole('link', { name: 'Agreements' }).first().click();
    await teacher.getByRole('link', { name: /^Read and sign: Staff Acceptable Use Policy/ }).click();
    await expect.poll(() => heading(teacher)).toBe('Staff Acceptable Use Policy');
    await teacher.getByLabel('I have read this agreement and agree to it').check();
    await teacher.getByLabel('Full name (printed)').fill('Alex Teacher');
    await teacher.getByLabel('Job title').fill('Class teacher');
    await teacher.getByLabel('Signature').fill('A. Teacher');
    await teacher.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
    await teacher.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect
      .poll(() => teacher.textContent('main'))
      .toContain('It now waits for the "Authorised signature"');

    const admin = await (await h.newContext()).newPage();
    await signInWithTwoFactor(admin, h, 'admin');
    await admin.goto(`${h.base}/agreements`);
    const form = admin.getByRole('form', { name: /: Staff Acceptable Use Policy$/ });
    await expect.poll(() => form.textContent()).toContain('I give my approval for this user');
    await form.getByLabel('Full name (printed)').fill('Sam Office');
    await form.getByLabel('Job title').fill('School business manager');
    await form.getByLabel('Signature').fill('S. Office');
    await form.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Give the Authorised signature' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const kinds = await h.haven.db
      .selectFrom('agreement_signatures')
      .select(['kind', 'relation'])
      .where('agreement_id', '=', 'staff')
      .orderBy('at')
      .execute();
    expect(kinds).toEqual([
      { kind: 'signed', relation: 'self' },
      { kind: 'approved', relation: 'approver' },
    ]);
  });
});
