/**
 * Consents (`/api/schools/:id/consents/...`): one function per call, with query keys under
 * ['school', id, 'consents'] so recording a change refreshes every consents view.
 */
import { request } from '../api.ts';
import { queryString } from '../filter/endpoints.ts';

export type ConsentState = 'given' | 'refused' | 'withdrawn' | 'assumed' | 'none';
export type ConsentDecision = 'given' | 'refused' | 'withdrawn';
export type ConsentMethod = 'parent-online' | 'paper-form' | 'phone';
export type PublishingAnswer = 'yes' | 'no' | 'assumed' | 'unknown';

export interface ConsentPurpose {
  id: string;
  kind: 'images' | 'internet';
  title: string;
  /** The seed's question, verbatim. */
  question: string;
  source: { seed: string; section: string; line: number };
  options: string[];
  noResponse: 'assumed' | 'none';
  noResponseStatement: string | null;
  website: boolean;
  uses: { id: string; label: string; noResponse: 'assumed' | 'none' }[];
}

export interface StateView {
  purpose: string;
  state: ConsentState;
  since: string | null;
  by: string | null;
  method: ConsentMethod | null;
  recordedBy: string | null;
}

export interface RecordView {
  id: string;
  purpose: string;
  decision: ConsentDecision;
  method: ConsentMethod;
  parentName: string;
  relationship: string | null;
  decidedOn: string;
  formSigned: boolean | null;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface ConsentListView {
  purposes: ConsentPurpose[];
  groups: { yearGroup: string | null; className: string | null; pupils: number }[];
  pupils: {
    pupilId: string;
    name: string;
    yearGroup: string | null;
    className: string | null;
    states: StateView[];
  }[];
  warning: string | null;
}

export interface PupilConsentsView {
  pupil: { id: string; name: string; yearGroup: string | null; className: string | null };
  purposes: ConsentPurpose[];
  states: StateView[];
  history: RecordView[];
  guardians: { parentId: string; name: string; relationship: string | null }[];
  warning: string | null;
}

export interface MyChildrenView {
  purposes: ConsentPurpose[];
  children: {
    pupil: { id: string; name: string; yearGroup: string | null };
    relationship: string | null;
    states: StateView[];
    history: RecordView[];
  }[];
  warning: string | null;
}

export interface NewConsentRecord {
  purpose: string;
  decision: ConsentDecision;
  method?: ConsentMethod;
  parentId?: string;
  parentName?: string;
  relationship?: string;
  decidedOn?: string;
  formSigned?: boolean;
  note?: string;
}

export interface PublishingCheckView {
  purpose: string;
  use: string | null;
  question: string;
  allYes: boolean;
  counts: Record<PublishingAnswer, number>;
  warning: string | null;
  pupils: {
    pupilId: string;
    name: string;
    answer: PublishingAnswer;
    since: string | null;
    by: string | null;
  }[];
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/consents`;

export const consentApi = {
  list: (schoolId: string, group: { yearGroup?: string; className?: string }) =>
    request<ConsentListView>(`${base(schoolId)}${queryString(group)}`),
  pupil: (schoolId: string, pupilId: string) =>
    request<PupilConsentsView>(`${base(schoolId)}/pupils/${encodeURIComponent(pupilId)}`),
  mine: (schoolId: string) => request<MyChildrenView>(`${base(schoolId)}/mine`),
  record: (schoolId: string, pupilId: string, body: NewConsentRecord) =>
    request<{ record: RecordView; state: StateView }>(
      `${base(schoolId)}/pupils/${encodeURIComponent(pupilId)}`,
      {
        method: 'POST',
        body,
      },
    ),
  check: (schoolId: string, body: { purpose: string; use?: string; pupilIds: string[] }) =>
    request<PublishingCheckView>(`${base(schoolId)}/check`, { method: 'POST', body }),
};

export const consentKeys = {
  all: (schoolId: string) => ['school', schoolId, 'consents'] as const,
  list: (schoolId: string, group: string) => ['school', schoolId, 'consents', 'list', group] as const,
  pupil: (schoolId: string, pupilId: string) => ['school', schoolId, 'consents', 'pupil', pupilId] as const,
  mine: (schoolId: string) => ['school', schoolId, 'consents', 'mine'] as const,
};
