/**
 * Bad input: whatever is sent, the answer is a JSON error with a stable id and a plain message —
 * never a stack trace, a file path or a database message — and nothing already stored changes.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { buildApp } from '../../src/http/app.ts';
import { listPeople } from '../../src/repositories/people.ts';
import { listPolicyVersions } from '../../src/repositories/policy-versions.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';
import { credential, type ErrorBody, expectError, expectNoLeaks, SignIns } from '../helpers/http.ts';

forEachHaven('bad input over HTTP', (t) => {
  let demo: DemoResult;
  let admin: TestBrowser;
  let people: string;

  const counts = async () => ({
    people: (await listPeople(t.haven.db, demo.school.id)).total,
    versions: (await listPolicyVersions(t.haven.db, demo.school.id)).length,
  });

  /** A raw request from the signed-in admin, with their cookies and CSRF token. */
  const raw = (
    method: 'POST' | 'GET',
    url: string,
    payload: string | undefined,
    headers: Record<string, string>,
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': admin.csrf,
        ...headers,
      },
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
    admin = await new SignIns(t).browser(credential(demo, 'admin'));
    people = `/api/schools/${demo.school.id}/people`;
  });

  describe('unreadable bodies', () => {
    it('answers malformed JSON with 400 bad-request, and stores nothing', async () => {
      const before = await counts();
      for (const payload of ['{"kind": "staff", ', '{kind: staff}', "{'a': 1}", '[1, 2', 'nul', '{"a":1}}']) {
        const res = await raw('POST', people, payload, { 'content-type': 'application/json' });
        const error = expectError(res, 400, 'bad-request');
        expect(Object.keys(error).sort()).toEqual(['id', 'message']);
      }
      expect(await counts()).toEqual(before);
    });

    it('answers malformed JSON the same way before sign-in', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'content-type': 'application/json', cookie: 'haven_csrf=t0k', 'x-csrf-token': 't0k' },
        payload: '{"email": "admin@milford-haven.example", "password": ',
      });
      expectError(res, 400, 'bad-request');
    });

    it('answers an empty JSON body with 400 and says it is empty', async () => {
      const before = await counts();
      const res = await raw('POST', people, '', { 'content-type': 'application/json' });
      const error = expectError(res, 400, 'bad-request');
      expect(error.message).toMatch(/empty/i);
      expect(await counts()).toEqual(before);
    });

    it('refuses a __proto__ key (prototype poisoning) without polluting anything', async () => {
      const before = await counts();
      const res = await raw(
        'POST',
        people,
        '{"kind":"staff","givenName":"Proto","familyName":"Type","__proto__":{"polluted":true}}',
        { 'content-type': 'application/json' },
      );
      expectError(res, 400, 'bad-request');
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      expect(await counts()).toEqual(before);
    });

    it(`answers a body over the limit (1 MiB) with 413 body-too-large, and stores nothing`, async () => {
      expect(t.haven.config.bodyLimitBytes).toBe(1024 * 1024);
      const before = await counts();
      const payload = JSON.stringify({
        kind: 'staff',
        givenName: 'Big',
        familyName: 'x'.repeat(t.haven.config.bodyLimitBytes),
      });
      const res = await raw('POST', people, payload, { 'content-type': 'application/json' });
      expectError(res, 413, 'body-too-large');
      // The policy route takes the largest bodies; the limit applies there too.
      const policyRes = await raw(
        'POST',
        `/api/schools/${demo.school.id}/policy/versions`,
        JSON.stringify({ document: { padding: 'y'.repeat(t.haven.config.bodyLimitBytes + 1) } }),
        { 'content-type': 'application/json' },
      );
      expectError(policyRes, 413, 'body-too-large');
      expect(await counts()).toEqual(before);
    });

    it('reads a body just under the limit (then judges it on its merits)', async () => {
      const payload = JSON.stringify({
        kind: 'staff',
        givenName: 'Big',
        familyName: 'x'.repeat(t.haven.config.bodyLimitBytes - 200),
      });
      expect(Buffer.byteLength(payload)).toBeLessThan(t.haven.config.bodyLimitBytes);
      const res = await raw('POST', people, payload, { 'content-type': 'application/json' });
      const error = expectError(res, 400, 'validation');
      expect(error.details?.map((d) => d.path)).toEqual(['body.familyName']);
    });
  });

  describe('wrong content type', () => {
    it('answers a form post with 415 unsupported-media-type, and stores nothing', async () => {
      const before = await counts();
      const res = await raw('POST', people, 'kind=staff&givenName=Form&familyName=Post', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expectError(res, 415, 'unsupported-media-type');
      const multipart = await raw('POST', people, '--x\r\n\r\n--x--', {
        'content-type': 'multipart/form-data; boundary=x',
      });
      expectError(multipart, 415, 'unsupported-media-type');
      expect(await counts()).toEqual(before);
    });

    // Regression guard (was a bug, fixed): the central error handler gives every non-JSON 4xx the message "The request could not
    // be read: it is not valid JSON.", so a 415 tells the client its JSON was bad when it sent no
    // JSON at all (http/app.ts, setErrorHandler). The message should say the content type is wrong.
    it('says what is wrong with a 415: the content type, not the JSON', async () => {
      const res = await raw('POST', people, 'kind=staff', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      const error = expectError(res, 415, 'unsupported-media-type');
      expect(error.message).not.toMatch(/JSON/);
      expect(error.message).toMatch(/content type|JSON is accepted|format/i);
    });

    it('refuses a text/plain body as not an object (400 validation), and stores nothing', async () => {
      const before = await counts();
      const res = await raw('POST', people, '{"kind":"staff","givenName":"Plain","familyName":"Text"}', {
        'content-type': 'text/plain',
      });
      const error = expectError(res, 400, 'validation');
      expect(error.details).toEqual([{ path: 'body', reason: expect.any(String) }]);
      expect(await counts()).toEqual(before);
    });

    it('accepts JSON with a charset parameter (control)', async () => {
      const res = await raw('POST', people, '{"kind":"staff","givenName":"Char","familyName":"Set"}', {
        'content-type': 'application/json; charset=utf-8',
      });
      expect(res.statusCode).toBe(201);
    });
  });

  describe('schema violations', () => {
    it('lists every problem in the body as 400 validation details [{path, reason}], and stores nothing', async () => {
      const before = await counts();
      const res = await admin.post(people, {
        kind: 'alien',
        givenName: '   ',
        familyName: 42,
        email: 'not-an-email',
        yearGroup: 'x'.repeat(41),
      });
      const error = expectError(res, 400, 'validation');
      const paths = error.details!.map((d) => d.path).sort();
      expect(paths).toEqual([
        'body.email',
        'body.familyName',
        'body.givenName',
        'body.kind',
        'body.yearGroup',
      ]);
      for (const detail of error.details!) {
        expect(Object.keys(detail).sort()).toEqual(['path', 'reason']);
        expect(detail.reason.length).toBeGreaterThan(0);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a body that is not an object, and one with missing fields', async () => {
      for (const body of [[], 'a string', 7, null]) {
        const res = await t.app.inject({
          method: 'POST',
          url: people,
          headers: {
            cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-csrf-token': admin.csrf,
            'content-type': 'application/json',
          },
          payload: JSON.stringify(body),
        });
        expectError(res, 400, 'validation');
      }
      const missing = expectError(await admin.post(people, {}), 400, 'validation');
      expect(missing.details!.map((d) => d.path).sort()).toEqual([
        'body.familyName',
        'body.givenName',
        'body.kind',
      ]);
    });

    it('refuses wrong types in the other bodies', async () => {
      const cases: [string, unknown, string][] = [
        [
          `/api/schools/${demo.school.id}/role-assignments`,
          { personId: 5, policyRoleId: 'dsl' },
          'body.personId',
        ],
        [
          `/api/schools/${demo.school.id}/role-assignments`,
          { personId: 'p', policyRoleId: 'dsl', deputy: 'yes' },
          'body.deputy',
        ],
        [
          `/api/schools/${demo.school.id}/policy/versions/v/approval`,
          { approvedOn: '23/11/2026', approvedBy: 'Governors' },
          'body.approvedOn',
        ],
        [
          `/api/schools/${demo.school.id}/policy/versions/v/approval`,
          { approvedOn: '2026-02-30', approvedBy: 'Governors' },
          'body.approvedOn',
        ],
        ['/api/account/password', { currentPassword: '', newPassword: 'x' }, 'body.currentPassword'],
        ['/api/session/mfa', { code: 123456 }, 'body.code'],
      ];
      for (const [url, body, path] of cases) {
        const error = expectError(await admin.post(url, body), 400, 'validation');
        expect(
          error.details!.map((d) => d.path),
          url,
        ).toContain(path);
      }
    });

    it('checks rules the schema cannot: a pupil needs a year group', async () => {
      const before = await counts();
      const error = expectError(
        await admin.post(people, { kind: 'pupil', givenName: 'No', familyName: 'Year' }),
        400,
        'validation',
      );
      expect(error.details).toEqual([{ path: 'yearGroup', reason: 'is required for a pupil' }]);
      expect(await counts()).toEqual(before);
    });

    it('validates the query string and path parameters too', async () => {
      for (const [query, field] of [
        ['limit=0', 'querystring.limit'],
        ['limit=501', 'querystring.limit'],
        ['limit=ten', 'querystring.limit'],
        ['offset=-1', 'querystring.offset'],
        ['offset=1.5', 'querystring.offset'],
        ['kind=alien', 'querystring.kind'],
        [`q=${'q'.repeat(101)}`, 'querystring.q'],
      ] as const) {
        const error = expectError(await admin.get(`${people}?${query}`), 400, 'validation');
        expect(error.details!.map((d) => d.path)).toEqual([field]);
      }
      const longId = 'x'.repeat(65);
      const error = expectError(await admin.get(`/api/schools/${longId}/overview`), 400, 'validation');
      expect(error.details!.map((d) => d.path)).toEqual(['params.schoolId']);
    });

    it('treats search text literally (LIKE wildcards and quotes are not special)', async () => {
      const everyone = (await admin.get(`${people}?limit=500`)).json().total as number;
      expect(everyone).toBeGreaterThan(10);
      for (const q of ['%', '_', "' or '1'='1", '\\']) {
        const res = await admin.get(`${people}?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q).toBe(200);
        expect(res.json().total, q).toBe(0);
      }
    });
  });

  describe('unknown routes', () => {
    it('answers an unknown API route with a 404 JSON error, for any method', async () => {
      for (const [method, url] of [
        ['GET', '/api/nope'],
        ['GET', '/api/schools'],
        ['GET', `/api/schools/${demo.school.id}/secrets`],
        ['POST', '/api/nope'],
        ['DELETE', `/api/schools/${demo.school.id}/people`],
        ['PUT', '/api/session'],
      ] as const) {
        const res = await admin.request(
          method,
          url,
          method === 'GET' || method === 'DELETE' ? undefined : {},
        );
        expectError(res, 404, 'not-found');
      }
    });

    it('answers a missing school with 403, not a hint that it does not exist', async () => {
      expectError(await admin.get('/api/schools/no-such-school/overview'), 403, 'forbidden');
    });
  });

  describe('internal errors', () => {
    it('hides the error behind a 500: a fixed message, no stack, no path, no driver text', async () => {
      const app = await buildApp(t.haven, { webDir: path.join(t.haven.config.dataDir, 'no-web') });
      app.get('/api/test-only/boom', async () => {
        throw new Error(`relation "secret_table" does not exist at ${import.meta.filename}:1`);
      });
      await app.ready();
      try {
        const res = await app.inject({ method: 'GET', url: '/api/test-only/boom' });
        const error = expectError(res, 500, 'internal');
        expect(res.body).not.toContain('secret_table');
        expect(res.body).not.toContain(import.meta.filename);
        expect(Object.keys(error).sort()).toEqual(['id', 'message']);
      } finally {
        await app.close();
      }
    });

    // Regression guard (was a bug on PostgreSQL, fixed): a NUL character (\u0000) in any text field reaches the database, which
    // refuses it ("invalid byte sequence for encoding UTF8: 0x00"), so the request ends in a 500
    // instead of a 400; SQLite stores the NUL as-is (201), so the two databases disagree. Text
    // fields should refuse control characters at the schema (http/routes/*.ts) on both.
    it('refuses a NUL character in a name with 400 validation on both databases', async () => {
      const before = await counts();
      const res = await admin.post(people, { kind: 'staff', givenName: 'Nul\u0000l', familyName: 'Byte' });
      const error = expectError(res, 400, 'validation');
      expect(error.details!.map((d) => d.path)).toContain('body.givenName');
      expect(await counts()).toEqual(before);
    });

    // Regression guard (was a bug on PostgreSQL, fixed): signing in with a NUL character in the email answers 500 internal,
    // not 401 auth.invalid (or 400): the lookup sends the NUL to PostgreSQL, which refuses it.
    it('answers a sign-in with a NUL character in the email as a client error, not a 500', async () => {
      const browser = new TestBrowser(t.app);
      await browser.get('/api/session');
      const res = await browser.post('/api/session', {
        email: 'admin\u0000@milford-haven.example',
        password: 'x',
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectNoLeaks(res);
      expect((res.json() as ErrorBody).error.id).toMatch(/^(validation|auth\.invalid)$/);
    });
  });

  it('keeps an intact audit chain', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(5);
  });
});
