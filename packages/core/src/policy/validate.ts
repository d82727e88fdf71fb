import type { z } from 'zod';
import { type PolicyDocument, policyDocument } from './schema.ts';

/** One problem in a policy file: a dotted path (`matrices.communications.rows[3].cells.pupils`) and a reason. */
export interface PolicyProblem {
  path: string;
  reason: string;
}

export type ValidationResult =
  | { ok: true; policy: PolicyDocument }
  | { ok: false; problems: PolicyProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Our own wording for zod's issues: short, stable, and free of internals. */
function reasonFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return `is required (${issue.expected})`;
      return `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array')
        return `must have at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.message;
    case 'invalid_format':
      if (issue.format === 'date') return 'must be a date written YYYY-MM-DD';
      return issue.message;
    case 'invalid_key':
      return `has a key that ${issue.issues.map(reasonFor).join('; ')}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return article(typeof value);
}

export function problemsFromZod(error: z.ZodError): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const issue of error.issues) {
    // A record keyed by an enum reports the bad key as part of the path.
    if (issue.code === 'invalid_key') {
      problems.push({ path: formatPath(issue.path), reason: reasonFor(issue) });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key]), reason: 'unknown field' });
      }
      continue;
    }
    problems.push({ path: formatPath(issue.path), reason: reasonFor(issue) });
  }
  return problems;
}

/** Validates an already-parsed policy (from YAML, JSON or a template). Never throws. */
export function validatePolicy(input: unknown): ValidationResult {
  // reportInput lets a wrong type be told apart from a missing value.
  const parsed = policyDocument.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, problems: problemsFromZod(parsed.error) };
}

export function formatProblems(problems: readonly PolicyProblem[], prefix = ''): string[] {
  return problems.map((p) => `${prefix}${p.path}: ${p.reason}`);
}
