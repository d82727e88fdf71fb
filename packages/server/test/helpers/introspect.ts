import { sql } from 'kysely';
import type { TestDatabase } from './databases.ts';

/** Haven's tables in the suite's own database or schema (not other suites' schemas). */
export async function tableNames(t: TestDatabase): Promise<string[]> {
  const query =
    t.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema()`;
  const { rows } = await query.execute(t.db);
  return rows.map((row) => row.name).sort();
}

export async function triggerNames(t: TestDatabase): Promise<string[]> {
  const query =
    t.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`
      : sql<{ name: string }>`select t.tgname as name from pg_trigger t
          join pg_class c on c.oid = t.tgrelid
          where c.relnamespace = current_schema()::regnamespace and not t.tgisinternal`;
  const { rows } = await query.execute(t.db);
  return rows.map((row) => row.name).sort();
}

/**
 * Removes the append-only guard on audit_events, as an attacker with DDL rights could, so tests
 * can show the hash chain still catches the tampering.
 */
export async function dropAuditGuards(t: TestDatabase): Promise<void> {
  for (const name of ['audit_events_no_update', 'audit_events_no_delete']) {
    if (t.dialect === 'sqlite') await sql`drop trigger ${sql.id(name)}`.execute(t.db);
    else await sql`drop trigger ${sql.id(name)} on audit_events`.execute(t.db);
  }
}
