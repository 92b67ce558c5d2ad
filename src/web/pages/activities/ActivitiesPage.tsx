import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from '../incidents/labels.ts';
import { NewActivityForm, ThresholdSection } from './ActivityForms.tsx';
import type { Activity, FacilityChoice, Inactive } from './types.ts';

/** Activities at the facilities in scope, and the inmates without activity past the threshold. */
export function ActivitiesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('activities.title'));
  const { can } = useAuth();
  const manage = can('activity.manage');
  const [facilityId, setFacilityId] = useState('');
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityChoice[] }>('/activities/facilities', {}, signal),
    [],
  );
  const list = useApi(
    (signal) =>
      api.get<{ items: Activity[] }>('/activities', { facilityId: facilityId || undefined }, signal),
    [facilityId],
  );
  const inactive = useApi(
    (signal) => api.get<Inactive>('/activities/inactive', { facilityId: facilityId || undefined }, signal),
    [facilityId],
  );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('activities.title')}
      </Heading>
      <Paragraph>{t('activities.intro')}</Paragraph>
      <div className="form field-row">
        <SelectField label={t('activities.facility')} value={facilityId} onChange={setFacilityId}>
          <option value="">{t('common.all')}</option>
          {facilities.data?.items.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
      </div>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('activities.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0}>
          <Table border zebra data-testid="activities-table">
            <caption>{t('activities.listHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('activities.col.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('activities.col.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('activities.col.facility')}</Table.HeaderCell>
                <Table.HeaderCell>{t('activities.col.places')}</Table.HeaderCell>
                <Table.HeaderCell>{t('activities.col.enrolled')}</Table.HeaderCell>
                <Table.HeaderCell>{t('activities.col.waiting')}</Table.HeaderCell>
                <Table.HeaderCell>{t('activities.col.schedule')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <AppLink to={`/aktiviteter/${a.id}`}>{a.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{label(t, 'activities.kind', a.kind)}</Table.Cell>
                  <Table.Cell>{a.facility.name}</Table.Cell>
                  <Table.Cell>{a.places}</Table.Cell>
                  <Table.Cell>{a.enrolled}</Table.Cell>
                  <Table.Cell>{a.waiting}</Table.Cell>
                  <Table.Cell>{a.schedule}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Heading level={2} data-size="md">
        {t('activities.inactiveHeading')}
      </Heading>
      {inactive.error !== undefined && <ErrorAlert error={inactive.error} />}
      {inactive.data && (
        <>
          <Paragraph data-testid="inactive-summary">
            {t('activities.inactiveIntro', { n: inactive.data.items.length, total: inactive.data.inmates })}
          </Paragraph>
          {inactive.data.items.length > 0 && (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            <div className="table-scroll" tabIndex={0}>
              <Table border zebra>
                <caption>{t('activities.inactiveHeading')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('activities.col.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('activities.col.facility')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('activities.col.days')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('activities.col.threshold')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {inactive.data.items.slice(0, 200).map((i) => (
                    <Table.Row key={i.person.id}>
                      <Table.Cell>
                        <AppLink to={`/people/${i.person.id}`}>{i.person.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{i.facility.name}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color="warning">{i.days}</Tag>
                      </Table.Cell>
                      <Table.Cell>{i.threshold}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
      <ThresholdSection facilities={facilities.data?.items ?? []} manage={manage} onSaved={inactive.reload} />
      {manage && facilities.data && facilities.data.items.length > 0 && (
        <NewActivityForm facilities={facilities.data.items} onCreated={list.reload} />
      )}
    </>
  );
}
