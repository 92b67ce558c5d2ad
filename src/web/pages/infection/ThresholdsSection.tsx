import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate, formatNumber, isIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { parseIncidence, type ThresholdsResult } from './types.ts';

const FIELDS = ['validFrom', 'yellowFrom', 'redFrom', 'risingPercent', 'compareDays', 'reason'] as const;
type Field = (typeof FIELDS)[number];
// Fixed ids: the error summary links to them with #fragments.
const IDS: Record<Field, string> = {
  validFrom: 'threshold-valid-from',
  yellowFrom: 'threshold-yellow',
  redFrom: 'threshold-red',
  risingPercent: 'threshold-percent',
  compareDays: 'threshold-days',
  reason: 'threshold-reason',
};

/**
 * The thresholds that turn an incidence into a level and a series into a trend: every period,
 * and for those who manage the infection situation a form that sets new ones from a date.
 */
export function ThresholdsSection({
  canManage,
  today,
  generation,
  onChanged,
}: {
  canManage: boolean;
  today: string;
  generation: number;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const formHeadingId = useId();
  const periods = useApi(
    (signal) => api.get<ThresholdsResult>('/infection/thresholds', {}, signal),
    [generation],
  );
  const [form, setForm] = useState({
    validFrom: today,
    yellowFrom: '',
    redFrom: '',
    risingPercent: '',
    compareDays: '',
    reason: '',
  });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit(FIELDS);
  const shown: Partial<Record<Field, string>> = { ...submit.fieldErrors, ...local };
  const listed = FIELDS.filter((k) => shown[k]);

  const set = (field: Field) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.busy) return;
    setAttempt((n) => n + 1);
    const errors: Partial<Record<Field, string>> = {};
    const yellow = parseIncidence(form.yellowFrom);
    const red = parseIncidence(form.redFrom);
    const percent = parseIncidence(form.risingPercent);
    const days = /^\d+$/.test(form.compareDays.trim()) ? Number(form.compareDays.trim()) : null;
    if (!isIsoDate(form.validFrom)) errors.validFrom = t('infection.asOfInvalid');
    if (yellow === null) errors.yellowFrom = t('infection.entryIncidenceInvalid');
    if (red === null) errors.redFrom = t('infection.entryIncidenceInvalid');
    if (percent === null) errors.risingPercent = t('infection.entryIncidenceInvalid');
    if (days === null) errors.compareDays = t('thresholds.daysInvalid');
    if (form.reason.trim().length < 3) errors.reason = t('thresholds.reasonRequired');
    setLocal(errors);
    if (
      Object.keys(errors).length > 0 ||
      yellow === null ||
      red === null ||
      percent === null ||
      days === null
    )
      return;
    setSaved(null);
    const result = await submit.run(() =>
      api.post<ThresholdsResult>('/infection/thresholds', {
        validFrom: form.validFrom,
        yellowFrom: yellow,
        redFrom: red,
        risingPercent: percent,
        compareDays: days,
        reason: form.reason.trim(),
      }),
    );
    if (!result) return;
    setSaved(form.validFrom);
    setForm((f) => ({ ...f, reason: '' }));
    onChanged();
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('thresholds.title')}
      </Heading>
      {periods.error !== undefined && <ErrorAlert error={periods.error} />}
      {periods.data && (
        <div className="table-scroll">
          <Table border zebra data-testid="threshold-periods">
            <caption>{t('thresholds.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('thresholds.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('thresholds.yellowFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('thresholds.redFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('thresholds.risingPercent')}</Table.HeaderCell>
                <Table.HeaderCell>{t('thresholds.compareDays')}</Table.HeaderCell>
                <Table.HeaderCell>{t('thresholds.source')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {periods.data.periods.map((p) => (
                <Table.Row key={p.validFrom}>
                  <Table.HeaderCell scope="row" className="nowrap">
                    {p.validTo
                      ? t('thresholds.fromTo', {
                          from: formatDate(p.validFrom, locale),
                          to: formatDate(p.validTo, locale),
                        })
                      : t('thresholds.fromOn', { from: formatDate(p.validFrom, locale) })}
                  </Table.HeaderCell>
                  <Table.Cell>{formatNumber(p.yellowFrom, locale)}</Table.Cell>
                  <Table.Cell>{formatNumber(p.redFrom, locale)}</Table.Cell>
                  <Table.Cell>{formatNumber(p.risingPercent, locale)} %</Table.Cell>
                  <Table.Cell>{p.compareDays}</Table.Cell>
                  <Table.Cell>{p.source}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {canManage && (
        <>
          <Heading level={3} data-size="sm" id={formHeadingId}>
            {t('thresholds.formTitle')}
          </Heading>
          <Paragraph>{t('thresholds.formHelp')}</Paragraph>
          {saved && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('thresholds.saved', { from: formatDate(saved, locale) })}</Paragraph>
            </Alert>
          )}
          {submit.formError !== undefined && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
            </Alert>
          )}
          {listed.length > 0 && (
            <ErrorSummary key={attempt}>
              <ErrorSummary.Heading>{t('error.summaryHeading')}</ErrorSummary.Heading>
              <ErrorSummary.List>
                {listed.map((k) => (
                  <ErrorSummary.Item key={k}>
                    <ErrorSummary.Link href={`#${IDS[k]}`}>{shown[k]}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          )}
          <form className="form narrow" onSubmit={onSubmit} noValidate aria-labelledby={formHeadingId}>
            <Textfield
              id={IDS.validFrom}
              type="date"
              label={t('thresholds.validFrom')}
              min={today}
              value={form.validFrom}
              onChange={set('validFrom')}
              error={shown.validFrom}
              required
            />
            <Textfield
              id={IDS.yellowFrom}
              label={t('thresholds.yellowFrom')}
              inputMode="decimal"
              autoComplete="off"
              value={form.yellowFrom}
              onChange={set('yellowFrom')}
              error={shown.yellowFrom}
              required
            />
            <Textfield
              id={IDS.redFrom}
              label={t('thresholds.redFrom')}
              inputMode="decimal"
              autoComplete="off"
              value={form.redFrom}
              onChange={set('redFrom')}
              error={shown.redFrom}
              required
            />
            <Textfield
              id={IDS.risingPercent}
              label={t('thresholds.risingPercent')}
              inputMode="decimal"
              autoComplete="off"
              value={form.risingPercent}
              onChange={set('risingPercent')}
              error={shown.risingPercent}
              required
            />
            <Textfield
              id={IDS.compareDays}
              label={t('thresholds.compareDays')}
              inputMode="numeric"
              autoComplete="off"
              value={form.compareDays}
              onChange={set('compareDays')}
              error={shown.compareDays}
              required
            />
            <Textfield
              id={IDS.reason}
              label={t('thresholds.reason')}
              multiline
              rows={2}
              value={form.reason}
              onChange={set('reason')}
              error={shown.reason}
              required
            />
            <div>
              <Button type="submit" loading={submit.busy}>
                {t('thresholds.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
