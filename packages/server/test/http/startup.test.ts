/**
 * Starting Haven next to another Haven on the same database server (a second school database,
 * parallel test suites): each opens, migrates and answers /api/health on its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Haven, openHaven } from '../../src/haven.ts';
import { buildApp } from '../../src/http/app.ts';
import { postgresUrl } from '../helpers/databases.ts';
import { forEachHaven } from '../helpers/havens.ts';

forEachHaven('starting a second Haven beside a running one', (t) => {
  const startSecond = async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'haven-second-'));
    const schema = `haven_test_${randomBytes(6).toString('hex')}`;
    const url = postgresUrl();
    const config = loadConfig(
      {},
      {
        dataDir,
        ...(t.dialect === 'postgres' ? { databaseUrl: url } : {}),
        secretKey: '24'.repeat(32),
        logLevel: 'silent',
      },
    );
    let second: Haven | undefined;
    try {
      second = await openHaven(config, t.dialect === 'postgres' ? { schema } : {});
      const app = await buildApp(second, { webDir: path.join(dataDir, 'no-web') });
      try {
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        return res.json() as { status: string; database: string };
      } finally {
        await app.close();
      }
    } finally {
      if (second && t.dialect === 'postgres')
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(second.db);
      if (!second && t.dialect === 'postgres') {
        // openHaven failed part-way: drop the schema it created, through the running Haven.
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(t.haven.db);
      }
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  it('the first one is up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: t.dialect });
  });

  // Regression test: Kysely's Migrator, unless told the schema of its bookkeeping tables, looks
  // for them in every schema, found another Haven's and never created its own (`relation
  // "kysely_migration_lock" does not exist`). Fixed in src/db/migrate.ts (commit 81db636) while
  // this suite was being written; before the fix this failed on PostgreSQL every time.
  it('opens, migrates and answers /api/health in its own schema or data directory', async () => {
    const health = await startSecond();
    expect(health).toEqual({ status: 'ok', database: t.dialect, version: '0.1.0' });
  });
});
