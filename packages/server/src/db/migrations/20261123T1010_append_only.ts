import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/*
 * The audit log and approved policy documents are evidence. The application never changes them,
 * and these triggers make the database refuse too, so a bug or a hand-typed UPDATE cannot rewrite
 * history quietly. (Someone with DDL rights can still drop a trigger; the audit hash chain is
 * what catches that.)
 *
 * Trigger names are shared by both dialects so tests and operators can find them by one name.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only: events cannot be changed'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only: events cannot be deleted'); end`.execute(db);
    await sql`create trigger policy_versions_document_fixed before update of document, document_hash on policy_versions
      when new.document is not old.document or new.document_hash is not old.document_hash
      begin select raise(abort, 'a policy version''s document cannot be changed: save a new version'); end`.execute(
      db,
    );
    return;
  }

  await sql`create function haven_audit_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', tg_op;
    end
    $$`.execute(db);
  await sql`create trigger audit_events_no_update before update on audit_events
    for each row execute function haven_audit_append_only()`.execute(db);
  await sql`create trigger audit_events_no_delete before delete on audit_events
    for each row execute function haven_audit_append_only()`.execute(db);
  // Row triggers do not fire for TRUNCATE, so it needs its own statement trigger.
  await sql`create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function haven_audit_append_only()`.execute(db);

  await sql`create function haven_policy_document_fixed() returns trigger language plpgsql as $$
    begin
      if new.document is distinct from old.document or new.document_hash is distinct from old.document_hash then
        raise exception 'a policy version''s document cannot be changed: save a new version';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`create trigger policy_versions_document_fixed before update on policy_versions
    for each row execute function haven_policy_document_fixed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const name of [
      'audit_events_no_update',
      'audit_events_no_delete',
      'policy_versions_document_fixed',
    ]) {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
    }
    return;
  }
  for (const name of ['audit_events_no_update', 'audit_events_no_delete', 'audit_events_no_truncate']) {
    await sql`drop trigger if exists ${sql.id(name)} on audit_events`.execute(db);
  }
  await sql`drop trigger if exists policy_versions_document_fixed on policy_versions`.execute(db);
  await sql`drop function if exists haven_audit_append_only()`.execute(db);
  await sql`drop function if exists haven_policy_document_fixed()`.execute(db);
}
