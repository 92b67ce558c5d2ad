import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { ContactTracing } from './ContactTracing.tsx';
import { FacilityPicker, useFacilities } from './FacilityPicker.tsx';
import { periodLabel, statusLabel } from './labels.ts';
import { RecordStaffStatus } from './RecordStaffStatus.tsx';
import type { HealthStatus, StatusList } from './types.ts';

/** Open health statuses per facility, recording and ending them, and contact tracing from a case. */
export function HealthPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('health.title'));
  const [params, setParams] = useSearchParams();
  const facilities = useFacilities();
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((n) => n + 1);
  const facilityId = params.get('facility') ?? '';
  const traceId = params.get('trace') ?? '';
  const first = facilities.data?.items[0]?.id;

  // Start with the first facility in scope, so the page shows something at once.
  useEffect(() => {
    if (!facilityId && first) setParams({ facility: first }, { replace: true });
  }, [facilityId, first, setParams]);

  const choose = (patch: { facility?: string; trace?: string }) => {
    const next: Record<string, string> = {};
    const facility = patch.facility ?? facilityId;
    const trace = 'trace' in patch ? patch.trace : traceId;
    if (facility) next.facility = facility;
    if (trace) next.trace = trace;
    setParams(next);
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('health.title')}
      </Heading>
      <Paragraph>{t('health.intro')}</Paragraph>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      <div className="narrow">
        <FacilityPicker
          facilities={facilities.data?.items ?? []}
          value={facilityId}
          onChange={(id) => choose({ facility: id, trace: '' })}
        />
      </div>
      {facilityId && (
        <OpenStatuses
          facilityId={facilityId}
          generation={generation}
          onChanged={reload}
          onTrace={(id) => choose({ trace: id })}
        />
      )}
      {traceId && <ContactTracing key={traceId} caseId={traceId} onChanged={reload} />}
      {facilityId && can('health.manage') && can('roster.read') && (
        <RecordStaffStatus facilityId={facilityId} onRecorded={reload} />
      )}
    </>
  );
}

function OpenStatuses({
  facilityId,
  generation,
  onChanged,
  onTrace,
}: {
  facilityId: string;
  generation: number;
  onChanged: () => void;
  onTrace: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const [draft, setDraft] = useState(todayInOslo());
  const [on, setOn] = useState(draft);
  const [notice, setNotice] = useState('');
  const submit = useSubmit([] as const);
  const list = useApi(
    (signal) => api.get<StatusList>('/health/statuses', { facilityId, on }, signal),
    [facilityId, on, generation],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft)) setOn(draft);
  };
  const end = async (s: HealthStatus) => {
    setNotice('');
    const done = await submit.run(() =>
      api.post<HealthStatus>(`/health/statuses/${s.id}/end`, { version: s.version }),
    );
    if (done) {
      setNotice(t('health.ended'));
      onChanged();
    }
  };
  const today = todayInOslo();

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('health.openHeading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('health.asOf')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div>
          <Button type="submit">{t('health.show')}</Button>
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
      {list.data && list.data.items.length === 0 && <Paragraph>{t('health.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra data-testid="health-statuses">
            <caption>
              {t('health.openHeading')}: {list.data.facility.name}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('health.col.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.recordedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('health.col.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{s.subject.name}</Table.Cell>
                  <Table.Cell>
                    {t(s.subject.kind === 'inmate' ? 'health.kind.inmate' : 'health.kind.staff')}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag
                      data-color={
                        s.status === 'confirmed' ? 'danger' : s.status === 'suspected' ? 'warning' : 'info'
                      }
                    >
                      {statusLabel(t, s.status)}
                    </Tag>
                    {s.tracedFromId && <span> ({t('health.traced')})</span>}
                  </Table.Cell>
                  <Table.Cell>{periodLabel(t, locale, s)}</Table.Cell>
                  <Table.Cell>{s.recordedBy}</Table.Cell>
                  <Table.Cell>
                    <div className="row-actions">
                      {(s.status === 'confirmed' || s.status === 'suspected') && (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          aria-label={t('health.traceLabel', { name: s.subject.name })}
                          onClick={() => onTrace(s.id)}
                        >
                          {t('health.trace')}
                        </Button>
                      )}
                      {can('health.manage') && (s.toDate === null || s.toDate >= today) && (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          data-color="danger"
                          aria-label={t('health.endLabel', {
                            status: statusLabel(t, s.status).toLowerCase(),
                            name: s.subject.name,
                          })}
                          onClick={() => end(s)}
                          disabled={submit.busy}
                        >
                          {t('health.end')}
                        </Button>
                      )}
                    </div>
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
