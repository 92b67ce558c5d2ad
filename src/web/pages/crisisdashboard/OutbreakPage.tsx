import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api, withQuery } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { addDays, formatDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import './crisis-dashboard.css';

const ITEMS = [
  'single_occupancy',
  'solitary_placement',
  'visits_extended',
  'leave_restrictions',
  'escorted_leave_restrictions',
  'temporary_release_restrictions',
  'interruption_of_sentence',
  'early_release',
  'postponement_of_execution',
  'new_appearance_dates',
] as const;

type Facility = { id: string; code: string; name: string };
type QueueItem = {
  sentenceId: string;
  version: number;
  status: 'queued' | 'summoned' | 'postponed';
  date: string | null;
  person: { id: string; givenName: string; familyName: string; birthDate: string };
  caseNumber: string;
};
type Letter = {
  id?: string;
  batchId?: string;
  person: { id: string; givenName: string; familyName: string };
  caseNumber: string;
  oldDate: string | null;
  newDate: string;
  body: string;
};
type Inmate = {
  person: { id: string; givenName: string; familyName: string; birthDate: string };
  sentenceId: string | null;
  since: string;
  interrupted: boolean;
};

/** Outbreak actions for one facility: the measure set, batch postponements with letters, interruptions. */
export function OutbreakPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('outbreak.title'));
  const facilities = useApi(
    (signal) => api.get<{ items: Facility[] }>('/outbreak/facilities', {}, signal),
    [],
  );
  const [facilityId, setFacilityId] = useState('');
  const facility = facilities.data?.items.find((f) => f.id === facilityId);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('outbreak.title')}
      </Heading>
      <Paragraph>{t('outbreak.intro')}</Paragraph>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      {facilities.loading && !facilities.data && <Loading />}
      {facilities.data && (
        <SelectField label={t('outbreak.facility')} value={facilityId} onChange={setFacilityId}>
          <option value="">{t('outbreak.chooseFacility')}</option>
          {facilities.data.items.map((f) => (
            <option key={f.id} value={f.id}>
              {`${f.name} (${f.code})`}
            </option>
          ))}
        </SelectField>
      )}
      {facility && (
        <div key={facility.id}>
          {can('crisis.early_release') && (
            <Paragraph>
              <AppLink to={withQuery('/crisis/early-release', { facilityId: facility.id })}>
                {t('outbreak.earlyReleaseLink')}
              </AppLink>
            </Paragraph>
          )}
          <MeasureSet facility={facility} />
          <Postponements facility={facility} />
          <Interruptions facility={facility} />
        </div>
      )}
    </>
  );
}

function MeasureSet({ facility }: { facility: Facility }) {
  const { t } = useI18n();
  const headingId = useId();
  const today = todayInOslo();
  const [form, setForm] = useState({
    include: [...ITEMS] as string[],
    solitaryLevel: 'some',
    reason: '',
    validFrom: today,
    validTo: addDays(today, 21),
    reviewDate: addDays(today, 14),
  });
  const [done, setDone] = useState('');
  const submit = useSubmit(['reason', 'validFrom', 'validTo', 'reviewDate', 'include', 'level'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const out = await submit.run(() =>
      api.post<{ measures: unknown[] }>(`/outbreak/facilities/${facility.id}/measures`, form),
    );
    if (out) setDone(t('outbreak.setDone', { n: out.measures.length, name: facility.name }));
  };
  const toggle = (item: string, on: boolean) =>
    setForm((f) => ({
      ...f,
      include: on
        ? ITEMS.filter((i) => i === item || f.include.includes(i))
        : f.include.filter((i) => i !== item),
    }));
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('outbreak.setHeading')}
      </Heading>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('outbreak.setLegend')}</Fieldset.Legend>
          {ITEMS.map((item) => (
            <Checkbox
              key={item}
              label={t(`outbreak.item.${item}` as MessageKey)}
              value={item}
              checked={form.include.includes(item)}
              onChange={(e) => toggle(item, e.target.checked)}
            />
          ))}
        </Fieldset>
        {form.include.includes('solitary_placement') && (
          <Fieldset>
            <Fieldset.Legend>{t('outbreak.solitaryLevel')}</Fieldset.Legend>
            {(['some', 'all'] as const).map((level) => (
              <Radio
                key={level}
                name="solitaryLevel"
                label={t(`outbreak.solitary.${level}`)}
                value={level}
                checked={form.solitaryLevel === level}
                onChange={() => setForm((f) => ({ ...f, solitaryLevel: level }))}
              />
            ))}
          </Fieldset>
        )}
        <Textfield
          label={t('outbreak.reason')}
          value={form.reason}
          error={submit.fieldErrors.reason}
          onChange={(e) => setForm((f) => ({ ...f, reason: e.target.value }))}
        />
        <div className="field-row">
          <Textfield
            type="date"
            label={t('outbreak.validFrom')}
            value={form.validFrom}
            error={submit.fieldErrors.validFrom}
            onChange={(e) => setForm((f) => ({ ...f, validFrom: e.target.value }))}
          />
          <Textfield
            type="date"
            label={t('outbreak.validTo')}
            value={form.validTo}
            error={submit.fieldErrors.validTo}
            onChange={(e) => setForm((f) => ({ ...f, validTo: e.target.value }))}
          />
          <Textfield
            type="date"
            label={t('outbreak.reviewDate')}
            value={form.reviewDate}
            error={submit.fieldErrors.reviewDate}
            onChange={(e) => setForm((f) => ({ ...f, reviewDate: e.target.value }))}
          />
        </div>
        {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
        {done && (
          <Alert data-color="success" role="status">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
        <div>
          <Button type="submit" aria-disabled={submit.busy || undefined}>
            {t('outbreak.applySet')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Postponements({ facility }: { facility: Facility }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const today = todayInOslo();
  const [window, setWindow] = useState({ from: today, to: addDays(today, 28) });
  const [shown, setShown] = useState(window);
  const [generation, setGeneration] = useState(0);
  const queue = useApi(
    (signal) =>
      api.get<{ items: QueueItem[]; earliestNewDate: string }>(
        `/outbreak/facilities/${facility.id}/queue`,
        shown,
        signal,
      ),
    [facility.id, shown.from, shown.to, generation],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [mode, setMode] = useState<'date' | 'weeks'>('weeks');
  const [form, setForm] = useState({ reason: '', newDate: '', weeks: '4' });
  const [preview, setPreview] = useState<Letter[] | null>(null);
  const [done, setDone] = useState<{ batchId: string; letters: Letter[] } | null>(null);
  const [lettersGeneration, setLettersGeneration] = useState(0);
  const submit = useSubmit(['reason', 'newDate', 'items'] as const);
  const [localError, setLocalError] = useState('');

  const body = () => ({
    items: (queue.data?.items ?? [])
      .filter((i) => selected.includes(i.sentenceId))
      .map((i) => ({ sentenceId: i.sentenceId, version: i.version })),
    reason: form.reason,
    ...(mode === 'date' ? { newDate: form.newDate } : { weeks: Number(form.weeks) }),
  });
  const check = () => {
    setLocalError(selected.length === 0 ? t('outbreak.noneSelected') : '');
    return selected.length > 0;
  };
  const onPreview = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!check()) return;
    const out = await submit.run(() =>
      api.post<{ items: Letter[] }>(`/outbreak/facilities/${facility.id}/postponements/preview`, body()),
    );
    setPreview(out ? out.items : null);
  };
  const onApply = async () => {
    if (!check()) return;
    const out = await submit.run(() =>
      api.post<{ batchId: string; letters: Letter[] }>(
        `/outbreak/facilities/${facility.id}/postponements`,
        body(),
      ),
    );
    if (out) {
      setDone(out);
      setPreview(null);
      setSelected([]);
      setGeneration((n) => n + 1);
      setLettersGeneration((n) => n + 1);
    }
  };
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('outbreak.queueHeading')}
      </Heading>
      <form
        className="form field-row"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(window);
        }}
        noValidate
      >
        <Textfield
          type="date"
          label={t('outbreak.queueFrom')}
          value={window.from}
          onChange={(e) => setWindow((w) => ({ ...w, from: e.target.value }))}
        />
        <Textfield
          type="date"
          label={t('outbreak.queueTo')}
          value={window.to}
          onChange={(e) => setWindow((w) => ({ ...w, to: e.target.value }))}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t('outbreak.queueShow')}
          </Button>
        </div>
      </form>
      {queue.error !== undefined && <ErrorAlert error={queue.error} />}
      {queue.loading && !queue.data && <Loading />}
      {queue.data && queue.data.items.length === 0 && <Paragraph>{t('outbreak.queueNone')}</Paragraph>}
      {queue.data && queue.data.items.length > 0 && (
        <form className="form" onSubmit={onPreview} noValidate>
          <div className="table-scroll">
            <Table border data-size="sm">
              <caption>{t('outbreak.queueCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('outbreak.col.select')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.case')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.date')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {queue.data.items.map((i) => (
                  <Table.Row key={i.sentenceId}>
                    <Table.Cell>
                      <Checkbox
                        aria-label={t('outbreak.selectPerson', { name: name(i.person) })}
                        checked={selected.includes(i.sentenceId)}
                        onChange={(e) =>
                          setSelected((s) =>
                            e.target.checked ? [...s, i.sentenceId] : s.filter((id) => id !== i.sentenceId),
                          )
                        }
                      />
                    </Table.Cell>
                    <Table.HeaderCell scope="row">{name(i.person)}</Table.HeaderCell>
                    <Table.Cell>{i.caseNumber}</Table.Cell>
                    <Table.Cell>{t(`outbreak.status.${i.status}`)}</Table.Cell>
                    <Table.Cell>{formatDate(i.date, locale)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {localError && <Paragraph data-color="danger">{localError}</Paragraph>}
          <Textfield
            label={t('outbreak.reason')}
            value={form.reason}
            error={submit.fieldErrors.reason}
            onChange={(e) => setForm((f) => ({ ...f, reason: e.target.value }))}
          />
          <Fieldset>
            <Fieldset.Legend>{t('outbreak.moveBy')}</Fieldset.Legend>
            <Radio
              name="moveBy"
              value="weeks"
              label={t('outbreak.moveByWeeks')}
              checked={mode === 'weeks'}
              onChange={() => setMode('weeks')}
            />
            <Radio
              name="moveBy"
              value="date"
              label={t('outbreak.moveByDate')}
              checked={mode === 'date'}
              onChange={() => setMode('date')}
            />
          </Fieldset>
          {mode === 'weeks' ? (
            <Textfield
              type="number"
              min={1}
              max={52}
              label={t('outbreak.weeks')}
              value={form.weeks}
              error={submit.fieldErrors.newDate}
              onChange={(e) => setForm((f) => ({ ...f, weeks: e.target.value }))}
            />
          ) : (
            <Textfield
              type="date"
              label={t('outbreak.newDate')}
              description={t('outbreak.newDateHelp', {
                date: formatDate(queue.data.earliestNewDate, locale),
              })}
              value={form.newDate}
              error={submit.fieldErrors.newDate}
              onChange={(e) => setForm((f) => ({ ...f, newDate: e.target.value }))}
            />
          )}
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          <div className="field-row">
            <Button type="submit" variant="secondary" aria-disabled={submit.busy || undefined}>
              {t('outbreak.preview')}
            </Button>
            {preview && (
              <Button type="button" onClick={onApply} aria-disabled={submit.busy || undefined}>
                {t('outbreak.apply')}
              </Button>
            )}
          </div>
        </form>
      )}
      {preview && (
        <div className="table-scroll">
          <Table border data-size="sm">
            <caption>{t('outbreak.previewCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('outbreak.col.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('outbreak.col.case')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('outbreak.col.oldDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('outbreak.col.newDate')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {preview.map((p) => (
                <Table.Row key={p.caseNumber + p.person.id}>
                  <Table.HeaderCell scope="row">{name(p.person)}</Table.HeaderCell>
                  <Table.Cell>{p.caseNumber}</Table.Cell>
                  <Table.Cell>{formatDate(p.oldDate, locale)}</Table.Cell>
                  <Table.Cell>{formatDate(p.newDate, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('outbreak.postponed', { n: done.letters.length })}</Paragraph>
          <Paragraph>
            <a
              href={`/api/v1${withQuery(`/outbreak/facilities/${facility.id}/letters`, { batchId: done.batchId, format: 'pdf' })}`}
              download
            >
              {t('outbreak.lettersBatchPdf')}
            </a>
          </Paragraph>
        </Alert>
      )}
      <Letters facility={facility} generation={lettersGeneration} />
    </section>
  );
}

function Letters({ facility, generation }: { facility: Facility; generation: number }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const letters = useApi(
    (signal) => api.get<{ items: Letter[] }>(`/outbreak/facilities/${facility.id}/letters`, {}, signal),
    [facility.id, generation],
  );
  const [open, setOpen] = useState<string | null>(null);
  const items = letters.data?.items ?? [];
  const current = items.find((l) => l.id === open);
  return (
    <div>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('outbreak.lettersHeading')}
      </Heading>
      {letters.error !== undefined && <ErrorAlert error={letters.error} />}
      {letters.data && items.length === 0 && <Paragraph>{t('outbreak.lettersNone')}</Paragraph>}
      {items.length > 0 && (
        <>
          <Paragraph>
            <a
              href={`/api/v1${withQuery(`/outbreak/facilities/${facility.id}/letters`, { format: 'pdf' })}`}
              download
            >
              {t('outbreak.lettersPdf')}
            </a>
          </Paragraph>
          <ul aria-labelledby={headingId}>
            {items.map((l) => (
              <li key={l.id}>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-expanded={open === l.id}
                  onClick={() => setOpen(open === l.id ? null : (l.id ?? null))}
                >
                  {t('outbreak.showLetter', { name: `${l.person.givenName} ${l.person.familyName}` })}
                </Button>{' '}
                ({l.caseNumber}, {formatDate(l.newDate, locale)})
              </li>
            ))}
          </ul>
        </>
      )}
      {current && (
        <div>
          <pre className="letter-text">{current.body}</pre>
          <Button
            type="button"
            variant="secondary"
            className="outbreak-noprint"
            onClick={() => window.print()}
          >
            {t('outbreak.print')}
          </Button>
        </div>
      )}
    </div>
  );
}

function Interruptions({ facility }: { facility: Facility }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [generation, setGeneration] = useState(0);
  const inmates = useApi(
    (signal) => api.get<{ items: Inmate[] }>(`/outbreak/facilities/${facility.id}/inmates`, {}, signal),
    [facility.id, generation],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [form, setForm] = useState({ date: todayInOslo(), reason: '' });
  const [done, setDone] = useState('');
  const [localError, setLocalError] = useState('');
  const submit = useSubmit(['date', 'reason', 'personIds'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    setLocalError(selected.length === 0 ? t('outbreak.noneSelected') : '');
    if (selected.length === 0) return;
    const out = await submit.run(() =>
      api.post<{ recorded: number }>(`/outbreak/facilities/${facility.id}/interruptions`, {
        personIds: selected,
        ...form,
      }),
    );
    if (out) {
      setDone(t('outbreak.interrupted', { n: out.recorded }));
      setSelected([]);
      setGeneration((n) => n + 1);
    }
  };
  const items = inmates.data?.items ?? [];
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('outbreak.interruptHeading')}
      </Heading>
      {inmates.error !== undefined && <ErrorAlert error={inmates.error} />}
      {inmates.loading && !inmates.data && <Loading />}
      {inmates.data && items.length === 0 && <Paragraph>{t('outbreak.inmatesNone')}</Paragraph>}
      {items.length > 0 && (
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="table-scroll">
            <Table border data-size="sm">
              <caption>{t('outbreak.inmatesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('outbreak.col.select')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.since')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('outbreak.col.interrupted')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((i) => {
                  const name = `${i.person.givenName} ${i.person.familyName}`;
                  return (
                    <Table.Row key={i.person.id}>
                      <Table.Cell>
                        <Checkbox
                          aria-label={t('outbreak.selectPerson', { name })}
                          checked={selected.includes(i.person.id)}
                          onChange={(e) =>
                            setSelected((s) =>
                              e.target.checked ? [...s, i.person.id] : s.filter((id) => id !== i.person.id),
                            )
                          }
                        />
                      </Table.Cell>
                      <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                      <Table.Cell>{formatDate(i.since, locale)}</Table.Cell>
                      <Table.Cell>{i.interrupted ? t('common.yes') : t('common.no')}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          {localError && <Paragraph data-color="danger">{localError}</Paragraph>}
          <div className="field-row">
            <Textfield
              type="date"
              label={t('outbreak.interruptDate')}
              value={form.date}
              error={submit.fieldErrors.date}
              onChange={(e) => setForm((f) => ({ ...f, date: e.target.value }))}
            />
            <Textfield
              label={t('outbreak.reason')}
              value={form.reason}
              error={submit.fieldErrors.reason}
              onChange={(e) => setForm((f) => ({ ...f, reason: e.target.value }))}
            />
          </div>
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          {done && (
            <Alert data-color="success" role="status">
              <Paragraph>{done}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type="submit" aria-disabled={submit.busy || undefined}>
              {t('outbreak.interrupt')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
