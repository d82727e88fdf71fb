/**
 * The MIS import API (`/api/schools/:id/people/imports`): preview, import and the record of runs.
 * The file goes as base64 of its bytes so the server can name a line that is not UTF-8.
 */
import type { CsvEncoding, ImportCounts, ImportKind, ImportPlan } from '@haven/core/directory';
import { request } from '../api.ts';

export interface ImportRequest {
  kind: ImportKind;
  base64: string;
  encoding: CsvEncoding;
  full: boolean;
  fileName?: string;
  mapping?: Record<string, string>;
}

export interface ImportPreview {
  plan: ImportPlan;
  counts: ImportCounts;
  fileSha256: string;
}

export interface ImportRun {
  id: string;
  kind: ImportKind;
  full: boolean;
  fileSha256: string;
  fileName: string | null;
  encoding: string;
  confirm: 'all' | 'skip-bad-rows';
  counts: ImportCounts;
  problems: ImportPlan['problems'];
  by: { accountId: string | null; label: string };
  at: string;
}

const base = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}/people/imports`;

export const directoryApi = {
  preview: (schoolId: string, body: ImportRequest) =>
    request<ImportPreview>(`${base(schoolId)}/preview`, { method: 'POST', body }),
  run: (schoolId: string, body: ImportRequest & { confirm: 'all' | 'skip-bad-rows' }) =>
    request<ImportPreview & { imported: true; run: ImportRun }>(base(schoolId), { method: 'POST', body }),
  runs: (schoolId: string) => request<{ runs: ImportRun[] }>(base(schoolId)),
};

export const directoryKeys = {
  runs: (schoolId: string) => ['school', schoolId, 'people', 'imports'] as const,
};

/** A chosen file's bytes as base64, without a data: URL's prefix. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
