/**
 * Runs the real `haven` command (bin/haven.js through tsx) as a child process, with HAVEN_DATA_DIR
 * set to the given directory and DATABASE_URL and other HAVEN_* settings removed, and fails the
 * test if it prints a stack trace.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const BIN = fileURLToPath(new URL('../bin/haven.js', import.meta.url));

export function envFor(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (k !== 'DATABASE_URL' && !k.startsWith('HAVEN_')) env[k] = v;
  env.HAVEN_DATA_DIR = dataDir;
  return env;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function haven(dataDir: string, args: string[], input?: string, cwd = tmpdir()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: envFor(dataDir) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      expect(`${stdout}${stderr}`, `haven ${args.join(' ')} printed a stack trace`).not.toContain('    at ');
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}
