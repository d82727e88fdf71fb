/**
 * `haven sso set` through the real CLI (issue 6 point 5): a network manager sets a school's
 * identity provider from the server, the client secret read from a file and never printed;
 * bad settings are refused field by field, flag by flag, and store nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haven } from './run-haven.ts';

const DATA = mkdtempSync(path.join(tmpdir(), 'haven-sso-cli-'));
afterAll(() => rmSync(DATA, { recursive: true, force: true }));
const SECRET = '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test';
const secretFile = path.join(DATA, 'client-secret.txt');

describe('haven sso set', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const demo = await haven(DATA, ['demo', '--template', 'milford-haven', '--pupils', '2']);
    expect(demo.code, demo.stderr).toBe(0);
    writeFileSync(secretFile, `${SECRET}\n`);
  }, 120_000);

  const base = ['sso', 'set', '--school', 'milford-haven', '--client-id', 'haven.apps.googleusercontent.com'];

  it('refuses bad settings with the flag and the reason, storing nothing', async () => {
    const res = await haven(DATA, [
      ...base,
      '--issuer',
      'http://accounts.google.com',
      '--label',
      'Google Workspace',
      '--domains',
      'milford-haven.example,not a domain',
      '--client-secret-file',
      secretFile,
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--issuer: must be an https:// URL');
    expect(res.stderr).toContain('--domains "not a domain": is not an e-mail domain');
    const missing = await haven(DATA, [
      ...base,
      '--issuer',
      'https://accounts.google.com',
      '--domains',
      'milford-haven.example',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--client-secret-file: is required the first time');
    const noFile = await haven(DATA, [
      ...base,
      '--issuer',
      'https://accounts.google.com',
      '--domains',
      'milford-haven.example',
      '--client-secret-file',
      path.join(DATA, 'absent.txt'),
    ]);
    expect(noFile.code).toBe(4);
    expect(noFile.stderr).toContain('absent.txt');
  });

  it('sets Google Workspace for a school, the secret sealed and never printed', async () => {
    const res = await haven(DATA, [
      ...base,
      '--issuer',
      'https://accounts.google.com',
      '--domains',
      'milford-haven.example',
      '--client-secret-file',
      secretFile,
      '--hosted-domain',
      'milford-haven.example',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('label: Google Workspace');
    expect(res.stdout).toContain('client secret: set (never shown)');
    expect(res.stdout).toContain('Google hosted domain (hd): milford-haven.example');
    expect(`${res.stdout}${res.stderr}`).not.toContain(SECRET);
    // Again without the secret file: the stored secret stays, the label can change.
    const again = await haven(DATA, [
      ...base,
      '--issuer',
      'https://accounts.google.com',
      '--domains',
      'milford-haven.example',
      '--label',
      'Milford Google',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('label: Milford Google');
    const log = await haven(DATA, ['audit', 'verify']);
    expect(log.code, log.stderr).toBe(0);
  });
});
