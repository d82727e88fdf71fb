import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, queryKeys } from '../endpoints.ts';
import { t } from '../i18n.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** How often the list is asked for again while the page is open: an urgent alert should not wait. */
const REFRESH_MS = 30_000;

/**
 * Alerts for the posts this person holds (an illegal-list hit for the DSL). Each says what kind
 * of thing happened and links to where the details are; unread ones come first in weight.
 * Nothing is shown at all to someone who has never had one.
 */
export function Notifications() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: api.notifications,
    refetchInterval: REFRESH_MS,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api.markNotificationRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;
  const items = list.data?.notifications ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="alerts-heading" className="panel">
      <h2 id="alerts-heading">
        {t('web.notifications.heading')}{' '}
        {list.data && list.data.unread > 0 ? (
          <span className="badge status-open">
            {t('web.notifications.unread', { count: list.data.unread })}
          </span>
        ) : null}
      </h2>
      <ul className="card-list">
        {items.map((n) => (
          <li key={n.id} className={`card${n.readAt ? '' : ' card-unread'}`}>
            <p>
              {n.urgent && !n.readAt ? (
                <strong className="badge status-declined">{t('web.notifications.urgent')}</strong>
              ) : null}{' '}
              <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString('en-GB')}</time>
            </p>
            <p>{n.title}</p>
            <p className="actions">
              <Link to={n.link}>{t('web.notifications.open')}</Link>{' '}
              {n.readAt ? (
                <span>{t('web.notifications.read')}</span>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate(n.id)}
                >
                  {t('web.notifications.markRead')}
                </button>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
