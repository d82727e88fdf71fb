import { isApiError } from '../api.ts';
import { t } from '../i18n.ts';

/** What went wrong, in words a member of staff can act on. */
export function errorText(error: unknown): string {
  if (!isApiError(error)) return t('error.internal');
  switch (error.id) {
    case 'forbidden':
      return t('web.error.forbidden');
    case 'network':
      return t('web.error.network');
    case 'not-found':
      return t('error.notFound');
    default:
      if (error.status === 403) return t('web.error.forbidden');
      if (error.status >= 500) return t('error.internal');
      return error.message;
  }
}

export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const forbidden = isApiError(error) && (error.id === 'forbidden' || error.status === 403);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{forbidden ? t('web.error.forbiddenTitle') : t('web.error.title')}</p>
      <p>{errorText(error)}</p>
      {retry && !forbidden ? (
        <button type="button" className="button-secondary" onClick={retry}>
          {t('web.action.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
