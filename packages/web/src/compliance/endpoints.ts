/**
 * Compliance (`/api/schools/:id/compliance...`): the named lists, their CSV and the counts for the
 * governors' report, with query keys under ['school', id, 'compliance'].
 */
import { request } from '../api.ts';
import { queryString } from '../filter/endpoints.ts';

export const COMPLIANCE_VIEWS = ['agreements', 'consents', 'training'] as const;
export type ComplianceView = (typeof COMPLIANCE_VIEWS)[number];

export interface ComplianceFilters {
  role?: string | undefined;
  yearGroup?: string | undefined;
  className?: string | undefined;
}

export interface ComplianceItem {
  id: string;
  title: string;
  state: string;
  dueOn?: string | null;
}

export interface ComplianceRow {
  personId: string;
  name: string;
  kind: string;
  yearGroup: string | null;
  className: string | null;
  roles: string[];
  items: ComplianceItem[];
}

export interface ComplianceList {
  today: string;
  view: ComplianceView;
  filters: { role: string | null; yearGroup: string | null; className: string | null };
  options: { roles: { id: string; title: string }[]; yearGroups: string[]; classes: string[] };
  people: number;
  listed: number;
  rows: ComplianceRow[];
}

export interface GroupCount {
  group: string;
  people: number;
  outstanding: number;
}

interface Area {
  people: number;
  outstanding: number;
  byKind: GroupCount[];
  byYearGroup: GroupCount[];
  byClass: GroupCount[];
}

export interface ComplianceSummary {
  today: string;
  people: number;
  agreements: Area & {
    noYearGroup: number;
    byAgreement: {
      agreement: string;
      title: string;
      required: number;
      signed: number;
      unsigned: number;
      'awaiting-approval': number;
      lapsed: number;
    }[];
  };
  consents: Area & {
    byPurpose: {
      purpose: string;
      title: string;
      pupils: number;
      given: number;
      refused: number;
      withdrawn: number;
      assumed: number;
      none: number;
    }[];
  };
  training: Area & {
    byCourse: {
      courseId: string;
      title: string;
      required: number;
      done: number;
      dueSoon: number;
      overdue: number;
    }[];
  };
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/compliance`;
const query = (view: ComplianceView, f: ComplianceFilters) => queryString({ view, ...f });

export const complianceApi = {
  list: (schoolId: string, view: ComplianceView, f: ComplianceFilters) =>
    request<ComplianceList>(`${base(schoolId)}${query(view, f)}`),
  summary: (schoolId: string) => request<ComplianceSummary>(`${base(schoolId)}/summary`),
  /** A plain link: the browser downloads the file with the session cookie. */
  csvUrl: (schoolId: string, view: ComplianceView, f: ComplianceFilters) =>
    `/api${base(schoolId)}/export.csv${query(view, f)}`,
};

export const complianceKeys = {
  all: (schoolId: string) => ['school', schoolId, 'compliance'] as const,
  list: (schoolId: string, view: ComplianceView, f: ComplianceFilters) =>
    [
      ...complianceKeys.all(schoolId),
      'list',
      view,
      f.role ?? '',
      f.yearGroup ?? '',
      f.className ?? '',
    ] as const,
  summary: (schoolId: string) => [...complianceKeys.all(schoolId), 'summary'] as const,
};
