import type { Kysely } from 'kysely';

/*
 * Issue 6, training: who completed which course when, with what evidence (a note, and or a
 * certificate kept sealed with its SHA-256, as incident evidence is); each member of staff's
 * training-needs audit; and the reminders sent, one row per person, course and ISO week, so a
 * restart cannot send a second reminder in the same week.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('note', 'text')
    .addColumn('certificate_filename', 'text')
    .addColumn('certificate_media_type', 'text')
    .addColumn('certificate_size', 'integer')
    .addColumn('certificate_sha256', 'text')
    // Sealed base64 of the certificate's bytes.
    .addColumn('certificate_content', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_account_id', 'text')
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_records_person')
    .on('training_records')
    .columns(['school_id', 'person_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('training_needs_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // JSON of core's auditAnswers, and the needs worked out from it when it was completed.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema
    .createIndex('training_needs_audits_person')
    .on('training_needs_audits')
    .columns(['school_id', 'person_id', 'completed_at'])
    .execute();

  await db.schema
    .createTable('training_reminders')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    // ISO week, 'YYYY-Www'.
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_reminders_pk', ['person_id', 'course_id', 'week'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_reminders').execute();
  await db.schema.dropTable('training_needs_audits').execute();
  await db.schema.dropTable('training_records').execute();
}
