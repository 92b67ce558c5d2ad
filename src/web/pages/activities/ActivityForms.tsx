import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  ListItem,
  ListUnordered,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert, ErrorSummary } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from '../incidents/labels.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import type { Activity, Enrolment, FacilityChoice } from './types.ts';

const ACTIVITY_KINDS = ['work', 'school', 'programme', 'leisure', 'ngo'] as const;

/** Create an activity at a facility in scope. */
export function NewActivityForm({
  facilities,
  onCreated,
}: {
  facilities: FacilityChoice[];
  onCreated: (a: Activity) => void;
}) {
  const { t } = useI18n();
  const empty = { facilityId: '', name: '', kind: 'work', places: '10', schedule: '' };
  const [form, setForm] = useState(empty);
  const submit = useSubmit(['facilityId', 'name', 'kind', 'places', 'schedule'] as const);
  const facilityId = form.facilityId || facilities[0]?.id || '';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const places = Number(form.places);
    const created = await submit.run(() =>
      api.post<Activity>('/activities', {
        facilityId,
        name: form.name,
        kind: form.kind,
        places: form.places.trim() === '' || Number.isNaN(places) ? form.places : places,
        schedule: form.schedule,
      }),
    );
    if (created) {
      setForm(empty);
      onCreated(created);
    }
  };
  return (
    <section aria-labelledby="new-activity-heading">
      <Heading level={2} data-size="md" id="new-activity-heading">
        {t('activities.newHeading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate data-testid="activity-form">
        <ErrorSummary level={3} error={submit.error} />
        <SelectField
          label={t('activities.form.facility')}
          value={facilityId}
          error={submit.fieldErrors.facilityId}
          onChange={(v) => setForm({ ...form, facilityId: v })}
        >
          {facilities.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t('activities.col.name')}
          value={form.name}
          error={submit.fieldErrors.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <SelectField
          label={t('activities.col.kind')}
          value={form.kind}
          error={submit.fieldErrors.kind}
          onChange={(kind) => setForm({ ...form, kind })}
        >
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {label(t, 'activities.kind', k)}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="number"
          inputMode="numeric"
          label={t('activities.col.places')}
          value={form.places}
          error={submit.fieldErrors.places}
          onChange={(e) => setForm({ ...form, places: e.target.value })}
        />
        <Textfield
          label={t('activities.col.schedule')}
          value={form.schedule}
          error={submit.fieldErrors.schedule}
          onChange={(e) => setForm({ ...form, schedule: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('activities.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

type Thresholds = {
  national: number;
  nationalSet: boolean;
  facilities: { facilityId: string; days: number }[];
};

/** The days without activity before an inmate is flagged, nationally or per facility. */
export function ThresholdSection({
  facilities,
  manage,
  onSaved,
}: {
  facilities: FacilityChoice[];
  manage: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const thresholds = useApi((signal) => api.get<Thresholds>('/activities/thresholds', {}, signal), []);
  const [form, setForm] = useState({ facilityId: '', days: '' });
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(['facilityId', 'days'] as const);
  const nameOf = (id: string) => facilities.find((f) => f.id === id)?.name ?? id;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const days = Number(form.days);
    const result = await submit.run(() =>
      api.post<Thresholds>('/activities/thresholds', {
        facilityId: form.facilityId || null,
        days: form.days.trim() === '' || Number.isNaN(days) ? form.days : days,
      }),
    );
    if (result) {
      setSaved(true);
      thresholds.reload();
      onSaved();
    }
  };
  const d = thresholds.data;
  return (
    <section aria-labelledby="threshold-heading">
      <Heading level={2} data-size="md" id="threshold-heading">
        {t('activities.thresholdHeading')}
      </Heading>
      {thresholds.error !== undefined && <ErrorAlert error={thresholds.error} />}
      {d && (
        <ListUnordered data-testid="thresholds">
          <ListItem>
            {t(d.nationalSet ? 'activities.thresholdNational' : 'activities.thresholdDefault', {
              n: d.national,
            })}
          </ListItem>
          {d.facilities.map((f) => (
            <ListItem key={f.facilityId}>
              {t('activities.thresholdFacility', { name: nameOf(f.facilityId), n: f.days })}
            </ListItem>
          ))}
        </ListUnordered>
      )}
      {manage && (
        <form className="form field-row" onSubmit={onSubmit} noValidate data-testid="threshold-form">
          <ErrorSummary level={3} error={submit.error} />
          <SelectField
            label={t('activities.thresholdFor')}
            value={form.facilityId}
            error={submit.fieldErrors.facilityId}
            onChange={(facilityId) => setForm({ ...form, facilityId })}
          >
            <option value="">{t('activities.thresholdNationalOption')}</option>
            {facilities.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
          <Textfield
            type="number"
            inputMode="numeric"
            label={t('activities.thresholdDays')}
            value={form.days}
            error={submit.fieldErrors.days}
            onChange={(e) => setForm({ ...form, days: e.target.value })}
          />
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('activities.thresholdSave')}
            </Button>
          </div>
        </form>
      )}
      {saved && <Alert data-color="success">{t('activities.thresholdSaved')}</Alert>}
    </section>
  );
}

/** Who was present at the activity on a day; only those holding a place are listed. */
export function AttendanceForm({ activityId, enrolments }: { activityId: string; enrolments: Enrolment[] }) {
  const { t } = useI18n();
  const [onDate, setOnDate] = useState(todayInOslo());
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [recorded, setRecorded] = useState<number | null>(null);
  const submit = useSubmit(['onDate', 'entries'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setRecorded(null);
    const result = await submit.run(() =>
      api.post<{ recorded: number }>(`/activities/${activityId}/attendance`, {
        onDate,
        entries: enrolments.map((e) => ({ enrolmentId: e.id, present: present[e.id] ?? false })),
      }),
    );
    if (result) setRecorded(result.recorded);
  };
  return (
    <section aria-labelledby="attendance-heading">
      <Heading level={2} data-size="md" id="attendance-heading">
        {t('activities.attendanceHeading')}
      </Heading>
      {enrolments.length === 0 ? (
        <Paragraph>{t('activities.noneEnrolled')}</Paragraph>
      ) : (
        <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="attendance-form">
          <ErrorSummary level={3} error={submit.error} />
          <Textfield
            type="date"
            label={t('activities.attendanceDate')}
            value={onDate}
            error={submit.fieldErrors.onDate}
            onChange={(e) => setOnDate(e.target.value)}
          />
          <Fieldset>
            <Fieldset.Legend>{t('activities.attendancePresent')}</Fieldset.Legend>
            {enrolments.map((e) => (
              <Checkbox
                key={e.id}
                label={e.person.name}
                checked={present[e.id] ?? false}
                onChange={(ev) => setPresent({ ...present, [e.id]: ev.target.checked })}
              />
            ))}
          </Fieldset>
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('activities.attendanceSave')}
            </Button>
          </div>
        </form>
      )}
      {recorded !== null && (
        <Alert data-color="success" data-testid="attendance-notice">
          {t('activities.attendanceSaved', { n: recorded })}
        </Alert>
      )}
    </section>
  );
}
