import { expect, it } from 'vitest';
import { isForeignKeyViolation, isUniqueViolation } from '../../src/db/errors.ts';
import {
  claimTotpStep,
  createAccount,
  getAccountByEmail,
  getAccountById,
  listAccountsBySchool,
  recordFailedSignIn,
  updateAccount,
  useRecoveryCode,
} from '../../src/repositories/accounts.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makeAccount, makePerson, makeSchool, unique } from '../helpers/fixtures.ts';

forEachDatabase('accounts repository', (t) => {
  it('creates an account with a lower-case email and finds it case-insensitively', async () => {
    const school = await makeSchool(t.db);
    const person = await makePerson(t.db, school.id, 'staff');
    const email = `D.Patel-${unique()}@Oakfield.Example`;
    const account = await createAccount(t.db, {
      schoolId: school.id,
      personId: person.id,
      email: ` ${email} `,
      displayName: 'Dev Patel',
      passwordHash: 'hash',
      grants: ['school-admin', 'dsl'],
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(account).toEqual({
      id: account.id,
      schoolId: school.id,
      personId: person.id,
      email: email.toLowerCase(),
      displayName: 'Dev Patel',
      passwordHash: 'hash',
      grants: ['school-admin', 'dsl'],
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      recoveryCodes: [],
      failedAttempts: 0,
      lastFailedAt: null,
      lockedUntil: null,
      createdAt: '2026-11-23T10:00:00.000Z',
      disabledAt: null,
      passwordChangedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await getAccountById(t.db, account.id)).toEqual(account);
    expect(await getAccountByEmail(t.db, email.toUpperCase())).toEqual(account);
    expect(await getAccountByEmail(t.db, 'nobody@example.org')).toBeUndefined();
  });

  it('refuses a second account with the same email in any case', async () => {
    const account = await makeAccount(t.db);
    const clash = await makeAccount(t.db).then((other) =>
      updateAccount(t.db, other.id, { email: account.email.toUpperCase() }).catch((error: unknown) => error),
    );
    expect(isUniqueViolation(clash)).toBe(true);
  });

  it('refuses an account for a school that does not exist', async () => {
    expect(
      isForeignKeyViolation(await makeAccount(t.db, 'no-such-school').catch((error: unknown) => error)),
    ).toBe(true);
  });

  it('updates fields, including the JSON ones, and leaves the rest alone', async () => {
    const account = await makeAccount(t.db);
    const updated = await updateAccount(t.db, account.id, {
      grants: ['trust-admin'],
      totpSecret: 'v1.encrypted-seed',
      totpEnabledAt: '2026-11-23T10:05:00.000Z',
      recoveryCodes: ['h1', 'h2'],
      lockedUntil: '2026-11-23T10:20:00.000Z',
      displayName: 'Renamed',
    });
    expect(updated).toEqual({
      ...account,
      grants: ['trust-admin'],
      totpSecret: 'v1.encrypted-seed',
      totpEnabledAt: '2026-11-23T10:05:00.000Z',
      recoveryCodes: ['h1', 'h2'],
      lockedUntil: '2026-11-23T10:20:00.000Z',
      displayName: 'Renamed',
    });
    const cleared = await updateAccount(t.db, account.id, { lockedUntil: null, failedAttempts: 0 });
    expect(cleared?.lockedUntil).toBeNull();
    expect(await updateAccount(t.db, account.id, {})).toEqual(cleared);
    expect(await updateAccount(t.db, 'missing', { displayName: 'x' })).toBeUndefined();
  });

  it('lists accounts by school', async () => {
    const school = await makeSchool(t.db);
    const a = await makeAccount(t.db, school.id);
    const b = await makeAccount(t.db, school.id);
    await makeAccount(t.db);
    const listed = await listAccountsBySchool(t.db, school.id);
    expect(listed.map((account) => account.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('counts failed sign-ins atomically', async () => {
    const account = await makeAccount(t.db);
    const counts = await Promise.all(
      Array.from({ length: 5 }, () => recordFailedSignIn(t.db, account.id, '2026-11-23T10:00:00.000Z')),
    );
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await getAccountById(t.db, account.id))?.lastFailedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(await recordFailedSignIn(t.db, 'missing', '2026-11-23T10:00:00.000Z')).toBeUndefined();
  });

  it('accepts each TOTP step once, and never an earlier one', async () => {
    const account = await makeAccount(t.db);
    expect(await claimTotpStep(t.db, account.id, 100)).toBe(true);
    expect(await claimTotpStep(t.db, account.id, 100)).toBe(false);
    expect(await claimTotpStep(t.db, account.id, 99)).toBe(false);
    const racing = await Promise.all([
      claimTotpStep(t.db, account.id, 101),
      claimTotpStep(t.db, account.id, 101),
    ]);
    expect(racing.sort()).toEqual([false, true]);
    expect((await getAccountById(t.db, account.id))?.totpLastStep).toBe(101);
  });

  it('uses each recovery code once', async () => {
    const account = await makeAccount(t.db);
    await updateAccount(t.db, account.id, { recoveryCodes: ['a', 'b', 'c'] });
    const racing = await Promise.all([
      useRecoveryCode(t.db, account.id, 'b'),
      useRecoveryCode(t.db, account.id, 'b'),
    ]);
    expect(racing.sort()).toEqual([false, true]);
    expect(await useRecoveryCode(t.db, account.id, 'zzz')).toBe(false);
    expect(await useRecoveryCode(t.db, 'missing', 'a')).toBe(false);
    expect((await getAccountById(t.db, account.id))?.recoveryCodes).toEqual(['a', 'c']);
  });
});
