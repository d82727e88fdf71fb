import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { filter, monitor } from '@haven/core';
import { inTransaction } from '../db/transaction.ts';
import type { Haven } from '../haven.ts';
import { insertFilterDecisions, type NewFilterDecision } from '../repositories/filter-decisions.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { filterSnapshot, recordIllegalHits } from './filter-service.ts';
import { scanEvents } from './monitor-service.ts';

/**
 * Imports a log of a filter the school already has (Squid's native or combined format) into the
 * decision log, through the same classification and monitoring as live events. Streaming: the
 * file is read twice (its SHA-256 first, then its lines) in constant memory, and written in
 * chunks. The same file twice adds nothing; a bad line is counted and reported with its number.
 */

const CHUNK = 5_000;
/** Problems reported line by line; beyond this they are only counted. */
const MAX_REPORTED = 100;

export interface LogImportResult {
  lines: number;
  imported: number;
  problems: number;
  duplicate: boolean;
  reported: { line: number; reason: string }[];
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function importLog(
  haven: Haven,
  schoolId: string,
  format: monitor.LogFormat,
  path: string,
): Promise<LogImportResult> {
  const sha256 = await sha256Of(path);
  const seen = await haven.db
    .selectFrom('log_imports')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (seen) return { lines: seen.lines, imported: 0, problems: seen.problems, duplicate: true, reported: [] };

  const parse = monitor.LOG_FORMATS[format];
  const prepared = new filter.PreparedFilter(await filterSnapshot(haven, schoolId));
  const lists = haven.lists.current();
  const reported: LogImportResult['reported'] = [];
  let lines = 0;
  let imported = 0;
  let problems = 0;
  let chunk: NewFilterDecision[] = [];
  let hits: Parameters<typeof recordIllegalHits>[3][number][] = [];

  const flush = async () => {
    if (chunk.length === 0 && hits.length === 0) return;
    const batch = chunk;
    const illegal = hits;
    chunk = [];
    hits = [];
    await inTransaction(haven.db, async (trx) => {
      await insertFilterDecisions(trx, batch);
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
    });
    imported += batch.length + illegal.length;
  };

  const input: Readable = createReadStream(path);
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of rl) {
    lines++;
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    if (raw.includes('\u0000')) {
      problems++;
      if (reported.length < MAX_REPORTED) reported.push({ line: lines, reason: 'binary data (NUL bytes)' });
      continue;
    }
    const r = parse(raw);
    if (!r.ok) {
      problems++;
      if (reported.length < MAX_REPORTED) reported.push({ line: lines, reason: r.reason });
      continue;
    }
    const e = r.entry;
    const at = Date.parse(e.at);
    const who = prepared.identify(e.client, at);
    const whole = e.method !== 'CONNECT';
    let path: string | null = null;
    if (whole) {
      try {
        const u = new URL(e.url);
        path = `${u.pathname}${u.search}`;
      } catch {
        path = null;
      }
    }
    const d = filter.decide(prepared, lists, {
      group: who.group,
      user: e.user ?? who.user,
      at,
      host: e.host,
      path,
    });
    chunk.push({
      schoolId,
      at: e.at,
      site: null,
      gatewayId: null,
      group: who.group,
      username: e.user ?? who.user,
      client: e.client,
      host: e.host,
      url: whole ? e.url.slice(0, 4096) : null,
      category: d.category,
      // What the school's filter did, not what Haven would have done.
      action: e.blocked ? 'block' : 'allow',
      kind: d.kind,
      rule: d.rule ? `${d.rule.governing.source}/${d.rule.governing.id}` : null,
      source: 'proxy',
      batchId: `import:${sha256.slice(0, 16)}`,
    });
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  await haven.db
    .insertInto('log_imports')
    .values({ school_id: schoolId, sha256, format, at: haven.now().toISOString(), lines, imported, problems })
    .onConflict((oc) => oc.columns(['school_id', 'sha256']).doNothing())
    .execute();
  return { lines, imported, problems, duplicate: false, reported };
}
