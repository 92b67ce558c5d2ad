import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate, formatDateTime, formatNumber, isIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Recalculation } from '../keydates/types.ts';
import { useSubmit } from '../queue/useSubmit.ts';

type Period = { from: string; to: string | null; reason: string; setBy: string | null; setAt: string };
type Props = { canManage: boolean; version: number; onDone: () => void };

/** The periods the crisis rules are switched on for, and (for those who may) switching them off. */
export function CrisisPeriods({ canManage, version, onDone }: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const periods = useApi((signal) => api.get<Period[]>('/rules/crisis', {}, signal), [version]);
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ on?: string; reason?: string }>({});
  const [done, setDone] = useState<Recalculation | null>(null);
  const submit = useSubmit(['on', 'reason'] as const);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof missing = {};
    if (!isIsoDate(on)) errors.on = t('crisis.dateRequired');
    if (!reason.trim()) errors.reason = t('crisisRules.reasonRequired');
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await submit.run(() =>
      api.post<Recalculation>('/rules/crisis/end', { on, reason: reason.trim() }),
    );
    if (!result) return;
    setDone(result);
    setReason('');
    periods.reload();
    onDone();
  };

  const list = periods.data ?? [];
  return (
    <section aria-labelledby={headingId} className="section" data-testid="crisis-periods">
      <Heading level={2} data-size="md" id={headingId}>
        {t('crisisPeriods.title')}
      </Heading>
      {list.length === 0 ? (
        <Paragraph>{t('crisisPeriods.none')}</Paragraph>
      ) : (
        <Table border aria-labelledby={headingId}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('crisisRules.from')}</Table.HeaderCell>
              <Table.HeaderCell>{t('crisisRules.to')}</Table.HeaderCell>
              <Table.HeaderCell>{t('crisisRules.reason')}</Table.HeaderCell>
              <Table.HeaderCell>{t('crisisPeriods.setBy')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.map((p) => (
              <Table.Row key={`${p.from}-${p.to}-${p.setAt}`}>
                <Table.Cell>{formatDate(p.from, locale)}</Table.Cell>
                <Table.Cell>{p.to ? formatDate(p.to, locale) : '–'}</Table.Cell>
                <Table.Cell>{p.reason}</Table.Cell>
                <Table.Cell>
                  {p.setBy ?? '–'}, {formatDateTime(p.setAt, locale)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canManage && list.length > 0 && (
        <form className="form narrow" onSubmit={onSubmit} noValidate>
          <Heading level={3} data-size="sm">
            {t('crisisPeriods.endTitle')}
          </Heading>
          {submit.formError !== undefined && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
            </Alert>
          )}
          {done && (
            <Alert data-color="success" role="status">
              <Paragraph>
                {t('crisisPeriods.ended', { persons: formatNumber(done.persons, locale) })}
              </Paragraph>
            </Alert>
          )}
          <Textfield
            type="date"
            label={t('crisisPeriods.on')}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            error={missing.on ?? submit.fieldErrors.on}
            required
          />
          <Textfield
            label={t('crisisRules.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={missing.reason ?? submit.fieldErrors.reason}
            required
          />
          <div className="buttons">
            <Button type="submit" variant="secondary" aria-busy={submit.busy}>
              {t('crisisPeriods.endSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
