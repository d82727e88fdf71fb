/**
 * One function per API call, typed against the contract, and the query keys that cache them.
 * Every call that returns a session passes its CSRF token to the client.
 */
import { isApiError, request, setCsrfToken } from './api.ts';
import type {
  Health,
  MatrixName,
  MatrixView,
  MfaEnrolled,
  MfaEnrolment,
  NewPerson,
  NewRoleAssignment,
  PeoplePage,
  PeopleQuery,
  Person,
  PolicyVersions,
  RoleAssignment,
  SchoolOverview,
  SchoolPolicy,
  Session,
} from './types.ts';

function withToken(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}

const school = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}`;

export const api = {
  health: () => request<Health>('/health'),

  /** The current session. A 401 here means the server has just ended it: ask again for the new one. */
  session: async () => {
    try {
      return withToken(await request<Session>('/session'));
    } catch (error) {
      if (isApiError(error) && error.status === 401) return withToken(await request<Session>('/session'));
      throw error;
    }
  },
  signIn: async (email: string, password: string) =>
    withToken(await request<Session>('/session', { method: 'POST', body: { email, password } })),
  submitMfaCode: async (code: string) =>
    withToken(await request<Session>('/session/mfa', { method: 'POST', body: { code } })),
  startMfaEnrolment: () => request<MfaEnrolment>('/session/mfa/enrol/start', { method: 'POST' }),
  confirmMfaEnrolment: async (code: string) => {
    const result = await request<MfaEnrolled>('/session/mfa/enrol/confirm', {
      method: 'POST',
      body: { code },
    });
    withToken(result.session);
    return result;
  },
  signOut: () => request<void>('/session', { method: 'DELETE' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/account/password', { method: 'POST', body: { currentPassword, newPassword } }),
  notifications: () => request<NotificationList>('/account/notifications'),
  markNotificationRead: (id: string) =>
    request<void>(`/account/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),

  overview: (schoolId: string) => request<SchoolOverview>(`${school(schoolId)}/overview`),
  policy: (schoolId: string) => request<SchoolPolicy>(`${school(schoolId)}/policy`),
  policyVersions: (schoolId: string) => request<PolicyVersions>(`${school(schoolId)}/policy/versions`),
  matrix: (schoolId: string, matrix: MatrixName) =>
    request<MatrixView>(`${school(schoolId)}/policy/matrices/${encodeURIComponent(matrix)}`),

  people: (schoolId: string, query: PeopleQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return request<PeoplePage>(`${school(schoolId)}/people${search ? `?${search}` : ''}`);
  },
  addPerson: (schoolId: string, person: NewPerson) =>
    request<Person>(`${school(schoolId)}/people`, { method: 'POST', body: person }),
  assignRole: (schoolId: string, assignment: NewRoleAssignment) =>
    request<RoleAssignment>(`${school(schoolId)}/role-assignments`, { method: 'POST', body: assignment }),
  unassignRole: (schoolId: string, assignmentId: string) =>
    request<void>(`${school(schoolId)}/role-assignments/${encodeURIComponent(assignmentId)}`, {
      method: 'DELETE',
    }),
};

/** An alert for the holder of a post: what kind of thing happened and where to look; nothing personal. */
export interface AppNotification {
  id: string;
  createdAt: string;
  kind: string;
  urgent: boolean;
  title: string;
  link: string;
  readAt: string | null;
}

export interface NotificationList {
  notifications: AppNotification[];
  unread: number;
}

/** The policy as a readable HTML document, for an iframe or a link. */
export function policyDocumentUrl(schoolId: string): string {
  return `/api${school(schoolId)}/policy/document`;
}

/** Query keys: everything about a school sits under ['school', id] so it can be refreshed at once. */
export const queryKeys = {
  session: ['session'] as const,
  health: ['health'] as const,
  notifications: ['notifications'] as const,
  school: (schoolId: string) => ['school', schoolId] as const,
  overview: (schoolId: string) => ['school', schoolId, 'overview'] as const,
  policy: (schoolId: string) => ['school', schoolId, 'policy'] as const,
  policyVersions: (schoolId: string) => ['school', schoolId, 'policy', 'versions'] as const,
  matrix: (schoolId: string, matrix: MatrixName) => ['school', schoolId, 'policy', 'matrix', matrix] as const,
  people: (schoolId: string, query?: PeopleQuery) =>
    query ? (['school', schoolId, 'people', query] as const) : (['school', schoolId, 'people'] as const),
};
