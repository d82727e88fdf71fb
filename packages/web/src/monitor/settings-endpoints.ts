/**
 * Monitoring settings and suppressions (`/api/schools/:id/monitor/settings`, `.../suppressions`):
 * one function per call, with query keys under ['school', id, 'monitor'].
 */
import { request } from '../api.ts';

export type PhraseChange =
  | { op: 'add'; category: string; severity: number; text: string }
  | { op: 'disable'; id: string }
  | { op: 'regrade'; id: string; severity: number };

export interface Threshold {
  alertFrom: number;
  immediateFrom: number;
}

export type SummaryRecipient = 'dsl' | 'headteacher' | 'online-safety-lead';

export interface MonitorSettings {
  phrases: PhraseChange[];
  thresholds: Record<string, Threshold>;
  defaultThreshold: Threshold;
  digestHours: number;
  summaryTime: string;
  summaryTo: SummaryRecipient[];
}

export interface PhraseView {
  id: string;
  category: string;
  language: string;
  text: string;
  severity: number;
  librarySeverity: number;
  enabled: boolean;
}

export interface MonitorSettingsView {
  settings: MonitorSettings;
  revision: number;
  defaults: boolean;
  updatedAt: string | null;
  libraryVersion: string;
  groups: { id: string; name: string }[];
  phrases: PhraseView[];
}

export interface Suppression {
  phraseId: string;
  context: string;
  alertId: string | null;
  createdBy: string;
  createdAt: string;
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/monitor`;

export const monitorSettingsKeys = {
  settings: (schoolId: string) => ['school', schoolId, 'monitor', 'settings'] as const,
  suppressions: (schoolId: string) => ['school', schoolId, 'monitor', 'suppressions'] as const,
};

export const monitorSettingsApi = {
  settings: (schoolId: string) => request<MonitorSettingsView>(`${base(schoolId)}/settings`),
  save: (schoolId: string, settings: MonitorSettings, revision: number) =>
    request<{ revision: number }>(`${base(schoolId)}/settings`, {
      method: 'PUT',
      body: { settings, revision },
    }),
  suppressions: (schoolId: string) =>
    request<{ suppressions: Suppression[] }>(`${base(schoolId)}/suppressions`),
  lift: (schoolId: string, s: Pick<Suppression, 'phraseId' | 'context'>) =>
    request<{ lifted: true }>(`${base(schoolId)}/suppressions/remove`, {
      method: 'POST',
      body: { phraseId: s.phraseId, context: s.context },
    }),
};
