/**
 * Agreements (`/api/schools/:id/agreements/...`): one function per call, with query keys under
 * ['school', id, 'agreements'] so signing refreshes every agreements view.
 */
import type { agreements } from '@haven/core';
import { request } from '../api.ts';

export type AgreementState = 'signed' | 'unsigned' | 'awaiting-approval' | 'lapsed';

export interface RequiredView {
  agreement: string;
  signed: boolean;
  signer: 'self' | 'parent';
  state: AgreementState;
  title: string;
  version: number;
  versionId: string;
  textHash: string;
  signatureId: string | null;
  signedAt: string | null;
}

export interface MineView {
  person: { id: string; name: string } | null;
  required: RequiredView[];
  children: {
    person: { id: string; name: string; yearGroup: string | null; className: string | null };
    required: RequiredView[];
  }[];
}

export interface AgreementRow {
  id: string;
  audience: string;
  title: string;
  version: number;
  seed: string | null;
  source: 'template' | 'import';
  versions: {
    version: number;
    source: string;
    filename: string | null;
    createdAt: string;
    createdBy: string;
  }[];
}

export interface AgreementTextView {
  id: string;
  version: number;
  versionId: string;
  current: boolean;
  currentVersion: number;
  textHash: string;
  agreement: agreements.AgreementTemplate;
}

export interface SignBody {
  personId?: string;
  version: number;
  textHash: string;
  answers: {
    agreed: true;
    ticks?: string[];
    permissions?: Record<string, boolean>;
    fields: Record<string, string | string[]>;
  };
}

export interface SignResult {
  signatureId: string;
  state: 'signed' | 'awaiting-approval';
  approver: string | null;
  at: string;
}

export interface PendingApproval {
  signatureId: string;
  agreement: string;
  version: number;
  person: { id: string; name: string };
  signedAt: string;
  answers: { fields?: Record<string, string | string[]> };
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/agreements`;

export const agreementKeys = {
  all: (schoolId: string) => ['school', schoolId, 'agreements'] as const,
  mine: (schoolId: string) => ['school', schoolId, 'agreements', 'mine'] as const,
  list: (schoolId: string) => ['school', schoolId, 'agreements', 'list'] as const,
  approvals: (schoolId: string) => ['school', schoolId, 'agreements', 'approvals'] as const,
  text: (schoolId: string, id: string) => ['school', schoolId, 'agreements', 'text', id] as const,
};

export const agreementApi = {
  mine: (schoolId: string) => request<MineView>(`${base(schoolId)}/mine`),
  list: (schoolId: string) => request<AgreementRow[]>(base(schoolId)),
  text: (schoolId: string, id: string) =>
    request<AgreementTextView>(`${base(schoolId)}/${encodeURIComponent(id)}`),
  sign: (schoolId: string, id: string, body: SignBody) =>
    request<SignResult>(`${base(schoolId)}/${encodeURIComponent(id)}/sign`, { method: 'POST', body }),
  approvals: (schoolId: string) => request<PendingApproval[]>(`${base(schoolId)}/approvals`),
  approve: (schoolId: string, signatureId: string, fields: Record<string, string>) =>
    request<{ approvalId: string }>(
      `${base(schoolId)}/signatures/${encodeURIComponent(signatureId)}/approve`,
      {
        method: 'POST',
        body: { fields },
      },
    ),
  import: (schoolId: string, id: string, body: { filename: string; content: string }) =>
    request<{ version: number }>(`${base(schoolId)}/${encodeURIComponent(id)}/versions`, {
      method: 'POST',
      body,
    }),
};
