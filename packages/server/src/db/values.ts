import { randomUUID } from 'node:crypto';

/** A new row id. */
export const newId = (): string => randomUUID();

/** Now as stored: ISO-8601 UTC with milliseconds, which sorts correctly as text. */
export const nowIso = (): string => new Date().toISOString();

export const toFlag = (value: boolean): number => (value ? 1 : 0);

export const fromFlag = (value: number): boolean => value !== 0;

/** Reads a JSON array of strings written by a repository; anything else is a corrupt row. */
export function parseStringArray(text: string, column: string): string[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`${column} should hold a JSON array of strings`);
  }
  return value;
}
