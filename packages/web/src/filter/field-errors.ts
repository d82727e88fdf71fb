import { type ApiErrorDetail, isApiError } from '../api.ts';
import { errorText } from '../components/ErrorMessage.tsx';
import type { FormProblem } from '../components/ErrorSummary.tsx';
import { sentence } from '../form-errors.ts';

/** A field of a form, found from the part of an API error path that names it. */
export interface FieldRef {
  id: string;
  label: string;
}

/** Where the API says a value came from, rather than which value it was. */
const LOCATIONS = new Set(['body', 'querystring', 'query', 'params']);

/**
 * An API error path made relative to a form: the location (`body.`) and then each of `within`
 * in turn are taken off the front, so `body.settings.timetable.periods.0.end` within
 * `['settings', 'timetable']` is `periods.0.end`. Slashes count as dots.
 */
export function relativePath(path: string, within: readonly string[] = []): string {
  const parts = path.split(/[./]/).filter(Boolean);
  if (parts.length > 0 && LOCATIONS.has(parts[0]!)) parts.shift();
  for (const prefix of within) {
    if (parts[0] === prefix) parts.shift();
    else break;
  }
  return parts.join('.');
}

/**
 * The field a path names, or failing that the nearest field that contains it: `periods.0` has no
 * field of its own, so its problem goes to whatever `fieldFor` gives for it (a row's first field,
 * say); a path nothing matches belongs to the whole form.
 */
export function fieldForPath(
  path: string,
  fieldFor: (path: string) => FieldRef | undefined,
): FieldRef | undefined {
  const parts = path.split('.').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const found = fieldFor(parts.slice(0, n).join('.'));
    if (found) return found;
  }
  return undefined;
}

/** One validation detail as a problem: beside its field where the form has one, else at the top. */
export function problemFromDetail(
  detail: ApiErrorDetail,
  fieldFor: (path: string) => FieldRef | undefined,
  within: readonly string[] = [],
): FormProblem {
  const path = relativePath(detail.path, within);
  const field = fieldForPath(path, fieldFor);
  const message = sentence(detail.reason);
  if (field) return { field: field.id, label: field.label, message };
  // No field for it on this form: say where, so the problem can still be found and fixed.
  return { message: path ? `${path}: ${detail.reason}` : message };
}

/**
 * A failed submission as problems for the error summary and the fields: each validation detail
 * to the field its path names; anything else (a refusal, a conflict) as one problem for the form.
 */
export function apiProblems(
  error: unknown,
  fieldFor: (path: string) => FieldRef | undefined,
  within: readonly string[] = [],
): FormProblem[] {
  if (isApiError(error) && error.details.length > 0) {
    const problems = error.details.map((d) => problemFromDetail(d, fieldFor, within));
    // The same field can be named twice (a union's branches); say it once.
    const seen = new Set<string>();
    return problems.filter((p) => {
      const key = `${p.field ?? ''}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return [{ message: errorText(error) }];
}

/** The first problem for a field id: the message shown beside that field. */
export function messageFor(problems: readonly FormProblem[], id: string): string | undefined {
  return problems.find((p) => p.field === id)?.message;
}
