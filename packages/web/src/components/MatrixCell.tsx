import { t } from '../i18n.ts';

/** A code such as `CT` or `NA`, shown beside its meaning; a value such as `certain-times` is not. */
export function isShortCode(value: string): boolean {
  return /^[A-Z]{1,4}$/.test(value);
}

/**
 * One cell of a matrix: a code with its meaning from the legend, a value as its meaning, a tick
 * for true (with "Yes"/"No" for screen readers), a dash for a cell the policy leaves blank.
 */
export function MatrixCell({
  value,
  legend,
}: {
  value: string | boolean | null;
  legend: Record<string, string>;
}) {
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('web.matrix.blank')}</span>
      </>
    );
  }
  if (typeof value === 'boolean') {
    return value ? (
      <>
        <span aria-hidden="true" className="tick">
          ✓
        </span>
        <span className="visually-hidden">{t('web.matrix.yes')}</span>
      </>
    ) : (
      <span className="visually-hidden">{t('web.matrix.no')}</span>
    );
  }
  const meaning = legend[value];
  if (meaning === undefined || meaning === value) return value;
  if (isShortCode(value)) {
    return (
      <>
        <span className="code">{value}</span> <span className="meaning">{meaning}</span>
      </>
    );
  }
  return meaning;
}
