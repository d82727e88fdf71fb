/**
 * R001-007 R002-006 R000-014 the directory from MIS CSV exports over HTTP on both databases: a
 * realistic secondary (1,000 pupils Y7–Y13 in registration groups, their contacts linked, 80
 * staff and 12 governors with the policy's roles) previews and imports; the same files again
 * change nothing; an edited file updates only its changed rows; leavers get a leaving date; a
 * file with problems writes nothing unless the good rows are confirmed; bad encodings are named.
 */
import { policy } from '@haven/core';
import { beforeAll, expect, it } from 'vitest';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { type MisExport, misExport } from '../../src/demo/mis-export.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

const GOVERNOR_KINDS = ['online-safety-governor', 'safeguarding-governor', 'chair-of-governors'];

forEachHaven('the directory import from the MIS', (t) => {
  let demo: DemoResult;
  let admin: TestBrowser;
  let dsl: TestBrowser;
  let base: string;
  let files: MisExport;

  const people = async (kind: string) =>
    t.haven.db
      .selectFrom('people')
      .selectAll()
      .where('school_id', '=', demo.school.id)
      .where('kind', '=', kind as never)
      .where('mis_id', 'is not', null)
      .execute();
  const snapshot = async () => ({
    people: await t.haven.db
      .selectFrom('people')
      .select(['id', 'given_name', 'family_name', 'email', 'year_group', 'class_name', 'left_on'])
      .where('school_id', '=', demo.school.id)
      .orderBy('id')
      .execute(),
    links: (await t.haven.db.selectFrom('guardianships').select('id').execute()).length,
    roles: (await t.haven.db.selectFrom('role_assignments').select('id').execute()).length,
    runs: (await t.haven.db.selectFrom('directory_imports').select('id').execute()).length,
  });

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 0 });
    const signIns = new SignIns(t);
    admin = await signIns.browser(credential(demo, 'admin'));
    dsl = await signIns.browser(credential(demo, 'dsl'));
    base = `/api/schools/${demo.school.id}/people/imports`;
    const doc = policy.template('milford-haven') as policy.PolicyDocument;
    const individual = doc.roles.filter(
      (r) =>
        !r.kinds.some((k) =>
          ['governors', 'pupils', 'parents', 'community-users', 'external-groups', 'lado'].includes(k),
        ),
    );
    files = misExport({
      yearGroups: policy.yearGroupsFor(doc.school.keyStages),
      staffRoles: individual
        .filter((r) => !r.kinds.some((k) => GOVERNOR_KINDS.includes(k)))
        .map((r) => r.title),
      governorRoles: individual
        .filter((r) => r.kinds.some((k) => GOVERNOR_KINDS.includes(k)))
        .map((r) => r.title),
    });
  });

  it('previews and imports 1,000 pupils, then their contacts, staff and governors', async () => {
    let started = performance.now();
    const preview = await admin.post(`${base}/preview`, { kind: 'pupils', csv: files.pupils, full: true });
    const previewMs = performance.now() - started;
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.plan.problems).toEqual([]);
    expect(body.counts).toMatchObject({ rows: 1000, added: 1000, updated: 0, leavers: 0 });
    expect(
      body.plan.mapping.columns.map((c: { header: string; field: string | null }) => [c.header, c.field]),
    ).toEqual([
      ['Adno', null],
      ['UPN', 'misId'],
      ['Legal Surname', 'familyName'],
      ['Legal Forename', 'givenName'],
      ['Preferred Forename', 'preferredName'],
      ['Year', 'yearGroup'],
      ['Reg Group', 'className'],
      ['Gender', null],
      ['Leaving Date', 'leftOn'],
    ]);
    expect(await people('pupil')).toHaveLength(0);

    started = performance.now();
    const imported = await admin.post(base, {
      kind: 'pupils',
      csv: files.pupils,
      full: true,
      confirm: 'all',
      fileName: 'pupils.csv',
    });
    const importMs = performance.now() - started;
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().counts).toMatchObject({ added: 1000 });
    const pupils = await people('pupil');
    expect(pupils).toHaveLength(1000);
    expect(new Set(pupils.map((p) => p.year_group))).toEqual(
      new Set(['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11', 'Year 12', 'Year 13']),
    );
    expect(pupils.find((p) => p.mis_id === 'H801000000000')).toMatchObject({
      year_group: 'Year 7',
      class_name: '7A',
    });
    console.info(
      `[directory] ${t.dialect}: 1,000-pupil preview ${Math.round(previewMs)} ms, import ${Math.round(importMs)} ms`,
    );

    started = performance.now();
    const parents = await admin.post(base, { kind: 'parents', csv: files.parents, confirm: 'all' });
    console.info(
      `[directory] ${t.dialect}: ${files.counts.contactRows} contact rows imported in ${Math.round(performance.now() - started)} ms`,
    );
    expect(parents.statusCode, parents.body).toBe(201);
    expect(parents.json().counts).toMatchObject({
      rows: files.counts.contactRows,
      added: files.counts.contacts,
      linksAdded: files.counts.contactRows,
      problems: 0,
    });
    expect(files.counts.contactRows).toBeGreaterThan(1400);

    const staff = await admin.post(base, { kind: 'staff', csv: files.staff, confirm: 'all' });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().counts).toMatchObject({ added: 80, rolesAdded: 88, problems: 0 });
    const governors = await admin.post(base, { kind: 'governors', csv: files.governors, confirm: 'all' });
    expect(governors.statusCode, governors.body).toBe(201);
    expect(governors.json().counts).toMatchObject({ added: 12, problems: 0 });
    expect(governors.json().counts.rolesAdded).toBeGreaterThan(0);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await snapshot();
    for (const kind of ['pupils', 'parents', 'staff', 'governors'] as const) {
      // Full for pupils only: the demo's own staff and governors are not in these files.
      const again = await admin.post(base, {
        kind,
        csv: files[kind],
        full: kind === 'pupils',
        confirm: 'all',
      });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json().counts, kind).toMatchObject({
        added: 0,
        updated: 0,
        leavers: 0,
        linksAdded: 0,
        linksUpdated: 0,
        rolesAdded: 0,
      });
    }
    const after = await snapshot();
    expect(after.people).toEqual(before.people);
    expect([after.links, after.roles]).toEqual([before.links, before.roles]);
    expect(after.runs).toBe(before.runs + 4);
  });

  it('updates only the rows an edited file changes, and marks leavers', async () => {
    const lines = files.pupils.split('\r\n');
    const edit = (n: number, column: number, value: string) => {
      const cells = (lines[n] as string).split(',');
      cells[column] = value;
      lines[n] = cells.join(',');
    };
    edit(1, 6, '7Z'); // line 2: moves registration group
    edit(2, 3, 'Renamed'); // line 3: a new legal forename
    edit(3, 8, '18/07/2026'); // line 4: a leaving date
    const absent = lines.splice(10, 2); // lines 11 and 12 leave the file: they have left
    const edited = lines.join('\r\n');

    const preview = (await admin.post(`${base}/preview`, { kind: 'pupils', csv: edited, full: true })).json();
    expect(preview.plan.update.map((u: { line: number; changes: unknown }) => [u.line, u.changes])).toEqual([
      [2, [{ field: 'className', from: '7A', to: '7Z' }]],
      [
        3,
        [
          { field: 'givenName', from: expect.any(String), to: 'Renamed' },
          { field: 'displayName', from: expect.any(String), to: expect.stringMatching(/^Renamed /) },
        ],
      ],
    ]);
    expect(
      preview.plan.leavers.map((l: { reason: string; leftOn: string; line: number | null }) => [
        l.reason,
        l.leftOn,
        l.line,
      ]),
    ).toEqual([
      ['leaving-date', '2026-07-18', 4],
      ['absent', t.clock.now().toISOString().slice(0, 10), null],
      ['absent', t.clock.now().toISOString().slice(0, 10), null],
    ]);
    expect(preview.counts).toMatchObject({ added: 0, updated: 2, unchanged: 995, leavers: 3 });

    const result = await admin.post(base, { kind: 'pupils', csv: edited, full: true, confirm: 'all' });
    expect(result.statusCode, result.body).toBe(201);
    const left = (await people('pupil')).filter((p) => p.left_on !== null);
    expect(left.map((p) => p.mis_id).sort()).toEqual(
      [lines[3], ...absent].map((l) => (l as string).split(',')[1]).sort(),
    );
    // Not deleted: still in the directory with their links.
    expect(await people('pupil')).toHaveLength(1000);

    // Back in the file with no leaving date: rejoined.
    const back = await admin.post(base, { kind: 'pupils', csv: files.pupils, full: true, confirm: 'all' });
    expect(back.json().counts).toMatchObject({ updated: 5, leavers: 0 });
    expect((await people('pupil')).filter((p) => p.left_on !== null)).toHaveLength(0);
  });

  it('refuses a file with problems whole, with each by line, unless the good rows are confirmed', async () => {
    const header = 'UPN,Legal Forename,Legal Surname,Year,Reg Group,Email\r\n';
    const bad = `${header}N1,Nia,New,Y7,7A,\r\nN2,Owen,New,Year 14,7A,\r\nN3,Pip,New,Y8,8B,pip@\r\nN1,Nia,Twice,Y7,7A,\r\nN4,Quin,New,Yr 9,9C,quin@example.org\r\n`;
    const before = await snapshot();
    const preview = (await admin.post(`${base}/preview`, { kind: 'pupils', csv: bad })).json();
    expect(
      preview.plan.problems.map((p: { line: number; column: string; reason: string }) => [
        p.line,
        p.column,
        p.reason,
      ]),
    ).toEqual([
      [2, 'UPN', 'the MIS id "N1" is also on line 5'],
      [3, 'Year', '"Year 14" is not a year group: expected Reception or Year 1 to Year 13 (R, Y5, Yr 9, 10)'],
      [4, 'Email', '"pip@" is not an e-mail address'],
      [5, 'UPN', 'the MIS id "N1" is also on line 2'],
    ]);
    expect(preview.counts).toMatchObject({ added: 1, badRows: 4 });

    const refused = await admin.post(base, { kind: 'pupils', csv: bad, confirm: 'all' });
    expectError(refused, 422, 'import-has-problems');
    expect(refused.json().error.details[0]).toEqual({
      path: 'line 2.UPN',
      reason: 'the MIS id "N1" is also on line 5',
    });
    expect(await snapshot()).toEqual(before);

    const missing = await admin.post(base, {
      kind: 'pupils',
      csv: 'UPN,Forename\r\nX1,Ann\r\n',
      confirm: 'skip-bad-rows',
    });
    expectError(missing, 422, 'import-has-problems');
    expect(await snapshot()).toEqual(before);

    t.clock.advance(60_000);
    const skipped = await admin.post(base, { kind: 'pupils', csv: bad, confirm: 'skip-bad-rows' });
    expect(skipped.statusCode, skipped.body).toBe(201);
    expect(skipped.json().counts).toMatchObject({ added: 1, badRows: 4 });
    expect((await people('pupil')).filter((p) => p.mis_id?.startsWith('N')).map((p) => p.mis_id)).toEqual([
      'N4',
    ]);

    const runs = (await admin.get(base)).json().runs;
    expect(runs[0]).toMatchObject({
      kind: 'pupils',
      confirm: 'skip-bad-rows',
      counts: { added: 1, badRows: 4 },
      by: { label: expect.any(String) },
    });
    expect(runs[0].fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[0].problems).toHaveLength(4);
  });

  it('names the line of bytes that are not UTF-8, and reads the file as windows-1252 when told', async () => {
    const bytes = Buffer.concat([
      Buffer.from('UPN,Legal Forename,Legal Surname,Year,Reg Group\r\nW1,Zo', 'latin1'),
      Buffer.from([0xeb]),
      Buffer.from(',Bront\xeb,Y10,10A\r\n', 'latin1'),
    ]);
    const utf8 = (
      await admin.post(`${base}/preview`, { kind: 'pupils', base64: bytes.toString('base64') })
    ).json();
    expect(utf8.plan.importable).toBe(false);
    expect(utf8.plan.problems).toEqual([
      {
        line: 2,
        field: null,
        column: null,
        reason:
          'byte 0xeb at column 6 is not valid UTF-8: if the file came from SIMS, import it as windows-1252',
      },
    ]);
    const cp1252 = await admin.post(base, {
      kind: 'pupils',
      base64: bytes.toString('base64'),
      encoding: 'windows-1252',
      confirm: 'all',
    });
    expect(cp1252.statusCode, cp1252.body).toBe(201);
    expect((await people('pupil')).find((p) => p.mis_id === 'W1')).toMatchObject({
      display_name: 'Zoë Brontë',
      year_group: 'Year 10',
    });

    const broken = (
      await admin.post(`${base}/preview`, {
        kind: 'pupils',
        csv: 'UPN,Forename,Surname,Year\r\nA,"B,C,7\r\n',
      })
    ).json();
    expect(broken.plan.problems).toEqual([
      { line: 2, field: null, column: null, reason: 'a quoted field is never closed (a " is missing)' },
    ]);
  });

  it('keeps imports to those who manage the directory, and validates what is sent', async () => {
    expectError(await dsl.post(`${base}/preview`, { kind: 'pupils', csv: files.pupils }), 403, 'forbidden');
    expectError(await dsl.get(base), 403, 'forbidden');
    expectError(await admin.post(`${base}/preview`, { kind: 'pupils' }), 400, 'validation');
    expectError(await admin.post(`${base}/preview`, { kind: 'visitors', csv: 'a' }), 400, 'validation');
    expectError(
      await admin.post(base, { kind: 'pupils', csv: files.pupils, confirm: 'maybe' }),
      400,
      'validation',
    );
  });
});
