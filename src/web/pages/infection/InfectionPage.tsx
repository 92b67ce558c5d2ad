import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatNumber, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import type { Locale } from '../../types.ts';
import { InfectionEntryForm, InfectionImportForm } from './InfectionForms.tsx';
import { ThresholdsSection } from './ThresholdsSection.tsx';
import {
  type FacilitiesResult,
  LEVEL_COLOR,
  type MunicipalitiesResult,
  type Situation,
  type Thresholds,
} from './types.ts';

/** The infection level and trend where each facility stands, and per municipality, as of a date. */
export function InfectionPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('infection.title'));
  const today = todayInOslo();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf') ?? '';
  const asOf = isIsoDate(asOfParam) ? asOfParam : today;
  const [form, setForm] = useState(asOf);
  const [asOfError, setAsOfError] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => setForm(asOf), [asOf]);

  const facilities = useApi(
    (signal) => api.get<FacilitiesResult>('/infection/facilities', { asOf }, signal),
    [asOf, generation],
  );
  const municipalities = useApi(
    (signal) => api.get<MunicipalitiesResult>('/infection/levels', { asOf }, signal),
    [asOf, generation],
  );
  const facilitiesId = useId();
  const municipalitiesId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = isIsoDate(form);
    setAsOfError(!ok);
    if (ok) setParams(new URLSearchParams({ asOf: form }));
  };

  const thresholds = facilities.data?.thresholds;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('infection.title')}
      </Heading>
      <Paragraph>{t('infection.intro')}</Paragraph>
      {thresholds && <ThresholdText thresholds={thresholds} t={t} locale={locale} />}
      <form className="filters filters--form" onSubmit={onSubmit} noValidate>
        <Textfield
          type="date"
          label={t('infection.asOf')}
          value={form}
          onChange={(e) => setForm(e.target.value)}
          error={asOfError ? t('infection.asOfInvalid') : undefined}
        />
        <div className="filters__submit">
          <Button type="submit">{t('infection.show')}</Button>
        </div>
      </form>

      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      {facilities.loading && !facilities.data && <Loading />}
      {facilities.data && (
        <section aria-labelledby={facilitiesId} className="section">
          <Heading level={2} data-size="sm" id={facilitiesId}>
            {t('infection.facilitiesTitle')} ({formatDate(facilities.data.asOf, locale)})
          </Heading>
          {facilities.data.items.length === 0 ? (
            <Paragraph>{t('infection.facilitiesEmpty')}</Paragraph>
          ) : (
            <div className="table-scroll">
              <Table border zebra aria-labelledby={facilitiesId} data-testid="infection-facilities">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('infection.facility')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.orgUnit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.municipality')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.incidence')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.level')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.trend')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {facilities.data.items.map((item) => (
                    <Table.Row key={item.facility.id}>
                      <Table.HeaderCell scope="row">{item.facility.name}</Table.HeaderCell>
                      <Table.Cell>{item.orgUnit?.name ?? '–'}</Table.Cell>
                      <Table.Cell>{item.municipality}</Table.Cell>
                      <Incidence item={item} t={t} locale={locale} />
                      <LevelCell item={item} t={t} />
                      <Table.Cell>{t(`infectionTrend.${item.trend}`)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </section>
      )}

      {municipalities.error !== undefined && <ErrorAlert error={municipalities.error} />}
      {municipalities.data && (
        <section aria-labelledby={municipalitiesId} className="section">
          <Heading level={2} data-size="sm" id={municipalitiesId}>
            {t('infection.municipalitiesTitle')}
          </Heading>
          {municipalities.data.items.length === 0 ? (
            <Paragraph>{t('infection.municipalitiesEmpty')}</Paragraph>
          ) : (
            <div className="table-scroll">
              <Table border zebra aria-labelledby={municipalitiesId} data-testid="infection-municipalities">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('infection.municipality')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.date')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.incidence')}</Table.HeaderCell>
                    <Table.HeaderCell>
                      {t('infection.earlier', { days: municipalities.data.thresholds.compareDays })}
                    </Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.level')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('infection.trend')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {municipalities.data.items.map((item) => (
                    <Table.Row key={item.municipality}>
                      <Table.HeaderCell scope="row">{item.municipality}</Table.HeaderCell>
                      <Table.Cell className="nowrap">
                        {item.date ? formatDate(item.date, locale) : '–'}
                      </Table.Cell>
                      <Incidence item={item} t={t} locale={locale} />
                      <Table.Cell className="nowrap">
                        {item.earlierIncidence14d === null
                          ? '–'
                          : formatNumber(item.earlierIncidence14d, locale)}
                      </Table.Cell>
                      <LevelCell item={item} t={t} />
                      <Table.Cell>{t(`infectionTrend.${item.trend}`)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </section>
      )}

      <ThresholdsSection
        canManage={can('infection.manage')}
        today={today}
        generation={generation}
        onChanged={() => setGeneration((n) => n + 1)}
      />

      {can('infection.manage') && (
        <>
          <InfectionEntryForm today={today} onDone={() => setGeneration((n) => n + 1)} />
          <InfectionImportForm onDone={() => setGeneration((n) => n + 1)} />
        </>
      )}
    </>
  );
}

function ThresholdText({ thresholds, t, locale }: { thresholds: Thresholds; t: Translate; locale: Locale }) {
  return (
    <Paragraph data-size="sm">
      {t('infection.thresholds', {
        yellow: formatNumber(thresholds.yellowFrom, locale),
        red: formatNumber(thresholds.redFrom, locale),
        percent: formatNumber(thresholds.risingPercent, locale),
        days: thresholds.compareDays,
      })}
    </Paragraph>
  );
}

function Incidence({ item, t, locale }: { item: Situation; t: Translate; locale: Locale }) {
  return (
    <Table.Cell className="nowrap">
      {item.incidence14d === null ? t('infection.noValue') : formatNumber(item.incidence14d, locale)}
    </Table.Cell>
  );
}

/** The level in words as well as colour. */
function LevelCell({ item, t }: { item: Situation; t: Translate }) {
  return (
    <Table.Cell>
      <Tag data-color={LEVEL_COLOR[item.level]}>{t(`infectionLevel.${item.level}`)}</Tag>
    </Table.Cell>
  );
}
