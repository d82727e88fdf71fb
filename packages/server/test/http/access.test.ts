/**
 * Access (R000-067 role-based access; docs/security.md "Access rules"): every route that takes
 * :schoolId, for every demo account, answers as the access table in core says — and as the
 * literal table below says, so a change to the rules is noticed here. An account never reaches
 * another school; anonymous requests get 401; a session part-way through two-factor gets 403
 * auth.mfa-required (R001-147).
 */

import { createHash, randomBytes } from 'node:crypto';
import { access, consents, policy } from '@haven/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { createFilterException } from '../../src/repositories/filter-exceptions.ts';
import { createFilterReviewRequest } from '../../src/repositories/filter-reviews.ts';
import { createGateway } from '../../src/repositories/gateways.ts';
import { addSuppressions } from '../../src/repositories/monitor-suppressions.ts';
import { createPerson, listPeople } from '../../src/repositories/people.ts';
import { listPolicyVersions } from '../../src/repositories/policy-versions.ts';
import { assignRole, listRoleAssignmentsBySchool } from '../../src/repositories/role-assignments.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { saveDraft } from '../../src/services/policy-service.ts';
import { agreementFixtures, agreementState } from '../helpers/agreements.ts';
import { filterState } from '../helpers/filter.ts';
import { forEachHaven, TestBrowser } from '../helpers/havens.ts';
import { credential, DEMO_ACCOUNTS, type DemoLocal, expectError, SignIns } from '../helpers/http.ts';
import {
  incidentState,
  makeAlert,
  makeBreach,
  makeDraft,
  makeEvidence,
  makeOpenIncident,
} from '../helpers/incidents.ts';
import {
  FIXTURE_SUPPRESSION,
  type RouteIds,
  SCHOOL_ROUTES,
  type SchoolRouteCase,
} from '../helpers/routes.ts';
import { makeNeedsAudit, makeTrainingRecord, trainingState } from '../helpers/training.ts';

/** What each demo account gets on each route, written out by hand. Keep in step with ACCESS_RULES. */
const EXPECTED: Record<string, Record<DemoLocal, number>> = {
  'GET /api/schools/:schoolId/overview': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/policy': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/policy/matrices/:matrix': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/policy/document': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/policy/versions': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'POST /api/schools/:schoolId/policy/versions': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/policy/versions/:versionId/approval': {
    admin: 200,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/people': { admin: 200, dsl: 200, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/people': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/people/imports/preview': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/people/imports': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/people/imports': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/role-assignments': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'DELETE /api/schools/:schoolId/role-assignments/:assignmentId': {
    admin: 204,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/filter/settings': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'PUT /api/schools/:schoolId/filter/settings': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/filter/groups': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'POST /api/schools/:schoolId/filter/explain': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/filter/exceptions': { admin: 200, dsl: 200, teacher: 200, governor: 403 },
  'POST /api/schools/:schoolId/filter/exceptions': { admin: 201, dsl: 201, teacher: 201, governor: 403 },
  'POST /api/schools/:schoolId/filter/exceptions/:id/approve': {
    admin: 200,
    dsl: 200,
    teacher: 403,
    governor: 403,
  },
  'POST /api/schools/:schoolId/filter/exceptions/:id/decline': {
    admin: 200,
    dsl: 200,
    teacher: 403,
    governor: 403,
  },
  'POST /api/schools/:schoolId/filter/exceptions/:id/withdraw': {
    admin: 200,
    dsl: 200,
    teacher: 200,
    governor: 403,
  },
  'GET /api/schools/:schoolId/filter/change-log': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/filter/illegal-hits': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/filter/decisions': { admin: 200, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/filter/reviews': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/filter/reviews/:id/handle': {
    admin: 200,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/filter/tests': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'POST /api/schools/:schoolId/filter/tests': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/filter/gateways': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/filter/gateways': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'DELETE /api/schools/:schoolId/filter/gateways/:id': { admin: 204, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/incidents/drafts': { admin: 201, dsl: 201, teacher: 201, governor: 201 },
  'PUT /api/schools/:schoolId/incidents/drafts/:id': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'POST /api/schools/:schoolId/incidents/drafts/:id/submit': {
    admin: 200,
    dsl: 200,
    teacher: 200,
    governor: 200,
  },
  'GET /api/schools/:schoolId/incidents/mine': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/incidents/summary': { admin: 200, dsl: 200, teacher: 403, governor: 200 },
  'GET /api/schools/:schoolId/incidents': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/incidents/:id': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/incidents/:id/entries': { admin: 403, dsl: 201, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/incidents/:id/recommend': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/incidents/:id/sanctions': {
    admin: 403,
    dsl: 201,
    teacher: 403,
    governor: 403,
  },
  'POST /api/schools/:schoolId/incidents/:id/nudes-review': {
    admin: 403,
    dsl: 201,
    teacher: 403,
    governor: 403,
  },
  'POST /api/schools/:schoolId/incidents/:id/close': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/incidents/:id/evidence': { admin: 403, dsl: 201, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/incidents/:id/evidence/:evidenceId': {
    admin: 403,
    dsl: 200,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/incidents/export.csv': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/incidents/:id/export.pdf': {
    admin: 403,
    dsl: 200,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/monitor/alerts': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/monitor/summaries': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/monitor/reports': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/monitor/alerts/:id/triage': {
    admin: 403,
    dsl: 200,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/monitor/suppressions': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/monitor/suppressions/remove': {
    admin: 403,
    dsl: 200,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/monitor/settings': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'PUT /api/schools/:schoolId/monitor/settings': { admin: 403, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/sso': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'PUT /api/schools/:schoolId/sso': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/breaches': { admin: 201, dsl: 201, teacher: 201, governor: 403 },
  'GET /api/schools/:schoolId/breaches': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/breaches/:id': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'PUT /api/schools/:schoolId/breaches/:id': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/breaches/:id/ico': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/breaches/:id/close': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/consents/purposes': { admin: 200, dsl: 200, teacher: 200, governor: 403 },
  'GET /api/schools/:schoolId/consents': { admin: 200, dsl: 200, teacher: 200, governor: 403 },
  'GET /api/schools/:schoolId/consents/mine': { admin: 403, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/consents/pupils/:pupilId': {
    admin: 200,
    dsl: 200,
    teacher: 200,
    governor: 403,
  },
  'POST /api/schools/:schoolId/consents/pupils/:pupilId': {
    admin: 201,
    dsl: 201,
    teacher: 403,
    governor: 403,
  },
  'POST /api/schools/:schoolId/consents/check': { admin: 200, dsl: 200, teacher: 200, governor: 403 },
  'GET /api/schools/:schoolId/training/mine': { admin: 403, dsl: 200, teacher: 200, governor: 200 },
  'POST /api/schools/:schoolId/training/mine/records': { admin: 403, dsl: 201, teacher: 201, governor: 201 },
  'POST /api/schools/:schoolId/training/mine/audit': { admin: 403, dsl: 201, teacher: 201, governor: 201 },
  'GET /api/schools/:schoolId/training/people': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/training/records': { admin: 201, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/training/records/:id/certificate': {
    admin: 200,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/training/audits': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/training/audits/:id/review': {
    admin: 200,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/training/summary': { admin: 200, dsl: 200, teacher: 403, governor: 200 },
  'GET /api/schools/:schoolId/compliance': { admin: 200, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/compliance/export.csv': { admin: 200, dsl: 200, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/compliance/summary': { admin: 200, dsl: 200, teacher: 403, governor: 200 },
  'GET /api/schools/:schoolId/agreements': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/agreements/mine': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/agreements/records': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/agreements/approvals': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'GET /api/schools/:schoolId/agreements/settings': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'PUT /api/schools/:schoolId/agreements/settings': { admin: 200, dsl: 403, teacher: 403, governor: 403 },
  'POST /api/schools/:schoolId/agreements/signatures/:signatureId/approve': {
    admin: 201,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
  'GET /api/schools/:schoolId/agreements/:agreementId': { admin: 200, dsl: 200, teacher: 200, governor: 200 },
  'GET /api/schools/:schoolId/agreements/signatures/:signatureId/copy.pdf': {
    admin: 200,
    dsl: 200,
    teacher: 200,
    governor: 200,
  },
  'POST /api/schools/:schoolId/agreements/:agreementId/sign': {
    admin: 403,
    dsl: 201,
    teacher: 201,
    governor: 201,
  },
  'POST /api/schools/:schoolId/agreements/:agreementId/withdraw': {
    admin: 403,
    dsl: 201,
    teacher: 201,
    governor: 201,
  },
  'POST /api/schools/:schoolId/agreements/:agreementId/versions': {
    admin: 201,
    dsl: 403,
    teacher: 403,
    governor: 403,
  },
};

/** The grants each Milford Haven demo account ends up with (the DSL's and governor's through policy roles). */
const EXPECTED_GRANTS: Record<DemoLocal, string[]> = {
  admin: ['school-admin'],
  dsl: ['dsl'],
  teacher: ['staff'],
  governor: ['governor'],
};

forEachHaven('access: every school route, every demo account', (t) => {
  let milford: DemoResult;
  let westover: DemoResult;
  let signIns: SignIns;
  const browsers = new Map<DemoLocal, TestBrowser>();
  const grants = new Map<DemoLocal, string[]>();
  const accountIds = new Map<DemoLocal, string>();
  let westoverAdmin: TestBrowser;
  let westoverAdminId: string;

  const today = () => t.clock.now().toISOString().slice(0, 10);

  const fixtures = { n: 0 };
  const placeholder = 'not-needed-by-this-route';

  /**
   * Ids for one request to `route`: what it consumes is made fresh (a draft to approve, a person
   * with no account to give a role, an assignment to remove); the rest are placeholders.
   */
  const freshIds = async (
    schoolId: string,
    templateId: string,
    route: SchoolRouteCase,
    /** The account that will send the request (for an exception of its own to withdraw). */
    caller: string | null = null,
  ): Promise<RouteIds> => {
    const doc = policy.template(templateId)!;
    const roleId = doc.roles.find((r) => r.kinds.includes('all-staff'))!.id;
    const ids: RouteIds = {
      schoolId,
      versionId: placeholder,
      assignmentId: placeholder,
      personId: placeholder,
      policyRoleId: roleId,
      templateId,
      matrix: policy.matricesOf(doc)[0] ?? 'communications',
      exceptionId: placeholder,
      ownExceptionId: placeholder,
      reviewId: placeholder,
      gatewayId: placeholder,
      draftId: placeholder,
      incidentId: placeholder,
      evidenceId: placeholder,
      breachId: placeholder,
      alertId: placeholder,
      pupilId: placeholder,
      trainingRecordId: placeholder,
      needsAuditId: placeholder,
      agreementId: placeholder,
      agreementVersion: '1',
      agreementTextHash: placeholder,
      signatureId: placeholder,
    };
    const exception = (requestedBy: string) => {
      const now = t.clock.now().getTime();
      return createFilterException(t.haven.db, {
        schoolId,
        target: { kind: 'host', host: 'fixture.example.org' },
        scope: { kind: 'group', group: 'staff' },
        reason: 'Fixture',
        requestedBy,
        requestedByName: 'Fixture',
        requestedAt: new Date(now).toISOString(),
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
      });
    };
    const person = (givenName: string) => {
      const n = ++fixtures.n;
      return createPerson(t.haven.db, {
        schoolId,
        kind: 'staff',
        givenName,
        familyName: `Fixture${n}`,
        displayName: `${givenName} Fixture${n}`,
      });
    };
    if (route.name.includes('/consents/')) {
      // Any current pupil: the routes only read or append.
      ids.pupilId = (await listPeople(t.haven.db, schoolId, { kind: 'pupil', limit: 1 })).items[0]!.id;
    }
    if (route.name.includes('/agreements')) {
      Object.assign(ids, await agreementFixtures(t.haven, schoolId, route.name, caller));
      return ids;
    }
    if (route.name.endsWith('/training/records/:id/certificate')) {
      ids.trainingRecordId = (await makeTrainingRecord(t.haven, schoolId)).id;
    } else if (route.name.endsWith('/training/audits/:id/review')) {
      ids.needsAuditId = (await makeNeedsAudit(t.haven, schoolId)).id;
    } else if (route.name === 'POST /api/schools/:schoolId/training/records') {
      ids.personId = (await person('Taylor')).id;
    }
    if (route.name.endsWith('/suppressions/remove')) {
      await addSuppressions(t.haven.db, schoolId, [
        {
          ...FIXTURE_SUPPRESSION,
          alertId: null,
          createdBy: 'fixture',
          createdAt: t.clock.now().toISOString(),
        },
      ]);
    } else if (route.name.includes('/monitor/alerts/:id')) {
      ids.alertId = (await makeAlert(t.haven, schoolId)).id;
    } else if (route.name.includes('/evidence/:evidenceId')) {
      const made = await makeEvidence(t.haven, schoolId);
      ids.incidentId = made.incident.id;
      ids.evidenceId = made.evidence.id;
    } else if (route.name.includes('/breaches/:id')) {
      ids.breachId = (await makeBreach(t.haven, schoolId, route.name.endsWith('/close'))).id;
    } else if (route.name.includes('/incidents/drafts/:id')) {
      ids.draftId = (await makeDraft(t.haven, schoolId, caller)).id;
    } else if (route.name.includes('/incidents/:id')) {
      ids.incidentId = (await makeOpenIncident(t.haven, schoolId)).id;
    } else if (route.name.endsWith('/approval')) {
      ids.versionId = (await saveDraft(t.haven, SYSTEM_ACTOR, schoolId, doc, { skipAuthorise: true })).id;
    } else if (route.name === 'POST /api/schools/:schoolId/role-assignments') {
      ids.personId = (await person('Casey')).id;
    } else if (route.name.endsWith('/approve') || route.name.endsWith('/decline')) {
      ids.exceptionId = (await exception('someone-else')).id;
    } else if (route.name.endsWith('/withdraw')) {
      ids.ownExceptionId = (await exception(caller ?? 'someone-else')).id;
    } else if (route.name.endsWith('/handle')) {
      ids.reviewId = (
        await createFilterReviewRequest(t.haven.db, {
          schoolId,
          at: t.clock.now().toISOString(),
          gatewayId: null,
          host: 'blocked.example.org',
          url: null,
          group: 'ks3',
          username: null,
          client: '10.0.0.9',
          reference: 'FIXTURE',
          comment: null,
        })
      ).id;
    } else if (route.name === 'DELETE /api/schools/:schoolId/filter/gateways/:id') {
      ids.gatewayId = (
        await createGateway(t.haven.db, {
          schoolId,
          name: 'Fixture gateway',
          site: null,
          credentialHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
          createdAt: t.clock.now().toISOString(),
        })
      ).id;
    } else if (route.method === 'DELETE') {
      const holder = await person('Robin');
      ids.assignmentId = (
        await assignRole(t.haven.db, { schoolId, personId: holder.id, policyRoleId: roleId })
      ).id;
    }
    return ids;
  };

  /** Everything a refused request might have changed. */
  const state = async (schoolId: string) => ({
    people: (await listPeople(t.haven.db, schoolId)).total,
    directoryImports: (
      await t.haven.db
        .selectFrom('directory_imports')
        .select('id')
        .where('school_id', '=', schoolId)
        .execute()
    ).length,
    versions: (await listPolicyVersions(t.haven.db, schoolId)).map((v) => `${v.version}:${v.status}`),
    assignments: (await listRoleAssignmentsBySchool(t.haven.db, schoolId)).map((a) => a.id).sort(),
    filter: await filterState(t.haven.db, schoolId),
    incidents: await incidentState(t.haven.db, schoolId),
    training: await trainingState(t.haven, schoolId),
    agreements: await agreementState(t.haven, schoolId),
    consents: (
      await t.haven.db
        .selectFrom('consent_records')
        .select('id')
        .where('school_id', '=', schoolId)
        .orderBy('id')
        .execute()
    ).map((r) => r.id),
    sso: await t.haven.db
      .selectFrom('sso_providers')
      .select(['label', 'issuer', 'client_id', 'allowed_domains', 'enabled', 'updated_at'])
      .where('school_id', '=', schoolId)
      .execute(),
    monitor: {
      settings: await t.haven.db
        .selectFrom('monitor_settings')
        .select('revision')
        .where('school_id', '=', schoolId)
        .execute(),
      suppressions: await t.haven.db
        .selectFrom('monitor_suppressions')
        .select(['phrase_id', 'context'])
        .where('school_id', '=', schoolId)
        .orderBy('phrase_id')
        .execute(),
    },
  });

  const send = (browser: TestBrowser, route: SchoolRouteCase, ids: RouteIds) =>
    browser.request(route.method, route.url(ids), route.body?.(ids, today()));

  beforeAll(async () => {
    milford = await createDemoSchool(t.haven, 'milford-haven', { pupils: 4 });
    westover = await createDemoSchool(t.haven, 'westover', { pupils: 4 });
    signIns = new SignIns(t);
    for (const local of DEMO_ACCOUNTS) {
      const browser = new TestBrowser(t.app);
      const view = await signIns.complete(browser, credential(milford, local));
      browsers.set(local, browser);
      grants.set(local, view.account!.grants);
      accountIds.set(local, view.account!.id);
    }
    westoverAdmin = await signIns.browser(credential(westover, 'admin'));
    westoverAdminId = (await westoverAdmin.get('/api/session')).json().account.id as string;
  });

  it('has a literal expectation for every school route, and a route for every expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SCHOOL_ROUTES.map((r) => r.name).sort());
  });

  it('gives the demo accounts the grants the expectations assume', () => {
    for (const local of DEMO_ACCOUNTS) expect(grants.get(local), local).toEqual(EXPECTED_GRANTS[local]);
    // Two-factor was required of (and completed by) exactly the admin and the DSL.
    expect(DEMO_ACCOUNTS.filter((l) => access.mfaRequired(grants.get(l)!))).toEqual(['admin', 'dsl']);
    expect(
      milford.credentials.filter((c) => c.twoFactor === 'required').map((c) => c.email.split('@')[0]),
    ).toEqual(['admin', 'dsl']);
  });

  for (const route of SCHOOL_ROUTES) {
    describe(route.name, () => {
      for (const local of DEMO_ACCOUNTS) {
        it(`as ${local}: ${EXPECTED[route.name]?.[local]} (${route.resource}.${route.action})`, async () => {
          const allowed = access.can(grants.get(local)!, route.resource, route.action as never);
          const fromTable = allowed ? route.ok : 403;
          expect(fromTable, 'ACCESS_RULES and the literal expectation disagree').toBe(
            EXPECTED[route.name]?.[local],
          );

          const ids = await freshIds(milford.school.id, 'milford-haven', route, accountIds.get(local)!);
          const before = await state(milford.school.id);
          const res = await send(browsers.get(local)!, route, ids);
          expect(res.statusCode, res.body).toBe(fromTable);
          if (fromTable === 403) {
            expectError(res, 403, 'forbidden');
            expect(await state(milford.school.id)).toEqual(before);
          } else if (route.method === 'GET' || route.readOnly) {
            expect(res.body.length).toBeGreaterThan(0);
          } else {
            expect(await state(milford.school.id)).not.toEqual(before);
          }
        });
      }

      it('from another school (Westover admin, fully signed in): 403 forbidden, nothing changed', async () => {
        const ids = await freshIds(milford.school.id, 'milford-haven', route);
        const before = await state(milford.school.id);
        expectError(await send(westoverAdmin, route, ids), 403, 'forbidden');
        expect(await state(milford.school.id)).toEqual(before);
      });

      it("and the other way: Milford Haven's admin on Westover's route gets 403 forbidden", async () => {
        const ids = await freshIds(westover.school.id, 'westover', route);
        const before = await state(westover.school.id);
        expectError(await send(browsers.get('admin')!, route, ids), 403, 'forbidden');
        expect(await state(westover.school.id)).toEqual(before);
      });

      it('anonymous: 401 auth.required, nothing changed', async () => {
        const anonymous = new TestBrowser(t.app);
        await anonymous.get('/api/session');
        const ids = await freshIds(milford.school.id, 'milford-haven', route);
        const before = await state(milford.school.id);
        expectError(await send(anonymous, route, ids), 401, 'auth.required');
        expect(await state(milford.school.id)).toEqual(before);
      });
    });
  }

  it("Westover's own admin reaches Westover's routes (control for the cross-school 403s)", async () => {
    // Routes kept from the school administrator on a need-to-know basis (safeguarding records) are
    // checked as the DSL of each school in the literal table above instead.
    for (const route of SCHOOL_ROUTES.filter((r) =>
      access.can(['school-admin'], r.resource, r.action as never),
    )) {
      const ids = await freshIds(westover.school.id, 'westover', route, westoverAdminId);
      const res = await send(westoverAdmin, route, ids);
      if (route.name.includes('/matrices/') && policy.matricesOf(policy.template('westover')!).length === 0) {
        // Westover's policy has no matrices: reaching the route shows as policy.no-matrix, not 403.
        expectError(res, 404, 'policy.no-matrix');
      } else if (
        route.method === 'POST' &&
        route.name.includes('/consents/') &&
        consents.consentTemplate('westover').purposes.length === 0
      ) {
        // Westover's policy asks for no consents: the purpose sent is refused as not one of its own.
        expectError(res, 400, 'validation');
      } else {
        expect(res.statusCode, `${route.name}: ${res.body}`).toBe(route.ok);
      }
    }
  });

  it('refuses every school route to a session still waiting for two-factor: 403 auth.mfa-required (R001-147)', async () => {
    for (const local of ['admin', 'dsl'] as const) {
      const cred = credential(milford, local);
      const browser = new TestBrowser(t.app);
      const first = await browser.signIn(cred.email, cred.password);
      expect(first.json().stage).toBe('mfa-challenge');
      expect(first.json().account.grants).toEqual([]);
      for (const route of SCHOOL_ROUTES) {
        const ids = await freshIds(milford.school.id, 'milford-haven', route);
        expectError(await send(browser, route, ids), 403, 'auth.mfa-required');
      }
    }
  });

  it('makes two-factor required at the next request once someone is named DSL, and lifts it when removed', async () => {
    const admin = browsers.get('admin')!;
    const teacher = await signIns.browser(credential(milford, 'teacher'));
    const me = (await teacher.get('/api/session')).json().account as { displayName: string };
    const found = await admin.get(
      `/api/schools/${milford.school.id}/people?kind=staff&q=${encodeURIComponent(me.displayName)}`,
    );
    const person = (found.json().people as { id: string; displayName: string }[]).find(
      (p) => p.displayName === me.displayName,
    )!;
    expect(person).toBeDefined();
    const assigned = await admin.post(`/api/schools/${milford.school.id}/role-assignments`, {
      personId: person.id,
      policyRoleId: 'safeguarding-designated-person',
      deputy: true,
    });
    expect(assigned.statusCode).toBe(201);

    expectError(await teacher.get(`/api/schools/${milford.school.id}/overview`), 403, 'auth.mfa-required');
    const session = (await teacher.get('/api/session')).json();
    expect(session.stage).toBe('mfa-enrol');
    expect(session.account.grants).toEqual([]);
    expect(session.account.mfaRequired).toBe(true);

    const removed = await admin.delete(
      `/api/schools/${milford.school.id}/role-assignments/${assigned.json().id as string}`,
    );
    expect(removed.statusCode).toBe(204);
    expect((await teacher.get(`/api/schools/${milford.school.id}/overview`)).statusCode).toBe(200);
    expect((await teacher.get('/api/session')).json().stage).toBe('signed-in');
  });

  it('answers a role assignment for another school\u2019s person or an unknown role without assigning it', async () => {
    const admin = browsers.get('admin')!;
    const westoverPerson = (await listPeople(t.haven.db, westover.school.id, { kind: 'staff', limit: 1 }))
      .items[0]!;
    const before = await state(milford.school.id);
    expectError(
      await admin.post(`/api/schools/${milford.school.id}/role-assignments`, {
        personId: westoverPerson.id,
        policyRoleId: 'safeguarding-designated-person',
      }),
      404,
      'not-found',
    );
    const milfordPerson = (await listPeople(t.haven.db, milford.school.id, { kind: 'staff', limit: 1 }))
      .items[0]!;
    const error = expectError(
      await admin.post(`/api/schools/${milford.school.id}/role-assignments`, {
        personId: milfordPerson.id,
        policyRoleId: 'no-such-role',
      }),
      400,
      'validation',
    );
    expect(error.details).toEqual([
      { path: 'policyRoleId', reason: "is not a role in the school's current policy" },
    ]);
    // Another school's assignment cannot be removed through this school's route.
    const westoverAssignment = (await listRoleAssignmentsBySchool(t.haven.db, westover.school.id))[0]!;
    expectError(
      await admin.delete(`/api/schools/${milford.school.id}/role-assignments/${westoverAssignment.id}`),
      404,
      'not-found',
    );
    expect(await state(milford.school.id)).toEqual(before);
  });

  it('keeps an intact audit chain', async () => {
    const result = await verifyAudit(t.haven.db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(30);
  });
});
