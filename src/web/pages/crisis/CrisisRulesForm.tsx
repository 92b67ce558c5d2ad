import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber, isIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Recalculation } from '../keydates/types.ts';
import { useSubmit } from '../queue/useSubmit.ts';

type Props = { from: string; to: string; onDone: () => void };

/** Switches the crisis rules on for a period, for everyone: every active sentence is recalculated. */
export function CrisisRulesForm({ from: listFrom, to: listTo, onDone }: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [from, setFrom] = useState(listFrom);
  const [to, setTo] = useState(listTo);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ from?: string; to?: string; reason?: string }>({});
  const [done, setDone] = useState<(Recalculation & { from: string; to: string }) | null>(null);
  const submit = useSubmit(['from', 'to', 'reason'] as const);
  const doneRef = useRef<HTMLDivElement>(null);

  // The period follows the list above until the user changes it here.
  useEffect(() => {
    setFrom(listFrom);
    setTo(listTo);
  }, [listFrom, listTo]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.busy) return;
    const errors: typeof missing = {};
    if (!isIsoDate(from)) errors.from = t('crisis.dateRequired');
    if (!isIsoDate(to)) errors.to = t('crisis.dateRequired');
    else if (isIsoDate(from) && to <= from) errors.to = t('crisis.toAfterFrom');
    if (!reason.trim()) errors.reason = t('crisisRules.reasonRequired');
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    setDone(null);
    const result = await submit.run(() =>
      api.post<Recalculation>('/rules/crisis', { from, to, reason: reason.trim() }),
    );
    if (!result) return;
    setDone({ ...result, from, to });
    setReason('');
    onDone();
  };

  return (
    <section aria-labelledby={headingId} className="section crisis-rules" data-testid="crisis-rules">
      <Heading level={2} data-size="md" id={headingId}>
        {t('crisisRules.title')}
      </Heading>
      <Alert data-color="warning">
        <Paragraph>{t('crisisRules.warning')}</Paragraph>
      </Alert>
      {done && (
        <Alert data-color="success" role="status" ref={doneRef} tabIndex={-1}>
          <Paragraph>
            {t('crisisRules.done', {
              from: formatDate(done.from, locale),
              to: formatDate(done.to, locale),
              persons: formatNumber(done.persons, locale),
              seconds: new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
                maximumFractionDigits: 1,
              }).format(done.seconds),
            })}
          </Paragraph>
          {done.failed > 0 && (
            <Paragraph>{t('crisisRules.failed', { failed: formatNumber(done.failed, locale) })}</Paragraph>
          )}
        </Alert>
      )}
      <form className="form narrow" onSubmit={onSubmit} noValidate>
        {submit.formError !== undefined && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
          </Alert>
        )}
        <div className="field-row">
          <Textfield
            type="date"
            label={t('crisisRules.from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={missing.from ?? submit.fieldErrors.from}
            required
          />
          <Textfield
            type="date"
            label={t('crisisRules.to')}
            description={t('crisis.toHelp')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={missing.to ?? submit.fieldErrors.to}
            required
          />
        </div>
        <Textfield
          multiline
          rows={3}
          label={t('crisisRules.reason')}
          description={t('crisisRules.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing.reason ?? submit.fieldErrors.reason}
          required
        />
        {submit.busy && <Paragraph role="status">{t('crisisRules.busy')}</Paragraph>}
        <div>
          <Button type="submit" data-color="danger" loading={submit.busy}>
            {t('crisisRules.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
