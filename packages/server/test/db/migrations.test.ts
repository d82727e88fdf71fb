import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrationStates } from '../../src/db/migrate.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { tableNames, triggerNames } from '../helpers/introspect.ts';

const BASE_TABLES = [
  'accounts',
  'audit_events',
  'guardianships',
  'people',
  'policy_versions',
  'role_assignments',
  'schools',
  'sessions',
  'sites',
  'trusts',
];
const FILTER_TABLES = [
  'filter_address_users',
  'filter_change_log',
  'filter_decisions',
  'filter_event_batches',
  'filter_exceptions',
  'filter_illegal_hits',
  'filter_review_requests',
  'filter_settings',
  'filter_test_runs',
  'gateways',
];
const NOTIFICATION_TABLES = ['notification_reads', 'notifications'];
const INCIDENT_TABLES = [
  'data_breaches',
  'incident_custody',
  'incident_entries',
  'incident_evidence',
  'incidents',
];
const MONITOR_TABLES = [
  'daily_summaries',
  'filter_sign_in_history',
  'log_imports',
  'monitor_alerts',
  'monitor_digests',
  'monitor_settings',
  'monitor_suppressions',
];
// Issue 6: each part lists its tables here as it adds them.
const AGREEMENT_TABLES: string[] = ['agreement_settings', 'agreement_signatures', 'agreement_versions'];
const DIRECTORY_TABLES: string[] = ['directory_imports'];
const SSO_TABLES: string[] = ['sso_login_states', 'sso_providers'];
const CONSENT_TABLES: string[] = ['consent_records'];
const TRAINING_TABLES: string[] = ['training_needs_audits', 'training_records', 'training_reminders'];
const HAVEN_TABLES = [
  ...BASE_TABLES,
  ...FILTER_TABLES,
  ...NOTIFICATION_TABLES,
  ...INCIDENT_TABLES,
  ...MONITOR_TABLES,
  ...AGREEMENT_TABLES,
  ...DIRECTORY_TABLES,
  ...SSO_TABLES,
  ...CONSENT_TABLES,
  ...TRAINING_TABLES,
].sort();
const MIGRATIONS = [
  '20261123T1000_initial',
  '20261123T1010_append_only',
  '20261123T1200_totp_pending',
  '20261123T1500_filter',
  '20261201T1000_notifications',
  '20261201T1100_incidents',
  '20261201T1200_evidence_breaches',
  '20261201T1300_monitor_alerts',
  '20261201T1400_daily_summaries',
  '20261201T1500_log_imports',
  '20261202T0900_monitor_settings',
  '20261202T1000_agreements',
  '20261202T1100_directory',
  '20261202T1200_single_sign_on',
  '20261202T1300_consents',
  '20261202T1400_training',
];

const havenTables = (names: string[]) => names.filter((name) => !name.startsWith('kysely_'));

forEachDatabase(
  'migrations',
  (t) => {
    it('migrates an empty database up to the latest schema', async () => {
      const outcome = await migrateToLatest(t.db);
      expect(outcome).toEqual({
        ok: true,
        results: MIGRATIONS.map((name) => ({ name, direction: 'up', status: 'success' })),
      });
      expect(havenTables(await tableNames(t))).toEqual(HAVEN_TABLES);
      expect(await triggerNames(t)).toEqual(
        expect.arrayContaining([
          'agreement_signatures_no_delete',
          'agreement_signatures_no_update',
          'audit_events_no_delete',
          'consent_records_no_delete',
          'consent_records_no_update',
          'audit_events_no_update',
          'filter_change_log_no_delete',
          'filter_change_log_no_update',
          'incident_custody_no_update',
          'incident_entries_no_delete',
          'incident_evidence_no_update',
          'incident_entries_no_update',
          'policy_versions_document_fixed',
        ]),
      );
      expect((await migrationStates(t.db)).every((state) => state.executedAt instanceof Date)).toBe(true);
    });

    it('does nothing when already at the latest', async () => {
      expect(await migrateToLatest(t.db)).toEqual({ ok: true, results: [] });
    });

    it('steps down one migration at a time', async () => {
      for (const [name, tables] of [
        ['20261202T1400_training', TRAINING_TABLES],
        ['20261202T1300_consents', CONSENT_TABLES],
        ['20261202T1200_single_sign_on', SSO_TABLES],
        ['20261202T1100_directory', DIRECTORY_TABLES],
        ['20261202T1000_agreements', AGREEMENT_TABLES],
      ] as const) {
        expect(await migrateDown(t.db)).toEqual({
          ok: true,
          results: [{ name, direction: 'down', status: 'success' }],
        });
        for (const table of tables) expect(havenTables(await tableNames(t))).not.toContain(table);
      }
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261202T0900_monitor_settings', direction: 'down', status: 'success' }],
      });
      expect(havenTables(await tableNames(t))).not.toContain('monitor_settings');
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261201T1500_log_imports', direction: 'down', status: 'success' }],
      });
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261201T1400_daily_summaries', direction: 'down', status: 'success' }],
      });
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261201T1300_monitor_alerts', direction: 'down', status: 'success' }],
      });
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261201T1200_evidence_breaches', direction: 'down', status: 'success' }],
      });
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261201T1100_incidents', direction: 'down', status: 'success' }],
      });
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261201T1000_notifications', direction: 'down', status: 'success' }],
      });
      expect(havenTables(await tableNames(t))).toEqual([...BASE_TABLES, ...FILTER_TABLES].sort());
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261123T1500_filter', direction: 'down', status: 'success' }],
      });
      expect(havenTables(await tableNames(t))).toEqual(BASE_TABLES);
      expect((await triggerNames(t)).filter((name) => name.startsWith('filter_'))).toEqual([]);
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261123T1200_totp_pending', direction: 'down', status: 'success' }],
      });
      expect(await migrateDown(t.db)).toEqual({
        ok: true,
        results: [{ name: '20261123T1010_append_only', direction: 'down', status: 'success' }],
      });
      expect(await triggerNames(t)).toEqual([]);
      expect(havenTables(await tableNames(t))).toEqual(BASE_TABLES);
      const states = await migrationStates(t.db);
      expect(states.map((state) => state.executedAt === null)).toEqual([
        false,
        ...MIGRATIONS.slice(1).map(() => true),
      ]);
    });

    it('migrates all the way down, then up again', async () => {
      const down = await migrateDown(t.db, { all: true });
      expect(down.ok).toBe(true);
      expect(down.results).toEqual([{ name: '20261123T1000_initial', direction: 'down', status: 'success' }]);
      expect(havenTables(await tableNames(t))).toEqual([]);

      const up = await migrateToLatest(t.db);
      expect(up.ok).toBe(true);
      expect(up.results.map((step) => step.name)).toEqual(MIGRATIONS);
      expect(havenTables(await tableNames(t))).toEqual(HAVEN_TABLES);
    });
  },
  { migrate: false },
);

forEachDatabase(
  'a failing migration',
  (t) => {
    it('is reported in the outcome instead of thrown', async () => {
      await sql`create table trusts (id text primary key)`.execute(t.db);
      const outcome = await migrateToLatest(t.db);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(/^migration 20261123T1000_initial \(up\) failed: .*trusts/);
      expect(outcome.results).toEqual([
        { name: '20261123T1000_initial', direction: 'up', status: 'error' },
        { name: '20261123T1010_append_only', direction: 'up', status: 'not-executed' },
        { name: '20261123T1200_totp_pending', direction: 'up', status: 'not-executed' },
        { name: '20261123T1500_filter', direction: 'up', status: 'not-executed' },
        { name: '20261201T1000_notifications', direction: 'up', status: 'not-executed' },
        { name: '20261201T1100_incidents', direction: 'up', status: 'not-executed' },
        { name: '20261201T1200_evidence_breaches', direction: 'up', status: 'not-executed' },
        { name: '20261201T1300_monitor_alerts', direction: 'up', status: 'not-executed' },
        { name: '20261201T1400_daily_summaries', direction: 'up', status: 'not-executed' },
        { name: '20261201T1500_log_imports', direction: 'up', status: 'not-executed' },
        { name: '20261202T0900_monitor_settings', direction: 'up', status: 'not-executed' },
        ...MIGRATIONS.slice(-5).map((name) => ({ name, direction: 'up', status: 'not-executed' })),
      ]);
    });
  },
  { migrate: false },
);
