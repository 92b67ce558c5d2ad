import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { addDays, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { levelLabel, typeLabel } from './labels.ts';
import type { Catalogue, Measure, ScopeKind, ScopeOptions } from './types.ts';

const FIELDS = [
  'type',
  'level',
  'scopeKind',
  'scopeId',
  'validFrom',
  'validTo',
  'reviewDate',
  'reason',
] as const;
type Field = (typeof FIELDS)[number];

/** A new measure: from the catalogue, with a level where the type has levels, within the user's scope. */
export function MeasureForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const catalogue = useApi((signal) => api.get<Catalogue>('/measures/catalogue', {}, signal), []);
  const scopes = useApi((signal) => api.get<ScopeOptions>('/measures/scopes', {}, signal), []);
  const today = todayInOslo();
  const [form, setForm] = useState({
    type: '',
    level: '',
    scopeKind: '' as ScopeKind | '',
    scopeId: '',
    validFrom: today,
    validTo: addDays(today, 21),
    reviewDate: addDays(today, 21),
    reason: '',
  });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [created, setCreated] = useState(false);
  const submit = useSubmit(FIELDS);
  const entry = catalogue.data?.types.find((c) => c.type === form.type);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const kinds: ScopeKind[] = [
    ...(scopes.data?.national ? (['national'] as const) : []),
    ...((scopes.data?.units.length ?? 0) > 0 ? (['unit'] as const) : []),
    ...((scopes.data?.facilities.length ?? 0) > 0 ? (['facility'] as const) : []),
  ];
  const targets = form.scopeKind === 'unit' ? scopes.data?.units : scopes.data?.facilities;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.busy) return;
    const required = t('measures.required');
    const errors: typeof missing = {};
    if (!form.type) errors.type = required;
    if (entry?.levels && !form.level) errors.level = required;
    if (!form.scopeKind) errors.scopeKind = required;
    if (form.scopeKind && form.scopeKind !== 'national' && !form.scopeId) errors.scopeId = required;
    for (const f of ['validFrom', 'validTo', 'reviewDate'] as const)
      if (!isIsoDate(form[f])) errors[f] = required;
    if (!form.reason.trim()) errors.reason = required;
    setMissing(errors);
    setCreated(false);
    if (Object.keys(errors).length > 0) return;
    const result = await submit.run(() =>
      api.post<Measure>('/measures', {
        type: form.type,
        level: entry?.levels ? form.level : null,
        scopeKind: form.scopeKind,
        scopeId: form.scopeKind === 'national' ? null : form.scopeId,
        validFrom: form.validFrom,
        validTo: form.validTo,
        reviewDate: form.reviewDate,
        reason: form.reason.trim(),
      }),
    );
    if (!result) return;
    setCreated(true);
    set({ reason: '' });
    onCreated();
  };

  const error = (f: Field) => missing[f] ?? submit.fieldErrors[f];

  return (
    <section aria-labelledby={headingId} className="section" data-testid="measure-form">
      <Heading level={2} data-size="md" id={headingId}>
        {t('measures.formHeading')}
      </Heading>
      {created && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('measures.created')}</Paragraph>
        </Alert>
      )}
      <form className="form narrow" onSubmit={onSubmit} noValidate>
        {submit.formError !== undefined && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
          </Alert>
        )}
        <SelectField
          label={t('measures.type')}
          value={form.type}
          onChange={(value) => set({ type: value, level: '' })}
          error={error('type')}
          description={entry ? t('measures.source', { source: entry.source }) : undefined}
        >
          <option value="">{t('measures.chooseScope')}</option>
          {(catalogue.data?.types ?? []).map((c) => (
            <option key={c.type} value={c.type}>
              {typeLabel(t, c.type)}
            </option>
          ))}
        </SelectField>
        {entry?.levels && (
          <SelectField
            label={t('measures.level')}
            value={form.level}
            onChange={(value) => set({ level: value })}
            error={error('level')}
          >
            <option value="">{t('measures.chooseLevel')}</option>
            {entry.levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(t, l)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t('measures.scope')}
          value={form.scopeKind}
          onChange={(value) => set({ scopeKind: value as ScopeKind | '', scopeId: '' })}
          error={error('scopeKind')}
        >
          <option value="">{t('measures.chooseScope')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`measures.kind.${k}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        {(form.scopeKind === 'unit' || form.scopeKind === 'facility') && (
          <SelectField
            label={form.scopeKind === 'unit' ? t('measures.scopeUnit') : t('measures.scopeFacility')}
            value={form.scopeId}
            onChange={(value) => set({ scopeId: value })}
            error={error('scopeId')}
          >
            <option value="">{t('measures.chooseScope')}</option>
            {(targets ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="field-row">
          <Textfield
            type="date"
            label={t('measures.validFrom')}
            value={form.validFrom}
            onChange={(e) => set({ validFrom: e.target.value })}
            error={error('validFrom')}
            required
          />
          <Textfield
            type="date"
            label={t('measures.validTo')}
            value={form.validTo}
            onChange={(e) => set({ validTo: e.target.value })}
            error={error('validTo')}
            required
          />
          <Textfield
            type="date"
            label={t('measures.reviewDate')}
            value={form.reviewDate}
            onChange={(e) => set({ reviewDate: e.target.value })}
            error={error('reviewDate')}
            required
          />
        </div>
        <Textfield
          multiline
          rows={3}
          label={t('measures.reason')}
          value={form.reason}
          onChange={(e) => set({ reason: e.target.value })}
          error={error('reason')}
          required
        />
        <div>
          <Button type="submit" loading={submit.busy}>
            {t('measures.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
