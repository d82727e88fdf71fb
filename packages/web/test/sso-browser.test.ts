/**
 * Single sign-on in Chromium (issue 6 point 5): the administrator sets the school's provider on
 * the settings page (the secret never comes back); the sign-in page then offers "Sign in with
 * <label>", which goes through a real OpenID Connect provider and back, signed in; an address
 * with no Haven account comes back to the sign-in page with the reason, signed in as nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, startTestIdp, type TestIdp } from '../../server/test/helpers/oidc.ts';
import {
  browserTestsMissing,
  type Harness,
  heading,
  signInWithTwoFactor,
  startHarness,
} from './browser-harness.ts';

const missing = browserTestsMissing('Single sign-on browser tests');

describe.skipIf(missing !== null)('single sign-on in Chromium', () => {
  let h: Harness;
  let idp: TestIdp;
  beforeAll(async () => {
    h = await startHarness({ pupils: 2 });
    h.haven.config.publicUrl = h.base;
    idp = await startTestIdp(`${h.base}/api/auth/oidc/callback`);
  }, 60_000);
  afterAll(async () => {
    await idp?.close();
    await h?.close();
  });

  it('is set up by the administrator and signs a teacher in through the provider', {
    timeout: 90_000,
  }, async () => {
    const admin = await (await h.newContext(true)).newPage();
    await signInWithTwoFactor(admin, h, 'admin');
    await admin.getByRole('link', { name: 'Single sign-on' }).click();
    await expect.poll(() => heading(admin)).toBe('Single sign-on');
    expect(await admin.textContent('main')).toContain(`${h.base}/api/auth/oidc/callback`);
    await admin.getByLabel('Button label').fill('Google Workspace');
    await admin.getByLabel('Issuer URL').fill(idp.issuer);
    await admin.getByLabel('Client ID').fill(idp.clientId);
    await admin.getByLabel('Allowed e-mail domains').fill('not a domain');
    await admin.getByRole('button', { name: 'Save single sign-on settings' }).click();
    // Refused field by field: the secret is needed the first time, and the domain is not one.
    await expect.poll(() => admin.textContent('main')).toContain('Is not an e-mail domain');
    expect(await admin.textContent('main')).toContain('Is required the first time');
    await admin.getByLabel('Client secret').fill(idp.clientSecret);
    await admin.getByLabel('Allowed e-mail domains').fill(h.cred('teacher').email.split('@')[1] ?? '');
    await admin.getByRole('button', { name: 'Save single sign-on settings' }).click();
    await expect.poll(() => admin.textContent('main')).toContain('Single sign-on settings saved.');
    expect(await admin.getByLabel('Client secret').inputValue()).toBe('');
    expect(await admin.content()).not.toContain(idp.clientSecret);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    idp.users.set('teacher-sub', { email: h.cred('teacher').email, email_verified: true });
    idp.nextUser = 'teacher-sub';
    const teacher = await (await h.newContext(true)).newPage();
    await teacher.goto(`${h.base}/`);
    await teacher.getByRole('link', { name: 'Sign in with Google Workspace' }).click();
    await expect.poll(() => heading(teacher)).toContain(h.demo.school.name);
    const session = await teacher.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({ stage: 'signed-in', account: { email: h.cred('teacher').email } });
  });

  it('brings someone with no Haven account back to the sign-in page with the reason', {
    timeout: 60_000,
  }, async () => {
    const domain = h.cred('teacher').email.split('@')[1] ?? '';
    idp.users.set('stranger', { email: `nobody@${domain}`, email_verified: true });
    idp.nextUser = 'stranger';
    const page = await (await h.newContext(true)).newPage();
    await page.goto(`${h.base}/`);
    await page.getByRole('link', { name: 'Sign in with Google Workspace' }).click();
    await expect.poll(() => page.textContent('main')).toContain('it has no Haven account');
    expect(await heading(page)).toBe('Sign in');
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session.stage).toBe('anonymous');
    // The sign-in page's list is public and holds nothing secret.
    const listed = await new CookieJar().get(`${h.base}/api/auth/oidc/providers`);
    expect(await listed.text()).not.toContain(idp.clientId);
  });
});
