import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  EventBatcher,
  type Gateway,
  httpEventSender,
  httpReviewSender,
  httpSignIn,
  httpSnapshotFetcher,
  startGateway,
  startSnapshotSource,
} from '@haven/gateway';
import {
  authenticateGateway,
  CLI_ACTOR,
  deleteDecisionsBefore,
  expireDue,
  getSchoolBySlug,
  type Haven,
  listSchools,
  registerGateway,
  sendBreachReminders,
} from '@haven/server';
import { CliError, EXIT, err } from './output.ts';

/**
 * `haven start` runs a gateway in the same process when asked (--dns-listen, --proxy-listen).
 * It is an ordinary gateway: it pulls its snapshot from the server over HTTP with its own token
 * and sends its decisions back the same way, so one process and many gateways behave alike.
 */
export interface BuiltInGatewayOptions {
  school?: string;
  dns?: { host: string; port: number };
  proxy?: { host: string; port: number };
  /** Require proxy sign-in, checked against the school's accounts. */
  proxySignIn?: boolean;
  upstreams: { host: string; port: number }[];
  blockAddress: string;
  blockListen: { host: string; port: number };
}

async function tokenFor(haven: Haven, schoolId: string, dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'gateway', `${schoolId}.token`);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    try {
      await authenticateGateway(haven, `Bearer ${saved}`);
      return saved;
    } catch {
      // revoked or from another database: register afresh
    }
  }
  const actor = { ...CLI_ACTOR, label: 'haven start', schoolId, grants: ['school-admin'] };
  const { token } = await registerGateway(haven, actor, schoolId, { name: 'Built-in gateway' });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export async function startBuiltInGateway(
  haven: Haven,
  serverUrl: string,
  o: BuiltInGatewayOptions,
): Promise<Gateway> {
  const schools = await listSchools(haven.db);
  const school = o.school
    ? await getSchoolBySlug(haven.db, o.school)
    : schools.length === 1
      ? schools[0]
      : undefined;
  if (!school)
    throw new CliError(
      o.school
        ? `no school "${o.school}" for the gateway`
        : `the gateway needs --gateway-school (schools: ${schools.map((s) => s.slug).join(', ') || 'none yet'})`,
      EXIT.usage,
    );
  const dataDir = haven.config.dataDir;
  const token = await tokenFor(haven, school.id, dataDir);
  const onError = (e: Error, context: string) => err(`haven gateway: ${context}: ${e.message}`);
  const snapshots = await startSnapshotSource({
    fetch: httpSnapshotFetcher(serverUrl, token),
    cacheFile: path.join(dataDir, 'gateway', `${school.slug}.snapshot.json`),
    onError,
  });
  const events = new EventBatcher({
    send: httpEventSender(serverUrl, token),
    spoolDir: path.join(dataDir, 'gateway', 'spool'),
    onError,
  });
  const base = {
    snapshots,
    lists: haven.lists,
    events,
    ...(o.dns ? { dns: { listen: o.dns, upstreams: o.upstreams, blockAddress4: o.blockAddress } } : {}),
    ...(o.proxy
      ? { proxy: { listen: o.proxy, ...(o.proxySignIn ? { signIn: httpSignIn(serverUrl, token) } : {}) } }
      : {}),
    onReviewRequest: httpReviewSender(serverUrl, token),
    onError,
  };
  try {
    return await startGateway({
      ...base,
      blockPage: { listen: o.blockListen, publicUrl: `http://${o.blockAddress}:${o.blockListen.port}/` },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL') throw error;
    err(
      `haven gateway: the block page cannot listen on ${o.blockListen.host}:${o.blockListen.port} (${code})`,
    );
    return startGateway(base);
  }
}

/**
 * Housekeeping while Haven runs: exceptions expire on time (and are logged), breach reminders go
 * out as the 72-hour clock runs, and decision logs older than the retention period are deleted.
 */
export function startHousekeeping(haven: Haven, retentionDays: number): () => void {
  const expire = setInterval(() => {
    expireDue(haven).catch((e: Error) => err(`haven: expiring exceptions: ${e.message}`));
    sendBreachReminders(haven).catch((e: Error) => err(`haven: breach reminders: ${e.message}`));
  }, 30_000);
  const retain = async () => {
    const before = new Date(haven.now().getTime() - retentionDays * 86_400_000);
    for (const s of await listSchools(haven.db)) await deleteDecisionsBefore(haven, s.id, before);
  };
  const retention = setInterval(() => {
    retain().catch((e: Error) => err(`haven: decision-log retention: ${e.message}`));
  }, 6 * 3_600_000);
  expire.unref();
  retention.unref();
  void expireDue(haven).catch(() => {});
  return () => {
    clearInterval(expire);
    clearInterval(retention);
  };
}
