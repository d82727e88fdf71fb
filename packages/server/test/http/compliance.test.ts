/**
 * Issue 6 point 7: compliance views over HTTP on both databases. Who has not signed what their
 * role requires, which pupils have no consent recorded (or only "assumed"), who is overdue on
 * training; filtered by role, year group and class; as CSV (RFC 4180, formula-safe); and the
 * counts for the governors' report, which governors may read and nothing more. Named views are
 * audit-logged with counts and filters, never names.
 */
import { training } from '@haven/core';
import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../../core/src/directory/csv.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { appendSignature } from '../../src/repositories/agreements.ts';
import { addConsentRecord } from '../../src/repositories/consent-records.ts';
import { createPerson, listPeople, type Person } from '../../src/repositories/people.ts';
import { addTrainingRecord } from '../../src/repositories/training.ts';
import { requiredFor } from '../../src/services/agreement-service.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

interface Row {
  personId: string;
  name: string;
  kind: string;
  yearGroup: string | null;
  className: string | null;
  items: { id: string; title: string; state: string; dueOn?: string | null }[];
}

forEachHaven('compliance', (t) => {
  let demo: DemoResult;
  let dsl: TestBrowser;
  let admin: TestBrowser;
  let teacher: TestBrowser;
  let governor: TestBrowser;
  let base: string;
  let signedPupil: Person;
  let unsignedPupil: Person;
  let trickyPupil: Person;
  let overdue: Person;
  let trained: Person;
  const today = () => t.clock.now().toISOString().slice(0, 10);

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'primary-advantage', { pupils: 14 });
    const school = demo.school;
    const signIns = new SignIns(t);
    dsl = await signIns.browser(credential(demo, 'dsl'));
    admin = await signIns.browser(credential(demo, 'admin'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    governor = await signIns.browser(credential(demo, 'governor'));
    base = `/api/schools/${school.id}/compliance`;
    const year4 = (await listPeople(t.haven.db, school.id, { kind: 'pupil', yearGroup: 'Year 4' })).items;
    expect(year4).toHaveLength(2);
    [signedPupil, unsignedPupil] = year4.sort((a, b) =>
      (a.className ?? '').localeCompare(b.className ?? ''),
    ) as [Person, Person];
    // A name a spreadsheet would run as a formula.
    trickyPupil = await createPerson(t.haven.db, {
      schoolId: school.id,
      kind: 'pupil',
      givenName: '=HYPERLINK("http://x")',
      familyName: 'Test',
      displayName: '=HYPERLINK("http://x"), Test',
      yearGroup: 'Year 4',
      className: '4A',
    });
    // A pupil the MIS gave no year group: what they sign cannot be worked out, so it shows.
    await createPerson(t.haven.db, {
      schoolId: school.id,
      kind: 'pupil',
      givenName: 'Nora',
      familyName: 'Noyear',
      displayName: 'Nora Noyear',
    });
    // Someone who left is not on roll and is in no list.
    await createPerson(t.haven.db, {
      schoolId: school.id,
      kind: 'pupil',
      givenName: 'Gone',
      familyName: 'Away',
      displayName: 'Gone Away',
      yearGroup: 'Year 4',
      className: '4A',
      leftOn: '2020-07-20',
    });

    // The signed pupil has signed everything their year asks of them.
    for (const r of await requiredFor(t.haven, school, signedPupil))
      await appendSignature(t.haven.db, {
        schoolId: school.id,
        agreementId: r.agreement,
        versionId: r.versionId,
        textHash: r.textHash,
        kind: 'signed',
        refersTo: null,
        personId: signedPupil.id,
        actorAccountId: null,
        actorPersonId: signedPupil.id,
        actorLabel: signedPupil.displayName,
        relation: r.signer === 'parent' ? 'parent' : 'self',
        answers: {},
        at: t.clock.now().toISOString(),
        ip: null,
        userAgent: null,
      });
    // ...and has every consent given; the others have none recorded.
    for (const purpose of ['school-photos', 'third-party-photos', 'supervised-internet'])
      await inTransaction(t.haven.db, (trx) =>
        addConsentRecord(trx, {
          schoolId: school.id,
          pupilId: signedPupil.id,
          purpose,
          decision: 'given',
          method: 'paper-form',
          parentId: null,
          parentName: 'A Parent',
          relationship: 'mother',
          decidedOn: today(),
          formSigned: true,
          note: null,
          recordedAt: t.clock.now().toISOString(),
          recordedByAccountId: null,
          recordedBy: 'office',
        }),
      );

    // Two members of staff who joined two years ago: one trained in everything, one in nothing.
    const longAgo = new Date(t.clock.now().getTime() - 2 * 365 * 86_400_000).toISOString();
    overdue = await createPerson(t.haven.db, {
      schoolId: school.id,
      kind: 'staff',
      givenName: 'Olive',
      familyName: 'Overdue',
      displayName: 'Olive Overdue',
      createdAt: longAgo,
    });
    trained = await createPerson(t.haven.db, {
      schoolId: school.id,
      kind: 'staff',
      givenName: 'Tom',
      familyName: 'Trained',
      displayName: 'Tom Trained',
      createdAt: longAgo,
    });
    for (const c of training.coursesFor(school.templateId))
      await addTrainingRecord(t.haven.db, {
        schoolId: school.id,
        personId: trained.id,
        courseId: c.id,
        completedOn: today(),
        provider: null,
        note: 'Session',
        certificate: null,
        sealedCertificate: null,
        recordedAt: t.clock.now().toISOString(),
        recordedByAccountId: null,
        recordedByLabel: 'test',
      });
  });

  const list = async (query: string) => {
    const res = await dsl.get(`${base}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { people: number; listed: number; rows: Row[]; options: { yearGroups: string[] } };
  };
  const ids = (rows: Row[]) => rows.map((r) => r.personId);

  it('R000-034 R000-048 R001-060: lists who has not signed, with a filter by year group and class', async () => {
    const all = await list('view=agreements');
    expect(ids(all.rows)).toContain(unsignedPupil.id);
    expect(ids(all.rows)).not.toContain(signedPupil.id);
    expect(all.rows.some((r) => r.name === 'Gone Away')).toBe(false);
    expect(all.options.yearGroups).toContain('Year 4');

    const year4 = await list('view=agreements&yearGroup=Year%204');
    expect(year4.people).toBe(3);
    expect(ids(year4.rows).sort()).toEqual([unsignedPupil.id, trickyPupil.id].sort());
    const row = year4.rows.find((r) => r.personId === unsignedPupil.id)!;
    const required = (await requiredFor(t.haven, demo.school, unsignedPupil)).map((r) => r.agreement);
    expect(row.items.map((i) => i.id)).toEqual(required);
    expect(row.items.every((i) => i.state === 'unsigned')).toBe(true);

    const byClass = await list(`view=agreements&className=${encodeURIComponent(unsignedPupil.className!)}`);
    expect(ids(byClass.rows)).toEqual([unsignedPupil.id]);

    const noYear = all.rows.find((r) => r.name === 'Nora Noyear')!;
    expect(noYear.items).toEqual([{ id: 'year-group', title: 'Year group unknown', state: 'no-year-group' }]);

    const pupilsOnly = await list('view=agreements&role=pupil');
    expect(pupilsOnly.rows.every((r) => r.kind === 'pupil')).toBe(true);
    const governorsOnly = await list('view=agreements&role=governor');
    expect(governorsOnly.rows.length).toBeGreaterThan(0);
    expect(governorsOnly.rows.every((r) => r.kind === 'governor')).toBe(true);
  });

  it('R001-233 R001-185 R000-090 R003-093: lists pupils with no consent recorded and those only assumed', async () => {
    const year4 = await list('view=consents&yearGroup=Year%204');
    expect(year4.people).toBe(3);
    expect(ids(year4.rows)).not.toContain(signedPupil.id);
    const row = year4.rows.find((r) => r.personId === unsignedPupil.id)!;
    expect(Object.fromEntries(row.items.map((i) => [i.id, i.state]))).toEqual({
      'school-photos': 'assumed',
      'third-party-photos': 'none',
      'supervised-internet': 'none',
    });
    // Consents are pupils': staff never appear.
    expect((await list('view=consents')).rows.every((r) => r.kind === 'pupil')).toBe(true);
  });

  it('R000-020 R000-057 R000-060: lists who is overdue on training, and not who is up to date', async () => {
    const staff = await list('view=training&role=staff');
    expect(ids(staff.rows)).toContain(overdue.id);
    expect(ids(staff.rows)).not.toContain(trained.id);
    const olive = staff.rows.find((r) => r.personId === overdue.id)!;
    expect(olive.items.length).toBeGreaterThan(0);
    expect(olive.items.every((i) => i.state === 'overdue')).toBe(true);
    // Everyone else joined today: their induction is due soon, not overdue.
    expect(ids(staff.rows)).toEqual([overdue.id]);
  });

  it('refuses an unknown role or view precisely', async () => {
    const res = await dsl.get(`${base}?view=agreements&role=wizard`);
    expectError(res, 400, 'validation');
    expect(JSON.stringify(res.json())).toContain('role');
    expect((await dsl.get(`${base}?view=everything`)).statusCode).toBe(400);
    expect((await dsl.get(base)).statusCode).toBe(400);
  });

  it('exports the list as CSV with a header row, quoting and formula-safe cells', async () => {
    const res = await admin.get(`${base}/export.csv?view=agreements&yearGroup=Year%204`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="compliance-agreements-/);
    const records = parseCsv(res.body);
    expect(records[0]!.cells).toEqual(['Name', 'Kind', 'Year group', 'Class', 'Roles', 'Agreement', 'State']);
    const names = records.slice(1).map((r) => r.cells[0]);
    expect(names).toContain(unsignedPupil.displayName);
    expect(names).not.toContain(signedPupil.displayName);
    // The formula is defused with a leading quote; the comma and quotes survive RFC 4180 quoting.
    expect(names).toContain(`'=HYPERLINK("http://x"), Test`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x""), Test"`);
    expect(res.body).not.toMatch(/(^|,)=/m);
    expect(records.slice(1).every((r) => r.cells[6] === 'not signed')).toBe(true);

    const csv = await dsl.get(`${base}/export.csv?view=training&role=staff`);
    const rows = parseCsv(csv.body);
    expect(rows[0]!.cells.at(-1)).toBe('Due on');
    expect(rows.slice(1).every((r) => r.cells[0] === 'Olive Overdue' && r.cells[6] === 'overdue')).toBe(true);
  });

  it("R001-026 R000-007: counts for the governors' report, with no names", async () => {
    const res = await governor.get(`${base}/summary`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const pupils = (await listPeople(t.haven.db, demo.school.id, { kind: 'pupil', currentOn: today() }))
      .total;
    expect(s.consents.people).toBe(pupils);
    const photos = s.consents.byPurpose.find((p: { purpose: string }) => p.purpose === 'school-photos');
    expect(photos).toMatchObject({ pupils, given: 1, assumed: pupils - 1, none: 0 });
    const internet = s.consents.byPurpose.find(
      (p: { purpose: string }) => p.purpose === 'supervised-internet',
    );
    expect(internet).toMatchObject({ given: 1, none: pupils - 1 });
    expect(s.consents.outstanding).toBe(pupils - 1);
    expect(s.agreements.noYearGroup).toBe(1);
    expect(s.agreements.byYearGroup.find((g: { group: string }) => g.group === 'Year 4')).toEqual({
      group: 'Year 4',
      people: 3,
      outstanding: 2,
    });
    const staff = s.training.byKind.find((g: { group: string }) => g.group === 'staff');
    expect(staff.outstanding).toBe(1);
    expect(s.training.outstanding).toBe(1);
    const text = JSON.stringify(s);
    for (const name of [unsignedPupil.displayName, 'Olive Overdue', 'HYPERLINK'])
      expect(text).not.toContain(name);
  });

  it('refuses the named lists to a teacher and a governor; the teacher gets no summary either', async () => {
    expectError(await teacher.get(`${base}?view=agreements`), 403, 'forbidden');
    expectError(await teacher.get(`${base}/summary`), 403, 'forbidden');
    expectError(await governor.get(`${base}?view=agreements`), 403, 'forbidden');
    expectError(await governor.get(`${base}/export.csv?view=consents`), 403, 'forbidden');
  });

  it('audit-logs each named view and export with counts and filters, never names', async () => {
    const events = await t.haven.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', 'like', 'compliance.%')
      .where('school_id', '=', demo.school.id)
      .execute();
    const viewed = events.filter((e) => e.action === 'compliance.viewed').map((e) => JSON.parse(e.detail));
    expect(viewed).toContainEqual({
      view: 'agreements',
      role: null,
      yearGroup: 'Year 4',
      className: null,
      people: 3,
      listed: 2,
    });
    const exported = events
      .filter((e) => e.action === 'compliance.exported')
      .map((e) => JSON.parse(e.detail));
    expect(exported).toContainEqual(expect.objectContaining({ view: 'training', role: 'staff', listed: 1 }));
    const text = JSON.stringify(events);
    for (const name of [unsignedPupil.displayName, 'Olive Overdue', 'HYPERLINK'])
      expect(text).not.toContain(name);
    // The summary names no one and is not a view of anyone's record.
    expect(events.some((e) => e.action === 'compliance.summary')).toBe(false);
  });
});
