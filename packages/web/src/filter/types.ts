/**
 * The filter API's answers, as the web app reads them (kept by hand against
 * packages/server/src/http/routes/filter.ts and its services). The filter model itself comes from
 * core as types only, so none of core's validation is bundled.
 */
import type {
  CategoryId,
  CategoryRule,
  Citation,
  CompiledGroup,
  Effect,
  ExceptionScope,
  ExceptionTarget,
  FilterAudience,
  FilterGroup,
  FilterSettings,
  Period,
  Timetable,
  YoutubeMode,
} from '@haven/core/filter';

export type {
  CategoryId,
  CategoryRule,
  Citation,
  CompiledGroup,
  Effect,
  ExceptionScope,
  ExceptionTarget,
  FilterAudience,
  FilterGroup,
  FilterSettings,
  Period,
  Timetable,
  YoutubeMode,
};

/** GET/PUT settings. */
export interface FilterSettingsView {
  settings: FilterSettings;
  /** 0 while the school uses the defaults; send it back with a change. */
  revision: number;
  defaults: boolean;
  updatedAt: string | null;
  policyVersion: number | null;
}

/** GET groups. */
export interface FilterGroupsView {
  policyVersion: number | null;
  defaultGroup: string;
  groups: CompiledGroup[];
  unenforceable: { source: string; id: string; label: string }[];
  /** Every category Haven knows, with its plain name. */
  categories: Record<CategoryId, string>;
}

export interface ExplainRequest {
  group: string;
  user?: string;
  at?: string;
  url: string;
}

/** A citation with the server's own wording of it. */
export type DescribedCitation = Citation & { text: string };

/** POST explain. */
export interface ExplainResult {
  action: 'allow' | 'block';
  category: CategoryId | null;
  reason: string;
  policy: { matrix: string; row: string; value: string } | null;
  decision: {
    kind: string;
    group: string;
    user: string | null;
    at: string;
    /** Null when the address is on an illegal-content list (it is not repeated back). */
    host: string | null;
    path: string | null;
    categories: CategoryId[];
    matched: string | null;
    alert: string | null;
    lessonTime: boolean | null;
    overridable: boolean;
    rule: {
      effect: Effect;
      governing: DescribedCitation;
      citations: DescribedCitation[];
      nominated: { groups: string[]; users: string[] } | null;
    } | null;
    exception: { id: string; until: string; reason: string; approvedBy: string } | null;
    standing: { id: string; action: 'allow' | 'block'; host: string; reason: string } | null;
  };
}

export const EXCEPTION_STATUSES = ['requested', 'approved', 'declined', 'withdrawn', 'expired'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export interface FilterException {
  id: string;
  target: ExceptionTarget;
  scope: ExceptionScope;
  reason: string;
  requestedBy: string;
  requestedByAccountId: string;
  requestedAt: string;
  startsAt: string;
  endsAt: string;
  status: ExceptionStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  firstUsedAt: string | null;
  useCount: number;
}

export interface ExceptionRequest {
  target: ExceptionTarget;
  scope: ExceptionScope;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface ExceptionQuery {
  status?: ExceptionStatus;
  before?: string;
  limit?: number;
}

export interface ChangeLogEntry {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  subjectId: string | null;
  summary: string;
  details: Record<string, unknown>;
}

export interface ChangeLogPage {
  entries: ChangeLogEntry[];
  nextBeforeSeq: number | null;
}

export interface DecisionFilters {
  user?: string;
  from?: string;
  to?: string;
  category?: string;
  action?: 'allow' | 'block';
  host?: string;
}

export interface FilterDecision {
  id: number;
  at: string;
  site: string | null;
  gatewayId: string | null;
  group: string;
  user: string | null;
  client: string | null;
  host: string;
  url: string | null;
  category: string | null;
  action: 'allow' | 'block';
  kind: string;
  rule: string | null;
  source: string;
}

export interface DecisionPage {
  decisions: FilterDecision[];
  nextCursor: string | null;
}

export const REVIEW_STATUSES = ['open', 'done', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewRequest {
  id: string;
  at: string;
  host: string;
  url: string | null;
  group: string | null;
  user: string | null;
  client: string | null;
  reference: string;
  comment: string | null;
  status: ReviewStatus;
  handledBy: string | null;
  handledAt: string | null;
  note: string | null;
}

export interface ReviewQuery {
  status?: ReviewStatus;
  before?: string;
  limit?: number;
}

/** What a gateway saw for one probe in a filter test. */
export type Observed = 'allow' | 'block' | 'error' | 'not-tested';

export interface FilterTestRow {
  group: string;
  category: string;
  host: string | null;
  expected: 'allow' | 'block';
  clause: string | null;
  dns: Observed;
  proxy: Observed;
  ok: boolean;
  note?: string;
}

export interface FilterTestRun {
  id: string;
  at: string;
  runBy: string;
  total: number;
  passed: number;
  failed: number;
  /** What the CLI reported: `rows`, `summary`, `gateway`, ... */
  result: Record<string, unknown>;
}

/** That an illegal-list entry was asked for: who and where, never what. */
export interface IllegalHit {
  id: string;
  at: string;
  group: string;
  user: string | null;
  client: string | null;
  source: 'dns' | 'proxy' | 'helper' | 'check';
  gatewayId: string | null;
  incidentOpened: string | null;
}
