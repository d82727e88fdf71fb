import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * argon2id with OWASP's minimum configuration (19 MiB, 2 passes, 1 lane). Hashes carry their
 * parameters, so raising these later re-hashes on the next sign-in.
 */
// `algorithm: 2` is Argon2id; the package's enum is a const enum that verbatimModuleSyntax cannot import.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that nobody has');
  return decoy;
}

let strength: ZxcvbnFactory | undefined;
function strengthChecker(): ZxcvbnFactory {
  strength ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return strength;
}

/**
 * Reasons a new password is refused, empty when it is acceptable: at least 12 characters, and
 * not a common password or a close variant of one (zxcvbn's ranked lists), nor built from the
 * person's own name or email.
 */
export function passwordProblems(password: string, personal: string[] = []): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`must be at least ${MIN_PASSWORD_LENGTH} characters`];
  if (password.length > MAX_PASSWORD_LENGTH) return [`must be at most ${MAX_PASSWORD_LENGTH} characters`];
  const inputs = personal.flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/)).filter((p) => p.length >= 3);
  // zxcvbn scores a name plus digits as fair; for school accounts, a password that contains the
  // person's own name or email is refused outright.
  const folded = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  const own = inputs.filter((part) => part.length >= 4 && folded.includes(part));
  if (own.length > 0) return ['must not contain your own name or email address'];
  const result = strengthChecker().check(password, inputs);
  if (result.score >= 3) return [];
  const warning = result.feedback.warning;
  return [
    `is too easy to guess${warning ? `: ${warning.replace(/\.$/, '').toLowerCase()}` : ''}; a few unrelated words together work well`,
  ];
}

const GENERATED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A password Haven makes for someone (a new account, a reset, the demo): four groups of four
 * unambiguous characters, about 79 bits, easy to read out over the phone.
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
