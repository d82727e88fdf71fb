/**
 * The url_rewrite helper loop: reads Squid's requests, answers each one, in order.
 *
 * Built for throughput (Squid sends every request through it): each input chunk is split on '\n' by
 * hand, keeping the unfinished last line for the next chunk; the answers for a whole chunk go out in
 * one write; input pauses while the output is full. Squid never sends a blank line, so blank lines
 * get no answer (an answer would fall out of step with Squid's requests). A line that cannot be
 * read, or that is longer than maxLineBytes, is answered BH; the helper never stops answering.
 */
import type { Readable, Writable } from 'node:stream';
import {
  type BlockStyle,
  EMPTY_LINE,
  formatHelperReply,
  type HelperRequest,
  parseHelperLine,
} from './codec.ts';

export type SquidDecision = { kind: 'pass' } | { kind: 'block'; redirectUrl: string };

export interface SquidHelperOptions {
  input: Readable;
  output: Writable;
  /** Synchronous, and called for every request: keep it to a lookup. */
  decide(request: HelperRequest): SquidDecision;
  /** After each decision; a throw here is ignored. */
  onDecision?(request: HelperRequest, decision: SquidDecision): void;
  /** Something went wrong that the answer alone does not show (decide threw). */
  onError?(error: Error, context: string): void;
  /** How blocks are answered; default 'rewrite' (`OK rewrite-url="..."`, as squidGuard does). */
  blockStyle?: BlockStyle;
  /**
   * Longest line accepted (default 64 KiB; counted in bytes while a line is still arriving, in
   * characters once whole); a longer one is answered BH and never held in memory.
   */
  maxLineBytes?: number;
}

export interface SquidHelperStats {
  /** Requests answered (blank lines are not counted). */
  lines: number;
  passed: number;
  blocked: number;
  /** Lines answered BH. */
  errors: number;
}

const NEWLINE = 10;

export function runSquidHelper(options: SquidHelperOptions): Promise<SquidHelperStats> {
  const { input, output } = options;
  const style = options.blockStyle ?? 'rewrite';
  const maxLineBytes = options.maxLineBytes ?? 64 * 1024;
  const stats: SquidHelperStats = { lines: 0, passed: 0, blocked: 0, errors: 0 };

  /** Bytes of a line whose end has not arrived yet. */
  let rest: Buffer | null = null;
  /** The start of an over-long line being skipped (kept to find its channel-ID), or null. */
  let skipping: string | null = null;

  function report(error: unknown, context: string): void {
    try {
      options.onError?.(error instanceof Error ? error : new Error(String(error)), context);
    } catch {
      // reporting must never stop the helper
    }
  }

  function answer(line: string): string {
    const parsed = parseHelperLine(line);
    if (!parsed.ok) {
      if (parsed.reason === EMPTY_LINE) return '';
      stats.lines++;
      stats.errors++;
      return formatHelperReply(parsed.channel, { kind: 'error', message: parsed.reason });
    }
    stats.lines++;
    let decision: SquidDecision;
    try {
      decision = options.decide(parsed);
    } catch (error) {
      report(error, 'squid helper decide');
      stats.errors++;
      return formatHelperReply(parsed.channel, { kind: 'error', message: 'the decision failed' });
    }
    if (options.onDecision !== undefined) {
      try {
        options.onDecision(parsed, decision);
      } catch {
        // the answer must not wait for, or fail with, the observer
      }
    }
    if (decision.kind === 'pass') {
      stats.passed++;
      return parsed.channel === null ? 'ERR\n' : `${parsed.channel} ERR\n`;
    }
    stats.blocked++;
    return formatHelperReply(parsed.channel, decision, style);
  }

  /** The answer for an over-long line: BH, with the channel-ID if its start had one. */
  function answerSkipped(prefix: string): string {
    stats.lines++;
    stats.errors++;
    const space = prefix.search(/[ \t]/);
    const first = space === -1 ? '' : prefix.slice(0, space);
    const channel = first !== '' && /^\d+$/.test(first) ? first : null;
    return formatHelperReply(channel, { kind: 'error', message: 'line too long' });
  }

  /** Answers every complete line in text, which ends with '\n'. */
  function answerLines(text: string): string {
    let out = '';
    let start = 0;
    const length = text.length;
    while (start < length) {
      const nl = text.indexOf('\n', start);
      const stop = nl === -1 ? length : nl;
      const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
      if (end - start > maxLineBytes) out += answerSkipped(text.slice(start, start + 64));
      else if (end > start) out += answer(text.slice(start, end));
      start = stop + 1;
    }
    return out;
  }

  /** Handles the bytes up to and including the first newline of a chunk, when a line was pending. */
  function finishPending(chunk: Buffer, nl: number): string {
    if (skipping !== null) {
      const prefix = skipping;
      skipping = null;
      return answerSkipped(prefix);
    }
    const pending = rest;
    rest = null;
    if (pending === null) return '';
    if (pending.length + nl > maxLineBytes) return answerSkipped(pending.toString('utf8', 0, 64));
    const line = Buffer.concat([pending, chunk.subarray(0, nl + 1)]).toString('utf8');
    return answerLines(line);
  }

  function keepRest(tail: Buffer): void {
    if (tail.length === 0) return;
    if (skipping !== null) return;
    const size = (rest?.length ?? 0) + tail.length;
    if (size > maxLineBytes) {
      const start = rest ?? tail;
      skipping = start.toString('utf8', 0, 64);
      rest = null;
      return;
    }
    // Copied: a small slice must not keep a whole input chunk alive.
    rest = rest === null ? Buffer.from(tail) : Buffer.concat([rest, tail]);
  }

  function handle(chunk: Buffer): string {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      keepRest(chunk);
      return '';
    }
    let out = '';
    let from = 0;
    if (rest !== null || skipping !== null) {
      const first = chunk.indexOf(NEWLINE);
      out = finishPending(chunk, first);
      from = first + 1;
    }
    if (from <= last) out += answerLines(chunk.toString('utf8', from, last + 1));
    keepRest(chunk.subarray(last + 1));
    return out;
  }

  return new Promise<SquidHelperStats>((resolve, reject) => {
    let finished = false;
    let ended = false;

    const finish = (error?: Error): void => {
      if (finished) return;
      finished = true;
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('close', onEnd);
      input.off('error', onFail);
      output.off('error', onFail);
      output.off('drain', onDrain);
      if (error) reject(error);
      else resolve(stats);
    };

    const onDrain = (): void => {
      input.resume();
    };

    const send = (out: string): void => {
      if (out === '') return;
      if (!output.write(out)) {
        input.pause();
        output.once('drain', onDrain);
      }
    };

    const onData = (chunk: Buffer | string): void => {
      try {
        send(handle(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
      } catch (error) {
        // Not expected (every line is answered, whatever it holds), but the helper must keep going.
        report(error, 'squid helper');
      }
    };

    const onEnd = (): void => {
      if (finished || ended) return;
      ended = true;
      let out = '';
      if (skipping !== null) {
        out = answerSkipped(skipping);
        skipping = null;
      } else if (rest !== null) {
        out = answerLines(rest.toString('utf8'));
        rest = null;
      }
      if (out !== '') {
        output.write(out, () => finish());
      } else if (output.writableNeedDrain) {
        output.once('drain', () => finish());
      } else {
        finish();
      }
    };

    const onFail = (error: Error): void => {
      finish(error);
    };

    input.on('data', onData);
    input.once('end', onEnd);
    input.once('close', onEnd);
    input.once('error', onFail);
    output.once('error', onFail);
  });
}
