import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Decision events leave the gateway in batches. Recording one is a push onto an array: nothing
 * on the path of a DNS answer waits for the network or the disk. A batch that cannot be sent is
 * written to the spool folder and sent again later under the same batch id, so the server can
 * drop a repeat (the second contract: idempotent by batch id).
 */
export interface DecisionEvent {
  at: string;
  group: string;
  user: string | null;
  client: string;
  host: string;
  url: string | null;
  category: string | null;
  action: 'allow' | 'block';
  kind: string;
  rule: string | null;
  source: 'dns' | 'proxy' | 'helper' | 'check';
  exceptionId: string | null;
  alert: string | null;
}

export interface EventBatch {
  batchId: string;
  events: DecisionEvent[];
}

export interface EventBatcherOptions {
  send(batch: EventBatch): Promise<void>;
  /** Folder for batches not yet delivered; omitted = keep them in memory only. */
  spoolDir?: string;
  maxBatch?: number;
  flushMs?: number;
  /** Events held in memory before the oldest are written to the spool. */
  maxPending?: number;
  onError?(error: Error, context: string): void;
}

/** The server refused the batch itself (malformed, too large): sending it again cannot help. */
export class RejectedBatchError extends Error {}

export class EventBatcher {
  readonly #o: Required<Pick<EventBatcherOptions, 'maxBatch' | 'flushMs' | 'maxPending'>> &
    EventBatcherOptions;
  #pending: DecisionEvent[] = [];
  #timer: NodeJS.Timeout;
  #sending = false;
  #dropped = 0;
  #sent = 0;

  constructor(options: EventBatcherOptions) {
    this.#o = { maxBatch: 2_000, flushMs: 2_000, maxPending: 50_000, ...options };
    if (options.spoolDir) mkdirSync(options.spoolDir, { recursive: true });
    this.#timer = setInterval(() => void this.flush(), this.#o.flushMs);
    this.#timer.unref();
  }

  push(event: DecisionEvent): void {
    this.#pending.push(event);
    if (this.#pending.length >= this.#o.maxPending) {
      // The server has been away a long time: move the backlog to disk rather than grow memory.
      const batch = { batchId: randomUUID(), events: this.#pending.splice(0, this.#o.maxBatch) };
      if (!this.#spool(batch)) this.#dropped += batch.events.length;
    }
  }

  stats() {
    return {
      pending: this.#pending.length,
      sent: this.#sent,
      dropped: this.#dropped,
      spooled: this.#spooled().length,
    };
  }

  /** Sends what is pending and what the spool holds; never throws. */
  async flush(): Promise<void> {
    if (this.#sending) return;
    this.#sending = true;
    try {
      for (const file of this.#spooled()) {
        const batch = this.#readSpooled(file);
        if (!batch) continue;
        if (!(await this.#trySend(batch))) return;
        rmSync(file, { force: true });
      }
      while (this.#pending.length > 0) {
        const batch = { batchId: randomUUID(), events: this.#pending.splice(0, this.#o.maxBatch) };
        if (!(await this.#trySend(batch))) {
          if (!this.#spool(batch)) this.#pending.unshift(...batch.events);
          return;
        }
      }
    } finally {
      this.#sending = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
    if (this.#pending.length > 0) this.#spool({ batchId: randomUUID(), events: this.#pending.splice(0) });
  }

  async #trySend(batch: EventBatch): Promise<boolean> {
    try {
      await this.#o.send(batch);
      this.#sent += batch.events.length;
      return true;
    } catch (error) {
      this.#o.onError?.(error as Error, 'sending decision events');
      if (error instanceof RejectedBatchError) {
        // Kept on disk for a person to look at, and out of the way of the batches behind it.
        this.#spool(batch, '.rejected');
        this.#dropped += batch.events.length;
        return true;
      }
      return false;
    }
  }

  #spool(batch: EventBatch, suffix = ''): boolean {
    const dir = this.#o.spoolDir;
    if (!dir) return false;
    try {
      const file = path.join(dir, `${Date.now()}-${batch.batchId}.json${suffix}`);
      writeFileSync(`${file}.tmp`, JSON.stringify(batch));
      renameSync(`${file}.tmp`, file);
      return true;
    } catch (error) {
      this.#o.onError?.(error as Error, 'spooling decision events');
      return false;
    }
  }

  #spooled(): string[] {
    const dir = this.#o.spoolDir;
    if (!dir) return [];
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  }

  #readSpooled(file: string): EventBatch | null {
    try {
      const batch = JSON.parse(readFileSync(file, 'utf8')) as EventBatch;
      if (typeof batch.batchId === 'string' && Array.isArray(batch.events)) return batch;
    } catch {
      // fall through: a torn or foreign file is set aside, not retried for ever
    }
    renameSync(file, `${file}.unreadable`);
    this.#o.onError?.(new Error(`set aside an unreadable spooled batch ${path.basename(file)}`), 'spool');
    return null;
  }
}

/** Sends batches to Haven's server with the gateway's token. */
export function httpEventSender(serverUrl: string, token: string, timeoutMs = 15_000) {
  return async (batch: EventBatch): Promise<void> => {
    const res = await fetch(new URL('/api/gateway/events', serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 400 || res.status === 413 || res.status === 422)
      throw new RejectedBatchError(`the server refused a batch of decision events (${res.status})`);
    if (!res.ok) throw new Error(`the server answered ${res.status} for a batch of decision events`);
  };
}
