/**
 * The `haven` command's contract, proved by running the real CLI (bin/haven.js through tsx) as a
 * child process: exit codes, JSON shapes, one line per problem, and never a stack trace.
 *
 * Every run gets HAVEN_DATA_DIR in a temporary directory, and DATABASE_URL and other HAVEN_*
 * settings removed, so nothing touches ./data or a database the developer has configured.
 * A CLI run costs about a second (tsx start-up), so independent groups run concurrently.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyPassword } from '@haven/server';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const BIN = fileURLToPath(new URL('../bin/haven.js', import.meta.url));
const MIGRATIONS_DIR = fileURLToPath(new URL('../../server/src/db/migrations/', import.meta.url));
const ROOT = mkdtempSync(path.join(tmpdir(), 'haven-cli-test-'));
/** Where a command would put its database if a test forgot --data-dir. */
const DEFAULT_DATA_DIR = path.join(ROOT, 'default-data');
const UNREACHABLE = 'postgres://nobody@127.0.0.1:1/x';

afterAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
});

const ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'DATABASE_URL' || key.startsWith('HAVEN_')) continue;
    env[key] = value;
  }
  env.HAVEN_DATA_DIR = DEFAULT_DATA_DIR;
  return env;
})();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Each run is CPU-bound for about a second, so only a few run at once: more only slows every one
 * of them. Steps of a sequential flow jump the queue, so the flow is not left running alone at the end.
 */
const MAX_RUNNING = Math.max(2, availableParallelism());
let running = 0;
const waiting: { urgent: boolean; start: () => void }[] = [];

async function slot<T>(urgent: boolean, work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    await new Promise<void>((start) => {
      if (urgent) waiting.splice(waiting.filter((w) => w.urgent).length, 0, { urgent, start });
      else waiting.push({ urgent, start });
    });
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.start();
  }
}

interface RunOptions {
  /** A step of a sequential flow: runs before queued independent runs. */
  urgent?: boolean;
  env?: NodeJS.ProcessEnv;
}

function collect(file: string, args: string[], options: RunOptions): Promise<Run> {
  return slot(
    options.urgent ?? false,
    () =>
      new Promise<Run>((resolve, reject) => {
        const child = spawn(file, args, {
          cwd: ROOT,
          env: { ...ENV, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
        });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
  );
}

/** Runs the CLI; resolves with its exit code and output whatever the code. */
function run(args: string[], options: RunOptions = {}): Promise<Run> {
  return collect(process.execPath, [BIN, ...args], options);
}

/** Runs the CLI and checks the promise every command makes: no stack frames, ever. */
async function haven(...args: string[]): Promise<Run> {
  return checked(args, await run(args));
}

/** haven(), as a step of a sequential flow (see slot). */
async function step(args: string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  return checked(args, await run(args, { urgent: true, ...(env ? { env } : {}) }));
}

function checked(args: string[], result: Run): Run {
  expect(`${result.stdout}\n${result.stderr}`, `haven ${args.join(' ')} printed a stack trace`).not.toContain(
    '    at ',
  );
  return result;
}

/** Runs a shell pipeline `haven ARGS | rest`, for how the CLI behaves when its reader goes away. */
function pipeline(args: string[], rest: string): Promise<Run> {
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  return collect('/bin/sh', ['-c', `${[process.execPath, BIN, ...args].map(quote).join(' ')} | ${rest}`], {});
}

function lines(text: string): string[] {
  const trimmed = text.replace(/\n$/, '');
  return trimmed === '' ? [] : trimmed.split('\n');
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= make();
    return promise;
  };
}

/** The command names in a commander help text's "Commands:" section. */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function writeFile(name: string, content: string): string {
  const file = path.join(ROOT, 'files', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

async function showJson(school: string): Promise<any> {
  const result = await haven('policy', 'show', school, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const milfordJson = once(() => showJson('milford-haven'));
const wsapcJson = once(() => showJson('wsapc'));
const milfordYaml = once(async () => {
  const result = await haven('policy', 'show', 'milford-haven');
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
});

/** The bundled templates: id, name and the seed file each was compiled from. */
const TEMPLATES = [
  { id: 'milford-haven', name: 'Milford Haven School', seed: '000_5dc4f1688d9d3a79.txt' },
  { id: 'primary-advantage', name: 'Primary Advantage', seed: '001_ad7e64b621ffb9c4.txt' },
  { id: 'westover', name: 'Westover Primary School', seed: '002_40e16c7ed3df90b5.txt' },
  { id: 'wsapc', name: 'WSAPC', seed: '003_7b798a0a21d1a361.txt' },
  { id: 'st-john-payne', name: 'St John Payne School', seed: '004_e74e0a9d0aa1a338.txt' },
  { id: 'blank', name: 'New School', seed: null },
];

/** CLI matrix name → the key it has in a policy document. */
const MATRIX_KEYS = {
  communications: 'communications',
  'user-actions': 'userActions',
  devices: 'devices',
  'pupil-sanctions': 'pupilSanctions',
  'staff-sanctions': 'staffSanctions',
} as const;

describe.concurrent('haven --help', () => {
  it('lists every top-level command', async () => {
    const result = await haven('--help');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: haven /);
    expect(commandsIn(result.stdout)).toEqual(
      expect.arrayContaining(['start', 'demo', 'migrate', 'policy', 'users', 'audit']),
    );
  });

  it('lists the subcommands of policy, users and audit', async () => {
    const [policy, users, audit] = await Promise.all([
      haven('policy', '--help'),
      haven('users', '--help'),
      haven('audit', '--help'),
    ]);
    for (const r of [policy, users, audit]) expect(r.code, r.stderr).toBe(0);
    const own = (help: string) => commandsIn(help).filter((c) => c !== 'help');
    expect(own(policy.stdout)).toEqual(['list', 'show', 'validate', 'render', 'matrix']);
    expect(own(users.stdout)).toEqual(['add', 'list', 'reset-password']);
    expect(own(audit.stdout)).toEqual(['verify']);
  });

  it('answers --help for every subcommand', async () => {
    const commands = [
      ['start'],
      ['demo'],
      ['migrate'],
      ['policy', 'list'],
      ['policy', 'show'],
      ['policy', 'validate'],
      ['policy', 'render'],
      ['policy', 'matrix'],
      ['users', 'add'],
      ['users', 'list'],
      ['users', 'reset-password'],
      ['audit', 'verify'],
    ];
    const results = await Promise.all(commands.map((c) => haven(...c, '--help')));
    results.forEach((r, i) => {
      const name = commands[i]!.join(' ');
      expect(r.code, `${name} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout.startsWith(`Usage: haven ${name} `), `${name} --help:\n${r.stdout}`).toBe(true);
      expect(r.stderr).toBe('');
    });
  });

  it('exits 2 for an unknown command', async () => {
    const result = await haven('nonsense');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown command 'nonsense'");
  });
});

describe.concurrent('haven policy list, show and matrix', () => {
  it('list --json gives id, name and seed for each bundled school', async () => {
    const result = await haven('policy', 'list', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(TEMPLATES);
  });

  it('show prints the same document as YAML and as JSON', async () => {
    const [json, yaml] = await Promise.all([milfordJson(), milfordYaml()]);
    expect(json.id).toBe('milford-haven');
    expect(json.school.name).toBe('Milford Haven School');
    expect(json.seed).toBe('000_5dc4f1688d9d3a79.txt');
    expect(parseYaml(yaml)).toEqual(json);
  });

  it('matrix refuses a school that is neither a template nor in the database (exit 2)', async () => {
    const result = await haven('policy', 'matrix', 'nowhere', 'communications');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      'haven: no template or school named "nowhere" (templates: milford-haven, primary-advantage, westover, wsapc, st-john-payne, blank)',
    ]);
    // Looking for a school in the database never creates one.
    expect(existsSync(path.join(DEFAULT_DATA_DIR, 'haven.sqlite'))).toBe(false);
  });

  it('matrix communications --json: staff and pupils codes per row', async () => {
    const [result, doc] = await Promise.all([
      haven('policy', 'matrix', 'milford-haven', 'communications', '--json'),
      milfordJson(),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(Object.keys(view)).toEqual(['columns', 'rows']);
    expect(view.columns).toEqual(['staff', 'pupils']);
    expect(view.rows).toEqual(
      doc.matrices.communications.rows.map((r: any) => ({ label: r.label, cells: r.cells })),
    );
    for (const row of view.rows) {
      expect(Object.keys(row)).toEqual(['label', 'cells']);
      expect(Object.keys(row.cells)).toEqual(['staff', 'pupils']);
      for (const code of Object.values(row.cells))
        expect([null, 'A', 'CT', 'SS', 'SP', 'NA']).toContain(code);
    }
    expect(view.rows[0]).toEqual({
      label: 'Mobile phones may be brought to school',
      cells: { staff: 'A', pupils: 'A' },
    });
    expect(view.rows[1]).toEqual({
      label: 'Use of mobile phones in lessons',
      cells: { staff: 'CT', pupils: 'SP' },
    });
  });

  it('matrix user-actions --json: one value per row', async () => {
    const [result, doc] = await Promise.all([
      haven('policy', 'matrix', 'milford-haven', 'user-actions', '--json'),
      milfordJson(),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view.columns).toEqual(['value']);
    expect(view.rows).toEqual(
      doc.matrices.userActions.rows.map((r: any) => ({ label: r.label, cells: { value: r.value } })),
    );
    for (const row of view.rows) {
      expect([null, 'acceptable', 'certain-times', 'nominated-users', 'unacceptable', 'illegal']).toContain(
        row.cells.value,
      );
    }
    expect(view.rows[0].label).toMatch(/^Child sexual abuse images/);
    expect(view.rows[0].cells).toEqual({ value: 'illegal' });
  });

  it('matrix devices --json (wsapc): cell text keyed by column label', async () => {
    const [result, doc] = await Promise.all([
      haven('policy', 'matrix', 'wsapc', 'devices', '--json'),
      wsapcJson(),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view.columns).toEqual(doc.matrices.devices.columns);
    expect(view.columns).toContain('Student owned');
    expect(view.rows).toEqual(
      doc.matrices.devices.rows.map((r: any) => ({ label: r.label, cells: r.cells })),
    );
    for (const row of view.rows) {
      expect(Object.keys(row.cells).sort()).toEqual([...view.columns].sort());
      for (const text of Object.values(row.cells)) expect(typeof text).toBe('string');
    }
    const allowed = view.rows.find((r: any) => r.label === 'Allowed in school');
    expect(allowed.cells['Student owned']).toBe('No');
    expect(allowed.cells['Staff owned']).toBe('Yes');
  });

  it('matrix pupil-sanctions and staff-sanctions --json: true/false keyed by column label', async () => {
    const cases = [
      ['milford-haven', 'pupil-sanctions', milfordJson],
      ['wsapc', 'staff-sanctions', wsapcJson],
    ] as const;
    await Promise.all(
      cases.map(async ([school, matrix, show]) => {
        const [result, doc] = await Promise.all([
          haven('policy', 'matrix', school, matrix, '--json'),
          show(),
        ]);
        expect(result.code, result.stderr).toBe(0);
        const view = JSON.parse(result.stdout);
        const source = doc.matrices[MATRIX_KEYS[matrix]];
        expect(view.columns).toEqual(source.columns);
        expect(view.rows).toEqual(source.rows.map((r: any) => ({ label: r.label, cells: r.cells })));
        let marks = 0;
        for (const row of view.rows) {
          expect(Object.keys(row.cells).sort()).toEqual([...view.columns].sort());
          for (const v of Object.values(row.cells)) {
            expect(typeof v).toBe('boolean');
            if (v) marks++;
          }
        }
        expect(marks, `${school} ${matrix} has no marked cell`).toBeGreaterThan(0);
      }),
    );
  });

  it('a matrix the school does not have: exit 3 with a message saying so', async () => {
    const cases = [
      ['westover', 'communications', 'Westover Primary School'],
      ['st-john-payne', 'user-actions', 'St John Payne School'],
      ['milford-haven', 'devices', 'Milford Haven School'],
      ['primary-advantage', 'staff-sanctions', 'Primary Advantage'],
    ] as const;
    const results = await Promise.all(cases.map(([s, m]) => haven('policy', 'matrix', s, m, '--json')));
    results.forEach((r, i) => {
      const [, matrix, name] = cases[i]!;
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([expect.stringMatching(`^haven: ${name} has no ${matrix} matrix`)]);
    });
    expect(results[2]!.stderr).toContain(
      '(it has: communications, user-actions, pupil-sanctions, staff-sanctions)',
    );
    expect(results[3]!.stderr).toContain('its policy has no matrices');
  });

  it('an unknown matrix name: exit 2', async () => {
    const result = await haven('policy', 'matrix', 'milford-haven', 'timetable', '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      'haven: unknown matrix "timetable": use one of communications, user-actions, devices, pupil-sanctions, staff-sanctions',
    ]);
  });

  // Guards the EPIPE handling in main.ts: output cut short by its reader ends quietly.
  it('stops quietly when the reader of its output goes away (| head)', async () => {
    // The JSON is larger than a pipe's 64 KiB buffer, so the write is still going when head exits.
    const result = await pipeline(['policy', 'show', 'milford-haven', '--json'], 'head -c 10');
    expect(result.stdout).toBe('{\n  "schem');
    expect(result.stderr).not.toContain('    at ');
    expect(result.stderr).not.toContain('EPIPE');
  });
});

describe.concurrent('haven policy render', () => {
  it.each([
    ['milford-haven', milfordJson],
    ['wsapc', wsapcJson],
  ] as const)('%s: a complete HTML document with every matrix as a <table>', async (school, show) => {
    const out = path.join(ROOT, 'render', `${school}.html`);
    mkdirSync(path.dirname(out), { recursive: true });
    const [result, doc] = await Promise.all([haven('policy', 'render', school, '--out', out), show()]);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([`wrote ${out}`]);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\s*<html[\s>]/i);
    expect(html).toMatch(/<\/html>\s*$/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain(escapeHtml(doc.school.name));

    const matrices = Object.values(doc.matrices) as any[];
    expect(matrices).toHaveLength(4);
    const tables = html.match(/<table[\s>][\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(matrices.length);
    for (const matrix of matrices) {
      const table = tables.find((t) => t.includes(`<caption>${escapeHtml(matrix.title)}</caption>`));
      expect(table, `no <table> captioned "${matrix.title}"`).toBeDefined();
      const bodyRows = table!.match(/<tr>\s*<th scope="row">/g) ?? [];
      expect(bodyRows, `rows of "${matrix.title}"`).toHaveLength(matrix.rows.length);
      for (const row of matrix.rows) expect(table).toContain(escapeHtml(row.label));
    }
  });

  it('reports an unwritable --out path in one line (exit 4)', async () => {
    const result = await haven(
      'policy',
      'render',
      'wsapc',
      '--out',
      path.join(ROOT, 'no-such-dir', 'x.html'),
    );
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^haven: .*no such file or directory/)]);
  });
});

describe.concurrent('haven policy validate', () => {
  const validate = (file: string) => haven('policy', 'validate', file);

  it('accepts the JSON and YAML that policy show prints (exit 0)', async () => {
    const json = writeFile('valid.json', JSON.stringify(await milfordJson(), null, 2));
    const yaml = writeFile('valid.yml', await milfordYaml());
    const results = await Promise.all([validate(json), validate(yaml)]);
    results.forEach((r, i) => {
      const file = [json, yaml][i]!;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(lines(r.stdout)).toEqual([`${file}: valid (Milford Haven School, 4 matrices)`]);
      expect(r.stderr).toBe('');
    });
  });

  it('a bad communications code: exit 1 with the path and the allowed codes', async () => {
    const doc = parseYaml(await milfordYaml());
    doc.matrices.communications.rows[3].cells.pupils = 'MAYBE';
    const result = await validate(writeFile('bad-cell.yaml', stringifyYaml(doc)));
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([
      'matrices.communications.rows[3].cells.pupils: must be one of A, CT, SS, SP, NA',
    ]);
  });

  it('unknown fields and bad dates: exit 1, one line for each problem', async () => {
    const doc = structuredClone(await milfordJson());
    doc.colour = 'blue';
    doc.school.motto = 'Onwards';
    doc.matrices.communications.rows[0].note = 'typo';
    doc.review.nextReview = '2024-13-45';
    doc.review.approvals[0].on = 'Summer 2024';
    const result = await validate(writeFile('unknown-fields-and-dates.json', JSON.stringify(doc)));
    expect(result.code).toBe(1);
    expect(lines(result.stdout).sort()).toEqual(
      [
        'colour: unknown field',
        'school.motto: unknown field',
        'matrices.communications.rows[0].note: unknown field',
        'review.approvals[0].on: must be a date written YYYY-MM-DD',
        'review.nextReview: must be a date written YYYY-MM-DD',
      ].sort(),
    );
  });

  const badYaml = once(() =>
    validate(writeFile('syntax.yaml', 'schemaVersion: 1\nid: [milford\ntitle: x\n')),
  );

  it('invalid YAML syntax: exit 1, one line saying so', async () => {
    const result = await badYaml();
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/: not valid YAML: \S/)]);
  });

  // Guards prettyErrors in policy-file.ts: YAML errors carry their line and column.
  it('invalid YAML syntax is reported at its line and column', async () => {
    const [flow, duplicate] = await Promise.all([
      badYaml(),
      validate(writeFile('duplicate-key.yaml', 'schemaVersion: 1\nid: a\nid: b\n')),
    ]);
    expect(lines(flow.stdout)).toEqual([expect.stringMatching(/^line \d+, column \d+: not valid YAML: /)]);
    expect(lines(duplicate.stdout)).toEqual([
      expect.stringMatching(/^line 3, column 1: not valid YAML: Map keys must be unique/),
    ]);
  });

  it('invalid JSON: exit 1 with the line and column', async () => {
    const result = await validate(writeFile('syntax.json', '{\n  "schemaVersion": 1,\n}\n'));
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/^line 3, column 1: not valid JSON: \S/)]);
  });

  it('a missing file or a wrong extension: exit 1 with a (file) line', async () => {
    const txt = writeFile('policy.txt', JSON.stringify(await milfordJson()));
    const [missing, wrongExt] = await Promise.all([
      validate(path.join(ROOT, 'files', 'missing.yaml')),
      validate(txt),
    ]);
    for (const r of [missing, wrongExt]) expect(r.code).toBe(1);
    expect(lines(missing.stdout)).toEqual(['(file): no such file']);
    expect(lines(wrongExt.stdout)).toEqual(['(file): must end in .yaml, .yml or .json']);
  });

  it('an empty file: exit 1 with one (document) line', async () => {
    const result = await validate(writeFile('empty.yaml', ''));
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/^\(document\): \S/)]);
  });

  // Guards reportInput in core validate.ts: a wrong type is told apart from a missing value.
  it('a value of the wrong type says what it must be, not that it is missing', async () => {
    const doc = structuredClone(await milfordJson());
    doc.school.name = 42;
    const result = await validate(writeFile('wrong-type.json', JSON.stringify(doc)));
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual(['school.name: must be a string, not a number']);
  });
});

describe.concurrent('haven migrate', () => {
  it('migrates a new embedded database, naming each migration', async () => {
    const migrations = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.length).toBeGreaterThan(0);
    const dir = path.join(ROOT, 'migrate');
    const result = await haven('migrate', '--data-dir', dir);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([
      ...migrations.map((m) => `up   ${m}: success`),
      `SQLite file ${path.join(dir, 'haven.sqlite')}: done`,
    ]);
  });

  it('an unreachable PostgreSQL: exit 4 with one line naming the host', async () => {
    const result = await haven('migrate', '--database-url', UNREACHABLE);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^haven: .*127\.0\.0\.1:1\b/)]);
  });
});

/** An account's stored password hash in an embedded database. */
function passwordHash(dataDir: string, email: string): string {
  const db = new Database(path.join(dataDir, 'haven.sqlite'), { readonly: true });
  try {
    const row = db.prepare('select password_hash from accounts where email = ?').get(email) as
      | { password_hash: string }
      | undefined;
    if (!row) throw new Error(`no account ${email}`);
    return row.password_hash;
  } finally {
    db.close();
  }
}

function countRows(dataDir: string, table: 'audit_events' | 'schools'): number {
  const db = new Database(path.join(dataDir, 'haven.sqlite'), { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A copy of a data directory's database, to tamper with. */
function copyDatabase(from: string, name: string): string {
  const to = path.join(ROOT, name);
  mkdirSync(to, { recursive: true });
  const db = new Database(path.join(from, 'haven.sqlite'), { readonly: true });
  try {
    db.prepare('vacuum into ?').run(path.join(to, 'haven.sqlite'));
  } finally {
    db.close();
  }
  copyFileSync(path.join(from, 'secret.key'), path.join(to, 'secret.key'));
  return to;
}

interface StoredEvent {
  seq: number;
  id: string;
}

/**
 * Drops the append-only triggers on audit_events (named as the append-only migration creates
 * them), as someone with DDL rights could, so the test can tamper with the log.
 */
function dropAppendOnlyTriggers(db: Database.Database): void {
  const triggers = db
    .prepare(
      "select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_events' order by name",
    )
    .all() as { name: string }[];
  expect(triggers.map((t) => t.name)).toEqual(['audit_events_no_delete', 'audit_events_no_update']);
  for (const t of triggers) db.exec(`drop trigger ${t.name}`);
}

describe.concurrent('haven demo, users and audit verify on an embedded database', () => {
  const dir = path.join(ROOT, 'school');
  const demoPasswords = new Map<string, string>();

  it.sequential('demo creates a demo school and prints its sign-in details', async () => {
    const result = await step(['demo', '--data-dir', dir, '--pupils', '20']);
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    expect(out[0]).toMatch(
      /^Created the demo school "Milford Haven School" \(milford-haven\): 20 pupils, \d+ parents, \d+ staff, \d+ governors\.$/,
    );
    for (const line of out) {
      const m = /^ {2}.+?\s(\S+@milford-haven\.example)\s+(\S+)/.exec(line);
      if (m) demoPasswords.set(m[1]!, m[2]!);
    }
    expect([...demoPasswords.keys()]).toEqual(
      expect.arrayContaining(['admin@milford-haven.example', 'teacher@milford-haven.example']),
    );
    // The printed sign-in details are the real ones.
    for (const [email, password] of demoPasswords) {
      expect(await verifyPassword(passwordHash(dir, email), password), email).toBe(true);
    }
    const saved = path.join(dir, 'demo-accounts.txt');
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    const savedText = readFileSync(saved, 'utf8');
    for (const [email, password] of demoPasswords) expect(savedText).toContain(`${email}\t${password}`);
  });

  it.sequential('audit verify on the fresh demo: intact (exit 0)', async () => {
    const events = countRows(dir, 'audit_events');
    expect(events).toBeGreaterThan(0);
    const result = await step(['audit', 'verify', '--data-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([`audit log intact: ${events} events`]);
  });

  it.sequential('demo is idempotent: a second run changes nothing', async () => {
    const before = passwordHash(dir, 'admin@milford-haven.example');
    const result = await step(['demo', '--data-dir', dir, '--pupils', '20']);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'The demo school "Milford Haven School" already exists (milford-haven); its accounts are unchanged.',
    ]);
    expect(passwordHash(dir, 'admin@milford-haven.example')).toBe(before);
    expect(countRows(dir, 'schools')).toBe(1);
  });

  it.sequential('users add prints a password that signs in; bad grants exit 2', async () => {
    const add = (email: string, grants: string) =>
      step([
        'users',
        'add',
        email,
        '--school',
        'milford-haven',
        '--name',
        'X Y',
        '--grants',
        grants,
        '--data-dir',
        dir,
      ]);
    const [added, bad] = await Promise.all([
      add('x@y.example', 'staff'),
      add('bad@y.example', 'staff,wizard'),
    ]);
    expect(added.code, added.stderr).toBe(0);
    const out = lines(added.stdout);
    expect(out[0]).toBe('added x@y.example to Milford Haven School with staff');
    expect(out[1]).toMatch(/^password: \S{12,}$/);
    expect(await verifyPassword(passwordHash(dir, 'x@y.example'), out[1]!.slice('password: '.length))).toBe(
      true,
    );

    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(lines(bad.stderr)).toEqual([
      expect.stringMatching(/^haven: unknown grant "wizard": use .*\bstaff\b/),
    ]);
  });

  it.sequential('users list --json lists the accounts, and not the refused one', async () => {
    const result = await step(['users', 'list', '--data-dir', dir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows.map((r: any) => r.email).sort()).toEqual([...demoPasswords.keys(), 'x@y.example'].sort());
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        ['disabled', 'email', 'grants', 'locked', 'name', 'school', 'twoFactor'].sort(),
      );
      expect(row.school).toBe('milford-haven');
    }
    const byEmail = (email: string) => rows.find((r: any) => r.email === email);
    expect(byEmail('admin@milford-haven.example').grants).toEqual(['school-admin']);
    expect(byEmail('x@y.example')).toMatchObject({ name: 'X Y', grants: ['staff'], disabled: false });
  });

  it.sequential('users reset-password prints a new password that replaces the old one', async () => {
    const email = 'admin@milford-haven.example';
    const result = await step(['users', 'reset-password', email, '--data-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const m = /^new password for admin@milford-haven\.example: (\S{12,})$/.exec(
      lines(result.stdout)[0] ?? '',
    );
    expect(m, result.stdout).not.toBeNull();
    const hash = passwordHash(dir, email);
    expect(await verifyPassword(hash, m![1]!)).toBe(true);
    expect(await verifyPassword(hash, demoPasswords.get(email)!)).toBe(false);
  });

  it.sequential('migrate reports the demo database up to date', async () => {
    const result = await step(['migrate', '--data-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([
      `SQLite file ${path.join(dir, 'haven.sqlite')}: already up to date`,
    ]);
  });

  it.sequential('audit verify: an altered event exits 1 and names its seq', async () => {
    const copy = copyDatabase(dir, 'altered');
    const db = new Database(path.join(copy, 'haven.sqlite'));
    const event = db.prepare('select seq, id from audit_events where seq = 2').get() as StoredEvent;
    const tamper = db.prepare('update audit_events set detail = ? where seq = 2');
    // The database itself refuses, until the triggers are gone.
    expect(() => tamper.run('{"tampered":true}')).toThrow(/append-only/);
    dropAppendOnlyTriggers(db);
    expect(tamper.run('{"tampered":true}').changes).toBe(1);
    db.close();
    const result = await step(['audit', 'verify', '--data-dir', copy]);
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stdout)).toEqual([
      `audit log BROKEN at event 2 (${event.id}): its contents were changed after it was written (1 events checked)`,
    ]);
  });

  it.sequential('audit verify: a deleted middle event is reported as missing', async () => {
    const copy = copyDatabase(dir, 'deleted');
    const db = new Database(path.join(copy, 'haven.sqlite'));
    const all = db.prepare('select seq, id from audit_events order by seq').all() as StoredEvent[];
    expect(all.length).toBeGreaterThanOrEqual(4);
    const [middle, next] = [all[2]!, all[3]!];
    dropAppendOnlyTriggers(db);
    expect(db.prepare('delete from audit_events where seq = ?').run(middle.seq).changes).toBe(1);
    db.close();
    const result = await step(['audit', 'verify', '--data-dir', copy]);
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stdout)).toEqual([
      `audit log BROKEN at event ${next.seq} (${next.id}): an event before it is missing (deleted) (${middle.seq - 1} events checked)`,
    ]);
  });
});

describe.concurrent('haven audit verify without a database', () => {
  // Guards `existing: true` in open.ts: a mistyped --data-dir is not a new, empty, 'intact' log.
  it('does not report a data directory with no database as intact', async () => {
    const missing = path.join(ROOT, 'mistyped-data-dir');
    const result = await haven('audit', 'verify', '--data-dir', missing);
    expect(result.code).toBe(4);
    expect(existsSync(path.join(missing, 'haven.sqlite'))).toBe(false);
  });
});

const PG_URL = process.env.DATABASE_URL;
if (!PG_URL && process.env.HAVEN_REQUIRE_POSTGRES) {
  it('reaches PostgreSQL (HAVEN_REQUIRE_POSTGRES is set)', () => {
    throw new Error('PostgreSQL is required but DATABASE_URL is not set');
  });
}

/**
 * The CLI has no --schema option, but node-postgres reads `options` from the URL's query, so
 * `?options=-c search_path=<schema>` points every command at a fresh schema of its own, created
 * and dropped here, apart from everything else in the database.
 */
describe.skipIf(!PG_URL)('haven demo, users and audit verify on PostgreSQL (DATABASE_URL)', () => {
  const schema = `haven_cli_test_${process.pid}_${Date.now().toString(36)}`;
  const url = (() => {
    if (!PG_URL) return '';
    const u = new URL(PG_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.toString();
  })();
  const env = { HAVEN_DATA_DIR: path.join(ROOT, 'postgres-data') };
  const events = `"${schema}".audit_events`;
  let client: pg.Client | undefined;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`create schema "${schema}"`);
  });

  afterAll(async () => {
    await client?.query(`drop schema if exists "${schema}" cascade`);
    await client?.end();
  });

  it('migrate, demo, users list and audit verify', async () => {
    const migrate = await step(['migrate', '--database-url', url], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(lines(migrate.stdout).at(-1)).toMatch(/: done$/);

    const demo = await step(['demo', '--pupils', '5', '--database-url', url], env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/^Created the demo school "Milford Haven School"/);

    const [list, verify] = await Promise.all([
      step(['users', 'list', '--json', '--database-url', url], env),
      step(['audit', 'verify', '--database-url', url], env),
    ]);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((r: any) => r.email)).toContain('admin@milford-haven.example');
    const { rows } = await client!.query(`select count(*)::int as n from ${events}`);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(verify.code, verify.stderr).toBe(0);
    expect(lines(verify.stdout)).toEqual([`audit log intact: ${rows[0].n} events`]);
  });

  it('audit verify names an event altered behind the triggers', async () => {
    const tamper = `update ${events} set detail = '{"tampered":true}' where seq = 2 returning id`;
    await expect(client!.query(tamper)).rejects.toThrow(/append-only/);
    await client!.query(`drop trigger audit_events_no_update on ${events}`);
    const { rows } = await client!.query(tamper);
    expect(rows).toHaveLength(1);
    const result = await step(['audit', 'verify', '--database-url', url], env);
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stdout)).toEqual([
      `audit log BROKEN at event 2 (${rows[0].id}): its contents were changed after it was written (1 events checked)`,
    ]);
  });
});
