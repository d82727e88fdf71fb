import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from '../../src/auth/passwords.ts';
import { SecretBox } from '../../src/auth/secret-box.ts';
import { newRecoveryCodes, normaliseRecoveryCode, recoveryCodeHash, tokenId } from '../../src/auth/tokens.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const stored = await hashPassword('tangerine walrus orbit');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'tangerine walrus orbit')).toBe(true);
    expect(await verifyPassword(stored, 'tangerine walrus orbiT')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordProblems('Short1!')).toEqual(['must be at least 12 characters']);
  });

  it.each(['password1234', 'qwertyuiop123', '123456789012', 'Password1234', 'iloveyou1234'])(
    'refuses the common password %s',
    (pw) => {
      expect(passwordProblems(pw)[0]).toMatch(/too easy to guess/);
    },
  );

  it('refuses a password built from the person’s own name and email', () => {
    expect(
      passwordProblems('janettereynolds', ['Janette Reynolds', 'j.reynolds@milford.example']),
    ).not.toEqual([]);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblems('tangerine walrus orbit')).toEqual([]);
  });
});

describe('secret box', () => {
  const box = new SecretBox('11'.repeat(32));
  it('seals and opens, with a fresh IV each time', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(a);
    expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
  });
  it('refuses a tampered value and a wrong key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('SECRET').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('22'.repeat(32)).open(sealed)).toThrow();
    expect(() => new SecretBox('abcd')).toThrow(/32 bytes/);
  });
});

describe('tokens and recovery codes', () => {
  it('makes ten distinct readable recovery codes whose hashes ignore case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const first = codes[0]!;
    expect(recoveryCodeHash(first.toUpperCase().replace(/-/g, ' '))).toBe(recoveryCodeHash(first));
    expect(normaliseRecoveryCode(' AB-cd ')).toBe('abcd');
  });
  it('stores sessions by a SHA-256 of the token', () => {
    expect(tokenId('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
