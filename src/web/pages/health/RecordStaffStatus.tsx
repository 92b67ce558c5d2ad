import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { statusLabel } from './labels.ts';
import type { HealthStatus, HealthStatusKind, StaffList } from './types.ts';

const STATUSES: HealthStatusKind[] = ['suspected', 'confirmed', 'quarantine', 'isolation'];
const FIELDS = ['staffId', 'status', 'fromDate', 'toDate'] as const;

/** A staff member's status; an inmate's is recorded from the person page. */
export function RecordStaffStatus({
  facilityId,
  onRecorded,
}: {
  facilityId: string;
  onRecorded: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const staff = useApi(
    (signal) => api.get<StaffList>(`/facilities/${facilityId}/staff`, {}, signal),
    [facilityId],
  );
  const [form, setForm] = useState({ staffId: '', status: '', fromDate: todayInOslo(), toDate: '' });
  const [missing, setMissing] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [done, setDone] = useState(false);
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const required = t('health.required');
    const errors: typeof missing = {};
    if (!form.staffId) errors.staffId = required;
    if (!form.status) errors.status = required;
    if (!form.fromDate) errors.fromDate = required;
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await submit.run(() =>
      api.post<HealthStatus>('/health/statuses', {
        subjectKind: 'staff',
        staffId: form.staffId,
        status: form.status,
        fromDate: form.fromDate,
        toDate: form.toDate || null,
      }),
    );
    if (result) {
      setDone(true);
      onRecorded();
    }
  };
  const error = (f: (typeof FIELDS)[number]) => missing[f] ?? submit.fieldErrors[f];

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('health.recordHeading')}: {t('health.kind.staff').toLowerCase()}
      </Heading>
      <Paragraph>
        {t('health.personIdHelp')} <AppLink to="/people">{t('nav.people')}</AppLink>
      </Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('health.recorded')}</Paragraph>
        </Alert>
      )}
      <form className="form narrow" onSubmit={onSubmit} noValidate>
        {submit.formError !== undefined && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
          </Alert>
        )}
        <SelectField
          label={t('health.staffMember')}
          value={form.staffId}
          onChange={(value) => set({ staffId: value })}
          error={error('staffId')}
        >
          <option value="">{t('health.chooseStaff')}</option>
          {(staff.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.staffNumber}
              {s.department ? `, ${s.department.name}` : ''})
            </option>
          ))}
        </SelectField>
        <StatusFields form={form} set={set} error={error} />
        <div>
          <Button type="submit" loading={submit.busy}>
            {t('health.record')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Status, from and to: shared by the staff form and the person page. */
export function StatusFields({
  form,
  set,
  error,
}: {
  form: { status: string; fromDate: string; toDate: string };
  set: (patch: { status?: string; fromDate?: string; toDate?: string }) => void;
  error: (f: 'status' | 'fromDate' | 'toDate') => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t('health.status')}
        value={form.status}
        onChange={(v) => set({ status: v })}
        error={error('status')}
      >
        <option value="">{t('roster.choose')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(t, s)}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <Textfield
          type="date"
          label={t('health.fromDate')}
          value={form.fromDate}
          onChange={(e) => set({ fromDate: e.target.value })}
          error={error('fromDate')}
          required
        />
        <Textfield
          type="date"
          label={t('health.toDate')}
          value={form.toDate}
          onChange={(e) => set({ toDate: e.target.value })}
          error={error('toDate')}
        />
      </div>
    </>
  );
}
