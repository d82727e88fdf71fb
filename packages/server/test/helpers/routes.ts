/**
 * The API's routes as the HTTP tests walk them. openapi.test.ts checks these lists against the
 * routes the server actually registers, so a new route cannot go untested here unnoticed.
 */
import { type access, filter, policy, training } from '@haven/core';

/** Real ids for the routes' parameters and bodies, made fresh where a request consumes them. */
export interface RouteIds {
  schoolId: string;
  /** A draft policy version. */
  versionId: string;
  /** A role assignment that may be removed. */
  assignmentId: string;
  /** A person no account belongs to, who may be given a role. */
  personId: string;
  /** A role in the school's policy that gives no more than the `staff` grant. */
  policyRoleId: string;
  /** The template the school's policy came from: the document a new draft sends. */
  templateId: string;
  /** A matrix the school's policy has. */
  matrix: string;
  /** A filter exception waiting for a decision (asked for by someone other than the caller). */
  exceptionId: string;
  /** A filter exception the caller asked for, which they may withdraw. */
  ownExceptionId: string;
  /** An open review request from a block page. */
  reviewId: string;
  /** A gateway that may be revoked. */
  gatewayId: string;
  /** A draft report of the caller's own, complete enough to submit. */
  draftId: string;
  /** An open incident the DSL may see, with its required steps recorded. */
  incidentId: string;
  /** An evidence file of `incidentId`. */
  evidenceId: string;
  /** A data breach (with its ICO decision recorded, for the close route). */
  breachId: string;
  /** A new monitoring alert. */
  alertId: string;
  /** A current pupil of the school (consents). */
  pupilId: string;
  /** A training record with a certificate. */
  trainingRecordId: string;
  /** A training-needs audit someone completed. */
  needsAuditId: string;
  /** An agreement the caller must sign themselves (with its current version and text hash). */
  agreementId: string;
  agreementVersion: string;
  agreementTextHash: string;
  /** A signature on an approval form, waiting for the authorised signature. */
  signatureId: string;
}

export interface RouteCase {
  /** Method and path as the OpenAPI document spells it, with `:param` for `{param}`. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (ids: RouteIds) => string;
  body?: (ids: RouteIds, today: string) => unknown;
}

export interface SchoolRouteCase extends RouteCase {
  /** The access-table cell the route is governed by. */
  resource: access.Resource;
  action: string;
  /** The status when the access table allows it. */
  ok: 200 | 201 | 204;
  /** A POST that only reads (nothing stored changes when it succeeds). */
  readOnly?: true;
}

const school = (ids: RouteIds) => `/api/schools/${ids.schoolId}`;
const filterBase = (ids: RouteIds) => `${school(ids)}/filter`;
const incidentsBase = (ids: RouteIds) => `${school(ids)}/incidents`;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString();

/** Every route taking :schoolId, with the access-table cell that governs it. */
export const SCHOOL_ROUTES: SchoolRouteCase[] = [
  {
    name: 'GET /api/schools/:schoolId/overview',
    method: 'GET',
    url: (ids) => `${school(ids)}/overview`,
    resource: 'school',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/policy',
    method: 'GET',
    url: (ids) => `${school(ids)}/policy`,
    resource: 'policy',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/policy/matrices/:matrix',
    method: 'GET',
    url: (ids) => `${school(ids)}/policy/matrices/${ids.matrix}`,
    resource: 'policy',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/policy/document',
    method: 'GET',
    url: (ids) => `${school(ids)}/policy/document`,
    resource: 'policy',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/policy/versions',
    method: 'GET',
    url: (ids) => `${school(ids)}/policy/versions`,
    resource: 'policy',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/policy/versions',
    method: 'POST',
    url: (ids) => `${school(ids)}/policy/versions`,
    body: (ids) => ({ document: policy.template(ids.templateId) }),
    resource: 'policy',
    action: 'draft',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/policy/versions/:versionId/approval',
    method: 'POST',
    url: (ids) => `${school(ids)}/policy/versions/${ids.versionId}/approval`,
    body: (_ids, today) => ({ approvedOn: today, approvedBy: 'Full governing body' }),
    resource: 'policy',
    action: 'recordApproval',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/people',
    method: 'GET',
    url: (ids) => `${school(ids)}/people`,
    resource: 'people',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/people',
    method: 'POST',
    url: (ids) => `${school(ids)}/people`,
    body: () => ({ kind: 'staff', givenName: 'Access', familyName: 'Check' }),
    resource: 'people',
    action: 'write',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/people/imports/preview',
    method: 'POST',
    url: (ids) => `${school(ids)}/people/imports/preview`,
    body: () => ({ kind: 'governors', csv: 'Governor ID,Forename,Surname\r\nGOV-ACCESS,Access,Check\r\n' }),
    resource: 'people',
    action: 'import',
    ok: 200,
    readOnly: true,
  },
  {
    name: 'POST /api/schools/:schoolId/people/imports',
    method: 'POST',
    url: (ids) => `${school(ids)}/people/imports`,
    // A new MIS id each time, so each allowed import adds someone (an import is idempotent).
    body: () => ({
      kind: 'governors',
      csv: `Governor ID,Forename,Surname\r\nGOV-${Math.random().toString(36).slice(2)},Access,Check\r\n`,
      confirm: 'all',
    }),
    resource: 'people',
    action: 'import',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/people/imports',
    method: 'GET',
    url: (ids) => `${school(ids)}/people/imports`,
    resource: 'people',
    action: 'import',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/role-assignments',
    method: 'POST',
    url: (ids) => `${school(ids)}/role-assignments`,
    body: (ids) => ({ personId: ids.personId, policyRoleId: ids.policyRoleId, deputy: false }),
    resource: 'roleAssignments',
    action: 'write',
    ok: 201,
  },
  {
    name: 'DELETE /api/schools/:schoolId/role-assignments/:assignmentId',
    method: 'DELETE',
    url: (ids) => `${school(ids)}/role-assignments/${ids.assignmentId}`,
    resource: 'roleAssignments',
    action: 'write',
    ok: 204,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/settings',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/settings`,
    resource: 'filter',
    action: 'read',
    ok: 200,
  },
  {
    name: 'PUT /api/schools/:schoolId/filter/settings',
    method: 'PUT',
    url: (ids) => `${filterBase(ids)}/settings`,
    body: (ids) => ({ settings: filter.defaultFilterSettings(policy.template(ids.templateId)!) }),
    resource: 'filterSettings',
    action: 'write',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/groups',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/groups`,
    resource: 'filter',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/explain',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/explain`,
    body: () => ({ group: 'staff', url: 'https://www.example.org/' }),
    resource: 'filter',
    action: 'read',
    ok: 200,
    readOnly: true,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/exceptions',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/exceptions`,
    resource: 'filterExceptions',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/exceptions',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/exceptions`,
    body: (_ids, today) => ({
      target: { kind: 'host', host: 'access-check.example.org' },
      scope: { kind: 'group', group: 'staff' },
      startsAt: addDays(today, 0),
      endsAt: addDays(today, 2),
      reason: 'Access check',
    }),
    resource: 'filterExceptions',
    action: 'request',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/exceptions/:id/approve',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/exceptions/${ids.exceptionId}/approve`,
    body: () => ({ note: 'Fine for the lesson' }),
    resource: 'filterExceptions',
    action: 'approve',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/exceptions/:id/decline',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/exceptions/${ids.exceptionId}/decline`,
    body: () => ({ note: 'Use the school account instead' }),
    resource: 'filterExceptions',
    action: 'approve',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/exceptions/:id/withdraw',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/exceptions/${ids.ownExceptionId}/withdraw`,
    resource: 'filterExceptions',
    action: 'request',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/change-log',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/change-log`,
    resource: 'filterChangeLog',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/illegal-hits',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/illegal-hits`,
    resource: 'filterIllegalHits',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/decisions',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/decisions`,
    resource: 'filterDecisions',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/reviews',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/reviews`,
    resource: 'filterReviews',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/reviews/:id/handle',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/reviews/${ids.reviewId}/handle`,
    body: () => ({ status: 'done', note: 'Unblocked: it is a revision site' }),
    resource: 'filterReviews',
    action: 'handle',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/tests',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/tests`,
    resource: 'filterTests',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/tests',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/tests`,
    body: () => ({ summary: { total: 2, passed: 2, failed: 0 }, result: { rows: [] } }),
    resource: 'filterTests',
    action: 'run',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/filter/gateways',
    method: 'GET',
    url: (ids) => `${filterBase(ids)}/gateways`,
    resource: 'gateways',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/filter/gateways',
    method: 'POST',
    url: (ids) => `${filterBase(ids)}/gateways`,
    body: () => ({ name: 'Access check gateway' }),
    resource: 'gateways',
    action: 'manage',
    ok: 201,
  },
  {
    name: 'DELETE /api/schools/:schoolId/filter/gateways/:id',
    method: 'DELETE',
    url: (ids) => `${filterBase(ids)}/gateways/${ids.gatewayId}`,
    resource: 'gateways',
    action: 'manage',
    ok: 204,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/drafts',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/drafts`,
    body: () => ({ report: { description: 'Started between lessons' } }),
    resource: 'incidents',
    action: 'report',
    ok: 201,
  },
  {
    name: 'PUT /api/schools/:schoolId/incidents/drafts/:id',
    method: 'PUT',
    url: (ids) => `${incidentsBase(ids)}/drafts/${ids.draftId}`,
    body: () => ({ report: { description: 'Saved again' } }),
    resource: 'incidents',
    action: 'report',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/drafts/:id/submit',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/drafts/${ids.draftId}/submit`,
    resource: 'incidents',
    action: 'report',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/mine',
    method: 'GET',
    url: (ids) => `${incidentsBase(ids)}/mine`,
    resource: 'incidents',
    action: 'report',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/summary',
    method: 'GET',
    url: (ids) => `${incidentsBase(ids)}/summary`,
    resource: 'incidents',
    action: 'summary',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents',
    method: 'GET',
    url: (ids) => incidentsBase(ids),
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/:id',
    method: 'GET',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}`,
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/:id/entries',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/entries`,
    body: () => ({ kind: 'note', text: 'Spoke to the form tutor' }),
    resource: 'incidents',
    action: 'triage',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/:id/recommend',
    method: 'GET',
    url: (ids) =>
      `${incidentsBase(ids)}/${ids.incidentId}/recommend?audience=pupil&row=Using%20proxy%20sites`,
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/:id/sanctions',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/sanctions`,
    body: () => ({
      audience: 'pupil',
      row: 'Using proxy sites',
      personName: 'A pupil',
      taken: ['Warning'],
      reason: 'A first offence; a warning was enough',
    }),
    resource: 'incidents',
    action: 'triage',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/:id/nudes-review',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/nudes-review`,
    body: () => ({
      meetingAt: '2026-11-23T10:00:00Z',
      attendees: ['DSL'],
      evidenceConsidered: 'What was said; nothing viewed',
      risk: {},
      decisions: {},
      criteria: {
        adultInvolved: true,
        coercionOrCapacity: false,
        unusualOrViolent: false,
        underThirteen: false,
        immediateRisk: false,
      },
      decision: 'refer',
      reasons: 'An adult is involved',
    }),
    resource: 'incidents',
    action: 'triage',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/:id/close',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/close`,
    body: () => ({ review: 'Nothing to change' }),
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/incidents/:id/evidence',
    method: 'POST',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/evidence`,
    body: () => ({ kind: 'url', url: 'https://example.org/post/1', description: 'The post that was shared' }),
    resource: 'incidents',
    action: 'triage',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/:id/evidence/:evidenceId',
    method: 'GET',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/evidence/${ids.evidenceId}`,
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/export.csv',
    method: 'GET',
    url: (ids) => `${incidentsBase(ids)}/export.csv`,
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/incidents/:id/export.pdf',
    method: 'GET',
    url: (ids) => `${incidentsBase(ids)}/${ids.incidentId}/export.pdf`,
    resource: 'incidents',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/breaches',
    method: 'POST',
    url: (ids) => `${school(ids)}/breaches`,
    body: (_ids, today) => ({
      kind: 'lost-equipment',
      awareAt: `${today}T08:00:00.000Z`,
      details: { whatHappened: 'A memory stick was lost', equipment: 'USB stick, asset 114' },
    }),
    resource: 'breaches',
    action: 'report',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/breaches',
    method: 'GET',
    url: (ids) => `${school(ids)}/breaches`,
    resource: 'breaches',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/breaches/:id',
    method: 'GET',
    url: (ids) => `${school(ids)}/breaches/${ids.breachId}`,
    resource: 'breaches',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'PUT /api/schools/:schoolId/breaches/:id',
    method: 'PUT',
    url: (ids) => `${school(ids)}/breaches/${ids.breachId}`,
    body: () => ({ details: { whatHappened: 'A laptop was left on a train', cause: 'Taken home to mark' } }),
    resource: 'breaches',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/breaches/:id/ico',
    method: 'POST',
    url: (ids) => `${school(ids)}/breaches/${ids.breachId}/ico`,
    body: () => ({ notReportableReason: 'The disk was encrypted' }),
    resource: 'breaches',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/breaches/:id/close',
    method: 'POST',
    url: (ids) => `${school(ids)}/breaches/${ids.breachId}/close`,
    resource: 'breaches',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/consents/purposes',
    method: 'GET',
    url: (ids) => `${school(ids)}/consents/purposes`,
    resource: 'consents',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/consents',
    method: 'GET',
    url: (ids) => `${school(ids)}/consents?yearGroup=Year%207`,
    resource: 'consents',
    action: 'list',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/consents/mine',
    method: 'GET',
    url: (ids) => `${school(ids)}/consents/mine`,
    resource: 'consents',
    action: 'own',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/consents/pupils/:pupilId',
    method: 'GET',
    url: (ids) => `${school(ids)}/consents/pupils/${ids.pupilId}`,
    resource: 'consents',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/consents/pupils/:pupilId',
    method: 'POST',
    url: (ids) => `${school(ids)}/consents/pupils/${ids.pupilId}`,
    body: () => ({
      purpose: 'website-photos',
      decision: 'given',
      method: 'paper-form',
      parentName: 'A parent',
    }),
    resource: 'consents',
    action: 'record',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/consents/check',
    method: 'POST',
    url: (ids) => `${school(ids)}/consents/check`,
    body: (ids) => ({ purpose: 'website-photos', pupilIds: [ids.pupilId] }),
    resource: 'consents',
    action: 'check',
    ok: 200,
    readOnly: true,
  },
  {
    name: 'GET /api/schools/:schoolId/monitor/alerts',
    method: 'GET',
    url: (ids) => `${school(ids)}/monitor/alerts`,
    resource: 'monitorAlerts',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/monitor/summaries',
    method: 'GET',
    url: (ids) => `${school(ids)}/monitor/summaries`,
    resource: 'monitorAlerts',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/monitor/reports',
    method: 'GET',
    url: (ids) => `${school(ids)}/monitor/reports`,
    resource: 'monitorReports',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/monitor/alerts/:id/triage',
    method: 'POST',
    url: (ids) => `${school(ids)}/monitor/alerts/${ids.alertId}/triage`,
    body: () => ({ status: 'in-review' }),
    resource: 'monitorAlerts',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/monitor/suppressions',
    method: 'GET',
    url: (ids) => `${school(ids)}/monitor/suppressions`,
    resource: 'monitorAlerts',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/monitor/suppressions/remove',
    method: 'POST',
    url: (ids) => `${school(ids)}/monitor/suppressions/remove`,
    body: () => ({ phraseId: FIXTURE_SUPPRESSION.phraseId, context: FIXTURE_SUPPRESSION.context }),
    resource: 'monitorAlerts',
    action: 'triage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/monitor/settings',
    method: 'GET',
    url: (ids) => `${school(ids)}/monitor/settings`,
    resource: 'monitorSettings',
    action: 'read',
    ok: 200,
  },
  {
    name: 'PUT /api/schools/:schoolId/monitor/settings',
    method: 'PUT',
    url: (ids) => `${school(ids)}/monitor/settings`,
    body: () => ({ settings: { digestHours: 8 } }),
    resource: 'monitorSettings',
    action: 'write',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/sso',
    method: 'GET',
    url: (ids) => `${school(ids)}/sso`,
    resource: 'sso',
    action: 'read',
    ok: 200,
  },
  {
    name: 'PUT /api/schools/:schoolId/sso',
    method: 'PUT',
    url: (ids) => `${school(ids)}/sso`,
    body: () => ({
      label: 'Google Workspace',
      issuer: 'https://accounts.google.com',
      clientId: 'access-check.apps.googleusercontent.com',
      clientSecret: 'access-check-client-secret',
      allowedDomains: ['milford-haven.example'],
    }),
    resource: 'sso',
    action: 'write',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/training/mine',
    method: 'GET',
    url: (ids) => `${school(ids)}/training/mine`,
    resource: 'training',
    action: 'own',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/training/mine/records',
    method: 'POST',
    url: (ids) => `${school(ids)}/training/mine/records`,
    body: (_ids, today) => ({
      courseId: 'cyber-security',
      completedOn: today,
      provider: 'DfE',
      note: 'Completed the online module',
    }),
    resource: 'training',
    action: 'own',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/training/mine/audit',
    method: 'POST',
    url: (ids) => `${school(ids)}/training/mine/audit`,
    body: () => ({ ratings: Object.fromEntries(training.AUDIT_AREAS.map((a) => [a.id, 2])) }),
    resource: 'training',
    action: 'own',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/training/people',
    method: 'GET',
    url: (ids) => `${school(ids)}/training/people`,
    resource: 'training',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/training/records',
    method: 'POST',
    url: (ids) => `${school(ids)}/training/records`,
    body: (ids, today) => ({
      personId: ids.personId,
      courseId: 'online-safety-induction',
      completedOn: today,
      note: 'Induction session with the e-Safety Officer',
    }),
    resource: 'training',
    action: 'manage',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/training/records/:id/certificate',
    method: 'GET',
    url: (ids) => `${school(ids)}/training/records/${ids.trainingRecordId}/certificate`,
    resource: 'training',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/training/audits',
    method: 'GET',
    url: (ids) => `${school(ids)}/training/audits`,
    resource: 'training',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/training/audits/:id/review',
    method: 'POST',
    url: (ids) => `${school(ids)}/training/audits/${ids.needsAuditId}/review`,
    resource: 'training',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/training/summary',
    method: 'GET',
    url: (ids) => `${school(ids)}/training/summary`,
    resource: 'training',
    action: 'summary',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/compliance',
    method: 'GET',
    url: (ids) => `${school(ids)}/compliance?view=agreements`,
    resource: 'compliance',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/compliance/export.csv',
    method: 'GET',
    url: (ids) => `${school(ids)}/compliance/export.csv?view=consents`,
    resource: 'compliance',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/compliance/summary',
    method: 'GET',
    url: (ids) => `${school(ids)}/compliance/summary`,
    resource: 'compliance',
    action: 'summary',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements`,
    resource: 'agreements',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements/mine',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements/mine`,
    resource: 'agreements',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements/records',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements/records`,
    resource: 'agreements',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements/approvals',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements/approvals`,
    resource: 'agreements',
    action: 'approve',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements/settings',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements/settings`,
    resource: 'agreements',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'PUT /api/schools/:schoolId/agreements/settings',
    method: 'PUT',
    url: (ids) => `${school(ids)}/agreements/settings`,
    body: () => ({ unsignedRule: 'sign-first' }),
    resource: 'agreements',
    action: 'manage',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/agreements/signatures/:signatureId/approve',
    method: 'POST',
    url: (ids) => `${school(ids)}/agreements/signatures/${ids.signatureId}/approve`,
    body: (_ids, today) => ({
      fields: {
        'approver-full-name': 'Fixture Approver',
        'approver-job-title': 'Headteacher',
        'approver-signature': 'F. Approver',
        'approver-date': today,
      },
    }),
    resource: 'agreements',
    action: 'approve',
    ok: 201,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements/signatures/:signatureId/copy.pdf',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements/signatures/${ids.signatureId}/copy.pdf`,
    resource: 'agreements',
    action: 'read',
    ok: 200,
  },
  {
    name: 'GET /api/schools/:schoolId/agreements/:agreementId',
    method: 'GET',
    url: (ids) => `${school(ids)}/agreements/staff`,
    resource: 'agreements',
    action: 'read',
    ok: 200,
  },
  {
    name: 'POST /api/schools/:schoolId/agreements/:agreementId/sign',
    method: 'POST',
    url: (ids) => `${school(ids)}/agreements/${ids.agreementId}/sign`,
    body: (ids, today) => ({
      version: Number(ids.agreementVersion) || 1,
      textHash: /^[0-9a-f]{64}$/.test(ids.agreementTextHash) ? ids.agreementTextHash : '0'.repeat(64),
      answers: {
        agreed: true,
        fields: { 'full-name': 'Fixture Signer', signature: 'F. Signer', date: today },
      },
    }),
    resource: 'agreements',
    action: 'sign',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/agreements/:agreementId/withdraw',
    method: 'POST',
    url: (ids) => `${school(ids)}/agreements/${ids.agreementId}/withdraw`,
    body: () => ({}),
    resource: 'agreements',
    action: 'sign',
    ok: 201,
  },
  {
    name: 'POST /api/schools/:schoolId/agreements/:agreementId/versions',
    method: 'POST',
    url: (ids) => `${school(ids)}/agreements/community-user/versions`,
    body: () => ({ filename: 'fixture.md', content: Buffer.from('- A fixture item.\n').toString('base64') }),
    resource: 'agreements',
    action: 'manage',
    ok: 201,
  },
];

/** The suppression `freshIds` makes for the route that lifts one. */
export const FIXTURE_SUPPRESSION = { phraseId: 'en:suicide:fixture phrase', context: 'a fixture context' };

export interface StateChangingRouteCase extends RouteCase {
  method: 'POST' | 'PUT' | 'DELETE';
}

const changesState = <R extends RouteCase>(route: R): route is R & StateChangingRouteCase =>
  route.method !== 'GET';

/** Every POST/DELETE route: all of them must check the CSRF header. */
export const STATE_CHANGING_ROUTES: StateChangingRouteCase[] = [
  {
    name: 'POST /api/session',
    method: 'POST',
    url: () => '/api/session',
    body: () => ({ email: 'nobody@example.org', password: 'not the password' }),
  },
  {
    name: 'POST /api/session/mfa',
    method: 'POST',
    url: () => '/api/session/mfa',
    body: () => ({ code: '123456' }),
  },
  {
    name: 'POST /api/session/mfa/enrol/start',
    method: 'POST',
    url: () => '/api/session/mfa/enrol/start',
    body: () => ({}),
  },
  {
    name: 'POST /api/session/mfa/enrol/confirm',
    method: 'POST',
    url: () => '/api/session/mfa/enrol/confirm',
    body: () => ({ code: '123456' }),
  },
  { name: 'DELETE /api/session', method: 'DELETE', url: () => '/api/session' },
  {
    name: 'POST /api/account/password',
    method: 'POST',
    url: () => '/api/account/password',
    body: () => ({ currentPassword: 'whatever it was', newPassword: 'copper lantern orchard breeze' }),
  },
  {
    name: 'POST /api/account/notifications/:id/read',
    method: 'POST',
    url: () => '/api/account/notifications/00000000-0000-4000-8000-000000000000/read',
  },
  ...SCHOOL_ROUTES.filter(changesState),
];

/** GET routes outside a school. */
export const OTHER_GET_ROUTES = [
  'GET /api/health',
  'GET /api/session',
  'GET /api/account/notifications',
  // Single sign-on, before any session (test/http/sso.test.ts drives them with a real provider).
  'GET /api/auth/oidc/providers',
  'GET /api/auth/oidc/:schoolSlug/start',
  'GET /api/auth/oidc/callback',
];

/**
 * The routes gateways call with `Authorization: Bearer <token>`: no session, no cookie, so no
 * CSRF token either (test/http/gateway-api.test.ts covers their authentication).
 */
export const GATEWAY_ROUTES = [
  'GET /api/gateway/snapshot',
  'POST /api/gateway/events',
  'POST /api/gateway/reviews',
  'POST /api/gateway/sign-in',
];
