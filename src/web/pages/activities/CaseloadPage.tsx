import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.tsx';
import type { Locale } from '../../types.ts';
import type { Caseload, DueItem, FacilityChoice, Officer } from './types.ts';

function dueText(d: DueItem, t: Translate, locale: Locale): string {
  const date = formatDate(d.date, locale);
  if (d.kind === 'key_date')
    return t('caseload.due.key_date', { key: t(`keyDate.${d.key}` as MessageKey), date });
  return t(`caseload.due.${d.kind}` as MessageKey, { date, n: d.count ?? 0 });
}

/** The contact officer's people and what is due for each; the caller's own when linked to the staff register. */
export function CaseloadPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('caseload.title'));
  const [facilityId, setFacilityId] = useState('');
  const [staffId, setStaffId] = useState('');
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityChoice[] }>('/activities/facilities', {}, signal),
    [],
  );
  const officers = useApi(
    facilityId
      ? (signal) => api.get<{ items: Officer[] }>('/caseload/officers', { facilityId }, signal)
      : null,
    [facilityId],
  );
  const caseload = useApi(
    (signal) => api.get<Caseload>('/caseload', { staffId: staffId || undefined }, signal),
    [staffId],
  );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('caseload.title')}
      </Heading>
      <Paragraph>{t('caseload.intro', { days: caseload.data?.horizonDays ?? 60 })}</Paragraph>
      <div className="form field-row">
        <SelectField
          label={t('caseload.facility')}
          value={facilityId}
          onChange={(v) => {
            setFacilityId(v);
            setStaffId('');
          }}
        >
          <option value="">{t('common.all')}</option>
          {facilities.data?.items.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('caseload.officer')}
          value={staffId}
          onChange={setStaffId}
          disabled={!officers.data}
        >
          <option value="">{t('caseload.choose')}</option>
          {officers.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {t('caseload.officerOption', { name: o.name, n: o.people })}
            </option>
          ))}
        </SelectField>
      </div>
      {caseload.error !== undefined && <ErrorAlert error={caseload.error} />}
      {caseload.loading && !caseload.data && <Loading />}
      {caseload.data && !caseload.data.officer && <Paragraph>{t('caseload.noOfficer')}</Paragraph>}
      {caseload.data?.officer && (
        <>
          <Heading level={2} data-size="md">
            {t('caseload.heading', { name: caseload.data.officer.name })}
          </Heading>
          {caseload.data.items.length === 0 ? (
            <Paragraph>{t('caseload.none')}</Paragraph>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            <div className="table-scroll" tabIndex={0}>
              <Table border zebra data-testid="caseload-table">
                <caption>{t('caseload.heading', { name: caseload.data.officer.name })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('caseload.col.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('caseload.col.facility')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('caseload.col.since')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('caseload.col.due')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {caseload.data.items.map((i) => (
                    <Table.Row key={i.person.id}>
                      <Table.Cell>
                        <AppLink to={`/people/${i.person.id}`}>{i.person.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{i.facility ?? ''}</Table.Cell>
                      <Table.Cell>{formatDate(i.since, locale)}</Table.Cell>
                      <Table.Cell>
                        {i.due.length === 0
                          ? t('caseload.nothingDue')
                          : i.due.map((d) => (
                              <Tag
                                key={`${d.kind}-${d.key ?? ''}`}
                                data-color={d.overdue ? 'warning' : 'neutral'}
                              >
                                {dueText(d, t, locale)}
                              </Tag>
                            ))}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  );
}
