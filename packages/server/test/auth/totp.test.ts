import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUrl, totpStep } from '../../src/auth/totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 test vector at T=%i', (seconds, expected) => {
    expect(hotp(RFC_SEED, totpStep(seconds * 1000), 8)).toBe(expected);
  });

  it('matches RFC 4226 appendix D HOTP values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(RFC_SEED, counter))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648) and decodes the RFC seed', () => {
    expect(base32Encode(RFC_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SEED);
    expect(() => base32Decode('not*base32')).toThrow(/not base32/);
  });

  it('accepts the current code and one step of drift either side, and returns the step', () => {
    const secret = base32Encode(RFC_SEED);
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(secret, hotp(RFC_SEED, step), now)).toBe(step);
    expect(matchTotp(secret, hotp(RFC_SEED, step - 1), now)).toBe(step - 1);
    expect(matchTotp(secret, hotp(RFC_SEED, step + 1), now)).toBe(step + 1);
    expect(matchTotp(secret, hotp(RFC_SEED, step - 2), now)).toBeNull();
    expect(matchTotp(secret, '12345', now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('builds an otpauth URL authenticator apps read', () => {
    const url = new URL(otpauthUrl('ABC', 'dsl@school.example'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe('ABC');
    expect(url.searchParams.get('issuer')).toBe('Haven');
    expect(decodeURIComponent(url.pathname)).toContain('Haven:dsl@school.example');
  });
});
