import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { filter, monitor } from '@haven/core';
import { sqliteHandle } from '../db/database.ts';
import type { Db } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { errors } from '../http/errors.ts';
import { getAccountByEmail } from '../repositories/accounts.ts';
import { type SignInSpan, signInHistory } from '../repositories/filter-address-users.ts';
import { insertFilterDecisions, type NewFilterDecision } from '../repositories/filter-decisions.ts';
import { getPerson } from '../repositories/people.ts';
import { getSchoolById } from '../repositories/schools.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { filterContext } from './filter-common.ts';
import { filterSnapshot, recordIllegalHits } from './filter-service.ts';
import { scanEvents } from './monitor-service.ts';

/**
 * Imports a log of a filter the school already has (Squid, e2guardian, unbound, dnsmasq, BIND,
 * FortiGate) into the decision log, through the same classification and monitoring as live
 * events. Streaming: the file is read twice (its SHA-256 first, then its lines) in constant
 * memory, and written in chunks, each with the import's progress in the same transaction, so an
 * interrupted import resumes after the last chunk it wrote and the same file twice adds nothing.
 * A bad line is counted and reported with its number.
 *
 * Who made each request: the log's own user where it names one; else the mapping file; else who
 * was signed in at that address at that time (the sign-in history); else the address's network
 * group, unnamed.
 */

const CHUNK = 5_000;
/** Problems reported line by line; beyond this they are only counted. */
const MAX_REPORTED = 100;

export interface LogImportResult {
  lines: number;
  imported: number;
  problems: number;
  /** Well-formed lines that are not requests (a DNS server's replies, say). */
  skipped: number;
  duplicate: boolean;
  /** The import carried on from an interrupted one, after this many lines. */
  resumedAfter: number;
  reported: { line: number; reason: string }[];
}

export interface LogImportOptions {
  /** The site's slug, where the school has several. */
  site?: string | null;
  mapping?: monitor.AddressMap | null;
  /** For logs whose times carry no year (syslog): the year of the file's first line. */
  year?: number;
  /** Stops after this many chunks, as if interrupted (tests of resuming). */
  stopAfterChunks?: number;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function spanAt(spans: readonly SignInSpan[] | undefined, at: number): SignInSpan | null {
  if (!spans) return null;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (s.since <= at && at < s.until) return s;
  }
  return null;
}

/** A mapped user's filter group, from the directory (cached per import). */
function groupsOfUsers(haven: Haven, settings: filter.FilterSettings) {
  const cache = new Map<string, string | null>();
  return async (user: string): Promise<string | null> => {
    if (cache.has(user)) return cache.get(user)!;
    const account = await getAccountByEmail(haven.db, user);
    const person = account?.personId ? await getPerson(haven.db, account.personId) : undefined;
    const group = account
      ? filter.groupForMember(settings, {
          kind: person?.kind ?? null,
          yearGroup: person?.yearGroup ?? null,
          grants: account.grants,
        })
      : null;
    cache.set(user, group);
    return group;
  };
}

async function siteIdOf(db: Db, schoolId: string, slug: string | null | undefined): Promise<string | null> {
  if (!slug) return null;
  const site = await db
    .selectFrom('sites')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!site) throw errors.validation([{ path: 'site', reason: `the school has no site "${slug}"` }]);
  return site.id;
}

export async function importLog(
  haven: Haven,
  schoolId: string,
  format: monitor.LogFormat,
  path: string,
  options: LogImportOptions = {},
): Promise<LogImportResult> {
  const school = await getSchoolById(haven.db, schoolId);
  if (!school) throw errors.notFound('That school');
  const siteId = await siteIdOf(haven.db, schoolId, options.site);
  const sha256 = await sha256Of(path);
  const seen = await haven.db
    .selectFrom('log_imports')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (seen?.finished_at)
    return {
      lines: seen.lines,
      imported: 0,
      problems: seen.problems,
      skipped: 0,
      duplicate: true,
      resumedAfter: 0,
      reported: [],
    };
  const resumeAfter = seen?.done_lines ?? 0;
  if (!seen)
    await haven.db
      .insertInto('log_imports')
      .values({
        school_id: schoolId,
        sha256,
        format,
        at: haven.now().toISOString(),
        lines: 0,
        imported: 0,
        problems: 0,
        done_lines: 0,
        finished_at: null,
        site_id: siteId,
      })
      .onConflict((oc) => oc.columns(['school_id', 'sha256']).doNothing())
      .execute();

  const parse = monitor.createLogParser(format, {
    year: options.year ?? new Date(haven.now()).getUTCFullYear(),
    timeZone: school.timeZone,
  });
  // Imports are of the past: today's sign-ins must not name last week's requests, so the
  // filter's current associations are left out and the history stands in.
  const snapshot = await filterSnapshot(haven, schoolId);
  const prepared = new filter.PreparedFilter({ ...snapshot, addressUsers: [] });
  const { settings } = await filterContext(haven, schoolId, { require: false });
  const history = await signInHistory(haven.db, schoolId);
  const groupOfUser = groupsOfUsers(haven, settings);
  const lists = haven.lists.current();
  const sqlite = sqliteHandle(haven.db);
  // The decision log's indexes outgrow SQLite's default 2 MB page cache within a few thousand
  // rows; a bigger cache for the import's connection saves re-reading their pages at each commit.
  const cacheSize = sqlite?.pragma('cache_size', { simple: true });
  sqlite?.pragma('cache_size = -65536');
  try {
    return await importLines();
  } finally {
    // The connection is the server's only one: give it back with the cache it had.
    if (cacheSize !== undefined) sqlite?.pragma(`cache_size = ${Number(cacheSize)}`);
  }

  async function importLines(): Promise<LogImportResult> {
    const reported: LogImportResult['reported'] = [];
    let lines = 0;
    let imported = seen?.imported ?? 0;
    let problems = seen?.problems ?? 0;
    let skipped = 0;
    let chunks = 0;
    let chunk: NewFilterDecision[] = [];
    let hits: Parameters<typeof recordIllegalHits>[3][number][] = [];
    const problem = (reason: string) => {
      problems++;
      if (reported.length < MAX_REPORTED) reported.push({ line: lines, reason });
    };

    const flush = async (finished: boolean) => {
      const batch = chunk;
      const illegal = hits;
      chunk = [];
      hits = [];
      await inTransaction(haven.db, async (trx) => {
        if (batch.length > 0) await insertFilterDecisions(trx, batch, sqlite);
        // An illegal-list entry in an imported log is a hit like a live one: recorded without the
        // address, the DSL alerted, an incident opened.
        if (illegal.length > 0)
          await recordIllegalHits(haven, trx, schoolId, illegal, {
            actor: { ...SYSTEM_ACTOR, label: 'log import', schoolId },
            actorRef: 'import',
            actorName: 'Log import',
          });
        await scanEvents(
          haven,
          trx,
          schoolId,
          batch.map((d) => ({
            at: d.at,
            group: d.group,
            user: d.username,
            client: d.client,
            url: d.url,
            source: d.source,
          })),
        );
        imported += batch.length + illegal.length;
        await trx
          .updateTable('log_imports')
          .set({
            lines,
            imported,
            problems,
            done_lines: lines,
            finished_at: finished ? haven.now().toISOString() : null,
          })
          .where('school_id', '=', schoolId)
          .where('sha256', '=', sha256)
          .execute();
      });
    };

    const take = async (e: monitor.LogEntry) => {
      const at = Date.parse(e.at);
      const client = e.client.toLowerCase();
      const mapped = options.mapping?.entries.get(client);
      const signedIn = e.user || mapped ? null : spanAt(history.get(client), at);
      const user = e.user ?? mapped?.user ?? signedIn?.user ?? null;
      const group =
        mapped?.group ??
        signedIn?.group ??
        (user ? await groupOfUser(user) : null) ??
        prepared.identify(client, at).group;
      let urlPath: string | null = null;
      const whole = e.url !== null && e.method !== 'CONNECT';
      if (whole) {
        try {
          const u = new URL(e.url!);
          urlPath = `${u.pathname}${u.search}`;
        } catch {
          urlPath = null;
        }
      }
      const d = filter.decide(prepared, lists, { group, user, at, host: e.host, path: urlPath });
      if (d.alert === 'illegal-list') {
        hits.push({ at: e.at, gatewayId: null, group, username: user, client, source: e.source });
      } else {
        chunk.push({
          schoolId,
          at: e.at,
          site: siteId,
          gatewayId: null,
          group,
          username: user,
          client,
          host: e.host,
          url: whole ? e.url!.slice(0, 4096) : null,
          category: d.category,
          // What the school's filter did, not what Haven would have done.
          action: e.blocked ? 'block' : 'allow',
          kind: d.kind,
          rule: d.rule ? `${d.rule.governing.source}/${d.rule.governing.id}` : null,
          source: e.source,
          batchId: `import:${sha256.slice(0, 16)}`,
        });
      }
    };

    const rl = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const raw of rl) {
      lines++;
      if (lines <= resumeAfter) continue;
      if (raw.trim() === '' || raw.startsWith('#')) continue;
      if (raw.includes('\u0000')) {
        problem('binary data (NUL bytes)');
        continue;
      }
      const r = parse(raw);
      if (r.ok === 'skip') {
        skipped++;
        continue;
      }
      if (!r.ok) {
        problem(r.reason);
        continue;
      }
      await take(r.entry);
      if (chunk.length + hits.length >= CHUNK) {
        // A DNS reader holds the last few events back for a line that may say they were refused;
        // they go into this chunk, so the progress written with it is a clean place to resume
        // (a refusal line just after the boundary then counts as an event of its own).
        for (const held of parse.end()) await take(held);
        await flush(false);
        if (++chunks === options.stopAfterChunks) {
          rl.close();
          return {
            lines,
            imported,
            problems,
            skipped,
            duplicate: false,
            resumedAfter: resumeAfter,
            reported,
          };
        }
      }
    }
    for (const e of parse.end()) await take(e);
    await flush(true);
    return { lines, imported, problems, skipped, duplicate: false, resumedAfter: resumeAfter, reported };
  }
}
