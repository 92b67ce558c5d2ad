import '../keydates/key-dates.css';
import { Button, Heading, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityKind } from '../../types.ts';
import { keyName } from '../keydates/labels.ts';
import {
  ELIGIBILITY_KINDS,
  type EligibilityKind,
  type EligibilityPage as Result,
} from '../keydates/types.ts';
import { FacilityOptions } from '../queue/FacilityOptions.tsx';
import { fetchFacilities } from '../queue/facilities.ts';

const PAGE_SIZE = 20;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 730;
const FACILITY_KINDS: FacilityKind[] = ['prison_high', 'prison_lower', 'halfway_house'];

/** A whole number of days in 0–730 (what the service accepts), or null. */
export function parseDays(value: string | null, max = MAX_DAYS): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const days = Number(value.trim());
  return days <= max ? days : null;
}

/** Who in the user's scope is eligible for leave, day release, EM and so on, now or within N days. */
export function EligibilityPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('eligibilityList.title'));
  const [params, setParams] = useSearchParams();
  const kind: EligibilityKind = ELIGIBILITY_KINDS.find((k) => k === params.get('kind')) ?? 'leave';
  const withinDays = parseDays(params.get('withinDays')) ?? DEFAULT_DAYS;
  const facilityId = params.get('facilityId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  // The form holds what is typed; the list follows the URL, which changes when the form is sent.
  const [form, setForm] = useState({ kind, withinDays: String(withinDays), facilityId });
  const [daysError, setDaysError] = useState(false);
  useEffect(
    () => setForm({ kind, withinDays: String(withinDays), facilityId }),
    [kind, withinDays, facilityId],
  );

  const facilities = useApi((signal) => fetchFacilities(FACILITY_KINDS, signal), []);
  const { data, error, loading } = useApi(
    (signal) =>
      api.get<Result>('/eligibility', { kind, withinDays, facilityId, page, pageSize: PAGE_SIZE }, signal),
    [kind, withinDays, facilityId, page],
  );
  const resultId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const days = parseDays(form.withinDays);
    setDaysError(days === null);
    if (days === null) return;
    const next = new URLSearchParams();
    next.set('kind', form.kind);
    next.set('withinDays', String(days));
    if (form.facilityId) next.set('facilityId', form.facilityId);
    setParams(next);
  };

  const goTo = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    setParams(next);
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('eligibilityList.title')}
      </Heading>
      <Paragraph>{t('eligibilityList.intro')}</Paragraph>
      <form className="filters filters--form" onSubmit={onSubmit} noValidate>
        <SelectField
          label={t('eligibilityList.kind')}
          value={form.kind}
          onChange={(value) => setForm((f) => ({ ...f, kind: value as EligibilityKind }))}
        >
          {ELIGIBILITY_KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`eligibilityKind.${k}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          label={t('eligibilityList.withinDays')}
          description={t('eligibilityList.withinDaysHelp', { max: MAX_DAYS })}
          inputMode="numeric"
          autoComplete="off"
          value={form.withinDays}
          onChange={(e) => setForm((f) => ({ ...f, withinDays: e.target.value }))}
          error={daysError ? t('eligibilityList.withinDaysInvalid', { max: MAX_DAYS }) : undefined}
        />
        <SelectField
          label={t('eligibilityList.facility')}
          value={form.facilityId}
          onChange={(value) => setForm((f) => ({ ...f, facilityId: value }))}
          disabled={facilities.loading}
        >
          <Select.Option value="">{facilities.loading ? t('common.loading') : t('common.all')}</Select.Option>
          <FacilityOptions facilities={facilities.data ?? []} kinds={FACILITY_KINDS} />
        </SelectField>
        <div className="filters__submit">
          <Button type="submit">{t('eligibilityList.show')}</Button>
        </div>
      </form>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && <Loading />}
      {data && (
        <section aria-labelledby={resultId} className="section">
          <Heading level={2} data-size="sm" id={resultId}>
            {t('eligibilityList.resultTitle', {
              kind: t(`eligibilityKind.${kind}`).toLowerCase(),
              days: formatNumber(withinDays, locale),
            })}
          </Heading>
          <Paragraph role="status">
            {data.total === 0
              ? t('eligibilityList.empty')
              : t('eligibilityList.count', { count: formatNumber(data.total, locale) })}
          </Paragraph>
          {data.items.length > 0 && (
            <>
              <div className="table-scroll">
                <Table border zebra aria-labelledby={resultId}>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('eligibilityList.name')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('eligibilityList.facilityColumn')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('eligibilityList.what')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('eligibilityList.date')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('eligibilityList.status')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((item) => {
                      const name = `${item.person.familyName}, ${item.person.givenName}`;
                      return (
                        <Table.Row key={`${item.person.id}:${item.key}:${item.rule}`}>
                          <Table.Cell>
                            {can('person.read') ? (
                              <AppLink to={`/people/${item.person.id}`}>{name}</AppLink>
                            ) : (
                              name
                            )}
                          </Table.Cell>
                          <Table.Cell>{item.facility?.name ?? '–'}</Table.Cell>
                          <Table.Cell>{keyName(t, item.key)}</Table.Cell>
                          <Table.Cell className="nowrap">
                            {item.date ? formatDate(item.date, locale) : t('keyDates.noDate')}
                          </Table.Cell>
                          <Table.Cell>
                            <Tag data-color={item.status === 'eligible' ? 'success' : 'info'}>
                              {t(`eligibilityStatus.${item.status}`)}
                            </Tag>
                          </Table.Cell>
                        </Table.Row>
                      );
                    })}
                  </Table.Body>
                </Table>
              </div>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={goTo} />
            </>
          )}
        </section>
      )}
    </>
  );
}
