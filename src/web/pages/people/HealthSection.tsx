import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { periodLabel, statusLabel } from '../health/labels.ts';
import { StatusFields } from '../health/RecordStaffStatus.tsx';
import type { HealthStatus } from '../health/types.ts';
import { useSubmit } from '../queue/useSubmit.ts';

const FIELDS = ['status', 'fromDate', 'toDate', 'personId'] as const;

/** The person's health statuses (only status and dates), and recording one for health.manage. */
export function HealthSection({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const formHeadingId = useId();
  const [generation, setGeneration] = useState(0);
  const list = useApi(
    (signal) => api.get<{ today: string; items: HealthStatus[] }>(`/people/${personId}/health`, {}, signal),
    [personId, generation],
  );
  const [form, setForm] = useState({ status: '', fromDate: todayInOslo(), toDate: '' });
  const [missing, setMissing] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [done, setDone] = useState(false);
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const error = (f: (typeof FIELDS)[number]) => missing[f] ?? submit.fieldErrors[f];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const errors: typeof missing = {};
    if (!form.status) errors.status = t('health.required');
    if (!form.fromDate) errors.fromDate = t('health.required');
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await submit.run(() =>
      api.post<HealthStatus>('/health/statuses', {
        subjectKind: 'inmate',
        personId,
        status: form.status,
        fromDate: form.fromDate,
        toDate: form.toDate || null,
      }),
    );
    if (result) {
      setDone(true);
      setGeneration((n) => n + 1);
    }
  };

  return (
    <section aria-labelledby={headingId} className="section" data-testid="person-health">
      <Heading level={2} data-size="md" id={headingId}>
        {t('health.personHeading')}
      </Heading>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('health.personNone')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra>
            <caption>{t('health.personHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('health.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.facility')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.recordedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    {statusLabel(t, s.status)} ({t(s.open ? 'health.open' : 'health.closed').toLowerCase()})
                  </Table.Cell>
                  <Table.Cell>{periodLabel(t, locale, s)}</Table.Cell>
                  <Table.Cell>{s.facility.name}</Table.Cell>
                  <Table.Cell>{s.recordedBy}</Table.Cell>
                  <Table.Cell>
                    {(s.status === 'confirmed' || s.status === 'suspected') && (
                      <AppLink
                        to={`/helse?facility=${s.facility.id}&trace=${s.id}`}
                        aria-label={t('health.traceLabel', { name: s.subject.name })}
                      >
                        {t('health.trace')}
                      </AppLink>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {can('health.manage') && (
        <form className="form narrow" onSubmit={onSubmit} noValidate aria-labelledby={formHeadingId}>
          <Heading level={3} data-size="sm" id={formHeadingId}>
            {t('health.recordHeading')}
          </Heading>
          {done && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('health.recorded')}</Paragraph>
            </Alert>
          )}
          {submit.formError !== undefined && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
            </Alert>
          )}
          {error('personId') && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{error('personId')}</Paragraph>
            </Alert>
          )}
          <StatusFields form={form} set={set} error={error} />
          <div>
            <Button type="submit" loading={submit.busy}>
              {t('health.record')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
