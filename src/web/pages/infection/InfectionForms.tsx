import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber, isIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { type EntryResult, type ImportResult, parseIncidence } from './types.ts';

// Fixed ids: the error summaries link to them with #fragments.
const IDS = {
  municipality: 'infection-municipality',
  date: 'infection-date',
  incidence14d: 'infection-incidence',
  csv: 'infection-csv',
  file: 'infection-file',
} as const;

type EntryField = 'municipality' | 'date' | 'incidence14d';

/** One value entered by hand. */
export function InfectionEntryForm({ today, onDone }: { today: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [form, setForm] = useState({ municipality: '', date: today, incidence14d: '' });
  const [local, setLocal] = useState<Partial<Record<EntryField, string>>>({});
  const [done, setDone] = useState<EntryResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit(['municipality', 'date', 'incidence14d'] as const);
  const shown: Partial<Record<EntryField, string>> = { ...submit.fieldErrors, ...local };
  const listed = (['municipality', 'date', 'incidence14d'] as const).filter((k) => shown[k]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.busy) return;
    setAttempt((n) => n + 1);
    const errors: typeof local = {};
    if (!form.municipality.trim()) errors.municipality = t('infection.entryRequired');
    if (!isIsoDate(form.date)) errors.date = t('infection.asOfInvalid');
    const incidence = parseIncidence(form.incidence14d);
    if (incidence === null) errors.incidence14d = t('infection.entryIncidenceInvalid');
    setLocal(errors);
    if (Object.keys(errors).length > 0 || incidence === null) return;
    setDone(null);
    const result = await submit.run(() =>
      api.post<EntryResult>('/infection/levels', {
        municipality: form.municipality.trim(),
        date: form.date,
        incidence14d: incidence,
      }),
    );
    if (!result) return;
    setDone(result);
    setForm((f) => ({ ...f, incidence14d: '' }));
    onDone();
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('infection.entryTitle')}
      </Heading>
      <Paragraph>{t('infection.entryHelp')}</Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t(done.created ? 'infection.entryCreated' : 'infection.entryUpdated', {
              municipality: done.municipality,
              date: formatDate(done.date, locale),
              incidence: formatNumber(done.incidence14d, locale),
            })}
          </Paragraph>
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
      <form className="form narrow" onSubmit={onSubmit} noValidate>
        <Textfield
          id={IDS.municipality}
          label={t('infection.entryMunicipality')}
          autoComplete="off"
          value={form.municipality}
          onChange={(e) => setForm((f) => ({ ...f, municipality: e.target.value }))}
          error={shown.municipality}
          required
        />
        <Textfield
          id={IDS.date}
          type="date"
          label={t('infection.entryDate')}
          max={today}
          value={form.date}
          onChange={(e) => setForm((f) => ({ ...f, date: e.target.value }))}
          error={shown.date}
          required
        />
        <Textfield
          id={IDS.incidence14d}
          label={t('infection.entryIncidence')}
          description={t('infection.entryIncidenceHelp')}
          inputMode="decimal"
          autoComplete="off"
          value={form.incidence14d}
          onChange={(e) => setForm((f) => ({ ...f, incidence14d: e.target.value }))}
          error={shown.incidence14d}
          required
        />
        <div>
          <Button type="submit" loading={submit.busy}>
            {t('infection.entrySubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A CSV file pasted or chosen; a bad file comes back with its line-numbered errors and nothing imported. */
export function InfectionImportForm({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [text, setText] = useState('');
  const [required, setRequired] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const submit = useSubmit([] as const);
  const lineErrors =
    submit.error instanceof ApiError && submit.error.status === 422 ? submit.error.errors : [];
  const otherError = submit.error !== undefined && lineErrors.length === 0 ? submit.error : undefined;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    try {
      setText(await file.text());
      setRequired(false);
    } catch {
      setFileError(t('infection.importFileFailed'));
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.busy) return;
    setAttempt((n) => n + 1);
    setRequired(!text.trim());
    if (!text.trim()) return;
    setDone(null);
    const result = await submit.run(() => api.post<ImportResult>('/infection/import', { csv: text }));
    if (!result) return;
    setDone(result);
    onDone();
  };

  const textError = required
    ? t('infection.importRequired')
    : lineErrors.length > 0
      ? t('infection.importErrors')
      : undefined;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('infection.importTitle')}
      </Heading>
      <Paragraph id={`${IDS.csv}-help`}>{t('infection.importHelp')}</Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t('infection.importDone', {
              rows: formatNumber(done.rows, locale),
              municipalities: formatNumber(done.municipalities, locale),
              created: formatNumber(done.created, locale),
              updated: formatNumber(done.updated, locale),
            })}
          </Paragraph>
        </Alert>
      )}
      {otherError !== undefined && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorMessage(otherError, t)}</Paragraph>
        </Alert>
      )}
      {(required || lineErrors.length > 0) && (
        <ErrorSummary key={attempt} data-testid="infection-import-errors">
          <ErrorSummary.Heading>
            {required ? t('error.summaryHeading') : t('infection.importErrors')}
          </ErrorSummary.Heading>
          <ErrorSummary.List>
            {required ? (
              <ErrorSummary.Item>
                <ErrorSummary.Link href={`#${IDS.csv}`}>{t('infection.importRequired')}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ) : (
              lineErrors.map((e) => (
                <ErrorSummary.Item key={`${e.path}:${e.message}`}>
                  <ErrorSummary.Link href={`#${IDS.csv}`}>{e.message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))
            )}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form className="form narrow narrow--wide" onSubmit={onSubmit} noValidate>
        <Textfield
          id={IDS.csv}
          multiline
          rows={8}
          label={t('infection.importText')}
          placeholder={'kommune,dato,insidens_14d\nOslo,2026-11-23,72.5'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={textError}
          spellCheck={false}
          className="mono-field"
          required
        />
        <Field>
          <Label htmlFor={IDS.file}>{t('infection.importFile')}</Label>
          <Field.Description>{t('infection.importFileHelp')}</Field.Description>
          <input id={IDS.file} type="file" accept=".csv,text/csv" onChange={onFile} />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" loading={submit.busy}>
            {t('infection.importSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
