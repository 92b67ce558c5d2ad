import { Alert, Button, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { KeyDatesView, type SentenceLabel } from '../keydates/KeyDatesView.tsx';
import { keyName } from '../keydates/labels.ts';
import {
  EVENT_TYPES,
  type EventType,
  type KeyDatesInput,
  type KeyDatesPreview,
  type PersonKeyDates,
} from '../keydates/types.ts';
import { useSubmit } from '../queue/useSubmit.ts';

/** "Key dates" on the person page: the engine's dates for the person's active sentences, and "what if?". */
export function KeyDatesSection({ personId }: { personId: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const path = `/people/${encodeURIComponent(personId)}`;
  const { data, error, loading } = useApi(
    (signal) => api.get<PersonKeyDates>(`${path}/key-dates`, {}, signal),
    [path],
  );
  // After an event is recorded the server answers with the recalculated dates: shown instead of the first load.
  const [recorded, setRecorded] = useState<PersonKeyDates | null>(null);
  const current = recorded ?? data;
  const noSentence = error instanceof ApiError && error.status === 404;

  return (
    <section aria-labelledby={headingId} className="section" data-testid="key-dates">
      <Heading level={2} data-size="md" id={headingId}>
        {t('keyDates.title')}
      </Heading>
      {noSentence && !recorded && <Paragraph>{t('keyDates.noActive')}</Paragraph>}
      {error !== undefined && !noSentence && !recorded && <ErrorAlert error={error} />}
      {loading && !current && <Loading />}
      {current && (
        <>
          <KeyDatesView result={current.result} sentences={sentenceLabels(current.input, t)} />
          <WhatIf path={path} started={current.result.executionStart !== null} onRecorded={setRecorded} />
        </>
      )}
    </section>
  );
}

export function sentenceLabels(input: KeyDatesInput, t: ReturnType<typeof useI18n>['t']): SentenceLabel[] {
  return input.sentences.map((sentence, index) => ({
    id: sentence.id,
    label: t('keyDates.sentenceN', { n: index + 1, kind: t(`kind.${sentence.kind}`) }),
  }));
}

type Action = 'preview' | 'record';

/** "What if?": the effect of an event on the dates, without storing it; and for some, recording it. */
function WhatIf({
  path,
  started,
  onRecorded,
}: {
  path: string;
  /** Whether execution has started: the likeliest event is then an escape, otherwise the start. */
  started: boolean;
  onRecorded: (result: PersonKeyDates) => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const resultId = useId();
  const [type, setType] = useState<EventType>(started ? 'escape' : 'execution_start');
  const [date, setDate] = useState(todayInOslo());
  const [missingDate, setMissingDate] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [preview, setPreview] = useState<{ type: EventType; date: string; result: KeyDatesPreview } | null>(
    null,
  );
  const [saved, setSaved] = useState<{ type: EventType; date: string } | null>(null);
  const submit = useSubmit(['type', 'date'] as const);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (preview) resultRef.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const run = async (next: Action) => {
    if (submit.busy) return;
    setMissingDate(!date);
    if (!date) return;
    setAction(next);
    setSaved(null);
    if (next === 'preview') {
      const result = await submit.run(() =>
        api.post<KeyDatesPreview>(`${path}/key-dates/preview`, { event: { type, date } }),
      );
      setAction(null);
      if (result) setPreview({ type, date, result });
    } else {
      const result = await submit.run(() => api.post<PersonKeyDates>(`${path}/events`, { type, date }));
      setAction(null);
      if (result) {
        setPreview(null);
        setSaved({ type, date });
        onRecorded(result);
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('preview');
  };

  return (
    <section aria-labelledby={headingId} className="section what-if">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('whatIf.title')}
      </Heading>
      <Paragraph data-size="sm">
        {can('execution.record') ? t('whatIf.introRecord') : t('whatIf.intro')}
      </Paragraph>
      {saved && (
        <Alert data-color="success" role="status" ref={savedRef} tabIndex={-1}>
          <Paragraph>
            {t('whatIf.recorded', {
              event: t(`event.${saved.type}`),
              date: formatDate(saved.date, locale),
            })}
          </Paragraph>
        </Alert>
      )}
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        {submit.formError !== undefined && (
          <Alert data-color="danger" role="alert" className="inline-form__error">
            <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
          </Alert>
        )}
        <SelectField
          label={t('whatIf.event')}
          value={type}
          onChange={(value) => setType(value as EventType)}
          error={submit.fieldErrors.type}
        >
          {EVENT_TYPES.map((value) => (
            <Select.Option key={value} value={value}>
              {t(`event.${value}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          type="date"
          label={t('whatIf.date')}
          value={date}
          onChange={(event) => setDate(event.target.value)}
          error={missingDate ? t('whatIf.dateRequired') : submit.fieldErrors.date}
        />
        <div className="buttons">
          <Button type="submit" loading={action === 'preview'}>
            {t('whatIf.preview')}
          </Button>
          {can('execution.record') && (
            <Button
              type="button"
              variant="secondary"
              loading={action === 'record'}
              onClick={() => void run('record')}
            >
              {t('whatIf.record')}
            </Button>
          )}
        </div>
      </form>
      {preview && (
        <section className="section" aria-labelledby={resultId}>
          <Heading level={4} data-size="xs" id={resultId} ref={resultRef} tabIndex={-1}>
            {t('whatIf.resultTitle', {
              event: t(`event.${preview.type}`),
              date: formatDate(preview.date, locale),
            })}
          </Heading>
          {preview.result.changes.length === 0 ? (
            <Paragraph>{t('whatIf.noChanges')}</Paragraph>
          ) : (
            <ul className="changes">
              {preview.result.changes.map((change) => (
                <li key={`${change.key}:${change.rule}:${change.before}`}>
                  <strong>{keyName(t, change.key)}:</strong>{' '}
                  {change.before ? formatDate(change.before, locale) : t('whatIf.noDate')}{' '}
                  <span aria-hidden="true">→</span>
                  <span className="ds-sr-only">{t('whatIf.becomes')}</span>{' '}
                  {change.after ? formatDate(change.after, locale) : t('whatIf.noDate')}
                </li>
              ))}
            </ul>
          )}
          <Paragraph data-size="sm">{t('whatIf.notSaved')}</Paragraph>
        </section>
      )}
    </section>
  );
}
