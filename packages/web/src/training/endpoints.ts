/**
 * Training (`/api/schools/:id/training/...`): one function per call, with query keys under
 * ['school', id, 'training'].
 */
import { request } from '../api.ts';

export type TrainingState = 'done' | 'due-soon' | 'overdue' | 'not-required';

export interface CourseStatus {
  courseId: string;
  state: TrainingState;
  lastCompletedOn: string | null;
  nextDueOn: string | null;
}

export interface Course {
  id: string;
  title: string;
  description: string;
  frequency: 'induction' | 'annual' | 'biennial';
  evidence: string;
  source: string[];
}

export interface TrainingRecord {
  id: string;
  personId: string;
  courseId: string;
  completedOn: string;
  provider: string | null;
  note: string | null;
  certificate: { filename: string; mediaType: string; size: number; sha256: string } | null;
  recordedAt: string;
  recordedBy: string;
}

export interface AuditArea {
  id: string;
  question: string;
  source: string;
}

export interface MyTraining {
  today: string;
  person: { id: string; displayName: string };
  courses: (Course & { status: CourseStatus })[];
  records: TrainingRecord[];
  audit: {
    areas: AuditArea[];
    levels: Record<string, string>;
    latest: { id: string; completedAt: string; needs: string[] } | null;
  };
}

export interface TrainingOverview {
  today: string;
  courses: Course[];
  counts: {
    courseId: string;
    title: string;
    required: number;
    done: number;
    dueSoon: number;
    overdue: number;
  }[];
  people: {
    personId: string;
    displayName: string;
    kind: 'staff' | 'governor';
    posts: { id: string; title: string }[];
    status: CourseStatus[];
  }[];
}

export interface NeedsAudits {
  areas: AuditArea[];
  summary: { areaId: string; needing: number; average: number | null }[];
  people: {
    personId: string;
    displayName: string;
    audit: {
      id: string;
      completedAt: string;
      needs: string[];
      answers: { otherNeeds?: string; performanceManagement?: string };
      reviewedBy: string | null;
      reviewedAt: string | null;
    } | null;
  }[];
}

export interface TrainingSummary {
  today: string;
  byCourse: TrainingOverview['counts'];
  byPost: { roleId: string; title: string; people: number; dueSoon: number; overdue: number }[];
  byKind: { kind: 'staff' | 'governor'; people: number; dueSoon: number; overdue: number }[];
  needsAudit: { staff: number; completed: number; areas: NeedsAudits['summary'] };
}

export interface RecordBody {
  courseId: string;
  completedOn: string;
  provider?: string;
  note?: string;
  certificate?: { filename: string; mediaType: string; content: string };
}

export interface AuditBody {
  ratings: Record<string, number>;
  otherNeeds: string;
  performanceManagement: string;
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/training`;

export const trainingApi = {
  mine: (schoolId: string) => request<MyTraining>(`${base(schoolId)}/mine`),
  recordMine: (schoolId: string, body: RecordBody) =>
    request<TrainingRecord>(`${base(schoolId)}/mine/records`, { method: 'POST', body }),
  submitAudit: (schoolId: string, body: AuditBody) =>
    request<{ id: string; completedAt: string; needs: string[] }>(`${base(schoolId)}/mine/audit`, {
      method: 'POST',
      body,
    }),
  people: (schoolId: string) => request<TrainingOverview>(`${base(schoolId)}/people`),
  record: (schoolId: string, body: RecordBody & { personId: string }) =>
    request<TrainingRecord>(`${base(schoolId)}/records`, { method: 'POST', body }),
  audits: (schoolId: string) => request<NeedsAudits>(`${base(schoolId)}/audits`),
  summary: (schoolId: string) => request<TrainingSummary>(`${base(schoolId)}/summary`),
  review: (schoolId: string, id: string) =>
    request<{ id: string }>(`${base(schoolId)}/audits/${encodeURIComponent(id)}/review`, { method: 'POST' }),
};

export const trainingKeys = {
  all: (schoolId: string) => ['school', schoolId, 'training'] as const,
  mine: (schoolId: string) => ['school', schoolId, 'training', 'mine'] as const,
  people: (schoolId: string) => ['school', schoolId, 'training', 'people'] as const,
  audits: (schoolId: string) => ['school', schoolId, 'training', 'audits'] as const,
  summary: (schoolId: string) => ['school', schoolId, 'training', 'summary'] as const,
};

/** A chosen file as the API takes it: base64 of its bytes. */
export async function fileToCertificate(file: File): Promise<RecordBody['certificate']> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.name, mediaType: file.type || 'application/octet-stream', content: btoa(binary) };
}
