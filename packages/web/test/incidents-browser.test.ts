/**
 * Incidents in Chromium: a teacher reports a concern on a phone (the draft saved as typed), the
 * DSL finds it in the inbox, works the flowchart's steps, sees the sanctions matrix's
 * recommendation and closes it with a review; the teacher sees only that it was closed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPeople } from '../../server/src/repositories/people.ts';
import { scanEvents } from '../../server/src/services/monitor-service.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  SCREENSHOTS,
  signIn,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Incident browser tests');

describe.skipIf(missing !== null)('incidents in Chromium: report, triage, closure', () => {
  let h: Harness;
  let teacher: Page;
  let dsl: Page;
  beforeAll(async () => {
    h = await startHarness();
    teacher = await (await h.newContext(true)).newPage();
    dsl = await (await h.newContext()).newPage();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('lets a teacher report on a phone in a few steps, with the draft saved as they type', async () => {
    await signIn(teacher, h, 'teacher');
    await expect.poll(() => heading(teacher)).toContain(h.demo.school.name);
    await teacher.getByRole('link', { name: 'Report a concern' }).click();
    await expect.poll(() => heading(teacher)).toBe('Report a concern');
    await teacher
      .getByLabel('Description of the incident')
      .fill('A pupil was sent unkind messages in a class group chat at lunch');
    await expect.poll(() => teacher.textContent('main'), { timeout: 10_000 }).toMatch(/Draft saved at/);
    await teacher.getByLabel('Person 1').fill('Sam Pupil');
    await teacher.getByLabel('Age', { exact: true }).fill('12');
    await teacher.getByRole('button', { name: 'Add another person' }).click();
    await teacher.getByLabel('Person 2').fill('Alex Pupil');
    await teacher.locator('#report-person-1-involvement').selectOption('subject');
    await teacher.getByLabel('Bullying').check();
    // No sideways scrolling on a phone.
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await teacher.screenshot({ path: path.join(SCREENSHOTS, 'report-phone.png'), fullPage: true });
    await teacher.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => heading(teacher)).toBe('Report a concern');
    await expect.poll(() => teacher.textContent('main')).toContain('Sent: incident 1');
    expect(await teacher.textContent('main')).toContain('designated safeguarding lead');
  });

  it('shows a missing field beside it and keeps what was typed', async () => {
    await teacher.goto(`${h.base}/report`);
    await teacher.getByLabel('Description of the incident').fill('Something seen on a tablet');
    await teacher.getByLabel('Person 1').fill('');
    await teacher.getByRole('button', { name: 'Send the report' }).click();
    await expect
      .poll(() => teacher.locator('.error-summary').textContent())
      .toMatch(/name at least one person/i);
    expect(await teacher.getByLabel('Description of the incident').inputValue()).toBe(
      'Something seen on a tablet',
    );
    await teacher.goto(`${h.base}/reports`);
    const rows = teacher.getByRole('table', { name: 'Your reports, newest first' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await teacher.textContent('main')).toContain('Continue this draft');
  });

  it('takes the DSL from the alert to the incident, through the steps and the matrix, to closure', {
    timeout: 60_000,
  }, async () => {
    await signInWithTwoFactor(dsl, h, 'dsl');
    const alerts = dsl.getByRole('region', { name: /Alerts for you/ });
    await expect.poll(() => alerts.textContent()).toContain('Incident 1 was reported');
    expect(await alerts.textContent()).not.toContain('Sam');
    await dsl.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expect.poll(() => heading(dsl)).toBe('Incidents');
    await dsl.getByRole('link', { name: 'Incident 1' }).click();
    await expect.poll(() => heading(dsl)).toBe('Incident 1');
    expect(await dsl.textContent('main')).toContain('A pupil was sent unkind messages');

    // The pupil concerned, from the directory, so earlier sanctions would count.
    const pupil = (await listPeople(h.haven.db, h.demo.school.id, { kind: 'pupil' })).items[0]!;
    await dsl.getByLabel('Find them in the directory').fill(pupil.displayName.split(' ')[0]!);
    await dsl.getByRole('button', { name: 'Search', exact: true }).click();
    await dsl
      .getByRole('button', { name: new RegExp(`^${pupil.displayName}`) })
      .first()
      .click();
    await expect
      .poll(() => dsl.textContent('main'))
      .toContain(`For ${pupil.displayName} (from the directory)`);

    // The matrix row for offensive messages, as the school wrote it.
    await dsl.getByLabel('Students / Pupils Actions').selectOption('offensive-bullying-messages');
    await dsl.getByRole('button', { name: 'Show what the policy recommends' }).click();
    const rec = dsl.locator('.recommendation');
    await expect.poll(() => rec.textContent()).toContain('Students / Pupils Actions');
    await dsl.getByRole('button', { name: 'Record the sanction' }).click();
    await expect.poll(() => dsl.locator('.chronology').textContent()).toContain('Sanction');
    expect(await dsl.locator('.chronology').textContent()).toContain(pupil.displayName);

    // Closing too early names what is missing.
    await dsl.getByLabel('What should stop this happening again?').fill('Assembly on group chats');
    await dsl.getByRole('button', { name: 'Close the incident' }).last().click();
    await expect.poll(() => dsl.locator('.error-summary').textContent()).toContain('designated computer');

    const record = async (stepStart: string, fill: Record<string, string>) => {
      const step = dsl.locator('ol.steps > li').filter({ hasText: stepStart });
      for (const [label, value] of Object.entries(fill)) await step.getByLabel(label).fill(value);
      await step.getByRole('button', { name: 'Record this step' }).click();
      await expect.poll(() => step.textContent()).toContain('Recorded by');
    };
    await record('Preserve the evidence', {
      'What was done': 'Screenshots of the chat kept by the form tutor',
    });
    await record('Name the senior members', {
      'First senior member of staff': 'Kai Hussain',
      'Second senior member of staff': 'Hamza Lloyd',
    });
    await record('Record the designated computer', { 'The designated computer': 'Office PC 3' });
    await record('Conclude whether the concern has substance', {
      'What was done': 'Substance: behaviour policy',
    });
    await record("Decide the actions from the school's sanctions matrix", { 'What was done': 'As recorded' });

    // Evidence: a text export of the chat, hashed and kept with its chain of custody.
    await dsl.getByLabel('File', { exact: true }).setInputFiles({
      name: 'chat.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('12:31 A: you are rubbish\n12:32 B: nobody likes you\n'),
    });
    await dsl
      .getByLabel('What it shows, and why it matters')
      .fill('The group chat, exported by the form tutor');
    await dsl.getByRole('button', { name: 'Add the evidence' }).click();
    await expect
      .poll(() => dsl.getByRole('region', { name: 'Evidence' }).textContent())
      .toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(await dsl.getByRole('link', { name: /evidential record \(PDF\)/ }).getAttribute('href')).toMatch(
      /export\.pdf$/,
    );
    await dsl.screenshot({ path: path.join(SCREENSHOTS, 'incident-steps.png'), fullPage: true });

    await dsl.getByLabel('What should stop this happening again?').fill('Assembly on group chats');
    await dsl.getByRole('button', { name: 'Close the incident' }).last().click();
    await expect.poll(() => dsl.textContent('main')).toMatch(/Closed \d/);
  });

  it('shows the teacher their report as closed, and keeps the case from them', async () => {
    await teacher.goto(`${h.base}/reports`);
    const first = teacher.getByRole('row').filter({ hasText: 'unkind messages' });
    await expect.poll(() => first.textContent()).toContain('Closed');
    expect(
      await teacher
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Incidents' })
        .count(),
    ).toBe(0);
  });

  it('takes a breach report from the teacher and shows the administrator its 72-hour clock', {
    timeout: 60_000,
  }, async () => {
    await teacher.goto(`${h.base}/report`);
    await teacher.getByRole('link', { name: /Report a data breach instead/ }).click();
    await expect.poll(() => heading(teacher)).toBe('Report a data breach');
    await teacher.getByLabel('Equipment was lost or stolen').check();
    await teacher.getByLabel('What happened').fill('Laptop left on the train home');
    await teacher.getByLabel('Which equipment').fill('Laptop ST-22');
    await teacher.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => teacher.textContent('main')).toContain('Sent: data breach 1');
    expect(await teacher.textContent('main')).toMatch(/left to tell the ICO/);

    const admin = await (await h.newContext()).newPage();
    await signInWithTwoFactor(admin, h, 'admin');
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Data breaches' })
      .click();
    await expect.poll(() => heading(admin)).toBe('Data breaches');
    const card = admin.locator('li.card').filter({ hasText: 'Breach 1' });
    await expect.poll(() => card.textContent()).toMatch(/\d+ h \d+ min left to tell the ICO/);
    await card.getByLabel('It is not reportable').check();
    await card.getByLabel('Why it is not reportable').fill('The laptop is encrypted and was recovered');
    await card.getByRole('button', { name: 'Record and stop the clock' }).click();
    await expect.poll(() => card.textContent()).toContain('Judged not reportable');
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'breach-log.png'), fullPage: true });
  });

  it('shows the DSL a monitoring alert and escalates it to an incident', async () => {
    await scanEvents(h.haven, h.haven.db, h.demo.school.id, [
      {
        at: new Date().toISOString(),
        group: 'ks3',
        user: 'pupil.alert',
        client: '10.1.2.40',
        url: 'http://www.google.co.uk/search?q=how+to+hide+cuts',
        source: 'proxy',
      },
    ]);
    await dsl.goto(`${h.base}/`);
    await expect
      .poll(() => dsl.getByRole('region', { name: /Alerts for you/ }).textContent())
      .toContain('Self-harm');
    await dsl
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alerts', exact: true })
      .click();
    await expect.poll(() => heading(dsl)).toBe('Monitoring alerts');
    const card = dsl.locator('li.card').filter({ hasText: 'pupil.alert' });
    await expect.poll(() => card.textContent()).toContain('how to hide cuts');
    await card.getByRole('button', { name: 'Escalate to an incident' }).click();
    await dsl.getByLabel('Show').selectOption('done');
    await dsl
      .locator('li.card')
      .filter({ hasText: 'pupil.alert' })
      .getByRole('link', { name: 'Open the incident' })
      .click();
    await expect.poll(() => heading(dsl)).toMatch(/^Incident \d+$/);
    expect(await dsl.textContent('main')).toContain('Monitoring alert: Self-harm');
  });
});
