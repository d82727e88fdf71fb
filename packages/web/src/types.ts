/**
 * The shapes the HTTP API returns, as the web app reads them. Kept by hand against the API
 * contract; the policy model itself comes from core (types only, so nothing of core's validation
 * is bundled).
 */
import type { MatrixName, MatrixView, PolicyDocument, Provenance } from '@haven/core/policy';

export type { MatrixName, MatrixView, PolicyDocument, Provenance };

/** The matrices the API can serve, in the order the app lists them. */
export const MATRIX_NAMES = [
  'communications',
  'user-actions',
  'devices',
  'pupil-sanctions',
  'staff-sanctions',
] as const satisfies readonly MatrixName[];

export function isMatrixName(value: string): value is MatrixName {
  return (MATRIX_NAMES as readonly string[]).includes(value);
}

export type SessionStage = 'anonymous' | 'mfa-enrol' | 'mfa-challenge' | 'signed-in';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  schoolId: string | null;
  grants: string[];
  mfaEnabled: boolean;
  mfaRequired: boolean;
}

export interface Session {
  stage: SessionStage;
  csrfToken: string;
  idleTimeoutSeconds: number;
  account?: Account;
}

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
}

export interface MfaEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface MfaEnrolled {
  session: Session;
  recoveryCodes: string[];
}

export interface PolicyVersionSummary {
  versionId: string;
  version: number;
  status: string;
  title: string;
  approvedOn: string | null;
  approvedBy: string | null;
  nextReview: string | null;
}

export interface RoleHolder {
  name: string;
  personId: string | null;
}

export interface SchoolRole {
  id: string;
  title: string;
  kinds: string[];
  holders: RoleHolder[];
  deputies: RoleHolder[];
}

export interface SchoolOverview {
  school: {
    id: string;
    slug: string;
    name: string;
    templateId: string;
    sites: { id: string; name: string }[];
  };
  policy: PolicyVersionSummary | null;
  roles: SchoolRole[];
  counts: { pupils: number; staff: number; parents: number; governors: number };
}

export interface SchoolPolicy {
  version: PolicyVersionSummary;
  document: PolicyDocument;
  matrices: MatrixName[];
}

export interface PolicyVersions {
  versions: PolicyVersionSummary[];
}

/** The kinds of person the directory holds. */
export const PERSON_KINDS = ['pupil', 'staff', 'parent', 'governor', 'visitor', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface PersonRole {
  /** The role assignment's id, needed to remove it (DELETE /role-assignments/:id). */
  assignmentId?: string;
  /** The same, under the name the contract's other resources use. */
  id?: string;
  policyRoleId: string;
  title: string;
  deputy: boolean;
}

export interface Person {
  id: string;
  kind: string;
  displayName: string;
  yearGroup: string | null;
  className: string | null;
  email: string | null;
  roles: PersonRole[];
}

export interface PeoplePage {
  people: Person[];
  total: number;
}

export interface PeopleQuery {
  kind?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

export interface NewPerson {
  kind: PersonKind;
  givenName: string;
  familyName: string;
  email?: string;
  yearGroup?: string;
  className?: string;
}

export interface NewRoleAssignment {
  personId: string;
  policyRoleId: string;
  deputy: boolean;
}

export interface RoleAssignment {
  id: string;
  personId: string;
  policyRoleId: string;
  deputy: boolean;
}
