/**
 * R001-233 R001-234 R001-235 R001-236 R001-237 R001-238 R000-090 R003-093 R004-072 R001-185:
 * photo, video and internet consents over HTTP on both databases. Records are append-only (a change
 * is a new record); the school's "no response means consent" (seed 001) shows as assumed, never as
 * given, with the GDPR warning; a parent records only for their own child; the publishing check
 * answers pupil by pupil; every look is audit-logged with counts and no names.
 */
import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { createAccount } from '../../src/repositories/accounts.ts';
import { listGuardians, listPeople, type Person } from '../../src/repositories/people.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

forEachHaven('consents', (t) => {
  let demo: DemoResult;
  let milford: DemoResult;
  let signIns: SignIns;
  let admin: TestBrowser;
  let dsl: TestBrowser;
  let teacher: TestBrowser;
  let governor: TestBrowser;
  let parent: TestBrowser;
  let base: string;
  let pupils: Person[];
  let guardian: Person;
  const today = () => t.clock.now().toISOString().slice(0, 10);

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'primary-advantage', { pupils: 6 });
    milford = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    signIns = new SignIns(t);
    admin = await signIns.browser(credential(demo, 'admin'));
    dsl = await signIns.browser(credential(demo, 'dsl'));
    teacher = await signIns.browser(credential(demo, 'teacher'));
    governor = await signIns.browser(credential(demo, 'governor'));
    base = `/api/schools/${demo.school.id}/consents`;
    pupils = (await listPeople(t.haven.db, demo.school.id, { kind: 'pupil' })).items;
    guardian = (await listGuardians(t.haven.db, pupils[0]!.id))[0]!.person;
    const password = 'parent pass phrase for tests';
    await createAccount(t.haven.db, {
      schoolId: demo.school.id,
      personId: guardian.id,
      email: 'parent@primary-advantage.example',
      displayName: guardian.displayName,
      passwordHash: await hashPassword(password),
      grants: ['parent'],
    });
    parent = await signIns.browser({ email: 'parent@primary-advantage.example', password });
  });

  const stateOf = (body: { states: { purpose: string; state: string }[] }, purpose: string) =>
    body.states.find((s) => s.purpose === purpose)?.state;

  it("lists seed 001's three appendix 6 purposes with the school's stated defaults", async () => {
    const res = await teacher.get(`${base}/purposes`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.purposes.map((p: { id: string; noResponse: string }) => [p.id, p.noResponse])).toEqual([
      ['school-photos', 'assumed'],
      ['third-party-photos', 'none'],
      ['supervised-internet', 'none'],
    ]);
    expect(body.form.fields).toEqual([
      'Parent/Carer Name:',
      'Parent/Carer Signature:',
      "Child's Name:",
      "Child's Year:",
      'Date',
    ]);
    expect(body.warning).toMatch(/silence or inactivity as consent/);
  });

  it('shows every pupil with no response as assumed, not given, and warns', async () => {
    const year = pupils[0]!.yearGroup!;
    const res = await teacher.get(`${base}?yearGroup=${encodeURIComponent(year)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.groups.length).toBeGreaterThan(0);
    expect(body.pupils.length).toBe(pupils.filter((p) => p.yearGroup === year).length);
    for (const row of body.pupils) {
      expect(stateOf(row, 'school-photos')).toBe('assumed');
      expect(stateOf(row, 'third-party-photos')).toBe('none');
      expect(stateOf(row, 'supervised-internet')).toBe('none');
    }
    expect(body.warning).toMatch(/Article 4\(11\)/);
    // Without a class or year: only the groups to choose from, and nothing audit-logged.
    const groups = (await teacher.get(base)).json();
    expect(groups.pupils).toEqual([]);
    expect(groups.groups.reduce((n: number, g: { pupils: number }) => n + g.pupils, 0)).toBe(pupils.length);
  });

  it('records a paper form from the office, naming the parent, and shows it with its history', async () => {
    const pupil = pupils[0]!;
    const res = await admin.post(`${base}/pupils/${pupil.id}`, {
      purpose: 'school-photos',
      decision: 'given',
      method: 'paper-form',
      parentId: guardian.id,
      decidedOn: today(),
      formSigned: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().state).toMatchObject({
      purpose: 'school-photos',
      state: 'given',
      since: today(),
      by: `${guardian.displayName} (parent)`,
      method: 'paper-form',
    });
    const view = (await teacher.get(`${base}/pupils/${pupil.id}`)).json();
    expect(stateOf(view, 'school-photos')).toBe('given');
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({
      decision: 'given',
      parentName: guardian.displayName,
      relationship: 'parent',
      formSigned: true,
      recordedBy: credential(demo, 'admin').email,
    });
    expect(view.guardians.map((g: { parentId: string }) => g.parentId)).toContain(guardian.id);
  });

  it("lets a parent see and withdraw their own child's consent, online", async () => {
    const pupil = pupils[0]!;
    const mine = (await parent.get(`${base}/mine`)).json();
    expect(mine.children.map((c: { pupil: { id: string } }) => c.pupil.id)).toEqual([pupil.id]);
    expect(stateOf(mine.children[0], 'school-photos')).toBe('given');
    const res = await parent.post(`${base}/pupils/${pupil.id}`, {
      purpose: 'school-photos',
      decision: 'withdrawn',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().state).toMatchObject({ state: 'withdrawn', method: 'parent-online', since: today() });
    const view = (await parent.get(`${base}/pupils/${pupil.id}`)).json();
    expect(view.history.map((h: { decision: string }) => h.decision)).toEqual(['withdrawn', 'given']);
    expect(view.guardians).toEqual([]);
    // The parent records for themselves, online only.
    await expectError(
      await parent.post(`${base}/pupils/${pupil.id}`, {
        purpose: 'supervised-internet',
        decision: 'given',
        method: 'paper-form',
      }),
      400,
      'validation',
    );
  });

  it('refuses a parent anything about a child who is not theirs', async () => {
    const other = pupils[1]!;
    await expectError(
      await parent.post(`${base}/pupils/${other.id}`, { purpose: 'school-photos', decision: 'refused' }),
      403,
      'forbidden',
    );
    await expectError(await parent.get(`${base}/pupils/${other.id}`), 403, 'forbidden');
    await expectError(await parent.get(base), 403, 'forbidden');
    await expectError(
      await parent.post(`${base}/check`, { purpose: 'school-photos', pupilIds: [other.id] }),
      403,
      'forbidden',
    );
    const count = await t.haven.db
      .selectFrom('consent_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pupil_id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('records refusals by phone and keeps teachers and governors from recording', async () => {
    const res = await dsl.post(`${base}/pupils/${pupils[2]!.id}`, {
      purpose: 'school-photos',
      decision: 'refused',
      method: 'phone',
      parentName: 'Mrs A Caller',
      relationship: 'grandmother',
      note: 'Rang the office',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().state).toMatchObject({
      state: 'refused',
      by: 'Mrs A Caller (grandmother)',
      method: 'phone',
    });
    await expectError(
      await teacher.post(`${base}/pupils/${pupils[3]!.id}`, {
        purpose: 'school-photos',
        decision: 'given',
        method: 'paper-form',
        parentName: 'X',
      }),
      403,
      'forbidden',
    );
    await expectError(await governor.get(`${base}/pupils/${pupils[3]!.id}`), 403, 'forbidden');
    await admin.post(`${base}/pupils/${pupils[1]!.id}`, {
      purpose: 'school-photos',
      decision: 'given',
      method: 'paper-form',
      parentName: 'B Parent',
    });
    await admin.post(`${base}/pupils/${pupils[1]!.id}`, {
      purpose: 'third-party-photos',
      decision: 'given',
      method: 'paper-form',
      parentName: 'B Parent',
    });
  });

  it('answers the publishing check pupil by pupil: yes, no, assumed (not given), unknown', async () => {
    const ids = pupils.slice(0, 4).map((p) => p.id);
    const res = await teacher.post(`${base}/check`, { purpose: 'school-photos', pupilIds: ids });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.pupils.map((p: { pupilId: string; answer: string }) => [p.pupilId, p.answer])).toEqual([
      [ids[0], 'no'],
      [ids[1], 'yes'],
      [ids[2], 'no'],
      [ids[3], 'assumed'],
    ]);
    expect(body.pupils[1]).toMatchObject({ name: pupils[1]!.displayName, by: 'B Parent', since: today() });
    expect(body.pupils[3]).toMatchObject({ since: null, by: null });
    expect(body).toMatchObject({ allYes: false, counts: { yes: 1, no: 2, assumed: 1, unknown: 0 } });
    expect(body.warning).toMatch(/does not treat silence or inactivity as consent/);

    // Seed 001's question 2: the deemed consent reaches the Trust, not the press.
    const two = [pupils[1]!.id, pupils[3]!.id];
    const press = (
      await teacher.post(`${base}/check`, {
        purpose: 'third-party-photos',
        use: 'press-publicity',
        pupilIds: two,
      })
    ).json();
    expect(press.pupils.map((p: { answer: string }) => p.answer)).toEqual(['yes', 'unknown']);
    expect(press.warning).toBeNull();
    const trust = (
      await teacher.post(`${base}/check`, {
        purpose: 'third-party-photos',
        use: 'hackney-learning-trust',
        pupilIds: two,
      })
    ).json();
    expect(trust.pupils.map((p: { answer: string }) => p.answer)).toEqual(['yes', 'assumed']);
    const yes = (
      await teacher.post(`${base}/check`, { purpose: 'school-photos', pupilIds: [pupils[1]!.id] })
    ).json();
    expect(yes).toMatchObject({ allYes: true, warning: null });
  });

  it('has no default at a school whose policy asks for written permission (Milford Haven)', async () => {
    const mBase = `/api/schools/${milford.school.id}/consents`;
    const mTeacher = await signIns.browser(credential(milford, 'teacher'));
    const mPupils = (await listPeople(t.haven.db, milford.school.id, { kind: 'pupil' })).items;
    const body = (
      await mTeacher.post(`${mBase}/check`, { purpose: 'website-photos', pupilIds: mPupils.map((p) => p.id) })
    ).json();
    expect(body.pupils.map((p: { answer: string }) => p.answer)).toEqual(['unknown', 'unknown']);
    expect(body.warning).toBeNull();
    // Another school's pupil is not one of these.
    await expectError(
      await mTeacher.post(`${mBase}/check`, { purpose: 'website-photos', pupilIds: [pupils[0]!.id] }),
      400,
      'validation',
    );
    await expectError(await mTeacher.get(`${base}/pupils/${pupils[0]!.id}`), 403, 'forbidden');
  });

  it('says precisely what is wrong with a bad record, and writes nothing', async () => {
    const before = await t.haven.db
      .selectFrom('consent_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const pupil = pupils[4]!.id;
    const bad = async (body: unknown, path: string) => {
      const res = await admin.post(`${base}/pupils/${pupil}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path.replace(/^body\./, ''))).toContain(
        path,
      );
    };
    await bad(
      { purpose: 'supervised-internet', decision: 'withdrawn', method: 'phone', parentName: 'P' },
      'decision',
    );
    await bad({ purpose: 'website-photos', decision: 'given', method: 'phone', parentName: 'P' }, 'purpose');
    await bad({ purpose: 'school-photos', decision: 'given', parentName: 'P' }, 'method');
    await bad({ purpose: 'school-photos', decision: 'given', method: 'phone' }, 'parentId');
    await bad(
      { purpose: 'school-photos', decision: 'given', method: 'phone', parentId: guardian.id },
      'parentId',
    );
    await bad(
      { purpose: 'school-photos', decision: 'given', method: 'phone', parentName: 'P', formSigned: true },
      'formSigned',
    );
    await bad(
      {
        purpose: 'school-photos',
        decision: 'given',
        method: 'phone',
        parentName: 'P',
        decidedOn: '2999-01-01',
      },
      'decidedOn',
    );
    await bad({ purpose: 'school-photos', decision: 'maybe', method: 'phone', parentName: 'P' }, 'decision');
    await expectError(
      await teacher.post(`${base}/check`, { purpose: 'school-photos', pupilIds: [pupil, 'nobody'] }),
      400,
      'validation',
    );
    const check = await teacher.post(`${base}/check`, {
      purpose: 'school-photos',
      pupilIds: [pupil, 'nobody'],
    });
    expect(check.json().error.details).toEqual([
      { path: 'pupilIds.1', reason: 'not a current pupil of this school' },
    ]);
    await expectError(await admin.get(`${base}/pupils/nobody`), 404, 'not-found');
    const after = await t.haven.db
      .selectFrom('consent_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers decisions sent at the same moment with 201 or 409, never a server error', async () => {
    const pupil = pupils[5]!.id;
    const sent = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.post(`${base}/pupils/${pupil}`, {
          purpose: 'supervised-internet',
          decision: 'given',
          method: 'phone',
          parentName: 'P Parent',
        }),
      ),
    );
    for (const res of sent) expect([201, 409]).toContain(res.statusCode);
    const seqs = (
      await t.haven.db.selectFrom('consent_records').select('seq').where('pupil_id', '=', pupil).execute()
    ).map((r) => r.seq);
    expect(seqs.length).toBe(sent.filter((r) => r.statusCode === 201).length);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('keeps consent records append-only in the database itself', async () => {
    await expect(
      t.haven.db.updateTable('consent_records').set({ decision: 'given' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.haven.db.deleteFrom('consent_records').execute()).rejects.toThrow(/append-only/);
  });

  it('audit-logs every look and every record with counts, never names or notes', async () => {
    expect((await verifyAudit(t.haven.db)).ok).toBe(true);
    const events = await t.haven.db
      .selectFrom('audit_events')
      .select(['action', 'detail', 'target_id'])
      .where('action', 'like', 'consent%')
      .where('school_id', '=', demo.school.id)
      .execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      'consents.viewed',
      'consents.pupil-viewed',
      'consents.own-viewed',
      'consent.recorded',
      'consents.checked',
    ])
      expect(actions, a).toContain(a);
    const text = JSON.stringify(events);
    for (const p of pupils) expect(text).not.toContain(p.displayName);
    expect(text).not.toContain(guardian.displayName);
    expect(text).not.toContain('Rang the office');
    expect(text).not.toContain('Mrs A Caller');
    const checked = events.find((e) => e.action === 'consents.checked' && JSON.parse(e.detail).pupils === 4)!;
    expect(JSON.parse(checked.detail)).toMatchObject({
      purpose: 'school-photos',
      pupils: 4,
      yes: 1,
      no: 2,
      assumed: 1,
    });
  });
});
