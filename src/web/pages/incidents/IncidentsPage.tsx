import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page } from '../../types.ts';
import { label } from './labels.ts';
import { type FacilityChoice, INCIDENT_TYPES, type IncidentItem, type Severity } from './types.ts';

export const severityColor: Record<Severity, 'danger' | 'warning' | 'neutral'> = {
  serious: 'danger',
  moderate: 'warning',
  low: 'neutral',
};

/** Incidents and deviations at the facilities in the caller's scope, newest first. */
export function IncidentsPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('incidents.title'));
  const [draft, setDraft] = useState({ facilityId: '', status: 'open', type: '' });
  const [filter, setFilter] = useState(draft);
  const [page, setPage] = useState(1);
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityChoice[] }>('/incidents/facilities', {}, signal),
    [],
  );
  const list = useApi(
    (signal) =>
      api.get<Page<IncidentItem>>(
        '/incidents',
        {
          facilityId: filter.facilityId || undefined,
          status: filter.status || undefined,
          type: filter.type || undefined,
          page,
          pageSize: 20,
        },
        signal,
      ),
    [filter.facilityId, filter.status, filter.type, page],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilter(draft);
  };
  return (
    <>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t('incidents.title')}
        </Heading>
        {can('incident.report') && <AppLink to="/hendelser/ny">{t('incidents.new')}</AppLink>}
      </div>
      <Paragraph>{t('incidents.intro')}</Paragraph>
      {can('incident.statistics') && (
        <Paragraph>
          <AppLink to="/hendelser/statistikk">{t('incidents.toStatistics')}</AppLink>
        </Paragraph>
      )}
      <form className="form field-row" onSubmit={onSubmit} noValidate>
        <SelectField
          label={t('incidents.filter.facility')}
          value={draft.facilityId}
          onChange={(facilityId) => setDraft({ ...draft, facilityId })}
        >
          <option value="">{t('common.all')}</option>
          {facilities.data?.items.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('incidents.filter.status')}
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
        >
          <option value="">{t('common.all')}</option>
          <option value="open">{t('incidents.status.open')}</option>
          <option value="closed">{t('incidents.status.closed')}</option>
        </SelectField>
        <SelectField
          label={t('incidents.filter.type')}
          value={draft.type}
          onChange={(type) => setDraft({ ...draft, type })}
        >
          <option value="">{t('common.all')}</option>
          {INCIDENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {label(t, 'incidents.type', type)}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit">{t('incidents.show')}</Button>
        </div>
      </form>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('incidents.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <div className="table-scroll" tabIndex={0}>
            <Table border zebra data-testid="incidents-table">
              <caption>{t('incidents.listHeading')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('incidents.col.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('incidents.col.type')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('incidents.col.severity')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('incidents.col.where')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('incidents.col.people')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('incidents.col.actions')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('incidents.col.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((i) => (
                  <Table.Row key={i.id}>
                    <Table.Cell>
                      <AppLink to={`/hendelser/${i.id}`}>
                        {formatDate(i.occurredOn, locale)} {i.occurredTime}
                      </AppLink>
                    </Table.Cell>
                    <Table.Cell>{label(t, 'incidents.type', i.type)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={severityColor[i.severity]}>
                        {label(t, 'incidents.severity', i.severity)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      {i.facility.name}
                      {i.department ? `, ${i.department.name}` : ''}
                    </Table.Cell>
                    <Table.Cell>{i.people}</Table.Cell>
                    <Table.Cell>
                      {t('incidents.actionsOpen', { open: i.openActions })}
                      {i.overdueActions > 0 && (
                        <>
                          {' '}
                          <Tag data-color="danger">
                            {t('incidents.overdueCount', { n: i.overdueActions })}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{label(t, 'incidents.status', i.status)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Pager page={page} pageSize={20} total={list.data.total} onChange={setPage} />
        </>
      )}
    </>
  );
}
