import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { levelLabel, typeLabel } from './labels.ts';
import { MeasureForm } from './MeasureForm.tsx';
import type { Measure, NationalView, Reviews, ScopeKind } from './types.ts';

/** Crisis measures: what is in force, what is due for review, where local practice diverges; managers decide. */
export function MeasuresPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('measures.title'));
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((n) => n + 1);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('measures.title')}
      </Heading>
      <Paragraph>{t('measures.intro')}</Paragraph>
      <InForce generation={generation} onChanged={reload} />
      <ReviewsDue generation={generation} />
      <NationalDivergences generation={generation} />
      {can('measures.manage') && <MeasureForm onCreated={reload} />}
    </>
  );
}

function InForce({ generation, onChanged }: { generation: number; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [draft, setDraft] = useState({ on: todayInOslo(), scopeKind: '' });
  const [filter, setFilter] = useState(draft);
  const [notice, setNotice] = useState('');
  const submit = useSubmit([] as const);
  const list = useApi(
    (signal) =>
      api.get<{ items: Measure[] }>(
        '/measures',
        { on: filter.on, scopeKind: filter.scopeKind || undefined },
        signal,
      ),
    [filter.on, filter.scopeKind, generation],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft.on)) setFilter(draft);
  };
  const end = async (m: Measure) => {
    setNotice('');
    const done = await submit.run(() => api.post<Measure>(`/measures/${m.id}/end`, { version: m.version }));
    if (done) {
      setNotice(t('measures.ended'));
      onChanged();
    }
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('measures.inForceHeading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('measures.asOf')}
          value={draft.on}
          onChange={(e) => setDraft({ ...draft, on: e.target.value })}
        />
        <SelectField
          label={t('measures.scopeFilter')}
          value={draft.scopeKind}
          onChange={(value) => setDraft({ ...draft, scopeKind: value })}
        >
          <option value="">{t('common.all')}</option>
          {(['national', 'unit', 'facility'] as ScopeKind[]).map((k) => (
            <option key={k} value={k}>
              {t(`measures.kind.${k}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit">{t('measures.show')}</Button>
        </div>
      </form>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('measures.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra aria-labelledby={headingId} data-testid="measures-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('measures.col.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.level')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.scope')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.review')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.decidedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.reason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{typeLabel(t, m.type)}</Table.Cell>
                  <Table.Cell>{levelLabel(t, m.level)}</Table.Cell>
                  <Table.Cell>{m.scope?.name ?? t('measures.kind.national')}</Table.Cell>
                  <Table.Cell>
                    {t('measures.periodValue', {
                      from: formatDate(m.validFrom, locale),
                      to: formatDate(m.validTo, locale),
                    })}
                  </Table.Cell>
                  <Table.Cell>{formatDate(m.reviewDate, locale)}</Table.Cell>
                  <Table.Cell>{m.decidedBy}</Table.Cell>
                  <Table.Cell>{m.reason}</Table.Cell>
                  <Table.Cell>
                    {m.manageable && (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t('measures.endNowLabel', {
                          type: typeLabel(t, m.type),
                          scope: m.scope?.name ?? t('measures.kind.national'),
                        })}
                        onClick={() => end(m)}
                        disabled={submit.busy}
                      >
                        {t('measures.endNow')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function ReviewsDue({ generation }: { generation: number }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [days, setDays] = useState('7');
  const within = Math.min(365, Math.max(0, Number.parseInt(days, 10) || 0));
  const reviews = useApi(
    (signal) => api.get<Reviews>('/measures/reviews', { withinDays: within }, signal),
    [within, generation],
  );
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('measures.reviewsHeading')}
      </Heading>
      <div className="narrow">
        <Textfield
          type="number"
          min={0}
          max={365}
          label={t('measures.reviewsWithin')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </div>
      {reviews.error !== undefined && <ErrorAlert error={reviews.error} />}
      {reviews.data && reviews.data.items.length === 0 && <Paragraph>{t('measures.reviewsNone')}</Paragraph>}
      {reviews.data && reviews.data.items.length > 0 && (
        <ul data-testid="measures-reviews">
          {reviews.data.items.map((m) => (
            <li key={m.id}>
              {typeLabel(t, m.type)}
              {m.level ? ` (${levelLabel(t, m.level)})` : ''} – {m.scope?.name ?? t('measures.kind.national')}
              : {formatDate(m.reviewDate, locale)}{' '}
              {m.overdue ? (
                <Tag data-color="danger">{t('measures.overdue')}</Tag>
              ) : (
                `(${t('measures.daysLeft', { days: m.daysLeft })})`
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NationalDivergences({ generation }: { generation: number }) {
  const { t } = useI18n();
  const headingId = useId();
  const view = useApi((signal) => api.get<NationalView>('/measures/national', {}, signal), [generation]);
  const rows = (view.data?.facilities ?? []).flatMap((f) =>
    f.divergences.map((d) => ({ facility: f.facility, ...d })),
  );
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('measures.nationalHeading')}
      </Heading>
      <Paragraph>{t('measures.nationalIntro')}</Paragraph>
      {view.error !== undefined && <ErrorAlert error={view.error} />}
      {view.data && rows.length === 0 && <Paragraph>{t('measures.nationalNone')}</Paragraph>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <Table border zebra aria-labelledby={headingId} data-testid="measures-divergences">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('measures.col.facility')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.national')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.local')}</Table.HeaderCell>
                <Table.HeaderCell>{t('measures.col.divergence')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={`${r.facility.id}:${r.measureId}`}>
                  <Table.Cell>{r.facility.name}</Table.Cell>
                  <Table.Cell>{typeLabel(t, r.type)}</Table.Cell>
                  <Table.Cell>
                    {r.divergence === 'local_only'
                      ? t('measures.noNational')
                      : levelLabel(t, r.nationalLevel)}
                  </Table.Cell>
                  <Table.Cell>{levelLabel(t, r.localLevel)}</Table.Cell>
                  <Table.Cell>{t(`measures.divergence.${r.divergence}` as MessageKey)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
