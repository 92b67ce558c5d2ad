import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { formatDateTime } from '../../i18n/format.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { label } from './labels.ts';
import type { Factors, LeaveApplication } from './types.ts';

/**
 * What differs between the facts the leave was decided on and today's, in words: the factors the
 * review list compares (levels and trends at the prison and the destination, measures, staffing)
 * and the recommendation.
 */
export function changesSinceDecision(t: Translate, app: LeaveApplication): string[] {
  const d = app.decision;
  // A granted leave is compared with today's facts; a revoked one with the facts it was revoked on.
  const now =
    app.status === 'granted'
      ? (app.current?.factors ?? null)
      : app.review?.outcome === 'revoked'
        ? (app.review.factors ?? null)
        : null;
  if (!d || !now) return [];
  const out: string[] = [];
  const push = (factor: string, before: string, after: string) => {
    if (before !== after)
      out.push(t('leave.review.change', { factor: label(t, 'leave.review.factor', factor), before, after }));
  };
  const level = (f: Factors['prison']) => label(t, 'leave.level', f.level);
  const trend = (f: Factors['prison']) => label(t, 'leave.trend', f.trend);
  const measures = (f: Factors) =>
    f.measures.length === 0
      ? t('leave.factors.noMeasures')
      : [...f.measures]
          .sort()
          .map((m) => label(t, 'leave.measure', m))
          .join(', ');
  const staffing = (f: Factors) =>
    t('leave.factors.staffingValue', { n: f.staffing.inQuarantine, of: f.staffing.staff });
  push('prison_level', level(d.factors.prison), level(now.prison));
  push('prison_trend', trend(d.factors.prison), trend(now.prison));
  push('destination_level', level(d.factors.destination), level(now.destination));
  push('destination_trend', trend(d.factors.destination), trend(now.destination));
  push('measures', measures(d.factors), measures(now));
  push('staffing', staffing(d.factors), staffing(now));
  if (app.status === 'granted' && app.current)
    push(
      'recommendation',
      label(t, 'leave.rec', d.assessment.recommendation),
      label(t, 'leave.rec', app.current.assessment.recommendation),
    );
  return out;
}

/** For the inmate: what changed since the decision, and the review's outcome and reason. */
export function ChangedSinceDecision({ app, level = 2 }: { app: LeaveApplication; level?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const changes = changesSinceDecision(t, app);
  const review = app.review;
  if (changes.length === 0 && !review) return null;
  return (
    <section aria-labelledby={headingId} className="section" data-testid="leave-changed">
      <Heading level={level} data-size="md" id={headingId}>
        {t('leave.changed.heading')}
      </Heading>
      {review && (
        <Alert data-color={review.outcome === 'revoked' ? 'warning' : 'info'}>
          <Paragraph>
            {t(
              review.outcome === 'revoked'
                ? 'leave.changed.review.revoked'
                : 'leave.changed.review.confirmed',
            )}{' '}
            {review.justification ? t('leave.changed.reason', { text: review.justification }) : ''}
          </Paragraph>
          <Paragraph data-size="sm">
            {t('leave.changed.by', { name: review.by, at: formatDateTime(review.at, locale) })}
          </Paragraph>
        </Alert>
      )}
      {changes.length > 0 && (
        <>
          <Paragraph>{t('leave.changed.intro')}</Paragraph>
          <ul>
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
