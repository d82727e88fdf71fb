/** The monitoring report as the API sends it (`GET /api/schools/:id/monitor/reports`). */

export type Severity = 1 | 2 | 3 | 4 | 5;
export type BySeverity = Record<Severity, number>;
export const SEVERITIES: readonly Severity[] = [1, 2, 3, 4, 5];

export interface ReportFilters {
  /** `YYYY-MM-DD`, the school's local days, both included. */
  from?: string;
  to?: string;
  group?: string;
  user?: string;
}

export interface ByAction {
  allow: number;
  block: number;
}

export interface ReportDay {
  day: string;
  requests: number;
  blocked: number;
  byAction: ByAction;
  byGroup: Record<string, number>;
  byCategory: Record<string, number>;
}

export interface ActivityReport {
  from: string;
  to: string;
  timeZone: string;
  filters: { group: string | null; user: string | null };
  totals: { requests: number; blocked: number; byAction: ByAction };
  days: ReportDay[];
  byCategory: { category: string; requests: number; blocked: number }[];
  topBlockedCategories: { category: string; blocked: number }[];
  byGroup: { group: string; requests: number; blocked: number }[];
  alerts: {
    total: number;
    bySeverity: BySeverity;
    byStatus: Record<string, number>;
    byDay: { day: string; total: number; bySeverity: BySeverity }[];
    byCategory: { category: string; total: number; bySeverity: BySeverity }[];
  };
}
