/**
 * The monitoring API (`/api/schools/:id/monitor/...`): one function per call, and the query keys,
 * all under ['school', id, 'monitor'] so a triage can refresh every monitoring page at once.
 */
import { request } from '../api.ts';
import { queryString } from '../filter/endpoints.ts';
import type { ActivityReport, ReportFilters } from './types.ts';

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/monitor`;

export const monitorApi = {
  report: (schoolId: string, filters: ReportFilters) =>
    request<ActivityReport>(`${base(schoolId)}/reports${queryString({ ...filters })}`),
};

export const monitorKeys = {
  all: (schoolId: string) => ['school', schoolId, 'monitor'] as const,
  report: (schoolId: string, filters: ReportFilters) =>
    ['school', schoolId, 'monitor', 'reports', filters] as const,
};
