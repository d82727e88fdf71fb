import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect.ts';

/*
 * Makes a table append-only in the database itself: UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL) are refused by trigger, so a bug or a hand-typed statement cannot rewrite a record
 * that is evidence. Trigger names are `<table>_no_update`, `<table>_no_delete` (and
 * `<table>_no_truncate`) on both dialects. For migrations from 2026-12 on; the earlier ones spell
 * theirs out and stay as they ran.
 */

export async function makeAppendOnly(db: Kysely<unknown>, table: string, what: string): Promise<void> {
  const t = sql.id(table);
  if (dialectOf(db) === 'sqlite') {
    await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${t}
      begin select raise(abort, ${sql.lit(`${table} is append-only: ${what} cannot be changed`)}); end`.execute(
      db,
    );
    await sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${t}
      begin select raise(abort, ${sql.lit(`${table} is append-only: ${what} cannot be deleted`)}); end`.execute(
      db,
    );
    return;
  }
  const fn = sql.id(`haven_${table}_append_only`);
  await sql`create function ${fn}() returns trigger language plpgsql as ${sql.lit(
    `begin raise exception '${table} is append-only: % is not allowed', tg_op; end`,
  )}`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${t}
    for each row execute function ${fn}()`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${t}
    for each row execute function ${fn}()`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${t}
    for each statement execute function ${fn}()`.execute(db);
}

/** After the table is dropped (which drops its triggers): the PostgreSQL function. */
export async function dropAppendOnlyFunction(db: Kysely<unknown>, table: string): Promise<void> {
  if (dialectOf(db) === 'postgres')
    await sql`drop function if exists ${sql.id(`haven_${table}_append_only`)}()`.execute(db);
}
