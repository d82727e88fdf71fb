import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { policy } from '@haven/core';
import { parseDocument } from 'yaml';

export type PolicyFileResult =
  | { ok: true; policy: policy.PolicyDocument }
  | { ok: false; problems: policy.PolicyProblem[] };

/** Parses YAML or JSON text into a value, or problems naming line and column. Never throws. */
export function parsePolicyText(
  text: string,
  format: 'yaml' | 'json',
): { ok: true; value: unknown } | { ok: false; problems: policy.PolicyProblem[] } {
  if (format === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return {
        ok: false,
        problems: [{ path: jsonErrorPosition(text, error), reason: `not valid JSON: ${jsonReason(error)}` }],
      };
    }
  }
  // prettyErrors fills in linePos, which names the line and column in the message.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          path: pos ? `line ${pos.line}, column ${pos.col}` : '(document)',
          reason: `not valid YAML: ${firstLine(e.message)}`,
        };
      }),
    };
  }
  return { ok: true, value: doc.toJS() };
}

export function policyFormatFor(path: string): 'yaml' | 'json' | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return null;
}

/** Reads, parses and validates a policy file. Problems carry a path into the document (or a line). */
export async function loadPolicyFile(path: string): Promise<PolicyFileResult> {
  const format = policyFormatFor(path);
  if (!format)
    return { ok: false, problems: [{ path: '(file)', reason: 'must end in .yaml, .yml or .json' }] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code ?? 'unknown error'})`;
    return { ok: false, problems: [{ path: '(file)', reason }] };
  }
  const parsed = parsePolicyText(text, format);
  if (!parsed.ok) return parsed;
  const result = policy.validatePolicy(parsed.value);
  return result.ok ? { ok: true, policy: result.policy } : { ok: false, problems: result.problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function jsonReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return firstLine(message)
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/^JSON\.parse: /, '');
}

function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message) ?? /line (\d+) column (\d+)/.exec(message);
  if (!match) return '(document)';
  if (match.length === 3) return `line ${match[1]}, column ${match[2]}`;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
