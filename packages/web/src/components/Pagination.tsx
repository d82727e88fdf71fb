import { t } from '../i18n.ts';

/** "Showing 26–50 of 230" with previous and next. */
export function Pagination({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  if (total <= limit && offset === 0) return null;
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pagination" aria-label={t('web.pagination.label')}>
      <p>{t('web.pagination.showing', { from, to, total })}</p>
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('web.pagination.previous')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={offset + limit >= total}
          onClick={() => onChange(offset + limit)}
        >
          {t('web.pagination.next')}
        </button>
      </div>
    </nav>
  );
}
