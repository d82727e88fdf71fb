import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { filter } from '@haven/core';

/**
 * The category lists in the data directory, and the compiled index built from them.
 *
 *     <data>/lists/manifest.json           what was imported, from where, when, with what counts
 *     <data>/lists/sources/<id>/<category>.domains|.urls   normalised entries, one a line
 *     <data>/lists/illegal/<id>.list        licensed illegal-content lists (d/u/h lines)
 *     <data>/lists/index.bin               the compiled index (DomainIndex.toBytes)
 *
 * An import parses everything first and writes nothing until it has; it then replaces its own
 * source folder and rebuilds the index, each by writing a new file and renaming it over the old.
 * A bad file loses nothing already stored.
 */

export const LIST_FORMATS = ['ut1', 'hosts', 'domains', 'illegal'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ListProblem {
  file: string;
  line: number;
  text: string;
  reason: string;
}

export interface SourceRecord {
  id: string;
  format: ListFormat;
  from: string;
  importedAt: string;
  entries: number;
  byCategory: Record<string, number>;
  problems: number;
  /** UT1 categories not imported, with the reason (allow-lists, categories Haven does not filter). */
  skipped?: { category: string; reason: string }[];
}

export interface Manifest {
  version: 1;
  sources: Record<string, SourceRecord>;
  illegal: Record<string, SourceRecord>;
  builtAt: string | null;
}

export interface ImportResult {
  source: SourceRecord;
  problems: ListProblem[];
  counts: filter.ParseCounts;
}

export class ListImportError extends Error {}

function listsDir(dataDir: string): string {
  return path.join(dataDir, 'lists');
}

export function readManifest(dataDir: string): Manifest {
  const file = path.join(listsDir(dataDir), 'manifest.json');
  if (!existsSync(file)) return { version: 1, sources: {}, illegal: {}, builtAt: null };
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ListImportError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

const emptyCounts = (): filter.ParseCounts => ({
  lines: 0,
  entries: 0,
  blank: 0,
  comments: 0,
  duplicates: 0,
  rejected: 0,
  skipped: 0,
});

function addCounts(into: ImportResult['counts'], c: ImportResult['counts']): void {
  for (const k of Object.keys(into) as (keyof ImportResult['counts'])[]) into[k] += c[k];
}

export function sourceIdFor(format: ListFormat, file: string): string {
  if (format === 'ut1') return 'ut1';
  const base = path
    .basename(file)
    .replace(/\.[a-z0-9]+$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${format}-${base || 'list'}`;
}

interface Parsed {
  /** category → domains / url keys */
  domains: Map<filter.CategoryId, string[]>;
  urls: Map<filter.CategoryId, string[]>;
  hashes: string[];
  problems: ListProblem[];
  counts: ImportResult['counts'];
  skipped: { category: string; reason: string }[];
}

function ut1Root(p: string): string {
  const inner = path.join(p, 'blacklists');
  return existsSync(inner) && statSync(inner).isDirectory() ? inner : p;
}

function parseUt1(dir: string, only: filter.CategoryId | null): Parsed {
  const root = ut1Root(dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new ListImportError(`${dir} is not a UT1 folder (expected <category>/domains files)`);
  const out: Parsed = {
    domains: new Map(),
    urls: new Map(),
    hashes: [],
    problems: [],
    counts: emptyCounts(),
    skipped: [],
  };
  const seen = new Set<string>();
  let categoriesFound = 0;
  for (const name of readdirSync(root).sort()) {
    const full = path.join(root, name);
    if (!statSync(full).isDirectory()) continue;
    categoriesFound++;
    const mapping = filter.UT1_CATEGORY_MAP[name];
    if (!mapping) {
      out.skipped.push({ category: name, reason: 'not a UT1 category Haven knows' });
      continue;
    }
    if (mapping.haven === null) {
      out.skipped.push({ category: name, reason: mapping.note });
      continue;
    }
    if (only && mapping.haven !== only) continue;
    // UT1 ships some categories twice (porn -> adult): read each real folder once.
    const real = realpathSync(full);
    if (seen.has(real)) continue;
    seen.add(real);
    for (const kind of ['domains', 'urls'] as const) {
      const file = path.join(full, kind);
      if (!existsSync(file)) continue;
      const parsed =
        kind === 'domains' ? filter.parseDomainList(readText(file)) : filter.parseUrlList(readText(file));
      addCounts(out.counts, parsed.counts);
      for (const p of parsed.problems) out.problems.push({ file: path.relative(root, file), ...p });
      const target = kind === 'domains' ? out.domains : out.urls;
      const list = target.get(mapping.haven) ?? [];
      for (const e of parsed.entries) list.push(e);
      target.set(mapping.haven, list);
    }
  }
  if (categoriesFound === 0)
    throw new ListImportError(`${dir} has no category folders: is it a UT1 download?`);
  return out;
}

function parseFlat(
  format: 'hosts' | 'domains' | 'illegal',
  file: string,
  category: filter.CategoryId | null,
): Parsed {
  const text = readText(file);
  const out: Parsed = {
    domains: new Map(),
    urls: new Map(),
    hashes: [],
    problems: [],
    counts: emptyCounts(),
    skipped: [],
  };
  const name = path.basename(file);
  if (format === 'illegal') {
    // A licensed list holds SHA-256 digests, or plain URLs and domains; one kind a file.
    const firstEntry =
      text
        .split('\n')
        .find((l) => l.trim() && !l.trim().startsWith('#'))
        ?.trim() ?? '';
    const parsed = /^[0-9a-f]{64}$/i.test(firstEntry)
      ? filter.parseHashList(text)
      : filter.parseUrlList(text);
    addCounts(out.counts, parsed.counts);
    for (const p of parsed.problems) out.problems.push({ file: name, ...p });
    if (/^[0-9a-f]{64}$/i.test(firstEntry)) out.hashes.push(...parsed.entries);
    else {
      for (const key of parsed.entries) {
        const slash = key.indexOf('/');
        const bare = slash < 0 || slash === key.length - 1;
        const bucket = bare ? out.domains : out.urls;
        const list = bucket.get('child-abuse') ?? [];
        list.push(bare ? key.replace(/\/$/, '') : key);
        bucket.set('child-abuse', list);
      }
    }
    return out;
  }
  if (!category) throw new ListImportError(`--category is required for the ${format} format`);
  const parsed = format === 'hosts' ? filter.parseHostsFile(text) : filter.parseDomainList(text);
  addCounts(out.counts, parsed.counts);
  for (const p of parsed.problems) out.problems.push({ file: name, ...p });
  out.domains.set(category, parsed.entries);
  return out;
}

export interface ImportOptions {
  dataDir: string;
  format: ListFormat;
  from: string;
  /** Haven category: required for hosts and domains lists; for UT1, imports just that category. */
  category?: string;
  sourceId?: string;
  now?: Date;
}

export function importList(o: ImportOptions): ImportResult {
  const category = o.category ?? null;
  if (category !== null && !filter.isCategoryId(category))
    throw new ListImportError(
      `--category "${category}" is not a Haven category (${filter.CATEGORY_IDS.join(', ')})`,
    );
  if (o.format !== 'illegal' && category !== null && filter.ILLEGAL_CATEGORIES.includes(category))
    throw new ListImportError(
      `illegal-content lists are imported with --format illegal, so that nothing can unblock them`,
    );
  if (!existsSync(o.from)) throw new ListImportError(`${o.from} does not exist`);
  const parsed = o.format === 'ut1' ? parseUt1(o.from, category) : parseFlat(o.format, o.from, category);
  const id = o.sourceId ?? sourceIdFor(o.format, o.from);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
    throw new ListImportError(`source id "${id}" must be lower-case letters, digits and hyphens`);

  const byCategory: Record<string, number> = {};
  let entries = parsed.hashes.length;
  for (const map of [parsed.domains, parsed.urls]) {
    for (const [c, list] of map) {
      byCategory[c] = (byCategory[c] ?? 0) + list.length;
      entries += list.length;
    }
  }
  if (entries === 0)
    throw new ListImportError(
      `${o.from} holds no usable entries (${parsed.problems.length} problem lines); nothing was changed`,
    );

  const root = listsDir(o.dataDir);
  const record: SourceRecord = {
    id,
    format: o.format,
    from: path.resolve(o.from),
    importedAt: (o.now ?? new Date()).toISOString(),
    entries,
    byCategory,
    problems: parsed.problems.length,
    ...(parsed.skipped.length ? { skipped: parsed.skipped } : {}),
  };
  const manifest = readManifest(o.dataDir);

  if (o.format === 'illegal') {
    const lines: string[] = [];
    for (const d of parsed.domains.get('child-abuse') ?? []) lines.push(`d ${d}`);
    for (const u of parsed.urls.get('child-abuse') ?? []) lines.push(`u ${u}`);
    for (const h of parsed.hashes) lines.push(`h ${h.toLowerCase()}`);
    writeAtomically(path.join(root, 'illegal', `${id}.list`), `${lines.join('\n')}\n`);
    manifest.illegal[id] = record;
  } else {
    const staging = path.join(root, 'sources', `.${id}.${process.pid}.tmp`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const [c, list] of parsed.domains)
      writeFileSync(path.join(staging, `${c}.domains`), `${list.join('\n')}\n`);
    for (const [c, list] of parsed.urls)
      writeFileSync(path.join(staging, `${c}.urls`), `${list.join('\n')}\n`);
    const final = path.join(root, 'sources', id);
    const old = `${final}.${process.pid}.old`;
    if (existsSync(final)) renameSync(final, old);
    renameSync(staging, final);
    rmSync(old, { recursive: true, force: true });
    manifest.sources[id] = record;
  }
  buildIndex(o.dataDir, manifest, o.now ?? new Date());
  return { source: record, problems: parsed.problems, counts: parsed.counts };
}

/**
 * Removes an imported category source and rebuilds the index. Illegal-content lists are refused:
 * a newer file replaces one (import it under the same source id), but nothing removes it.
 */
export function removeList(dataDir: string, id: string, now = new Date()): boolean {
  const manifest = readManifest(dataDir);
  const root = listsDir(dataDir);
  if (manifest.illegal[id])
    throw new ListImportError(
      `"${id}" is an illegal-content list: it can be replaced by importing a newer file under the same id, never removed`,
    );
  if (!manifest.sources[id]) return false;
  rmSync(path.join(root, 'sources', id), { recursive: true, force: true });
  delete manifest.sources[id];
  buildIndex(dataDir, manifest, now);
  return true;
}

function splitLines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

/** Compiles every imported source into index.bin and records the build in the manifest. */
export function buildIndex(
  dataDir: string,
  manifest = readManifest(dataDir),
  now = new Date(),
): filter.DomainIndex {
  const root = listsDir(dataDir);
  const builder = new filter.DomainIndexBuilder();
  for (const id of Object.keys(manifest.sources)) {
    const dir = path.join(root, 'sources', id);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      const m = /^([a-z-]+)\.(domains|urls)$/.exec(file);
      if (!m || !filter.isCategoryId(m[1]!)) continue;
      const category = m[1] as filter.CategoryId;
      // Straight into the builder: a multi-million-line list never becomes an array of strings.
      const text = readFileSync(path.join(dir, file), 'utf8');
      if (m[2] === 'domains') filter.parseDomainListInto(builder, text, category, { dedupe: false });
      else filter.parseUrlListInto(builder, text, category, { dedupe: false });
    }
  }
  const index = builder.build();
  writeAtomically(path.join(root, 'index.bin'), index.toBytes());
  manifest.builtAt = now.toISOString();
  writeAtomically(path.join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return index;
}

function loadIllegal(dataDir: string): filter.IllegalListIndex {
  const dir = path.join(listsDir(dataDir), 'illegal');
  const domains: string[] = [];
  const urls: string[] = [];
  const sha256: string[] = [];
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.list')) continue;
      for (const line of splitLines(readFileSync(path.join(dir, file), 'utf8'))) {
        const value = line.slice(2);
        if (line.startsWith('d ')) domains.push(value);
        else if (line.startsWith('u ')) urls.push(value);
        else if (line.startsWith('h ')) sha256.push(value);
      }
    }
  }
  return new filter.IllegalListIndex({ domains, urls, sha256 });
}

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** A lookup over an index and the illegal lists, in the shape decide() asks for. */
export function listLookup(index: filter.DomainIndex, illegal: filter.IllegalListIndex): filter.ListLookup {
  return {
    categorise(host, p) {
      const byHost = index.lookupHost(host);
      const byUrl = p ? index.lookupUrl(host, p) : null;
      if (!byUrl) return byHost;
      if (!byHost) return byUrl;
      const categories = [...new Set([...byUrl.categories, ...byHost.categories])];
      return { categories, matched: byUrl.matched };
    },
    illegal: (host, p) => illegal.match(host, p, sha256Hex) !== null,
  };
}

/**
 * The lists as a running process sees them: loaded at start, reloaded when another process
 * (`haven lists import` beside a running gateway) rebuilds them, and swapped in whole.
 */
export class ListStore {
  #lookup: filter.ListLookup;
  #stamp: string;
  #timer: NodeJS.Timeout | null = null;
  readonly dataDir: string;

  private constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.#stamp = this.#currentStamp();
    this.#lookup = this.#load();
  }

  static open(dataDir: string, options: { watchMs?: number; onError?: (e: Error) => void } = {}): ListStore {
    const store = new ListStore(dataDir);
    if (options.watchMs) {
      store.#timer = setInterval(() => {
        try {
          store.reloadIfChanged();
        } catch (error) {
          options.onError?.(error as Error);
        }
      }, options.watchMs);
      store.#timer.unref();
    }
    return store;
  }

  current(): filter.ListLookup {
    return this.#lookup;
  }

  /** Reloads when the manifest has changed; true when it did. */
  reloadIfChanged(): boolean {
    const stamp = this.#currentStamp();
    if (stamp === this.#stamp) return false;
    const next = this.#load();
    this.#lookup = next;
    this.#stamp = stamp;
    return true;
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
  }

  #currentStamp(): string {
    const file = path.join(listsDir(this.dataDir), 'manifest.json');
    try {
      const s = statSync(file);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return 'none';
    }
  }

  #load(): filter.ListLookup {
    const file = path.join(listsDir(this.dataDir), 'index.bin');
    const index = existsSync(file)
      ? filter.DomainIndex.fromBytes(readFileSync(file))
      : new filter.DomainIndexBuilder().build();
    return listLookup(index, loadIllegal(this.dataDir));
  }
}

/** A few listed domains per category, for the filter test (the first entries of each source). */
export function sampleHosts(dataDir: string, perCategory = 3): Partial<Record<filter.CategoryId, string[]>> {
  const manifest = readManifest(dataDir);
  const out: Partial<Record<filter.CategoryId, string[]>> = {};
  for (const id of Object.keys(manifest.sources)) {
    const dir = path.join(listsDir(dataDir), 'sources', id);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      const m = /^([a-z-]+)\.domains$/.exec(file);
      if (!m || !filter.isCategoryId(m[1]!)) continue;
      const category = m[1] as filter.CategoryId;
      const list = out[category] ?? [];
      out[category] = list;
      for (const d of splitLines(readFileSync(path.join(dir, file), 'utf8'))) {
        if (list.length >= perCategory) break;
        if (!list.includes(d)) list.push(d);
      }
    }
  }
  return out;
}
