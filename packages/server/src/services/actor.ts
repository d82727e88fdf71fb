/** Who is acting, for access checks and the audit log. */
export interface Actor {
  accountId: string | null;
  /** Shown in the audit log: an email, `cli`, `system`. */
  label: string;
  schoolId: string | null;
  grants: string[];
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { accountId: null, label: 'system', schoolId: null, grants: [], ip: null };
export const CLI_ACTOR: Actor = { accountId: null, label: 'cli', schoolId: null, grants: [], ip: null };
