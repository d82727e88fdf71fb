import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, describePostgresUrl, openDatabase } from '../../src/db/database.ts';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from '../../src/db/errors.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makeSchool } from '../helpers/fixtures.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'haven-open-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('openDatabase with SQLite', () => {
  it('creates the data directory and file, in WAL mode with foreign keys on', async () => {
    const dataDir = path.join(temp, 'nested', 'data');
    const opened = await openDatabase({ dataDir });
    try {
      expect(opened.dialect).toBe('sqlite');
      expect(existsSync(path.join(dataDir, 'haven.sqlite'))).toBe(true);
      expect(opened.location).toContain(path.join(dataDir, 'haven.sqlite'));
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(opened.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(opened.db);
      expect(keys.rows[0]?.foreign_keys).toBe(1);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(opened.db);
      expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
    } finally {
      await opened.close();
      await opened.close(); // closing twice is harmless
    }
  });

  it('names the file and the cause when it cannot be opened', async () => {
    const blocker = path.join(temp, 'not-a-directory');
    writeFileSync(blocker, 'a file where the data directory should be');
    const failure = await openDatabase({ dataDir: blocker }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    const error = failure as DatabaseUnavailableError;
    expect(error.name).toBe('DatabaseUnavailableError');
    expect(error.id).toBe('database.unavailable');
    expect(error.message).toContain(path.join(blocker, 'haven.sqlite'));
    expect(error.message).toMatch(/ENOTDIR|EEXIST|not a directory/i);
  });
});

describe('openDatabase with PostgreSQL', () => {
  it('names the host, port and cause when the server is unreachable', async () => {
    // Port 9 (discard) is closed on any test machine, so the connection is refused at once.
    const failure = await openDatabase({
      url: 'postgres://haven:hunter2@127.0.0.1:9/haven',
      dataDir: temp,
      connectTimeoutMs: 2000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    const message = (failure as Error).message;
    expect(message).toContain('PostgreSQL at 127.0.0.1:9/haven');
    expect(message).toMatch(/ECONNREFUSED|refused/);
    expect(message).not.toContain('hunter2');
  });

  it('refuses a URL that is not PostgreSQL', async () => {
    await expect(openDatabase({ url: 'mysql://localhost/haven', dataDir: temp })).rejects.toThrow(
      /must start with postgres:\/\//,
    );
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      openDatabase({ url: 'postgres://localhost/haven', dataDir: temp, schema: 'x"; drop table y' }),
    ).rejects.toThrow(/schema name/);
  });

  it('describes a URL without its credentials', () => {
    expect(describePostgresUrl('postgresql://u:secret@db.example.org:6543/haven_prod')).toBe(
      'PostgreSQL at db.example.org:6543/haven_prod',
    );
    expect(describePostgresUrl('postgres://localhost/haven')).toBe('PostgreSQL at localhost:5432/haven');
  });
});

forEachDatabase('constraint errors', (t) => {
  it('are recognised the same way on each database', async () => {
    const school = await makeSchool(t.db);
    const duplicate = await makeSchool(t.db).then((other) =>
      t.db
        .updateTable('schools')
        .set({ slug: school.slug })
        .where('id', '=', other.id)
        .execute()
        .catch((error: unknown) => error),
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isForeignKeyViolation(duplicate)).toBe(false);

    const orphan = await t.db
      .insertInto('sites')
      .values({ id: 'x', school_id: 'no-such-school', slug: 'main', name: 'Main', created_at: 'now' })
      .execute()
      .catch((error: unknown) => error);
    expect(isForeignKeyViolation(orphan)).toBe(true);

    const badKind = await t.db
      .insertInto('people')
      .values({
        id: 'p',
        school_id: school.id,
        kind: 'alien' as 'other',
        given_name: 'A',
        family_name: 'B',
        display_name: 'A B',
        email: null,
        year_group: null,
        class_name: null,
        mis_id: null,
        created_at: 'now',
        left_on: null,
      })
      .execute()
      .catch((error: unknown) => error);
    expect(isCheckViolation(badKind)).toBe(true);
  });
});
