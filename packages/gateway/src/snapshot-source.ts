import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filter } from '@haven/core';

/**
 * Where a gateway's rules come from. The snapshot is pulled, validated, written to disk and
 * swapped in whole; a failed pull leaves the last good snapshot in force, so a gateway keeps
 * filtering while the server is down, and after a restart it starts from the disk copy.
 */
export interface SnapshotSource {
  /** The rules in force, or null before the first snapshot (the gateway then refuses to start). */
  current(): filter.PreparedFilter | null;
  /** Pull now; resolves true when a new snapshot was applied. */
  refresh(): Promise<boolean>;
  close(): void;
}

export interface SnapshotSourceOptions {
  /** Fetches the snapshot JSON; returns null for "not modified" (an ETag match). */
  fetch(etag: string | null): Promise<unknown | null>;
  /** File for the last good snapshot; omitted = no disk copy. */
  cacheFile?: string;
  intervalMs?: number;
  onError?(error: Error, context: string): void;
  onApplied?(snapshot: filter.FilterSnapshot): void;
}

export function readCachedSnapshot(file: string): filter.FilterSnapshot | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = filter.filterSnapshot.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

export async function startSnapshotSource(options: SnapshotSourceOptions): Promise<SnapshotSource> {
  let prepared: filter.PreparedFilter | null = null;
  let etag: string | null = null;
  let closed = false;

  const apply = (snapshot: filter.FilterSnapshot) => {
    // Built fully before the swap: a query in flight keeps the object it started with.
    prepared = new filter.PreparedFilter(snapshot);
    etag = snapshot.etag;
    options.onApplied?.(snapshot);
  };

  if (options.cacheFile) {
    try {
      const cached = readCachedSnapshot(options.cacheFile);
      if (cached) apply(cached);
    } catch (error) {
      options.onError?.(error as Error, 'reading the cached snapshot');
    }
  }

  const refresh = async (): Promise<boolean> => {
    try {
      const body = await options.fetch(etag);
      if (body === null) return false;
      const parsed = filter.filterSnapshot.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(
          `the server sent a snapshot this gateway cannot use (${first?.path.join('.') || 'snapshot'}: ${first?.message})`,
        );
      }
      if (parsed.data.etag === etag) return false;
      if (options.cacheFile) writeAtomically(options.cacheFile, JSON.stringify(parsed.data));
      apply(parsed.data);
      return true;
    } catch (error) {
      options.onError?.(error as Error, 'pulling the policy snapshot');
      return false;
    }
  };

  await refresh();
  const timer = setInterval(() => {
    if (!closed) void refresh();
  }, options.intervalMs ?? 5_000);
  timer.unref();

  return {
    current: () => prepared,
    refresh,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

/** A snapshot pulled over HTTP from Haven's server with the gateway's token. */
export function httpSnapshotFetcher(serverUrl: string, token: string, timeoutMs = 10_000) {
  return async (etag: string | null): Promise<unknown | null> => {
    const res = await fetch(new URL('/api/gateway/snapshot', serverUrl), {
      headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': `"${etag}"` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 304) return null;
    if (!res.ok) throw new Error(`the server answered ${res.status} for the snapshot`);
    return res.json();
  };
}
