/**
 * The API's routes as the HTTP tests walk them. openapi.test.ts checks these lists against the
 * routes the server actually registers, so a new route cannot go untested here unnoticed.
 */
import { type access, policy } from '@haven/core';

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
}

export interface RouteCase {
  /** Method and path as the OpenAPI document spells it, with `:param` for `{param}`. */
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: (ids: RouteIds) => string;
  body?: (ids: RouteIds, today: string) => unknown;
}

export interface SchoolRouteCase extends RouteCase {
  /** The access-table cell the route is governed by. */
  resource: access.Resource;
  action: string;
  /** The status when the access table allows it. */
  ok: 200 | 201 | 204;
}

const school = (ids: RouteIds) => `/api/schools/${ids.schoolId}`;

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
];

export interface StateChangingRouteCase extends RouteCase {
  method: 'POST' | 'DELETE';
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
  ...SCHOOL_ROUTES.filter(changesState),
];

/** GET routes outside a school. */
export const OTHER_GET_ROUTES = ['GET /api/health', 'GET /api/session'];
