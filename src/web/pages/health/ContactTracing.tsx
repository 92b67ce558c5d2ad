import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { addDays, formatDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { contactLabel, statusLabel } from './labels.ts';
import type { Contact, Contacts, QuarantineResult } from './types.ts';

const keyOf = (c: Contact) => `${c.subject.kind}:${c.subject.id}`;

/** The contacts of a case, closest first, with quarantine in one step for the ones selected. */
export function ContactTracing({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const [daysDraft, setDaysDraft] = useState('14');
  const [days, setDays] = useState(14);
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [period, setPeriod] = useState({ from: todayInOslo(), to: addDays(todayInOslo(), 10) });
  const [result, setResult] = useState<QuarantineResult | null>(null);
  const [missing, setMissing] = useState('');
  const submit = useSubmit(['fromDate', 'toDate'] as const);
  const contacts = useApi(
    (signal) => api.get<Contacts>(`/health/statuses/${caseId}/contacts`, { days }, signal),
    [caseId, days, generation],
  );
  const data = contacts.data;

  const search = (event: FormEvent) => {
    event.preventDefault();
    const n = Number.parseInt(daysDraft, 10);
    if (n >= 1 && n <= 60) setDays(n);
  };
  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    setSelected(next);
  };
  const selectAll = () =>
    setSelected(new Set((data?.items ?? []).filter((c) => c.openStatuses.length === 0).map(keyOf)));

  const quarantine = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const people = (data?.items ?? [])
      .filter((c) => selected.has(keyOf(c)))
      .map((c) => ({ kind: c.subject.kind, id: c.subject.id }));
    if (people.length === 0) {
      setMissing(t('health.quarantineNone'));
      return;
    }
    setMissing('');
    const done = await submit.run(() =>
      api.post<QuarantineResult>(`/health/statuses/${caseId}/quarantine`, {
        fromDate: period.from,
        toDate: period.to,
        people,
      }),
    );
    if (done) {
      setResult(done);
      setSelected(new Set());
      setGeneration((n) => n + 1);
      onChanged();
    }
  };

  const name = data?.case.subject.name ?? '';
  return (
    <section aria-labelledby={headingId} className="section" data-testid="contact-tracing">
      <Heading level={2} data-size="md" id={headingId}>
        {t('health.contactsHeading', { name })}
      </Heading>
      {data && (
        <Paragraph>
          {statusLabel(t, data.case.status)}:{' '}
          {t('health.contactsIntro', { date: formatDate(data.case.fromDate, locale) })}
        </Paragraph>
      )}
      <form className="form field-row" onSubmit={search} noValidate>
        <Textfield
          type="number"
          min={1}
          max={60}
          label={t('health.days')}
          value={daysDraft}
          onChange={(e) => setDaysDraft(e.target.value)}
        />
        <div>
          <Button type="submit">{t('health.search')}</Button>
        </div>
      </form>
      {contacts.error !== undefined && <ErrorAlert error={contacts.error} />}
      {contacts.loading && !data && <Loading />}
      {data && data.outOfScope > 0 && (
        <Paragraph>{t('health.outOfScope', { count: data.outOfScope })}</Paragraph>
      )}
      {data && data.items.length === 0 && <Paragraph>{t('health.contactsNone')}</Paragraph>}
      {result && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('health.quarantineDone', { count: result.recorded.length })}</Paragraph>
          {result.skipped.length > 0 && (
            <ul>
              {result.skipped.map((s) => (
                <li key={`${s.subject.kind}:${s.subject.id}`}>
                  {t(`health.skipped.${s.reason}` as MessageKey, { name: s.subject.name })}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {data && data.items.length > 0 && (
        <form className="form" onSubmit={quarantine} noValidate>
          <div className="table-scroll">
            <Table border zebra data-testid="contacts-table">
              <caption>{t('health.contactsHeading', { name })}</caption>
              <Table.Head>
                <Table.Row>
                  {can('health.manage') && <Table.HeaderCell>{t('health.col.select')}</Table.HeaderCell>}
                  <Table.HeaderCell>{t('health.col.subject')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('health.col.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('health.col.exposure')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('health.col.days')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('health.col.last')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('health.col.known')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.items.map((c) => (
                  <Table.Row key={keyOf(c)}>
                    {can('health.manage') && (
                      <Table.Cell>
                        <Checkbox
                          aria-label={t('health.select', { name: c.subject.name })}
                          checked={selected.has(keyOf(c))}
                          onChange={(e) => toggle(keyOf(c), e.target.checked)}
                        />
                      </Table.Cell>
                    )}
                    <Table.Cell>{c.subject.name}</Table.Cell>
                    <Table.Cell>
                      {t(c.subject.kind === 'inmate' ? 'health.kind.inmate' : 'health.kind.staff')}
                    </Table.Cell>
                    <Table.Cell>
                      {c.kinds.map((k) => `${contactLabel(t, k.kind)} (${k.days})`).join(', ')}
                    </Table.Cell>
                    <Table.Cell className="num">{c.days}</Table.Cell>
                    <Table.Cell>{formatDate(c.lastDate, locale)}</Table.Cell>
                    <Table.Cell>
                      {c.openStatuses.map((s) => (
                        <Tag key={s} data-color="warning">
                          {statusLabel(t, s)}
                        </Tag>
                      ))}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {can('health.manage') && (
            <>
              <div>
                <Button type="button" variant="secondary" onClick={selectAll}>
                  {t('health.selectAll')}
                </Button>
              </div>
              <div className="field-row">
                <Textfield
                  type="date"
                  label={t('health.quarantineFrom')}
                  value={period.from}
                  onChange={(e) => setPeriod({ ...period, from: e.target.value })}
                  error={submit.fieldErrors.fromDate}
                />
                <Textfield
                  type="date"
                  label={t('health.quarantineTo')}
                  value={period.to}
                  onChange={(e) => setPeriod({ ...period, to: e.target.value })}
                  error={submit.fieldErrors.toDate}
                />
              </div>
              {(missing || submit.formError !== undefined) && (
                <Alert data-color="danger" role="alert">
                  <Paragraph>{missing || errorMessage(submit.formError, t)}</Paragraph>
                </Alert>
              )}
              <div>
                <Button type="submit" loading={submit.busy}>
                  {t('health.quarantine')}
                </Button>
              </div>
            </>
          )}
        </form>
      )}
    </section>
  );
}
