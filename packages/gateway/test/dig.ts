/**
 * `dig` (Debian's bind9-dnsutils) as a real DNS client for the gateway's tests. Without dig the
 * cases that use it skip with a message, except under CI, which installs it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const DIG = (process.env.PATH ?? '/usr/bin')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'dig'))
  .find((candidate) => existsSync(candidate));
export const hasDig = DIG !== undefined;
export const DIG_MISSING =
  'dig not found: the dig cases of the DNS filter are skipped (apt-get install bind9-dnsutils).';

if (!hasDig) console.warn(DIG_MISSING);

export interface DigAnswer {
  status: string;
  flags: string[];
  answers: { name: string; ttl: number; type: string; data: string }[];
  output: string;
}

export async function dig(port: number, ...args: string[]): Promise<DigAnswer> {
  const { stdout } = await run(DIG!, ['@127.0.0.1', '-p', String(port), '+tries=1', '+time=2', ...args], {
    timeout: 10_000,
  });
  const status = /status: ([A-Z]+)/.exec(stdout)?.[1] ?? '';
  const flags = (/;; flags: ([a-z ]*);/.exec(stdout)?.[1] ?? '').trim().split(' ').filter(Boolean);
  const answers: DigAnswer['answers'] = [];
  const section = stdout.split(';; ANSWER SECTION:\n')[1]?.split('\n\n')[0] ?? '';
  for (const line of section.split('\n')) {
    const [name, ttl, , type, ...data] = line.trim().split(/\s+/);
    if (name && ttl && type) answers.push({ name, ttl: Number(ttl), type, data: data.join(' ') });
  }
  return { status, flags, answers, output: stdout };
}
