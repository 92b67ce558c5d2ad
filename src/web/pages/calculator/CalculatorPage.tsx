import '../keydates/key-dates.css';
import {
  Button,
  ErrorSummary,
  Heading,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, api, type FieldError } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { todayInOslo } from '../../i18n/format.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { KeyDatesView, type SentenceLabel } from '../keydates/KeyDatesView.tsx';
import type { KeyDatesResult } from '../keydates/types.ts';
import {
  buildInput,
  type CalculatorState,
  type Errors,
  inputId,
  newEvent,
  newRemand,
  newSentence,
  sentenceId,
  targetOf,
  type Update,
} from './model.ts';
import { EventFields, RemandFields, SentenceFields } from './parts.tsx';

/** The what-if date calculator: key dates for sentences, custody and events typed in; nothing is stored. */
export function CalculatorPage() {
  const { t } = useI18n();
  useDocumentTitle(t('calc.title'));
  const [state, setState] = useState<CalculatorState>(() => ({
    asOf: todayInOslo(),
    birthDate: '',
    sentences: [newSentence()],
    remand: [],
    events: [],
    leaveDaysTaken: '0',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  // A new summary per attempt, so it takes focus again after each failed submit.
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ result: KeyDatesResult; sentences: SentenceLabel[] } | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const resultId = useId();
  const sentencesId = useId();
  const remandId = useId();
  const eventsId = useId();
  const leaveId = useId();

  useEffect(() => {
    if (!focus) return;
    document.getElementById(inputId(focus))?.focus();
    setFocus(null);
  }, [focus]);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  // Adding or removing a row moves the rows after it, so the old errors would point at the wrong ones.
  const update: Update = (change, focusTarget) => {
    setState(change);
    if (focusTarget !== undefined) {
      setErrors([]);
      setFocus(focusTarget);
    }
  };

  const targeted = errors.map((error) => ({ ...error, target: targetOf(error.path, state) }));
  const errorFor: Errors = (target) => {
    const messages = targeted.filter((e) => e.target === target).map((e) => e.message);
    return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const built = buildInput(state, t);
    setAttempt((n) => n + 1);
    setErrors(built.errors);
    setFailure(undefined);
    if (built.errors.length > 0) return;
    const labels = state.sentences.map((row, i) => ({
      id: sentenceId(i),
      label: t('keyDates.sentenceN', { n: i + 1, kind: t(`kind.${row.kind}`) }),
    }));
    setBusy(true);
    try {
      const computed = await api.post<KeyDatesResult>('/calculations/key-dates', built.input);
      setResult({ result: computed, sentences: labels });
    } catch (error) {
      setResult(null);
      if (error instanceof ApiError && error.errors.length > 0) setErrors(error.errors);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('calc.title')}
      </Heading>
      <Paragraph>{t('calc.intro')}</Paragraph>
      {failure !== undefined && <ErrorAlert error={failure} />}
      {targeted.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading>{t('error.summaryHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {targeted.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id; the list is replaced as a whole
              <ErrorSummary.Item key={index}>
                <ErrorSummary.Link href={`#${inputId(error.target)}`}>
                  {targetLabel(error.target, t)}: {error.message}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form className="form calculator" onSubmit={onSubmit} noValidate>
        <div className="field-row">
          <Textfield
            id={inputId('asOf')}
            type="date"
            label={t('calc.asOf')}
            description={t('calc.asOfHelp')}
            value={state.asOf}
            onChange={(e) => update((s) => ({ ...s, asOf: e.target.value }))}
            error={errorFor('asOf')}
            required
          />
          <Textfield
            id={inputId('birthDate')}
            type="date"
            label={t('calc.birthDate')}
            description={t('calc.birthDateHelp')}
            value={state.birthDate}
            onChange={(e) => update((s) => ({ ...s, birthDate: e.target.value }))}
            error={errorFor('birthDate')}
          />
        </div>

        <section aria-labelledby={sentencesId} className="section" id={inputId('sentences')} tabIndex={-1}>
          <Heading level={2} data-size="sm" id={sentencesId}>
            {t('calc.sentences')}
          </Heading>
          {errorFor('sentences') && <ValidationMessage>{errorFor('sentences')}</ValidationMessage>}
          {state.sentences.map((row, index) => (
            <SentenceFields
              key={row.uid}
              row={row}
              index={index}
              state={state}
              update={update}
              errorFor={errorFor}
            />
          ))}
          <div>
            <Button
              type="button"
              variant="secondary"
              id={inputId('addSentence')}
              onClick={() =>
                update(
                  (s) => ({ ...s, sentences: [...s.sentences, newSentence()] }),
                  `sentences.${state.sentences.length}.kind`,
                )
              }
            >
              {t('calc.addSentence')}
            </Button>
          </div>
        </section>

        <section aria-labelledby={remandId} className="section" id={inputId('remandPeriods')} tabIndex={-1}>
          <Heading level={2} data-size="sm" id={remandId}>
            {t('calc.remand')}
          </Heading>
          <Paragraph data-size="sm">{t('calc.remandHelp')}</Paragraph>
          {errorFor('remandPeriods') && <ValidationMessage>{errorFor('remandPeriods')}</ValidationMessage>}
          {state.remand.map((row, index) => (
            <RemandFields key={row.uid} row={row} index={index} update={update} errorFor={errorFor} />
          ))}
          <div>
            <Button
              type="button"
              variant="secondary"
              id={inputId('addRemand')}
              onClick={() =>
                update(
                  (s) => ({ ...s, remand: [...s.remand, newRemand()] }),
                  `remandPeriods.${state.remand.length}.arrestedAt`,
                )
              }
            >
              {t('calc.addRemand')}
            </Button>
          </div>
        </section>

        <section aria-labelledby={eventsId} className="section" id={inputId('events')} tabIndex={-1}>
          <Heading level={2} data-size="sm" id={eventsId}>
            {t('calc.events')}
          </Heading>
          <Paragraph data-size="sm">{t('calc.eventsHelp')}</Paragraph>
          {errorFor('events') && <ValidationMessage>{errorFor('events')}</ValidationMessage>}
          {state.events.map((row, index) => (
            <EventFields key={row.uid} row={row} index={index} update={update} errorFor={errorFor} />
          ))}
          <div>
            <Button
              type="button"
              variant="secondary"
              id={inputId('addEvent')}
              onClick={() =>
                update(
                  (s) => ({ ...s, events: [...s.events, newEvent()] }),
                  `events.${state.events.length}.type`,
                )
              }
            >
              {t('calc.addEvent')}
            </Button>
          </div>
        </section>

        <section aria-labelledby={leaveId} className="section">
          <Heading level={2} data-size="sm" id={leaveId}>
            {t('calc.leave')}
          </Heading>
          <div className="field-row">
            <Textfield
              id={inputId('leave.daysTaken')}
              label={t('calc.leaveDaysTaken')}
              inputMode="numeric"
              autoComplete="off"
              value={state.leaveDaysTaken}
              onChange={(e) => update((s) => ({ ...s, leaveDaysTaken: e.target.value }))}
              error={errorFor('leave.daysTaken')}
            />
          </div>
        </section>

        <div>
          <Button type="submit" loading={busy}>
            {t('calc.submit')}
          </Button>
        </div>
      </form>

      {result && (
        <section aria-labelledby={resultId} className="section" data-testid="calculation-result">
          <Heading level={2} data-size="md" id={resultId} ref={resultRef} tabIndex={-1}>
            {t('calc.result')}
          </Heading>
          <Paragraph data-size="sm">{t('calc.notSaved')}</Paragraph>
          <KeyDatesView result={result.result} sentences={result.sentences} />
        </section>
      )}
    </>
  );
}

/** The name of a field (or group) in the error summary: "Sentence 1, term". */
function targetLabel(target: string, t: Translate): string {
  const [head, index, field, sub, subField] = target.split('.');
  const n = Number(index) + 1;
  switch (head) {
    case 'asOf':
      return t('calc.asOf');
    case 'birthDate':
      return t('calc.birthDate');
    case 'leave':
      return t('calc.leaveDaysTaken');
    case 'sentences': {
      if (index === undefined) return t('calc.sentences');
      const group = t('calc.sentenceN', { n });
      if (!field) return group;
      const labels: Record<string, string> = {
        kind: t('calc.kind'),
        term: t('calc.term'),
        minimumTerm: t('calc.minimumTerm'),
        frame: t('calc.frame'),
        hours: t('calc.hours'),
        substituteDays: t('calc.substituteDays'),
        offenceGroups: t('calc.offenceGroups'),
      };
      return `${group}, ${(labels[field] ?? field).toLowerCase()}`;
    }
    case 'remandPeriods': {
      if (index === undefined) return t('calc.remand');
      const group = t('calc.remandN', { n });
      if (field === 'arrestedAt') return `${group}, ${t('calc.arrestedAt').toLowerCase()}`;
      if (field === 'releasedAt') return `${group}, ${t('calc.releasedAt').toLowerCase()}`;
      if (field === 'isolation' && sub !== undefined) {
        const iso = t('calc.isolationN', { n: Number(sub) + 1 }).toLowerCase();
        const which = subField === 'to' ? t('calc.isolationTo') : t('calc.isolationFrom');
        return `${group}, ${iso}, ${which.toLowerCase()}`;
      }
      return group;
    }
    case 'events': {
      if (index === undefined) return t('calc.events');
      const group = t('calc.eventN', { n });
      if (field === 'type') return `${group}, ${t('calc.eventType').toLowerCase()}`;
      if (field === 'date') return `${group}, ${t('calc.eventDate').toLowerCase()}`;
      return group;
    }
    default:
      return target;
  }
}
