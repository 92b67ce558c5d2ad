import { Alert, Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { addDays, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page } from '../../types.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import { label } from './labels.ts';
import { KINDS, type LeaveApplication, PURPOSES } from './types.ts';

type Hit = {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  facility: { name: string } | null;
};

const FIELDS = [
  'personId',
  'kind',
  'fromDate',
  'fromTime',
  'toDate',
  'toTime',
  'destinationMunicipality',
  'purpose',
  'description',
] as const;

/** A new application from or for an inmate in the caller's scope. */
export function NewLeavePage() {
  const { t } = useI18n();
  useDocumentTitle(t('leave.form.heading'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const start = addDays(todayInOslo(), 7);
  const [form, setForm] = useState({
    personId: params.get('personId') ?? '',
    kind: 'ordinary',
    fromDate: start,
    fromTime: '10:00',
    toDate: addDays(start, 2),
    toTime: '18:00',
    destinationMunicipality: '',
    publicTransport: false,
    purpose: 'family',
    description: '',
  });
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const search = useSubmit(['q'] as const);
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const onSearch = async (event: FormEvent) => {
    event.preventDefault();
    const found = await search.run(() => api.get<Page<Hit>>('/people', { q, pageSize: 20 }));
    if (found) {
      setHits(found.items);
      if (found.items[0]) set({ personId: found.items[0].id });
    }
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() => api.post<LeaveApplication>('/leave/applications', form));
    if (created) navigate(`/permisjon/${created.id}`);
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('leave.form.heading')}
      </Heading>
      <form className="form field-row" onSubmit={onSearch} noValidate>
        <Textfield
          label={t('leave.form.search')}
          value={q}
          error={search.fieldErrors.q}
          onChange={(e) => setQ(e.target.value)}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={search.busy}>
            {t('leave.form.searchButton')}
          </Button>
        </div>
      </form>
      {search.formError !== undefined && <ErrorAlert error={search.formError} />}
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="leave-form">
        {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
        {(hits.length > 0 || form.personId) && (
          <SelectField
            label={t('leave.form.person')}
            value={form.personId}
            error={submit.fieldErrors.personId}
            onChange={(personId) => set({ personId })}
          >
            <option value="">{t('leave.form.choosePerson')}</option>
            {hits.map((h) => (
              <option key={h.id} value={h.id}>
                {h.givenName} {h.familyName} ({h.birthDate}){h.facility ? `, ${h.facility.name}` : ''}
              </option>
            ))}
            {form.personId && !hits.some((h) => h.id === form.personId) && (
              <option value={form.personId}>{form.personId}</option>
            )}
          </SelectField>
        )}
        <SelectField
          label={t('leave.form.kind')}
          value={form.kind}
          error={submit.fieldErrors.kind}
          onChange={(kind) => set({ kind })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {label(t, 'leave.kind', k)}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          <Textfield
            type="date"
            label={t('leave.form.fromDate')}
            value={form.fromDate}
            error={submit.fieldErrors.fromDate}
            onChange={(e) => set({ fromDate: e.target.value })}
          />
          <Textfield
            type="time"
            label={t('leave.form.fromTime')}
            value={form.fromTime}
            error={submit.fieldErrors.fromTime}
            onChange={(e) => set({ fromTime: e.target.value })}
          />
        </div>
        <div className="field-row">
          <Textfield
            type="date"
            label={t('leave.form.toDate')}
            value={form.toDate}
            error={submit.fieldErrors.toDate}
            onChange={(e) => set({ toDate: e.target.value })}
          />
          <Textfield
            type="time"
            label={t('leave.form.toTime')}
            value={form.toTime}
            error={submit.fieldErrors.toTime}
            onChange={(e) => set({ toTime: e.target.value })}
          />
        </div>
        <Textfield
          label={t('leave.form.destination')}
          value={form.destinationMunicipality}
          error={submit.fieldErrors.destinationMunicipality}
          onChange={(e) => set({ destinationMunicipality: e.target.value })}
        />
        <Checkbox
          label={t('leave.form.publicTransport')}
          checked={form.publicTransport}
          onChange={(e) => set({ publicTransport: e.target.checked })}
        />
        <SelectField
          label={t('leave.form.purpose')}
          value={form.purpose}
          error={submit.fieldErrors.purpose}
          onChange={(purpose) => set({ purpose })}
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {label(t, 'leave.purpose', p)}
            </option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={3}
          label={t('leave.form.description')}
          value={form.description}
          error={submit.fieldErrors.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        {!form.personId && (
          <Alert data-color="info">
            <Paragraph>{t('leave.form.choosePerson')}</Paragraph>
          </Alert>
        )}
        {form.personId && (
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('leave.form.submit')}
            </Button>
          </div>
        )}
      </form>
    </>
  );
}
