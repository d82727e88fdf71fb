import type { CategoryId } from './categories.ts';
import { type DomainIndexBuilder, HashSet64 } from './domain-index.ts';
import { isIpLiteral, isSpace, normaliseHost, normaliseUrl, quickHostIn } from './host.ts';

/**
 * Parsers for the list formats Haven imports. None of them throws, whatever the input: every line
 * is an entry, a blank line, a comment, a duplicate, a skipped name or a problem with a reason.
 *
 * The text is scanned line by line with `indexOf` (it is never split into an array), `\n` and
 * `\r\n` endings are both accepted, a final line without a newline counts, and a leading byte-order
 * mark is ignored. Duplicates are detected by 64-bit hash (see domain-index.ts for why that is
 * safe), so a 5-million-line list does not hold 5 million strings in a `Set`. For such lists use
 * the `...Into` variants, which put entries straight into a `DomainIndexBuilder`.
 */

export interface ParseProblem {
  /** 1-based line number. */
  line: number;
  /** The line as read (cut at 200 characters). */
  text: string;
  reason: string;
}

export interface ParseCounts {
  /** Lines read (a final line without a newline counts; an empty text has none). */
  lines: number;
  /** Distinct entries accepted. */
  entries: number;
  /** Lines that are empty or white space. */
  blank: number;
  /** Lines holding only a comment. */
  comments: number;
  /** Entries that repeat an earlier one (not added again). */
  duplicates: number;
  /** Entries refused (each has a problem, up to `maxProblems`). */
  rejected: number;
  /** Names deliberately ignored: the loopback and broadcast names of hosts files (`localhost`, ...). */
  skipped: number;
}

export interface ParseResult {
  /** The distinct normalised entries, in file order (empty when `onEntry` was given). */
  entries: string[];
  /** The first `maxProblems` problems; `counts.rejected` has the total. */
  problems: ParseProblem[];
  counts: ParseCounts;
}

export interface ParseOptions {
  /** Called with each distinct entry instead of collecting `entries` (for very large lists). */
  onEntry?: (entry: string) => void;
  /** How many problems to keep (default 1000); the rest are only counted. */
  maxProblems?: number;
  /**
   * Whether to drop repeated entries (default true). Detecting them costs a hash-set probe per
   * line; when entries go into a `DomainIndexBuilder` (which merges repeats anyway) a 5-million
   * line list loads about a third faster with `dedupe: false`. Then every accepted line counts as
   * an entry and `counts.duplicates` stays 0.
   */
  dedupe?: boolean;
}

const MAX_PROBLEM_TEXT = 200;

class Collector {
  readonly entries: string[] = [];
  readonly problems: ParseProblem[] = [];
  readonly counts: ParseCounts = {
    lines: 0,
    entries: 0,
    blank: 0,
    comments: 0,
    duplicates: 0,
    rejected: 0,
    skipped: 0,
  };
  private readonly seen: HashSet64 | null;
  private readonly onEntry: ((entry: string) => void) | undefined;
  private readonly maxProblems: number;

  constructor(text: string, options: ParseOptions | undefined) {
    this.seen = options?.dedupe === false ? null : new HashSet64(countLines(text));
    this.onEntry = options?.onEntry;
    this.maxProblems = options?.maxProblems ?? 1000;
  }

  entry(value: string): void {
    if (this.seen !== null && !this.seen.add(value)) {
      this.counts.duplicates++;
      return;
    }
    this.counts.entries++;
    if (this.onEntry) this.onEntry(value);
    else this.entries.push(value);
  }

  problem(line: number, text: string, reason: string): void {
    this.counts.rejected++;
    if (this.problems.length < this.maxProblems) {
      const cut = text.length > MAX_PROBLEM_TEXT ? `${text.slice(0, MAX_PROBLEM_TEXT)}…` : text;
      this.problems.push({ line, text: cut, reason });
    }
  }

  result(): ParseResult {
    return { entries: this.entries, problems: this.problems, counts: this.counts };
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n + 1;
}

/**
 * Calls `fn` with the bounds of each line (without its `\n` or `\r\n`) and its 1-based number; a
 * leading BOM is skipped. Sets `counts.lines`. No line is sliced here: handlers slice what they need.
 */
function forEachLine(
  text: string,
  c: Collector,
  fn: (start: number, end: number, lineNo: number) => void,
): void {
  const n = text.length;
  let pos = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lineNo++;
    fn(pos, end, lineNo);
    pos = nl + 1;
  }
  c.counts.lines = lineNo;
}

/**
 * Finds comments. With `anywhere`, any `#` starts one (domains, hosts files and digests never hold
 * `#`); otherwise only a `#` at the start of the line or after white space does (a URL's own `#`
 * starts its fragment). Remembers the next `#` in the text, so a file without comments is
 * searched once, not once a line.
 */
class CommentFinder {
  private next: number;

  constructor(
    private readonly text: string,
    private readonly anywhere: boolean,
  ) {
    this.next = text.indexOf('#');
  }

  /** Where the content of the line [start, end) ends: at its comment's `#`, or at `end`. */
  contentEnd(start: number, end: number): number {
    const { text } = this;
    for (;;) {
      if (this.next >= 0 && this.next < start) this.next = text.indexOf('#', start);
      if (this.next < 0 || this.next >= end) return end;
      const at = this.next;
      if (this.anywhere || at === start || isSpace(text.charCodeAt(at - 1))) return at;
      this.next = text.indexOf('#', at + 1);
    }
  }
}

/**
 * The trimmed content of the line [start, end) up to its comment, or null after counting the line
 * as blank or comment-only.
 */
function lineContent(
  text: string,
  c: Collector,
  contentEnd: number,
  start: number,
  end: number,
): string | null {
  let a = start;
  while (a < contentEnd && isSpace(text.charCodeAt(a))) a++;
  let b = contentEnd;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const content = a === b ? '' : text.slice(a, b).trim();
  if (content.length > 0) return content;
  if (contentEnd < end) c.counts.comments++;
  else c.counts.blank++;
  return null;
}

const WHITESPACE = /\s/;

/**
 * A list of domains, one a line (`example.com`, `.example.com`, `*.example.com`, `bücher.example`),
 * with `#` comments on their own lines or after an entry. Entries are normalised by
 * `normaliseHost` (IDNs become punycode); IPv4 and IPv6 literals are accepted. For lists of
 * millions of lines, use `parseDomainListInto` (which streams into a `DomainIndexBuilder`).
 */
export function parseDomainList(text: string, options?: ParseOptions): ParseResult {
  const c = new Collector(text, options);
  const comments = new CommentFinder(text, true);
  forEachLine(text, c, (start, end, lineNo) => {
    const contentEnd = comments.contentEnd(start, end);
    const quick = quickHostIn(text, start, contentEnd);
    if (quick !== null) {
      c.entry(quick);
      return;
    }
    const content = lineContent(text, c, contentEnd, start, end);
    if (content === null) return;
    const host = normaliseHost(content);
    if (host.ok) c.entry(host.host);
    else if (WHITESPACE.test(content)) {
      c.problem(lineNo, text.slice(start, end), 'more than one field (expected one domain a line)');
    } else c.problem(lineNo, text.slice(start, end), host.reason);
  });
  return c.result();
}

/** Names in hosts files that are the machine's own, not entries to block. */
const HOSTS_SKIP = /^(?:localhost\d?(?:\.localdomain\d?)?|local|broadcasthost|ip6-[a-z0-9-]*|0\.0\.0\.0)$/;

function isIpField(field: string): boolean {
  // Link-local addresses in hosts files carry a zone (`fe80::1%lo0`).
  const pct = field.indexOf('%');
  const bare = pct >= 0 && field.includes(':') ? field.slice(0, pct) : field;
  const r = normaliseHost(bare);
  return r.ok && isIpLiteral(r.host) && !bare.startsWith('.') && !bare.startsWith('*');
}

/**
 * A hosts file: `0.0.0.0 a.example b.example`, `127.0.0.1 ...`, `:: ...`, `# comments`. Every
 * name after the address is an entry, whatever the address; `localhost`, `localhost.localdomain`,
 * `local`, `broadcasthost`, `ip6-*` and `0.0.0.0` are skipped (and counted as skipped). A line
 * whose first field is not an IP address, or with an address and no names, is a problem.
 */
export function parseHostsFile(text: string, options?: ParseOptions): ParseResult {
  const c = new Collector(text, options);
  const comments = new CommentFinder(text, true);
  forEachLine(text, c, (start, end, lineNo) => {
    const content = lineContent(text, c, comments.contentEnd(start, end), start, end);
    if (content === null) return;
    const line = () => text.slice(start, end);
    const fields = content.split(/\s+/);
    const address = fields[0] as string;
    if (!isIpField(address)) {
      c.problem(
        lineNo,
        line(),
        `the first field (${JSON.stringify(address.slice(0, 60))}) is not an IP address`,
      );
      return;
    }
    if (fields.length === 1) {
      c.problem(lineNo, line(), 'an IP address without host names');
      return;
    }
    for (let i = 1; i < fields.length; i++) {
      const name = fields[i] as string;
      if (HOSTS_SKIP.test(name.toLowerCase())) {
        c.counts.skipped++;
        continue;
      }
      const host = normaliseHost(name);
      if (host.ok) c.entry(host.host);
      else c.problem(lineNo, line(), `${JSON.stringify(name.slice(0, 60))}: ${host.reason}`);
    }
  });
  return c.result();
}

/**
 * A URL list such as UT1's `urls` files: `host/path` (no scheme) or full URLs, one a line, with
 * `#` comments at the start of a line or after white space. Entries are normalised `host/path`
 * keys (`normaliseUrl`, then `normalisedUrlKey`): `Example.COM/a%2fb#x` -> `example.com/a%2Fb`.
 */
export function parseUrlList(text: string, options?: ParseOptions): ParseResult {
  const c = new Collector(text, options);
  const comments = new CommentFinder(text, false);
  forEachLine(text, c, (start, end, lineNo) => {
    const content = lineContent(text, c, comments.contentEnd(start, end), start, end);
    if (content === null) return;
    if (WHITESPACE.test(content)) {
      c.problem(lineNo, text.slice(start, end), 'more than one field (expected one URL a line)');
      return;
    }
    const url = normaliseUrl(content);
    if (url.ok) c.entry(url.host + url.path);
    else c.problem(lineNo, text.slice(start, end), url.reason);
  });
  return c.result();
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * A list of SHA-256 digests (of normalised URL keys or hosts, see host.ts), 64 hex digits a line,
 * in either case; entries are lower-case. `#` comments and blank lines are allowed.
 */
export function parseHashList(text: string, options?: ParseOptions): ParseResult {
  const c = new Collector(text, options);
  const comments = new CommentFinder(text, true);
  forEachLine(text, c, (start, end, lineNo) => {
    const content = lineContent(text, c, comments.contentEnd(start, end), start, end);
    if (content === null) return;
    if (SHA256_HEX.test(content)) c.entry(content.toLowerCase());
    else c.problem(lineNo, text.slice(start, end), 'not a SHA-256 digest (64 hexadecimal digits)');
  });
  return c.result();
}

/** Options for the `...Into` parsers: as `ParseOptions`, less `onEntry`; `dedupe` is false unless set. */
export type ParseIntoOptions = Omit<ParseOptions, 'onEntry'>;

/**
 * Parses a domain list straight into a `DomainIndexBuilder`, giving every entry `categories`:
 * no entries array is built, and repeats are left to the builder (which merges them) unless
 * `dedupe: true` is passed. This is how to load a list of millions of lines.
 */
export function parseDomainListInto(
  builder: DomainIndexBuilder,
  text: string,
  categories: readonly CategoryId[] | CategoryId,
  options?: ParseIntoOptions,
): ParseResult {
  return parseDomainList(text, {
    dedupe: false,
    ...options,
    onEntry: (host) => builder.addDomain(host, categories),
  });
}

/** As `parseDomainListInto`, for hosts files. */
export function parseHostsFileInto(
  builder: DomainIndexBuilder,
  text: string,
  categories: readonly CategoryId[] | CategoryId,
  options?: ParseIntoOptions,
): ParseResult {
  return parseHostsFile(text, {
    dedupe: false,
    ...options,
    onEntry: (host) => builder.addDomain(host, categories),
  });
}

/** As `parseDomainListInto`, for URL lists (entries go in with `addUrl`). */
export function parseUrlListInto(
  builder: DomainIndexBuilder,
  text: string,
  categories: readonly CategoryId[] | CategoryId,
  options?: ParseIntoOptions,
): ParseResult {
  return parseUrlList(text, {
    dedupe: false,
    ...options,
    onEntry: (key) => builder.addUrl(key, categories),
  });
}
