/**
 * The filter API (`/api/schools/:id/filter/...`): one function per call, and the query keys,
 * all under ['school', id, 'filter'] so a change can refresh every filter page at once.
 */
import { request } from '../api.ts';
import type {
  ChangeLogPage,
  DecisionFilters,
  DecisionPage,
  ExceptionQuery,
  ExceptionRequest,
  ExplainRequest,
  ExplainResult,
  FilterException,
  FilterGroupsView,
  FilterSettings,
  FilterSettingsView,
  FilterTestRun,
  IllegalHit,
  ReviewQuery,
  ReviewRequest,
} from './types.ts';

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/filter`;

/** `?a=1&b=x` from the values that are set; empty when none are. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const filterApi = {
  settings: (schoolId: string) => request<FilterSettingsView>(`${base(schoolId)}/settings`),
  saveSettings: (schoolId: string, settings: FilterSettings, revision: number) =>
    request<FilterSettingsView>(`${base(schoolId)}/settings`, {
      method: 'PUT',
      body: { settings, revision },
    }),
  groups: (schoolId: string) => request<FilterGroupsView>(`${base(schoolId)}/groups`),
  explain: (schoolId: string, body: ExplainRequest) =>
    request<ExplainResult>(`${base(schoolId)}/explain`, { method: 'POST', body }),

  exceptions: (schoolId: string, query: ExceptionQuery) =>
    request<{ exceptions: FilterException[] }>(`${base(schoolId)}/exceptions${queryString({ ...query })}`),
  requestException: (schoolId: string, body: ExceptionRequest) =>
    request<FilterException>(`${base(schoolId)}/exceptions`, { method: 'POST', body }),
  decideException: (schoolId: string, id: string, decision: 'approve' | 'decline', note: string | null) =>
    request<FilterException>(`${base(schoolId)}/exceptions/${encodeURIComponent(id)}/${decision}`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  withdrawException: (schoolId: string, id: string) =>
    request<FilterException>(`${base(schoolId)}/exceptions/${encodeURIComponent(id)}/withdraw`, {
      method: 'POST',
    }),

  changeLog: (schoolId: string, beforeSeq: number | undefined, limit: number) =>
    request<ChangeLogPage>(`${base(schoolId)}/change-log${queryString({ beforeSeq, limit })}`),
  decisions: (schoolId: string, filters: DecisionFilters, cursor: string | undefined, limit: number) =>
    request<DecisionPage>(`${base(schoolId)}/decisions${queryString({ ...filters, cursor, limit })}`),

  reviews: (schoolId: string, query: ReviewQuery) =>
    request<{ reviews: ReviewRequest[] }>(`${base(schoolId)}/reviews${queryString({ ...query })}`),
  handleReview: (schoolId: string, id: string, status: 'done' | 'rejected', note: string | null) =>
    request<ReviewRequest>(`${base(schoolId)}/reviews/${encodeURIComponent(id)}/handle`, {
      method: 'POST',
      body: { status, ...(note ? { note } : {}) },
    }),

  illegalHits: (schoolId: string, before: string | undefined, limit: number) =>
    request<{ hits: IllegalHit[] }>(`${base(schoolId)}/illegal-hits${queryString({ before, limit })}`),

  tests: (schoolId: string, limit: number) =>
    request<{ runs: FilterTestRun[] }>(`${base(schoolId)}/tests${queryString({ limit })}`),
};

export const filterKeys = {
  all: (schoolId: string) => ['school', schoolId, 'filter'] as const,
  settings: (schoolId: string) => ['school', schoolId, 'filter', 'settings'] as const,
  groups: (schoolId: string) => ['school', schoolId, 'filter', 'groups'] as const,
  exceptions: (schoolId: string, query?: ExceptionQuery) =>
    query
      ? (['school', schoolId, 'filter', 'exceptions', query] as const)
      : (['school', schoolId, 'filter', 'exceptions'] as const),
  changeLog: (schoolId: string, beforeSeq?: number) =>
    ['school', schoolId, 'filter', 'change-log', beforeSeq ?? 'newest'] as const,
  decisions: (schoolId: string, filters: DecisionFilters, cursor?: string) =>
    ['school', schoolId, 'filter', 'decisions', filters, cursor ?? 'newest'] as const,
  reviews: (schoolId: string, query?: ReviewQuery) =>
    query
      ? (['school', schoolId, 'filter', 'reviews', query] as const)
      : (['school', schoolId, 'filter', 'reviews'] as const),
  tests: (schoolId: string) => ['school', schoolId, 'filter', 'tests'] as const,
  illegalHits: (schoolId: string, before?: string) =>
    ['school', schoolId, 'filter', 'illegal-hits', before ?? 'newest'] as const,
};
