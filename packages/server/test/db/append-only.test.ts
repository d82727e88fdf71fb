import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { appendAudit } from '../../src/audit/audit-log.ts';
import { createPolicyDraft } from '../../src/repositories/policy-versions.ts';
import { forEachDatabase } from '../helpers/databases.ts';
import { makeSchool } from '../helpers/fixtures.ts';

forEachDatabase('append-only guards', (t) => {
  it('refuse UPDATE on audit_events', async () => {
    const event = await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester', detail: { n: 1 } });
    await expect(
      t.db.updateTable('audit_events').set({ detail: '{"n":2}' }).where('seq', '=', event.seq).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('refuse DELETE on audit_events', async () => {
    const event = await appendAudit(t.db, { action: 'test.event', actorLabel: 'tester' });
    await expect(t.db.deleteFrom('audit_events').where('seq', '=', event.seq).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    const { count } = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(2);
  });

  if (t.dialect === 'postgres') {
    it('refuse TRUNCATE on audit_events', async () => {
      await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    });
  }

  it("refuse changes to a policy version's document but allow its status to change", async () => {
    const school = await makeSchool(t.db);
    const draft = await createPolicyDraft(t.db, { schoolId: school.id, document: { roles: [] } });
    await expect(
      t.db
        .updateTable('policy_versions')
        .set({ document: '{"roles":["x"]}' })
        .where('id', '=', draft.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      t.db.updateTable('policy_versions').set({ document_hash: 'x' }).where('id', '=', draft.id).execute(),
    ).rejects.toThrow(/cannot be changed/);
    await t.db
      .updateTable('policy_versions')
      .set({ next_review: '2027-09-01' })
      .where('id', '=', draft.id)
      .execute();
  });
});
