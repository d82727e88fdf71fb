import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsForAccount,
  getSession,
  listSessionsForAccount,
  touchSession,
  updateSession,
} from '../../src/repositories/sessions.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makeAccount } from '../helpers/fixtures.ts';

const sessionId = () => createHash('sha256').update(randomBytes(32)).digest('hex');

forEachDatabase('sessions repository', (t) => {
  it('creates a session keyed by the token hash and reads it back', async () => {
    const account = await makeAccount(t.db);
    const id = sessionId();
    const session = await createSession(t.db, {
      id,
      accountId: account.id,
      csrfToken: 'csrf',
      stage: 'password',
      createdAt: '2026-11-23T10:00:00.000Z',
      expiresAt: '2026-11-23T22:00:00.000Z',
      ip: '192.0.2.1',
      userAgent: 'Firefox',
    });
    expect(session).toEqual({
      id,
      accountId: account.id,
      csrfToken: 'csrf',
      stage: 'password',
      createdAt: '2026-11-23T10:00:00.000Z',
      lastSeenAt: '2026-11-23T10:00:00.000Z',
      expiresAt: '2026-11-23T22:00:00.000Z',
      ip: '192.0.2.1',
      userAgent: 'Firefox',
      mfaByProvider: false,
    });
    expect(await getSession(t.db, id)).toEqual(session);
    expect(await getSession(t.db, sessionId())).toBeUndefined();
  });

  it('refuses a raw token as the id', async () => {
    const account = await makeAccount(t.db);
    await expect(
      createSession(t.db, {
        id: randomBytes(32).toString('base64url'),
        accountId: account.id,
        csrfToken: 'c',
        stage: 'password',
        expiresAt: '2026-11-23T22:00:00.000Z',
      }),
    ).rejects.toThrow(/SHA-256/);
  });

  it('touches, moves to signed-in, and deletes', async () => {
    const account = await makeAccount(t.db);
    const id = sessionId();
    await createSession(t.db, {
      id,
      accountId: account.id,
      csrfToken: 'c1',
      stage: 'password',
      expiresAt: 'z',
    });

    expect(await touchSession(t.db, id, { lastSeenAt: '2026-11-23T10:05:00.000Z' })).toBe(true);
    expect(
      await touchSession(t.db, id, {
        lastSeenAt: '2026-11-23T10:06:00.000Z',
        expiresAt: '2026-11-23T23:00:00.000Z',
      }),
    ).toBe(true);
    expect(await touchSession(t.db, sessionId(), { lastSeenAt: '2026-11-23T10:06:00.000Z' })).toBe(false);

    const signedIn = await updateSession(t.db, id, { stage: 'signed-in', csrfToken: 'c2' });
    expect(signedIn).toMatchObject({
      stage: 'signed-in',
      csrfToken: 'c2',
      lastSeenAt: '2026-11-23T10:06:00.000Z',
      expiresAt: '2026-11-23T23:00:00.000Z',
    });
    expect(await updateSession(t.db, id, {})).toEqual(signedIn);

    expect(await deleteSession(t.db, id)).toBe(true);
    expect(await deleteSession(t.db, id)).toBe(false);
    expect(await getSession(t.db, id)).toBeUndefined();
  });

  it('signs an account out everywhere, or everywhere but here', async () => {
    const account = await makeAccount(t.db);
    const other = await makeAccount(t.db);
    const ids = [sessionId(), sessionId(), sessionId()];
    for (const id of ids) {
      await createSession(t.db, {
        id,
        accountId: account.id,
        csrfToken: 'c',
        stage: 'signed-in',
        expiresAt: 'z',
      });
    }
    const otherId = sessionId();
    await createSession(t.db, {
      id: otherId,
      accountId: other.id,
      csrfToken: 'c',
      stage: 'signed-in',
      expiresAt: 'z',
    });

    expect(await listSessionsForAccount(t.db, account.id)).toHaveLength(3);
    expect(await deleteSessionsForAccount(t.db, account.id, { except: ids[0] })).toBe(2);
    expect((await listSessionsForAccount(t.db, account.id)).map((session) => session.id)).toEqual([ids[0]]);
    expect(await deleteSessionsForAccount(t.db, account.id)).toBe(1);
    expect(await getSession(t.db, otherId)).toBeDefined();
  });

  it('deletes expired sessions only', async () => {
    const account = await makeAccount(t.db);
    const expired = sessionId();
    const boundary = sessionId();
    const live = sessionId();
    const base = { accountId: account.id, csrfToken: 'c', stage: 'signed-in' as const };
    await createSession(t.db, { ...base, id: expired, expiresAt: '2026-11-23T09:59:59.999Z' });
    await createSession(t.db, { ...base, id: boundary, expiresAt: '2026-11-23T10:00:00.000Z' });
    await createSession(t.db, { ...base, id: live, expiresAt: '2026-11-23T10:00:00.001Z' });
    expect(await deleteExpiredSessions(t.db, '2026-11-23T10:00:00.000Z')).toBeGreaterThanOrEqual(2);
    expect(await getSession(t.db, expired)).toBeUndefined();
    expect(await getSession(t.db, boundary)).toBeUndefined();
    expect(await getSession(t.db, live)).toBeDefined();
  });

  it('go when their account is deleted', async () => {
    const account = await makeAccount(t.db);
    const id = sessionId();
    await createSession(t.db, {
      id,
      accountId: account.id,
      csrfToken: 'c',
      stage: 'signed-in',
      expiresAt: 'z',
    });
    await t.db.deleteFrom('accounts').where('id', '=', account.id).execute();
    expect(await getSession(t.db, id)).toBeUndefined();
  });
});
