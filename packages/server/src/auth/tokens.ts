import { createHash, randomBytes, randomInt } from 'node:crypto';

/** An unguessable token for a cookie or form (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the SHA-256 of their token, so a database leak does not leak live sessions. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-use recovery codes like `k7mq-x2pd-9fna`, unambiguous letters only. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let chars = '';
    for (let i = 0; i < 12; i++) chars += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function recoveryCodeHash(code: string): string {
  return createHash('sha256')
    .update(`haven-recovery:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}
