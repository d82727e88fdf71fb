/**
 * Agreements over HTTP (issue 6): each seed school's agreements stored as version 1 on first use;
 * a KS1 parent signs for their child with the seed's form (ten SAFE ticks, trusted adults); the
 * record keeps the version's text hash, who signed, for whom, when and from where, and is
 * append-only; an imported school text is version 2 and everyone signs again, a signature on the
 * old one refused with the current one offered; seed 001's staff form waits for an authorised
 * signature by someone else; a withdrawal is a new record; pupils' signatures lapse with the school
 * year. R000-034, R000-048, R001-018, R001-052, R001-059, R001-187, R001-195, R001-196, R001-222,
 * R001-223, R002-025, R003-030, R004-017, R004-071.
 */
import { createHash } from 'node:crypto';
import { agreements } from '@haven/core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { createAccount } from '../../src/repositories/accounts.ts';
import { listPeople, listWards, type Person } from '../../src/repositories/people.ts';
import { requiredFor } from '../../src/services/agreement-service.ts';
import { makeDocx } from '../helpers/docx.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

const PASSWORD = 'copper lantern orchard breeze';

/** Answers that fill every field of a form (dates as YYYY-MM-DD). */
export function fillFields(fields: readonly agreements.SignatureField[], day: string) {
  return Object.fromEntries(
    fields.map((f) => {
      const one = f.type === 'date' ? day : `${f.label.replace(/_+/g, '').trim()} answer`;
      return [f.id, f.blanks > 1 ? Array.from({ length: f.blanks }, (_, i) => `${one} ${i + 1}`) : one];
    }),
  );
}

forEachHaven('agreements over HTTP', (t) => {
  let demo: DemoResult;
  let signIns: SignIns;
  let schoolId: string;
  let pupil: Person;
  let parent: TestBrowser;
  let teacher: TestBrowser;
  let admin: TestBrowser;
  const base = () => `/api/schools/${schoolId}/agreements`;
  const day = () => t.clock.now().toISOString().slice(0, 10);

  beforeEach(() => t.clock.advance(1000));

  beforeAll(async () => {
    t.clock.set(new Date('2026-12-02T10:00:00.000Z'));
    demo = await createDemoSchool(t.haven, 'primary-advantage', { pupils: 6 });
    schoolId = demo.school.id;
    signIns = new SignIns(t);
    pupil = (await listPeople(t.haven.db, schoolId, { kind: 'pupil', yearGroup: 'Year 1' })).items[0]!;
    const guardians = await t.haven.db
      .selectFrom('guardianships')
      .select('parent_id')
      .where('pupil_id', '=', pupil.id)
      .executeTakeFirstOrThrow();
    await createAccount(t.haven.db, {
      schoolId,
      personId: guardians.parent_id,
      email: 'parent@primary-advantage.example',
      displayName: 'A parent',
      passwordHash: await hashPassword(PASSWORD),
      grants: ['parent'],
    });
    expect((await listWards(t.haven.db, guardians.parent_id)).map((w) => w.person.id)).toEqual([pupil.id]);
    parent = await signIns.browser({ email: 'parent@primary-advantage.example', password: PASSWORD });
    teacher = await signIns.browser(credential(demo, 'teacher'));
    admin = await signIns.browser(credential(demo, 'admin'));
  });

  it("lists the school's agreements, version 1 from the template, each following its seed", async () => {
    const res = await parent.get(base());
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json() as { id: string; version: number; seed: string | null; textHash: string }[];
    expect(rows.map(({ id, version, seed }) => ({ id, version, seed }))).toEqual(
      agreements
        .agreementSummaries('primary-advantage')
        .map(({ id, version, seed }) => ({ id, version, seed })),
    );
    const ks1 = agreements.agreementTemplate('primary-advantage', 'ks1-pupil')!;
    const text = (await parent.get(`${base()}/ks1-pupil`)).json();
    expect(text.agreement).toEqual(ks1);
    expect(text.textHash).toBe(createHash('sha256').update(agreements.canonicalText(ks1)).digest('hex'));
  });

  it('shows a parent what they sign for their child', async () => {
    const mine = (await parent.get(`${base()}/mine`)).json();
    expect(mine.required.map((r: { agreement: string }) => r.agreement)).toEqual(['parent']);
    expect(mine.children).toHaveLength(1);
    expect(mine.children[0].person.id).toBe(pupil.id);
    expect(mine.children[0].required).toMatchObject([
      { agreement: 'ks1-pupil', signer: 'parent', signed: false, state: 'unsigned' },
    ]);
  });

  it('a KS1 parent signs for their child on a phone: all ten SAFE ticks and the trusted adults', async () => {
    const text = (await parent.get(`${base()}/ks1-pupil`)).json();
    const ks1 = text.agreement as agreements.AgreementTemplate;
    const items = ks1.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.label)).toEqual([
      'ALLOWED',
      'CHECK',
      'ASK',
      'THINK',
      'KNOW',
      'SECRETS',
      'CLOTHES',
      'RESPONSIBLE',
      'KIND',
      'TELL',
    ]);
    const answers = {
      agreed: true,
      ticks: items.map((i) => i.id),
      fields: fillFields(ks1.form.fields, day()),
    };
    const sign = (body: unknown, who = parent) => who.post(`${base()}/ks1-pupil/sign`, body);

    // Nine ticks are not ten.
    const short = await sign({
      personId: pupil.id,
      version: 1,
      textHash: text.textHash,
      answers: { ...answers, ticks: answers.ticks.slice(1) },
    });
    expect(expectError(short, 400, 'validation').details).toEqual([
      { path: `answers.ticks.${items[0]!.id}`, reason: `"${items[0]!.label}" must be ticked` },
    ]);
    // A member of staff is not the pupil's parent.
    expectError(
      await sign({ personId: pupil.id, version: 1, textHash: text.textHash, answers }, teacher),
      403,
      'forbidden',
    );

    const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
    const res = await parent.request(
      'POST',
      `${base()}/ks1-pupil/sign`,
      { personId: pupil.id, version: 1, textHash: text.textHash, answers },
      { 'user-agent': phone },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      agreement: 'ks1-pupil',
      version: 1,
      personId: pupil.id,
      relation: 'parent',
      state: 'signed',
    });
    const row = await t.haven.db
      .selectFrom('agreement_signatures')
      .selectAll()
      .where('id', '=', res.json().signatureId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'signed',
      person_id: pupil.id,
      relation: 'parent',
      text_hash: text.textHash,
      user_agent: phone,
    });
    expect(row.ip).toBeTruthy();
    expect(JSON.parse(row.answers).ticks).toHaveLength(10);
    expect((await parent.get(`${base()}/mine`)).json().children[0].required[0]).toMatchObject({
      signed: true,
      state: 'signed',
    });

    // The signer's copy: a PDF for the parent; to a teacher the record does not exist.
    const copy = await parent.get(`${base()}/signatures/${row.id}/copy.pdf`);
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-type']).toBe('application/pdf');
    expect(copy.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectError(await teacher.get(`${base()}/signatures/${row.id}/copy.pdf`), 404, 'not-found');

    // Signatures are never edited: the database itself refuses.
    await expect(
      t.haven.db
        .updateTable('agreement_signatures')
        .set({ kind: 'withdrawn' })
        .where('id', '=', row.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.haven.db.deleteFrom('agreement_signatures').where('id', '=', row.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('an imported school text is a new version: everyone signs again, and the old version is refused with the current one', async () => {
    const before = (await parent.get(`${base()}/ks1-pupil`)).json();
    const doc = makeDocx([
      { text: 'How I stay SAFE online', style: 'Title' },
      ...['I use the devices I am ALLOWED to.', 'I ASK for help.', 'I TELL a trusted adult.'].map((text) => ({
        text,
        list: true,
      })),
    ]);
    expectError(
      await teacher.post(`${base()}/ks1-pupil/versions`, {
        filename: 'ks1.docx',
        content: doc.toString('base64'),
      }),
      403,
      'forbidden',
    );
    const bad = await admin.post(`${base()}/ks1-pupil/versions`, {
      filename: 'ks1.docx',
      content: Buffer.from('not a zip').toString('base64'),
    });
    expect(expectError(bad, 400, 'validation').details).toEqual([
      { path: 'file', reason: 'ks1.docx is not a .docx file: it is not a zip archive' },
    ]);
    const imported = await admin.post(`${base()}/ks1-pupil/versions`, {
      filename: 'ks1.docx',
      content: doc.toString('base64'),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({
      id: 'ks1-pupil',
      version: 2,
      title: 'How I stay SAFE online',
      items: 3,
    });

    const mine = (await parent.get(`${base()}/mine`)).json();
    expect(mine.children[0].required[0]).toMatchObject({
      agreement: 'ks1-pupil',
      version: 2,
      signed: false,
      state: 'unsigned',
    });

    const ks1 = before.agreement as agreements.AgreementTemplate;
    const old = await parent.post(`${base()}/ks1-pupil/sign`, {
      personId: pupil.id,
      version: 1,
      textHash: before.textHash,
      answers: {
        agreed: true,
        ticks: ks1.sections.flatMap((s) => s.items.map((i) => i.id)),
        fields: fillFields(ks1.form.fields, day()),
      },
    });
    const error = expectError(old, 409, 'agreement.outdated');
    const current = (await parent.get(`${base()}/ks1-pupil`)).json();
    expect(error.details).toEqual([
      { path: 'version', reason: '2' },
      { path: 'versionId', reason: current.versionId },
      { path: 'textHash', reason: current.textHash },
    ]);
    const v2 = current.agreement as agreements.AgreementTemplate;
    const ok = await parent.post(`${base()}/ks1-pupil/sign`, {
      personId: pupil.id,
      version: 2,
      textHash: current.textHash,
      answers: {
        agreed: true,
        ticks: v2.sections.flatMap((s) => s.items.map((i) => i.id)),
        fields: fillFields(v2.form.fields, day()),
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("seed 001's staff form waits for the authorised signature of someone else", async () => {
    const text = (await teacher.get(`${base()}/staff`)).json();
    const staff = text.agreement as agreements.AgreementTemplate;
    const res = await teacher.post(`${base()}/staff/sign`, {
      version: text.version,
      textHash: text.textHash,
      answers: { agreed: true, fields: fillFields(staff.form.fields, day()) },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'awaiting-approval', approver: 'Authorised signature' });
    expect((await teacher.get(`${base()}/mine`)).json().required[0]).toMatchObject({
      agreement: 'staff',
      signed: false,
      state: 'awaiting-approval',
    });

    const approvals = (await admin.get(`${base()}/approvals`)).json();
    expect(approvals).toHaveLength(1);
    const url = `${base()}/signatures/${res.json().signatureId}/approve`;
    expectError(
      await teacher.post(url, { fields: fillFields(staff.form.approval!.fields, day()) }),
      403,
      'forbidden',
    );
    expectError(await admin.post(url, { fields: {} }), 400, 'validation');
    const approved = await admin.post(url, { fields: fillFields(staff.form.approval!.fields, day()) });
    expect(approved.statusCode, approved.body).toBe(201);
    expectError(
      await admin.post(url, { fields: fillFields(staff.form.approval!.fields, day()) }),
      409,
      'conflict',
    );
    expect((await teacher.get(`${base()}/mine`)).json().required[0]).toMatchObject({
      signed: true,
      state: 'signed',
    });
  });

  it('a withdrawal is a new record, and the agreement is unsigned again', async () => {
    // Not someone else's: the teacher is not the pupil's parent.
    expectError(await teacher.post(`${base()}/ks1-pupil/withdraw`, { personId: pupil.id }), 403, 'forbidden');
    const res = await teacher.post(`${base()}/staff/withdraw`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect((await teacher.get(`${base()}/mine`)).json().required[0]).toMatchObject({
      signed: false,
      state: 'unsigned',
    });
    const kinds = await t.haven.db
      .selectFrom('agreement_signatures')
      .select(['kind', 'agreement_id'])
      .where('school_id', '=', schoolId)
      .orderBy('at')
      .execute();
    expect(kinds.map((k) => `${k.agreement_id}:${k.kind}`)).toEqual([
      'ks1-pupil:signed',
      'ks1-pupil:signed',
      'staff:signed',
      'staff:approved',
      'staff:withdrawn',
    ]);
  });

  it("pupils' signatures lapse at the start of the next school year", async () => {
    const now = t.clock.now();
    expect(await requiredFor(t.haven, demo.school, pupil)).toMatchObject([
      { agreement: 'ks1-pupil', signed: true },
    ]);
    t.clock.set(new Date('2027-09-01T08:00:00.000Z'));
    expect(await requiredFor(t.haven, demo.school, pupil)).toMatchObject([
      { agreement: 'ks1-pupil', signed: false, state: 'lapsed' },
    ]);
    t.clock.set(now);
  });

  it('shows who has signed what to the leadership, audit-logged', async () => {
    expectError(await teacher.get(`${base()}/records`), 403, 'forbidden');
    const rows = (await admin.get(`${base()}/records`)).json() as {
      person: { id: string };
      required: { agreement: string; state: string }[];
    }[];
    expect(rows.find((r) => r.person.id === pupil.id)!.required).toEqual([
      expect.objectContaining({ agreement: 'ks1-pupil', state: 'signed' }),
    ]);
    const logged = await t.haven.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'agreement.records-viewed')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });
});
