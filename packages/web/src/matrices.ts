import { t } from './i18n.ts';
import type { MatrixName, PolicyDocument } from './types.ts';

/** The matrix's title as the policy gives it, or our name for it. */
export function matrixTitle(document: PolicyDocument | undefined, name: MatrixName): string {
  const m = document?.matrices;
  const own =
    name === 'communications'
      ? m?.communications?.title
      : name === 'user-actions'
        ? m?.userActions?.title
        : name === 'devices'
          ? m?.devices?.title
          : name === 'pupil-sanctions'
            ? m?.pupilSanctions?.title
            : m?.staffSanctions?.title;
  return own ?? matrixName(name);
}

export function matrixName(name: MatrixName): string {
  switch (name) {
    case 'communications':
      return t('web.matrix.name.communications');
    case 'user-actions':
      return t('web.matrix.name.userActions');
    case 'devices':
      return t('web.matrix.name.devices');
    case 'pupil-sanctions':
      return t('web.matrix.name.pupilSanctions');
    case 'staff-sanctions':
      return t('web.matrix.name.staffSanctions');
  }
}

/** What the first column of each matrix lists. */
export function matrixRowHeader(name: MatrixName): string {
  switch (name) {
    case 'communications':
      return t('web.matrix.rows.communications');
    case 'user-actions':
      return t('web.matrix.rows.userActions');
    case 'devices':
      return t('web.matrix.rows.devices');
    case 'pupil-sanctions':
    case 'staff-sanctions':
      return t('web.matrix.rows.sanctions');
  }
}
