import { isApiError } from './api.ts';
import { errorText } from './components/ErrorMessage.tsx';
import type { FormProblem } from './components/ErrorSummary.tsx';

/** The form's fields by the name the API uses: the element id and the label. */
export type FormFields = Record<string, { id: string; label: string }>;

/**
 * Turns a failed submission into problems for the error summary: each validation detail goes to
 * the field its path names (the last part of `body.givenName` is `givenName`); anything else is
 * a problem with the whole form.
 */
export function problemsFrom(error: unknown, fields: FormFields): FormProblem[] {
  if (isApiError(error) && error.details.length > 0) {
    return error.details.map((d) => {
      const name = d.path.split(/[./]/).filter(Boolean).pop() ?? '';
      const field = fields[name];
      return { field: field?.id, label: field?.label, message: sentence(d.reason) };
    });
  }
  return [{ message: errorText(error) }];
}

/** "is not valid" becomes "Is not valid", to stand on its own beside a field. */
export function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** The first problem reported for a field, for the message shown beside it. */
export function problemFor(problems: FormProblem[], fieldId: string): string | undefined {
  return problems.find((p) => p.field === fieldId)?.message;
}
