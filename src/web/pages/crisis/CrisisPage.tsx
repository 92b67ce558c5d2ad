import '../keydates/key-dates.css';
import { Button, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, withQuery } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { addDays, formatDate, formatNumber, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { parseDays } from '../eligibility/EligibilityPage.tsx';
import { LegalRef } from '../keydates/KeyDatesView.tsx';
import { explained, keyName } from '../keydates/labels.ts';
import type { CrisisItem, CrisisList, CrisisStatus } from '../keydates/types.ts';
import { CrisisPeriods } from './CrisisPeriods.tsx';
import { CrisisRulesForm } from './CrisisRulesForm.tsx';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 365;
const STATUSES: CrisisStatus[] = ['eligible', 'due', 'not_applicable'];
// The list is national and comes whole; each group is shown a page at a time.
const GROUP_PAGE_SIZE = 25;

type Filters = { from: string; to: string; withinDays: number };

/** The crisis team's list: who would be released early or moved to EM if the crisis rules applied for a period. */
export function CrisisPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [periodsVersion, setPeriodsVersion] = useState(0);
  useDocumentTitle(t('crisis.title'));
  const [params, setParams] = useSearchParams();
  const today = todayInOslo();
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = isIsoDate(fromParam) ? fromParam : today;
  const to = isIsoDate(toParam) ? toParam : addDays(from, 30);
  const withinDays = parseDays(params.get('withinDays'), MAX_DAYS) ?? DEFAULT_DAYS;
  // The outbreak page links here with one facility.
  const facilityId = params.get('facilityId') ?? undefined;
  const query = { from, to, withinDays, facilityId };

  const [form, setForm] = useState({ from, to, withinDays: String(withinDays) });
  const [formErrors, setFormErrors] = useState<Partial<Record<keyof Filters, string>>>({});
  useEffect(() => setForm({ from, to, withinDays: String(withinDays) }), [from, to, withinDays]);

  const { data, error, loading, reload } = useApi(
    (signal) => api.get<CrisisList>('/crisis/early-release', query, signal),
    [from, to, withinDays, facilityId],
  );
  const listId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const days = parseDays(form.withinDays, MAX_DAYS);
    const errors: Partial<Record<keyof Filters, string>> = {};
    if (!isIsoDate(form.from)) errors.from = t('crisis.dateRequired');
    if (!isIsoDate(form.to)) errors.to = t('crisis.dateRequired');
    else if (isIsoDate(form.from) && form.to <= form.from) errors.to = t('crisis.toAfterFrom');
    if (days === null) errors.withinDays = t('eligibilityList.withinDaysInvalid', { max: MAX_DAYS });
    setFormErrors(errors);
    if (Object.keys(errors).length > 0 || days === null) return;
    setParams({
      from: form.from,
      to: form.to,
      withinDays: String(days),
      ...(facilityId ? { facilityId } : {}),
    });
  };

  // A plain link sends no Accept-Language, so the CSV's language goes in the query.
  const csvHref = `/api/v1${withQuery('/crisis/early-release', { ...query, format: 'csv', lang: locale })}`;

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('crisis.title')}
      </Heading>
      <Paragraph>{t('crisis.intro')}</Paragraph>
      <form className="filters filters--form" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('crisis.from')}
          value={form.from}
          onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))}
          error={formErrors.from}
        />
        <Textfield
          type="date"
          label={t('crisis.to')}
          description={t('crisis.toHelp')}
          value={form.to}
          onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))}
          error={formErrors.to}
        />
        <Textfield
          label={t('crisis.withinDays')}
          description={t('eligibilityList.withinDaysHelp', { max: MAX_DAYS })}
          inputMode="numeric"
          autoComplete="off"
          value={form.withinDays}
          onChange={(e) => setForm((f) => ({ ...f, withinDays: e.target.value }))}
          error={formErrors.withinDays}
        />
        <div className="filters__submit">
          <Button type="submit">{t('crisis.show')}</Button>
        </div>
      </form>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && <Loading />}
      {data && (
        <section aria-labelledby={listId} className="section" data-testid="crisis-list">
          <div className="page-head">
            <Heading level={2} data-size="md" id={listId}>
              {t('crisis.listTitle', {
                from: formatDate(data.from, locale),
                to: formatDate(data.to, locale),
              })}
            </Heading>
            <Link href={csvHref} download={`tidligloslatelse-${data.from}-${data.to}.csv`}>
              {t('crisis.csv')}
            </Link>
          </div>
          <Paragraph data-size="sm" role="status">
            {t('crisis.summary', {
              asOf: formatDate(data.asOf, locale),
              days: formatNumber(data.withinDays, locale),
              count: formatNumber(data.items.length, locale),
            })}
          </Paragraph>
          {STATUSES.map((status) => (
            <CrisisGroup
              key={status}
              status={status}
              days={data.withinDays}
              items={data.items.filter((item) => item.status === status)}
              linkPeople={can('person.read')}
            />
          ))}
        </section>
      )}
      <CrisisPeriods canManage={can('rules.manage')} version={periodsVersion} onDone={reload} />
      {can('rules.manage') && (
        <CrisisRulesForm
          from={from}
          to={to}
          onDone={() => {
            reload();
            setPeriodsVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}

function CrisisGroup({
  status,
  days,
  items,
  linkPeople,
}: {
  status: CrisisStatus;
  days: number;
  items: CrisisItem[];
  linkPeople: boolean;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const last = Math.max(1, Math.ceil(items.length / GROUP_PAGE_SIZE));
  const current = Math.min(page, last);
  const shown = items.slice((current - 1) * GROUP_PAGE_SIZE, current * GROUP_PAGE_SIZE);
  const title = t(`crisisGroup.${status}`, { days: formatNumber(days, locale) });
  const counted = `${title} (${formatNumber(items.length, locale)})`;
  return (
    <section aria-labelledby={headingId} className="section" data-status={status}>
      <Heading level={3} data-size="sm" id={headingId}>
        {counted}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t('crisis.none')}</Paragraph>
      ) : (
        <>
          <div className="table-scroll">
            <Table border zebra aria-labelledby={headingId}>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('crisis.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('crisis.birthDate')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('crisis.facility')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('crisis.what')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('crisis.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('crisis.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('crisis.reason')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((item) => {
                  const name = `${item.person.familyName}, ${item.person.givenName}`;
                  return (
                    <Table.Row key={`${item.person.id}:${item.key}`}>
                      <Table.Cell>
                        {linkPeople ? <AppLink to={`/people/${item.person.id}`}>{name}</AppLink> : name}
                      </Table.Cell>
                      <Table.Cell className="nowrap">{formatDate(item.person.birthDate, locale)}</Table.Cell>
                      <Table.Cell>{item.facility?.name ?? '–'}</Table.Cell>
                      <Table.Cell>{keyName(t, item.key)}</Table.Cell>
                      <Table.Cell>{t(`crisisStatus.${item.status}`)}</Table.Cell>
                      <Table.Cell className="nowrap">
                        {item.date ? formatDate(item.date, locale) : t('keyDates.noDate')}
                      </Table.Cell>
                      <Table.Cell>
                        <div>{explained(item.explanation, locale)}</div>
                        <LegalRef value={item.legalRef} />
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          <Pager
            page={current}
            pageSize={GROUP_PAGE_SIZE}
            total={items.length}
            onChange={setPage}
            label={t('crisis.pagerLabel', { group: title })}
          />
        </>
      )}
    </section>
  );
}
