import { Alert, Button, Heading } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from './labels.ts';
import type { Notifications } from './types.ts';
import './incidents.css';

const POLL_MS = 20_000;

/**
 * Serious incidents at the unit leader's facilities, shown at once in every page: polled, in a
 * polite live region so a screen reader announces a new one, each marked read on its own.
 */
export function NotificationBanner() {
  const { t, locale } = useI18n();
  const notifications = useApi((signal) => api.get<Notifications>('/notifications', {}, signal), []);
  const { reload } = notifications;
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const unread = notifications.data?.items.filter((n) => !n.read) ?? [];
  const markRead = async (id: string) => {
    setBusy(true);
    try {
      await api.post(`/notifications/${id}/read`);
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div aria-live="polite" className="notification-banner" data-testid="notifications">
      {unread.length > 0 && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('notifications.heading', { n: unread.length })}
          </Heading>
          <ul>
            {unread.map((n) => (
              <li key={n.id}>
                {n.incident ? (
                  <AppLink to={`/hendelser/${n.incident.id}`}>
                    {t('notifications.incident', {
                      type: label(t, 'incidents.type', n.incident.type),
                      facility: n.facility?.name ?? '',
                      date: formatDate(n.incident.occurredOn, locale),
                      time: n.incident.occurredTime,
                    })}
                  </AppLink>
                ) : (
                  (n.facility?.name ?? '')
                )}{' '}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  disabled={busy}
                  onClick={() => markRead(n.id)}
                >
                  {t('notifications.markRead')}
                </Button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
