/**
 * The policy over HTTP: its matrices, its readable document, and versions — a validated draft
 * that becomes current only when the governors' approval is recorded (R001-011), with the next
 * review derived from the approval date (R000-008, R001-009), all in the audit log.
 */
import { policy } from '@haven/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { listPolicyVersions } from '../../src/repositories/policy-versions.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { saveDraft } from '../../src/services/policy-service.ts';
import { makeSchool } from '../helpers/fixtures.ts';
import { forEachHaven, type TestBrowser } from '../helpers/havens.ts';
import { credential, expectError, SignIns } from '../helpers/http.ts';

type Doc = policy.PolicyDocument;
const clone = <T>(value: T): T => structuredClone(value);
const MARK = '<evil-tag onload=x>';

/** Every string value in the document with MARK added, except where the schema then refuses it. */
function tainted(doc: Doc): unknown {
  const out = clone(doc) as unknown;
  const taint = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return `${value}${MARK}`;
    if (Array.isArray(value)) return value.map((v) => taint(v));
    if (value && typeof value === 'object') {
      // Sanctions cells are keyed by the column names: taint the keys with the names.
      const taintKeys = key === 'cells' && Object.values(value).every((v) => typeof v === 'boolean');
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [taintKeys ? `${k}${MARK}` : k, taint(v, k)]),
      );
    }
    return value;
  };
  const candidate = taint(out);
  for (let round = 0; round < 5; round++) {
    const result = policy.validatePolicy(candidate);
    if (result.ok) return candidate;
    for (const problem of result.problems) restore(candidate, doc, problem.path);
  }
  throw new Error('could not taint the document and keep it valid');
}

/** Puts back the original value at a dotted path such as `roles[0].kinds[1]`. */
function restore(target: unknown, original: unknown, path: string): void {
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  let t = target as Record<string, unknown>;
  let o = original as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (!t?.[part] || !o?.[part]) return;
    t = t[part] as Record<string, unknown>;
    o = o[part] as Record<string, unknown>;
  }
  const last = parts.at(-1);
  if (last !== undefined && t && o) t[last] = clone(o[last]);
}

forEachHaven('the policy over HTTP: matrices, document, versions and approval', (t) => {
  let demo: DemoResult;
  let admin: TestBrowser;
  let governor: TestBrowser;
  let base: string;
  let template: Doc;

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const versions = async () =>
    (await admin.get(`${base}/policy/versions`)).json().versions as {
      versionId: string;
      version: number;
      status: string;
      approvedOn: string | null;
      nextReview: string | null;
    }[];

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
    const signIns = new SignIns(t);
    admin = await signIns.browser(credential(demo, 'admin'));
    governor = await signIns.browser(credential(demo, 'governor'));
    base = `/api/schools/${demo.school.id}`;
    template = policy.template('milford-haven')!;
  });

  describe('matrices', () => {
    const PRESENT = ['communications', 'user-actions', 'pupil-sanctions', 'staff-sanctions'] as const;

    it('has exactly the four matrices the Milford Haven seed gives (no devices matrix)', () => {
      expect(policy.matricesOf(template).sort()).toEqual([...PRESENT].sort());
      expect(Object.keys(policy.MATRIX_NAMES).sort()).toEqual([...PRESENT, 'devices'].sort());
    });

    for (const name of PRESENT) {
      it(`GET policy/matrices/${name} returns the matrix view`, async () => {
        const res = await governor.get(`${base}/policy/matrices/${name}`);
        expect(res.statusCode).toBe(200);
        const view = res.json() as policy.MatrixView;
        expect(view.matrix).toBe(name);
        expect(view.title.length).toBeGreaterThan(0);
        expect(view.rows.length).toBeGreaterThan(0);
        expect(view.columns.length).toBeGreaterThan(0);
        for (const row of view.rows) expect(Object.keys(row.cells).sort()).toEqual([...view.columns].sort());
        expect(view).toEqual(JSON.parse(JSON.stringify(policy.matrixView(template, name))));
      });
    }

    it('GET policy/matrices/devices: 404 policy.no-matrix, naming the school', async () => {
      const error = expectError(
        await governor.get(`${base}/policy/matrices/devices`),
        404,
        'policy.no-matrix',
      );
      expect(error.message).toContain('Milford Haven School');
    });

    it('an unknown matrix name: 404 not-found (also for names of object properties)', async () => {
      for (const name of ['nonsense', 'userActions', 'constructor', '__proto__', 'toString']) {
        expectError(await governor.get(`${base}/policy/matrices/${name}`), 404, 'not-found');
      }
    });
  });

  describe('document', () => {
    it('returns the current policy as HTML naming the school', async () => {
      const res = await governor.get(`${base}/policy/document`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toMatch(/^<!doctype html>/);
      expect(res.body).toContain('Milford Haven School');
      expect(res.body).toContain(template.title.replace(/&/g, '&amp;'));
      expect(res.body).toContain('version 1');
    });

    it('returns the current policy as JSON too, with its matrices listed', async () => {
      const res = await governor.get(`${base}/policy`);
      expect(res.statusCode).toBe(200);
      expect(res.json().version.status).toBe('current');
      expect(res.json().document.school.name).toBe('Milford Haven School');
      expect(res.json().matrices.sort()).toEqual(policy.matricesOf(template).sort());
    });
  });

  describe('versions', () => {
    it('refuses an invalid document with 400 validation naming each problem, and saves nothing', async () => {
      const before = (await versions()).length;
      const doc = clone(template) as unknown as {
        matrices: { communications: { rows: { cells: Record<string, unknown> }[] } };
        review: { intervalMonths: unknown };
      };
      doc.matrices.communications.rows[0]!.cells.pupils = 'SOMETIMES';
      doc.review.intervalMonths = -3;
      const res = await admin.post(`${base}/policy/versions`, { document: doc });
      const error = expectError(res, 400, 'validation');
      expect(error.message).toBe('The policy document is not valid.');
      const paths = error.details!.map((d) => d.path);
      expect(paths).toContain('matrices.communications.rows[0].cells.pupils');
      expect(paths).toContain('review.intervalMonths');
      const cell = error.details!.find((d) => d.path === 'matrices.communications.rows[0].cells.pupils')!;
      expect(cell.reason).toBe('must be one of A, CT, SS, SP, NA');

      for (const document of [{}, 'a policy', null, [template]]) {
        const bad = expectError(await admin.post(`${base}/policy/versions`, { document }), 400, 'validation');
        expect(bad.details!.length).toBeGreaterThan(0);
      }
      const unknownField = expectError(
        await admin.post(`${base}/policy/versions`, { document: { ...clone(template), surprise: true } }),
        400,
        'validation',
      );
      expect(unknownField.details).toContainEqual({ path: 'surprise', reason: 'unknown field' });
      expect((await versions()).length).toBe(before);
    });

    it('saves a valid document as a new draft (201) that is not current until approved (R001-011)', async () => {
      const before = await versions();
      const res = await admin.post(`${base}/policy/versions`, { document: template });
      expect(res.statusCode).toBe(201);
      const draft = res.json() as { versionId: string; version: number; status: string };
      expect(draft.status).toBe('draft');
      expect(draft.version).toBe(Math.max(...before.map((v) => v.version)) + 1);
      const after = await versions();
      expect(after.find((v) => v.versionId === draft.versionId)?.status).toBe('draft');
      const current = (await admin.get(`${base}/policy`)).json().version;
      expect(current.versionId).not.toBe(draft.versionId);
      expect(current.status).toBe('current');
    });

    it('records approval: the draft becomes current, the old one superseded, next review = approvedOn + interval', async () => {
      const old = (await admin.get(`${base}/policy`)).json().version as { versionId: string };
      const doc = clone(template);
      doc.review.intervalMonths = 36;
      const draft = (await admin.post(`${base}/policy/versions`, { document: doc })).json() as {
        versionId: string;
        version: number;
      };
      const approvedOn = '2026-02-28';
      const res = await admin.post(`${base}/policy/versions/${draft.versionId}/approval`, {
        approvedOn,
        approvedBy: 'Full governing body',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: draft.versionId,
        version: draft.version,
        status: 'approved',
        approvedOn,
        approvedBy: 'Full governing body',
        nextReview: '2029-02-28',
      });
      expect(res.json().nextReview).toBe(policy.addMonths(approvedOn, 36));

      const list = await versions();
      expect(list.filter((v) => v.status === 'current').map((v) => v.versionId)).toEqual([draft.versionId]);
      expect(list.find((v) => v.versionId === old.versionId)?.status).toBe('superseded');
      const current = (await governor.get(`${base}/policy`)).json();
      expect(current.version.versionId).toBe(draft.versionId);
      expect(current.version.nextReview).toBe('2029-02-28');
      expect(current.document.review.intervalMonths).toBe(36);

      // Approving it again, or approving the superseded one: 409 conflict, nothing changes.
      expectError(
        await admin.post(`${base}/policy/versions/${draft.versionId}/approval`, {
          approvedOn,
          approvedBy: 'Again',
        }),
        409,
        'conflict',
      );
      expectError(
        await admin.post(`${base}/policy/versions/${old.versionId}/approval`, {
          approvedOn,
          approvedBy: 'Again',
        }),
        409,
        'conflict',
      );
      expect(await versions()).toEqual(list);
    });

    it('derives the next review with month ends clamped (31 Aug + 12 months = 31 Aug; 31 Jan + 1 = 28 Feb)', async () => {
      for (const [approvedOn, months, expected] of [
        ['2025-08-31', 12, '2026-08-31'],
        ['2026-01-31', 1, '2026-02-28'],
      ] as const) {
        const doc = clone(template);
        doc.review.intervalMonths = months;
        const draft = (await admin.post(`${base}/policy/versions`, { document: doc })).json()
          .versionId as string;
        const res = await admin.post(`${base}/policy/versions/${draft}/approval`, {
          approvedOn,
          approvedBy: 'FGB',
        });
        expect(res.json().nextReview).toBe(expected);
      }
    });

    it('refuses an approval date in the future with 400, leaving the draft a draft', async () => {
      const draft = (await admin.post(`${base}/policy/versions`, { document: template })).json()
        .versionId as string;
      const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
      const error = expectError(
        await admin.post(`${base}/policy/versions/${draft}/approval`, {
          approvedOn: tomorrow,
          approvedBy: 'FGB',
        }),
        400,
        'validation',
      );
      expect(error.details).toEqual([{ path: 'approvedOn', reason: 'cannot be in the future' }]);
      expect((await versions()).find((v) => v.versionId === draft)?.status).toBe('draft');
      // Today is fine.
      const ok = await admin.post(`${base}/policy/versions/${draft}/approval`, {
        approvedOn: today(),
        approvedBy: 'FGB',
      });
      expect(ok.statusCode).toBe(200);
    });

    it("refuses an unknown version and another school's version with 404, changing nothing", async () => {
      const before = await versions();
      expectError(
        await admin.post(`${base}/policy/versions/no-such-version/approval`, {
          approvedOn: today(),
          approvedBy: 'FGB',
        }),
        404,
        'not-found',
      );
      const other = await makeSchool(t.haven.db);
      const theirs = await saveDraft(t.haven, SYSTEM_ACTOR, other.id, template, { skipAuthorise: true });
      expectError(
        await admin.post(`${base}/policy/versions/${theirs.id}/approval`, {
          approvedOn: today(),
          approvedBy: 'FGB',
        }),
        404,
        'not-found',
      );
      expect((await listPolicyVersions(t.haven.db, other.id))[0]?.status).toBe('draft');
      expect(await versions()).toEqual(before);
    });

    it('records drafts and approvals in the audit log, by the admin, with the superseded version', async () => {
      const current = (await admin.get(`${base}/policy`)).json().version.versionId as string;
      const draft = (await admin.post(`${base}/policy/versions`, { document: template })).json() as {
        versionId: string;
        version: number;
      };
      await admin.post(`${base}/policy/versions/${draft.versionId}/approval`, {
        approvedOn: today(),
        approvedBy: 'Full governing body',
      });
      const adminId = (await admin.get('/api/session')).json().account.id as string;
      const events = (await listAudit(t.haven.db, { targetId: draft.versionId })).items;
      const saved = events.find((e) => e.action === 'policy.draft-saved')!;
      const approved = events.find((e) => e.action === 'policy.approved')!;
      expect(saved.detail).toEqual({ version: draft.version });
      expect(saved.actorAccountId).toBe(adminId);
      expect(saved.schoolId).toBe(demo.school.id);
      expect(approved.detail).toEqual({ version: draft.version, approvedOn: today(), superseded: [current] });
      expect(approved.actorAccountId).toBe(adminId);
      expect(approved.seq).toBeGreaterThan(saved.seq);
      // A refused draft leaves no draft-saved event.
      const count = (await listAudit(t.haven.db, { action: 'policy.draft-saved', limit: 500 })).items.length;
      await admin.post(`${base}/policy/versions`, { document: {} });
      expect((await listAudit(t.haven.db, { action: 'policy.draft-saved', limit: 500 })).items.length).toBe(
        count,
      );
    });

    it('escapes every text of the document in the HTML: no markup from a policy reaches the page', async () => {
      const doc = tainted(template);
      expect(JSON.stringify(doc).split(MARK).length).toBeGreaterThan(100);
      const draft = (await admin.post(`${base}/policy/versions`, { document: doc })).json()
        .versionId as string;
      const approved = await admin.post(`${base}/policy/versions/${draft}/approval`, {
        approvedOn: today(),
        approvedBy: 'FGB',
      });
      expect(approved.statusCode).toBe(200);
      const res = await governor.get(`${base}/policy/document`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<evil-tag');
      expect(res.body.split('&lt;evil-tag onload=x&gt;').length).toBeGreaterThan(100);

      // Put the plain template back as the current version.
      const clean = (await admin.post(`${base}/policy/versions`, { document: template })).json()
        .versionId as string;
      const back = await admin.post(`${base}/policy/versions/${clean}/approval`, {
        approvedOn: today(),
        approvedBy: 'FGB',
      });
      expect(back.statusCode).toBe(200);
    });

    // Regression guard (was a bug, fixed): "in the future" is judged by the UTC date (policy-service.ts recordApproval compares
    // with haven.now().toISOString().slice(0, 10)), not the school's own date (school.timeZone,
    // Europe/London). From midnight to 1 am during British Summer Time the UK date is a day
    // ahead of UTC, so governors' approval recorded that night with that day's date is refused.
    // (The clock goes back to the summer before the tests' November; the admin's session then
    // counts as idle once it is put forward again, so this runs last.)
    it("accepts an approval dated today in the school's time zone (00:30 BST)", async () => {
      const saved = t.clock.now();
      try {
        t.clock.set(new Date('2026-06-01T00:30:00+01:00')); // 23:30 UTC on 31 May
        const draft = (await admin.post(`${base}/policy/versions`, { document: template })).json()
          .versionId as string;
        const res = await admin.post(`${base}/policy/versions/${draft}/approval`, {
          approvedOn: '2026-06-01',
          approvedBy: 'Full governing body',
        });
        expect(res.statusCode).toBe(200);
      } finally {
        t.clock.set(saved);
      }
    });
  });

  it('keeps an intact audit chain', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(10);
  });
});
