import type { KeysetPages } from '../hooks/useKeysetPages.ts';
import { t } from '../i18n.ts';

/**
 * "Newest", "Newer" and "Older" under a newest-first log. "Older" appears while the page being
 * shown says there is more (its cursor for the next page).
 */
export function KeysetPager<C>({
  pages,
  next,
  busy = false,
}: {
  pages: KeysetPages<C>;
  /** The shown page's cursor for the page after it; null or undefined at the oldest. */
  next: C | null | undefined;
  busy?: boolean;
}) {
  const hasOlder = next !== null && next !== undefined;
  if (pages.page === 1 && !hasOlder) return null;
  return (
    <nav className="pagination" aria-label={t('web.filter.pager.label')}>
      <p>{t('web.filter.pager.page', { page: pages.page })}</p>
      <div className="actions">
        {pages.page > 2 ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={pages.newest}>
            {t('web.filter.pager.newest')}
          </button>
        ) : null}
        <button
          type="button"
          className="button-secondary"
          disabled={busy || pages.page === 1}
          onClick={pages.newer}
        >
          {t('web.filter.pager.newer')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || !hasOlder}
          onClick={() => {
            if (hasOlder) pages.older(next);
          }}
        >
          {t('web.filter.pager.older')}
        </button>
      </div>
    </nav>
  );
}
