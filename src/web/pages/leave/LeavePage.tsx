import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatNumber, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { label, periodText, statusText } from './labels.ts';
import {
  type LeaveApplication,
  type LeaveItem,
  type ReviewItem,
  STATUSES,
  type Statistics,
} from './types.ts';

/** Leave: applications per facility and status, the review list after changes, and failure statistics. */
export function LeavePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('leave.title'));
  const [generation, setGeneration] = useState(0);
  const today = todayInOslo();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const stats = useApi(
    (signal) => api.get<Statistics>('/leave/statistics', period, signal),
    [period.from, period.to, generation],
  );
  return (
    <>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t('leave.title')}
        </Heading>
        {can('leave.apply') && <AppLink to="/permisjon/ny">{t('leave.new')}</AppLink>}
      </div>
      <Paragraph>{t('leave.intro')}</Paragraph>
      <Applications facilities={stats.data?.items.map((i) => i.facility) ?? []} />
      <ReviewList onChanged={() => setGeneration((n) => n + 1)} />
      <FailureStatistics period={period} onPeriod={setPeriod} stats={stats} />
    </>
  );
}

function Applications({ facilities }: { facilities: { id: string; name: string }[] }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [draft, setDraft] = useState({ facilityId: '', status: 'pending' });
  const [filter, setFilter] = useState(draft);
  const list = useApi(
    (signal) =>
      api.get<{ items: LeaveItem[] }>(
        '/leave/applications',
        { facilityId: filter.facilityId || undefined, status: filter.status || undefined },
        signal,
      ),
    [filter.facilityId, filter.status],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('leave.listHeading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <SelectField
          label={t('leave.filter.facility')}
          value={draft.facilityId}
          onChange={(facilityId) => setDraft({ ...draft, facilityId })}
        >
          <option value="">{t('common.all')}</option>
          {facilities.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('leave.filter.status')}
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
        >
          <option value="">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(t, 'leave.status', s)}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit">{t('leave.show')}</Button>
        </div>
      </form>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('leave.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra data-testid="leave-table">
            <caption>{t('leave.listHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('leave.col.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.destination')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.victim')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.return')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <AppLink to={`/permisjon/${a.id}`}>{a.person.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{label(t, 'leave.kind', a.kind)}</Table.Cell>
                  <Table.Cell>{periodText(t, locale, a)}</Table.Cell>
                  <Table.Cell>{a.destinationMunicipality}</Table.Cell>
                  <Table.Cell>
                    {statusText(t, a)}
                    {a.appealStatus && ` · ${label(t, 'leave.appeal', a.appealStatus)}`}
                  </Table.Cell>
                  <Table.Cell>{label(t, 'leave.victim', a.victimNotification)}</Table.Cell>
                  <Table.Cell>{a.returnStatus ? label(t, 'leave.return', a.returnStatus) : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function ReviewList({ onChanged }: { onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState('');
  const [justification, setJustification] = useState<Record<string, string>>({});
  const submit = useSubmit(['justification'] as const);
  const list = useApi(
    (signal) => api.get<{ today: string; items: ReviewItem[] }>('/leave/review', {}, signal),
    [generation],
  );
  const act = async (item: ReviewItem, action: 'confirm' | 'revoke') => {
    setNotice('');
    const done = await submit.run(() =>
      api.post<LeaveApplication>(`/leave/applications/${item.id}/review`, {
        version: item.version,
        action,
        justification: justification[item.id] || undefined,
      }),
    );
    if (done) {
      setNotice(t('leave.review.done'));
      setGeneration((n) => n + 1);
      onChanged();
    }
  };
  return (
    <section aria-labelledby={headingId} className="section" data-testid="leave-review">
      <Heading level={2} data-size="md" id={headingId}>
        {t('leave.review.heading')}
      </Heading>
      <Paragraph>{t('leave.review.intro')}</Paragraph>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('leave.review.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra>
            <caption>{t('leave.review.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('leave.col.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.changes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('leave.col.now')}</Table.HeaderCell>
                {can('leave.decide') && <Table.HeaderCell>{t('leave.decide.heading')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <AppLink to={`/permisjon/${r.id}`}>{r.person.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    {label(t, 'leave.kind', r.kind)}: {periodText(t, locale, r)}, {r.destinationMunicipality}
                  </Table.Cell>
                  <Table.Cell>
                    <ul>
                      {r.changes.map((c) => (
                        <li key={c.factor}>
                          {t('leave.review.change', {
                            factor: label(t, 'leave.review.factor', c.factor),
                            before: c.before,
                            after: c.after,
                          })}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                  <Table.Cell>{label(t, 'leave.rec', r.recommendationNow)}</Table.Cell>
                  {can('leave.decide') && (
                    <Table.Cell>
                      <Textfield
                        label={`${t('leave.review.justification')}: ${r.person.name}`}
                        value={justification[r.id] ?? ''}
                        onChange={(e) => setJustification({ ...justification, [r.id]: e.target.value })}
                      />
                      <div className="row-actions">
                        <Button
                          variant="secondary"
                          data-size="sm"
                          disabled={submit.busy}
                          onClick={() => act(r, 'confirm')}
                        >
                          {t('leave.review.confirm')}
                        </Button>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          data-color="danger"
                          disabled={submit.busy}
                          onClick={() => act(r, 'revoke')}
                        >
                          {t('leave.review.revoke')}
                        </Button>
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function FailureStatistics({
  period,
  onPeriod,
  stats,
}: {
  period: { from: string; to: string };
  onPeriod: (p: { from: string; to: string }) => void;
  stats: { data: Statistics | undefined; error: unknown; loading: boolean };
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [draft, setDraft] = useState(period);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft.from) && isIsoDate(draft.to)) onPeriod(draft);
  };
  const rate = (n: number | null) => (n === null ? '–' : formatNumber(n, locale));
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('leave.stats.heading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('leave.stats.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Textfield
          type="date"
          label={t('leave.stats.to')}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <div>
          <Button type="submit">{t('leave.show')}</Button>
        </div>
      </form>
      {stats.error !== undefined && <ErrorAlert error={stats.error} />}
      {stats.loading && !stats.data && <Loading />}
      {stats.data && (
        <div className="table-scroll">
          <Table border zebra data-testid="leave-statistics">
            <caption>{t('leave.stats.caption', { from: stats.data.from, to: stats.data.to })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('leave.stats.facility')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('leave.stats.taken')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('leave.stats.late')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('leave.stats.notReturned')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('leave.stats.rate')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {stats.data.items
                .filter((i) => i.taken > 0)
                .map((i) => (
                  <Table.Row key={i.facility.id}>
                    <Table.Cell>{i.facility.name}</Table.Cell>
                    <Table.Cell className="num">{i.taken}</Table.Cell>
                    <Table.Cell className="num">{i.late}</Table.Cell>
                    <Table.Cell className="num">{i.notReturned}</Table.Cell>
                    <Table.Cell className="num">{rate(i.perThousand)}</Table.Cell>
                  </Table.Row>
                ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('leave.stats.total')}</Table.HeaderCell>
                <Table.Cell className="num">{stats.data.total.taken}</Table.Cell>
                <Table.Cell className="num" colSpan={2}>
                  {stats.data.total.failures}
                </Table.Cell>
                <Table.Cell className="num">{rate(stats.data.total.perThousand)}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
