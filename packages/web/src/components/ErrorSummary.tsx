import { useEffect, useRef } from 'react';
import { t } from '../i18n.ts';

export interface FormProblem {
  /** The id of the field at fault, or undefined for a problem with the form as a whole. */
  field?: string | undefined;
  /** The field's label, to name it in the summary. */
  label?: string | undefined;
  message: string;
}

function summaryText(p: FormProblem): string {
  return p.label ? t('web.form.fieldProblem', { field: p.label, reason: p.message }) : p.message;
}

/**
 * The problems with a submitted form, listed at its top with links to each field. It takes focus
 * when it appears so keyboard and screen-reader users learn at once that the form was not sent.
 */
export function ErrorSummary({ problems }: { problems: FormProblem[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error error-summary" ref={box} tabIndex={-1} role="alert">
      <p className="notice-title">{t('web.form.problemTitle')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.field ?? ''}:${p.message}`}>
            {p.field ? (
              <a
                href={`#${p.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(p.field ?? '')?.focus();
                }}
              >
                {summaryText(p)}
              </a>
            ) : (
              summaryText(p)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
