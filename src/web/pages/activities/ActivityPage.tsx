import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page } from '../../types.ts';
import { label } from '../incidents/labels.ts';
import { label as planLabel } from '../plans/types.ts';
import { AttendanceForm } from './ActivityForms.tsx';
import type { ActivityDetail } from './types.ts';

type Hit = {
  id: string;
  givenName: string;
  familyName: string;
  facility: { id: string; name: string } | null;
};

/** One activity: who holds a place, the waiting list, and enrolment by search. */
export function ActivityPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const detail = useApi((signal) => api.get<ActivityDetail>(`/activities/${id}`, {}, signal), [id]);
  useDocumentTitle(detail.data?.name ?? t('activities.title'));
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const manage = can('activity.manage');

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!query.trim()) return;
    try {
      const page = await api.get<Page<Hit>>('/people', { q: query.trim(), pageSize: 10 });
      setHits(page.items);
    } catch (e) {
      setError(e);
    }
  };
  const enrol = async (hit: Hit) => {
    setError(undefined);
    try {
      const res = await api.post<{ status: 'enrolled' | 'waiting' }>(`/activities/${id}/enrolments`, {
        personId: hit.id,
      });
      const name = `${hit.givenName} ${hit.familyName}`;
      setNotice(t(res.status === 'enrolled' ? 'activities.enrolled' : 'activities.waiting', { name }));
      setHits(null);
      setQuery('');
      detail.reload();
    } catch (e) {
      setError(e);
    }
  };
  const end = async (enrolmentId: string, version: number) => {
    setError(undefined);
    try {
      const res = await api.post<{ promoted: { name: string } | null }>(
        `/activities/${id}/enrolments/${enrolmentId}/end`,
        { version },
      );
      setNotice(res.promoted ? t('activities.promoted', { name: res.promoted.name }) : t('activities.ended'));
      detail.reload();
    } catch (e) {
      setError(e);
    }
  };

  if (detail.error !== undefined) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Loading />;
  const a = detail.data;
  return (
    <>
      <Paragraph>
        <AppLink to="/aktiviteter">{t('activities.back')}</AppLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {a.name}
      </Heading>
      <Paragraph>
        {label(t, 'activities.kind', a.kind)} · {a.facility.name} · {a.schedule}
      </Paragraph>
      <Paragraph data-testid="activity-places">
        {t('activities.placesLine', { enrolled: a.enrolled, places: a.places, waiting: a.waiting })}
      </Paragraph>
      {notice && (
        <Alert data-color="success" data-testid="activity-notice">
          {notice}
        </Alert>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <Heading level={2} data-size="md">
        {t('activities.enrolledHeading')}
      </Heading>
      {a.enrolments.length === 0 ? (
        <Paragraph>{t('activities.noneEnrolled')}</Paragraph>
      ) : (
        <Table border zebra data-testid="activity-enrolled">
          <caption>{t('activities.enrolledHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('activities.col.person')}</Table.HeaderCell>
              <Table.HeaderCell>{t('activities.col.since')}</Table.HeaderCell>
              <Table.HeaderCell>{t('activities.col.lastAttended')}</Table.HeaderCell>
              <Table.HeaderCell>{t('plan.links.goalColumn')}</Table.HeaderCell>
              {manage && <Table.HeaderCell>{t('activities.col.do')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.enrolments.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{e.person.name}</Table.Cell>
                <Table.Cell>{formatDate(e.enrolledOn, locale)}</Table.Cell>
                <Table.Cell>{formatDate(e.lastAttended, locale)}</Table.Cell>
                <Table.Cell>{e.goal ? planLabel(t, 'assess.need', e.goal.needArea) : '–'}</Table.Cell>
                {manage && (
                  <Table.Cell>
                    <Button variant="secondary" data-size="sm" onClick={() => end(e.id, e.version)}>
                      {t('activities.end', { name: e.person.name })}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Heading level={2} data-size="md">
        {t('activities.waitingHeading')}
      </Heading>
      {a.waitingList.length === 0 ? (
        <Paragraph>{t('activities.noneWaiting')}</Paragraph>
      ) : (
        <Table border zebra data-testid="activity-waiting">
          <caption>{t('activities.waitingHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('activities.col.position')}</Table.HeaderCell>
              <Table.HeaderCell>{t('activities.col.person')}</Table.HeaderCell>
              <Table.HeaderCell>{t('plan.links.goalColumn')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.waitingList.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{e.waitingPosition}</Table.Cell>
                <Table.Cell>{e.person.name}</Table.Cell>
                <Table.Cell>{e.goal ? planLabel(t, 'assess.need', e.goal.needArea) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {manage && <AttendanceForm key={a.version} activityId={a.id} enrolments={a.enrolments} />}
      {manage && (
        <section aria-labelledby="enrol-heading">
          <Heading level={2} data-size="md" id="enrol-heading">
            {t('activities.enrolHeading')}
          </Heading>
          <form className="form field-row" onSubmit={search} noValidate>
            <Textfield
              label={t('activities.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <div>
              <Button type="submit">{t('activities.searchButton')}</Button>
            </div>
          </form>
          {hits && hits.length === 0 && <Paragraph>{t('activities.noHits')}</Paragraph>}
          {hits && hits.length > 0 && (
            <ul data-testid="activity-hits">
              {hits.map((h) => (
                <li key={h.id}>
                  <Button variant="secondary" data-size="sm" onClick={() => enrol(h)}>
                    {t('activities.enrol', { name: `${h.givenName} ${h.familyName}` })}
                  </Button>{' '}
                  {h.facility?.name ?? ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
