/**
 * The incidents API (`/api/schools/:id/incidents/...`) and its query keys, all under
 * ['school', id, 'incidents'] so a change refreshes every incident page at once.
 */
import type { incidents } from '@haven/core';
import { request } from '../api.ts';

type Report = incidents.IncidentReportInput;

export interface DraftSaved {
  id: string;
  status: 'draft';
  savedAt: string;
}

export interface Submitted {
  id: string;
  number: number;
  status: 'open';
  submittedAt: string;
  routedTo: string;
  unrouted: boolean;
}

export interface MyReport {
  id: string;
  number: number | null;
  status: 'draft' | 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  closedAt: string | null;
  summary: string;
  report?: incidents.IncidentReport;
}

export interface InboxItem {
  id: string;
  number: number;
  status: 'open' | 'closed';
  channel: string;
  path: 'illegal' | 'inappropriate' | null;
  urgent: boolean;
  safeguarding: boolean;
  restriction: 'none' | 'headteacher' | 'chair-of-governors';
  submittedAt: string;
  occurredOn: string | null;
  types: string[];
  summary: string;
  ageHours: number;
}

export interface ChronologyEntry {
  id: string;
  seq: number;
  at: string;
  by: string;
  kind: string;
  stepId: string | null;
  personId: string | null;
  corrects: string | null;
  body: Record<string, unknown>;
}

export interface StepView {
  id: string;
  label: string;
  required: boolean;
  covers: string[];
  done: { at: string; by: string } | null;
}

export interface EvidenceView {
  id: string;
  kind: 'file' | 'url' | 'record';
  addedAt: string;
  addedBy: string;
  filename: string | null;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
  details: Record<string, string>;
  custody: { at: string; by: string; action: string }[];
}

export interface BreachView {
  id: string;
  number: number;
  kind: 'breach' | 'near-miss' | 'lost-equipment' | 'virus' | 'unauthorised-use';
  status: 'open' | 'closed';
  awareAt: string;
  createdAt: string;
  reportedBy: string;
  reportedToIcoAt: string | null;
  icoReference: string | null;
  notReportableReason: string | null;
  closedAt: string | null;
  clock: {
    state: 'running' | 'due-soon' | 'overdue' | 'reported' | 'not-reportable';
    deadline: string;
    remainingMs: number | null;
    reportedAfterHours: number | null;
    late: boolean;
  };
  details: Record<string, string | number | null>;
}

export interface IncidentView {
  id: string;
  number: number;
  status: 'open' | 'closed';
  channel: string;
  path: 'illegal' | 'inappropriate' | null;
  restriction: 'none' | 'headteacher' | 'chair-of-governors';
  safeguarding: boolean;
  urgent: boolean;
  reporter: string;
  submittedAt: string;
  closedAt: string | null;
  report: incidents.IncidentReport;
  chronology: ChronologyEntry[];
  evidence: EvidenceView[];
  imageryForbidden: boolean;
  steps: StepView[];
  sanctionsMatrices: {
    pupil: { title: string; rows: { id: string; label: string }[] } | null;
    staff: { title: string; rows: { id: string; label: string }[] } | null;
    stated: { audience: string; text: string }[];
  };
}

export interface Recommendation {
  row: string;
  rowId: string;
  actions: string[];
  escalated: boolean;
  prior: number;
  matrix: { key: string; title: string };
  escalatedBy: { rowId: string; row: string; actions: string[] } | null;
}

export interface IncidentSummary {
  total: number;
  restricted: number;
  byStatus: Record<string, number>;
  byPath: Record<string, number>;
  byMonth: Record<string, number>;
  byType: Record<string, number>;
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/incidents`;
const one = (schoolId: string, id: string) => `${base(schoolId)}/${encodeURIComponent(id)}`;

export const incidentApi = {
  startDraft: (schoolId: string, report: Report) =>
    request<DraftSaved>(`${base(schoolId)}/drafts`, { method: 'POST', body: { report } }),
  saveDraft: (schoolId: string, id: string, report: Report) =>
    request<DraftSaved>(`${base(schoolId)}/drafts/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: { report },
    }),
  submit: (schoolId: string, id: string) =>
    request<Submitted>(`${base(schoolId)}/drafts/${encodeURIComponent(id)}/submit`, { method: 'POST' }),
  mine: (schoolId: string) => request<{ reports: MyReport[] }>(`${base(schoolId)}/mine`),
  inbox: (schoolId: string, status: 'open' | 'closed') =>
    request<{ incidents: InboxItem[] }>(`${base(schoolId)}?status=${status}`),
  summary: (schoolId: string) => request<IncidentSummary>(`${base(schoolId)}/summary`),
  get: (schoolId: string, id: string) => request<IncidentView>(one(schoolId, id)),
  addEntry: (schoolId: string, id: string, entry: Record<string, unknown>) =>
    request<ChronologyEntry>(`${one(schoolId, id)}/entries`, { method: 'POST', body: entry }),
  recommend: (schoolId: string, id: string, q: { audience: string; row: string; personId?: string }) => {
    const search = new URLSearchParams({
      audience: q.audience,
      row: q.row,
      ...(q.personId ? { personId: q.personId } : {}),
    });
    return request<Recommendation>(`${one(schoolId, id)}/recommend?${search}`);
  },
  recordSanction: (schoolId: string, id: string, body: Record<string, unknown>) =>
    request<ChronologyEntry>(`${one(schoolId, id)}/sanctions`, { method: 'POST', body }),
  nudesReview: (schoolId: string, id: string, body: Record<string, unknown>) =>
    request<ChronologyEntry>(`${one(schoolId, id)}/nudes-review`, { method: 'POST', body }),
  addEvidence: (schoolId: string, id: string, body: Record<string, unknown>) =>
    request<EvidenceView>(`${one(schoolId, id)}/evidence`, { method: 'POST', body }),
  close: (schoolId: string, id: string, review: string) =>
    request<{ id: string; status: 'closed'; closedAt: string }>(`${one(schoolId, id)}/close`, {
      method: 'POST',
      body: { review },
    }),
};

/** Links the browser follows itself (downloads): under /api, with the session cookie. */
export const incidentFiles = {
  evidence: (schoolId: string, id: string, evidenceId: string) =>
    `/api${one(schoolId, id)}/evidence/${encodeURIComponent(evidenceId)}`,
  pdf: (schoolId: string, id: string) => `/api${one(schoolId, id)}/export.pdf`,
  csv: (schoolId: string) => `/api${base(schoolId)}/export.csv`,
};

const breaches = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/breaches`;

export const breachApi = {
  report: (schoolId: string, body: Record<string, unknown>) =>
    request<BreachView>(breaches(schoolId), { method: 'POST', body }),
  log: (schoolId: string) => request<{ breaches: BreachView[] }>(breaches(schoolId)),
  ico: (schoolId: string, id: string, body: Record<string, unknown>) =>
    request<BreachView>(`${breaches(schoolId)}/${encodeURIComponent(id)}/ico`, { method: 'POST', body }),
  close: (schoolId: string, id: string) =>
    request<BreachView>(`${breaches(schoolId)}/${encodeURIComponent(id)}/close`, { method: 'POST' }),
};

export const breachKeys = {
  log: (schoolId: string) => ['school', schoolId, 'breaches'] as const,
};

export const incidentKeys = {
  all: (schoolId: string) => ['school', schoolId, 'incidents'] as const,
  mine: (schoolId: string) => ['school', schoolId, 'incidents', 'mine'] as const,
  inbox: (schoolId: string, status: string) => ['school', schoolId, 'incidents', 'inbox', status] as const,
  summary: (schoolId: string) => ['school', schoolId, 'incidents', 'summary'] as const,
  one: (schoolId: string, id: string) => ['school', schoolId, 'incidents', 'one', id] as const,
};
