/**
 * Helpers for the HTTP tests: signing demo accounts all the way in (two-factor included), sending
 * requests with a chosen CSRF header, and checking error bodies.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { base32Decode, hotp, TOTP_STEP_SECONDS, totpStep } from '../../src/auth/totp.ts';
import type { DemoCredential, DemoResult } from '../../src/demo/demo-school.ts';
import { TestBrowser, type TestHaven } from './havens.ts';

export type DemoLocal = 'admin' | 'dsl' | 'teacher' | 'governor';
export const DEMO_ACCOUNTS: readonly DemoLocal[] = ['admin', 'dsl', 'teacher', 'governor'];

export function credential(demo: DemoResult, local: DemoLocal): DemoCredential {
  const found = demo.credentials.find((c) => c.email.startsWith(`${local}@`));
  if (!found) throw new Error(`the demo school has no ${local}@ account`);
  return found;
}

/**
 * Signs accounts in to the end: enrols two-factor the first time an account needs it and answers
 * the challenge after that, remembering each account's secret. Haven refuses a TOTP time step it
 * has already accepted, so when the clock has not moved on it is advanced to the next step.
 */
export class SignIns {
  private readonly secrets = new Map<string, { key: Buffer; lastStep: number }>();

  constructor(private readonly t: TestHaven) {}

  /** The enrolled secret of an account this helper enrolled, if any. */
  secret(email: string): Buffer | undefined {
    return this.secrets.get(email)?.key;
  }

  /** A TOTP code for a step Haven has not yet accepted from this account. */
  freshCode(email: string): string {
    const held = this.secrets.get(email);
    if (!held) throw new Error(`${email} has not enrolled two-factor through this helper`);
    let step = totpStep(this.t.clock.now().getTime());
    if (step <= held.lastStep) {
      this.t.clock.advance((held.lastStep - step + 1) * TOTP_STEP_SECONDS * 1000);
      step = totpStep(this.t.clock.now().getTime());
    }
    held.lastStep = step;
    return hotp(held.key, step);
  }

  /** A new browser signed in as the account, past any two-factor step. */
  async browser(cred: { email: string; password: string }): Promise<TestBrowser> {
    const browser = new TestBrowser(this.t.app);
    await this.complete(browser, cred);
    return browser;
  }

  /** Signs the browser in as the account, past any two-factor step; returns the final session view. */
  async complete(browser: TestBrowser, cred: { email: string; password: string }) {
    const first = await browser.signIn(cred.email, cred.password);
    if (first.statusCode !== 200) throw new Error(`sign-in failed for ${cred.email}: ${first.body}`);
    let view = first.json() as SessionView;
    if (view.stage === 'mfa-enrol') {
      const start = await browser.post('/api/session/mfa/enrol/start');
      if (start.statusCode !== 200) throw new Error(`enrolment did not start: ${start.body}`);
      const key = base32Decode((start.json() as { secret: string }).secret);
      const step = totpStep(this.t.clock.now().getTime());
      const confirm = await browser.post('/api/session/mfa/enrol/confirm', { code: hotp(key, step) });
      if (confirm.statusCode !== 200) throw new Error(`enrolment failed: ${confirm.body}`);
      this.secrets.set(cred.email, { key, lastStep: step });
      view = (confirm.json() as { session: SessionView }).session;
    } else if (view.stage === 'mfa-challenge') {
      const res = await browser.post('/api/session/mfa', { code: this.freshCode(cred.email) });
      if (res.statusCode !== 200) throw new Error(`two-factor failed for ${cred.email}: ${res.body}`);
      view = res.json() as SessionView;
    }
    if (view.stage !== 'signed-in') throw new Error(`${cred.email} ended at stage ${view.stage}`);
    return view;
  }
}

export interface SessionView {
  stage: 'anonymous' | 'mfa-enrol' | 'mfa-challenge' | 'signed-in';
  csrfToken: string;
  idleTimeoutSeconds: number;
  account?: { id: string; email: string; displayName: string; schoolId: string | null; grants: string[] };
}

/**
 * Sends one request from the browser (its cookies) with exactly this CSRF header: a value, or
 * none at all. The browser's own token is left as it was.
 */
export async function sendWithCsrf(
  browser: TestBrowser,
  method: 'POST' | 'DELETE' | 'PUT',
  url: string,
  body: unknown,
  csrf: string | null,
): Promise<LightMyRequestResponse> {
  const saved = browser.csrf;
  browser.csrf = '';
  try {
    return await browser.request(method, url, body, csrf === null ? {} : { 'x-csrf-token': csrf });
  } finally {
    browser.csrf = saved;
  }
}

/** Things that must never appear in an error body: stack frames, file paths, driver internals. */
const LEAKS = [
  /\bat [\w$.<>]+ \(/, // a stack frame
  /node_modules/,
  /\/work\//,
  /\.(ts|js|mjs|cjs):\d+/,
  /"stack"/,
  /SQLITE_|sqlite3|postgres|kysely|syntax error at/i,
  /FST_ERR/,
];

/** Asserts a JSON error of this status and id, with a message and nothing internal in the body. */
export function expectError(res: LightMyRequestResponse, status: number, id: string): ErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/json');
  const body = res.json() as ErrorBody;
  expect(body.error.id).toBe(id);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expectNoLeaks(res);
  return body.error;
}

export function expectNoLeaks(res: LightMyRequestResponse): void {
  for (const leak of LEAKS) expect(res.body, `error body leaks ${leak}`).not.toMatch(leak);
}

export interface ErrorBody {
  error: { id: string; message: string; details?: { path: string; reason: string }[] };
}

/** The value of a cookie the response sets ('' when it clears it), or undefined when untouched. */
export function setCookie(res: LightMyRequestResponse, name: string): string | undefined {
  return (res.cookies as { name: string; value: string }[]).find((c) => c.name === name)?.value;
}
