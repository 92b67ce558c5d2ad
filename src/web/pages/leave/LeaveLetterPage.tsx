import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ChangedSinceDecision } from './ChangedSinceDecision.tsx';
import { label, periodText } from './labels.ts';
import type { LeaveApplication } from './types.ts';

/** The decision letter the inmate can be given: factors, outcome, reasons and how to appeal. */
export function LeaveLetterPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const app = useApi((signal) => api.get<LeaveApplication>(`/leave/applications/${id}`, {}, signal), [id]);
  const a = app.data;
  const kind = a ? label(t, 'leave.kind', a.kind).toLowerCase() : '';
  useDocumentTitle(a ? t('leave.letter.title', { kind }) : t('leave.title'));
  if (app.error !== undefined) return <ErrorAlert error={app.error} />;
  if (!a) return <Loading />;
  const d = a.decision;
  return (
    <article className="leave-letter" data-testid="leave-letter">
      <div className="no-print row-actions">
        <AppLink to={`/permisjon/${a.id}`}>{t('leave.letter.back')}</AppLink>
        {d && (
          <Button variant="secondary" onClick={() => window.print()}>
            {t('leave.letter.print')}
          </Button>
        )}
      </div>
      <Heading level={1} data-size="lg">
        {t('leave.letter.title', { kind })}
      </Heading>
      <Paragraph>
        {a.facility.name}, {d ? formatDate(d.decidedAt.slice(0, 10), locale) : ''}
      </Paragraph>
      <Paragraph>{t('leave.letter.to', { name: a.person.name })}</Paragraph>
      {!d ? (
        <Paragraph>{t('leave.letter.noDecision')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('leave.letter.applied', {
              kind,
              period: periodText(t, locale, a),
              destination: a.destinationMunicipality,
            })}
          </Paragraph>
          <Heading level={2} data-size="md">
            {t('leave.letter.outcome', { outcome: label(t, 'leave.outcome', d.outcome) })}
          </Heading>
          {d.conditions.length > 0 && (
            <Paragraph>
              {t('leave.conditions', { list: d.conditions.map((c) => label(t, 'leave.cond', c)).join(', ') })}
            </Paragraph>
          )}
          <Heading level={2} data-size="md">
            {t('leave.letter.reasons')}
          </Heading>
          {d.justification && <Paragraph>{d.justification}</Paragraph>}
          <Heading level={3} data-size="sm">
            {t('leave.letter.factors')}
          </Heading>
          <ul>
            {d.assessment.reasons.map((r) => (
              <li key={r.code}>{r.text[locale]}</li>
            ))}
          </ul>
          <Paragraph>
            {t('leave.decision.legal')}: {d.legalReference}
          </Paragraph>
          <ChangedSinceDecision app={a} />
          <Heading level={2} data-size="md">
            {t('leave.letter.appealHeading')}
          </Heading>
          <Paragraph>{t('leave.letter.appeal')}</Paragraph>
          <Paragraph>
            {t('leave.decision.by', { name: d.decidedBy, at: formatDate(d.decidedAt.slice(0, 10), locale) })}
          </Paragraph>
        </>
      )}
    </article>
  );
}
