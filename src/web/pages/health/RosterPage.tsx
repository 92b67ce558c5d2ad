import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { addDays, formatDate, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { FacilityPicker, useFacilities } from './FacilityPicker.tsx';
import { flagLabel, shiftLabel } from './labels.ts';
import type { Roster, RosterEntry, Shift } from './types.ts';

const SHIFTS: Shift[] = ['day', 'evening', 'night'];
const FIELDS = ['staffId', 'departmentId', 'onDate', 'shift'] as const;

function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The staff roster of a facility, a week at a time: flagged shifts marked, add and remove. */
export function RosterPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('roster.title'));
  const headingId = useId();
  const facilities = useFacilities();
  const [facilityId, setFacilityId] = useState('');
  const [week, setWeek] = useState(mondayOf(todayInOslo()));
  const [notice, setNotice] = useState('');
  const remove = useSubmit([] as const);
  const first = facilities.data?.items[0]?.id;
  useEffect(() => {
    if (!facilityId && first) setFacilityId(first);
  }, [facilityId, first]);
  const to = addDays(week, 6);
  const roster = useApi(
    facilityId
      ? (signal) => api.get<Roster>(`/facilities/${facilityId}/roster`, { from: week, to }, signal)
      : null,
    [facilityId, week],
  );

  const onRemove = async (e: RosterEntry) => {
    setNotice('');
    const done = await remove.run(async () => {
      await api.delete(`/roster/${e.id}`);
      return true;
    });
    if (done) {
      setNotice(t('roster.removed'));
      roster.reload();
    }
  };

  const data = roster.data;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('roster.title')}
      </Heading>
      <Paragraph>{t('roster.intro')}</Paragraph>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      <div className="form field-row">
        <FacilityPicker
          facilities={facilities.data?.items ?? []}
          value={facilityId}
          onChange={setFacilityId}
        />
        <Textfield
          type="date"
          label={t('roster.week')}
          value={week}
          onChange={(e) => isIsoDate(e.target.value) && setWeek(mondayOf(e.target.value))}
        />
      </div>
      {roster.error !== undefined && <ErrorAlert error={roster.error} />}
      {roster.loading && !data && <Loading />}
      {data && (
        <section aria-labelledby={headingId} className="section">
          <Heading level={2} data-size="md" id={headingId}>
            {data.facility.name}
          </Heading>
          <Paragraph>{t(`roster.measure.${data.oneDepartmentLevel ?? 'none'}` as MessageKey)}</Paragraph>
          {notice && (
            <Alert data-color="success" role="status">
              <Paragraph>{notice}</Paragraph>
            </Alert>
          )}
          {remove.error !== undefined && <ErrorAlert error={remove.error} />}
          {data.items.length === 0 && <Paragraph>{t('roster.none')}</Paragraph>}
          {data.items.length > 0 && (
            <div className="table-scroll">
              <Table border zebra data-testid="roster-table">
                <caption>
                  {t('roster.caption', { name: data.facility.name, from: formatDate(data.from, locale) })}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('roster.col.date')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('roster.col.shift')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('roster.col.department')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('roster.col.staff')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('roster.col.flag')}</Table.HeaderCell>
                    {can('roster.manage') && <Table.HeaderCell>{t('roster.col.actions')}</Table.HeaderCell>}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((e) => (
                    <Table.Row key={e.id}>
                      <Table.Cell>{formatDate(e.onDate, locale)}</Table.Cell>
                      <Table.Cell>{shiftLabel(t, e.shift)}</Table.Cell>
                      <Table.Cell>{e.department.name}</Table.Cell>
                      <Table.Cell>
                        {e.staff.name} ({e.staff.staffNumber})
                      </Table.Cell>
                      <Table.Cell>
                        {e.flag && <Tag data-color="warning">{flagLabel(t, e.flag)}</Tag>}
                      </Table.Cell>
                      {can('roster.manage') && (
                        <Table.Cell>
                          <Button
                            variant="secondary"
                            data-size="sm"
                            data-color="danger"
                            aria-label={t('roster.removeLabel', {
                              name: e.staff.name,
                              date: formatDate(e.onDate, locale),
                            })}
                            onClick={() => onRemove(e)}
                            disabled={remove.busy}
                          >
                            {t('roster.remove')}
                          </Button>
                        </Table.Cell>
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {can('roster.manage') && <AddShift roster={data} onAdded={roster.reload} />}
        </section>
      )}
    </>
  );
}

function AddShift({ roster, onAdded }: { roster: Roster; onAdded: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const [form, setForm] = useState({ staffId: '', departmentId: '', onDate: roster.from, shift: 'day' });
  const [missing, setMissing] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [notice, setNotice] = useState('');
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const error = (f: (typeof FIELDS)[number]) => missing[f] ?? submit.fieldErrors[f];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const errors: typeof missing = {};
    if (!form.staffId) errors.staffId = t('health.required');
    if (!form.departmentId) errors.departmentId = t('health.required');
    if (!isIsoDate(form.onDate)) errors.onDate = t('health.required');
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const added = await submit.run(() => api.post<RosterEntry>('/roster', form));
    if (added) {
      setNotice(
        added.flag ? t('roster.addedFlagged', { flag: flagLabel(t, added.flag) }) : t('roster.added'),
      );
      onAdded();
    }
  };

  return (
    <form className="form narrow" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('roster.addHeading')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {submit.formError !== undefined && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorMessage(submit.formError, t)}</Paragraph>
        </Alert>
      )}
      <SelectField
        label={t('roster.staff')}
        value={form.staffId}
        onChange={(v) => set({ staffId: v })}
        error={error('staffId')}
      >
        <option value="">{t('roster.choose')}</option>
        {roster.staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.staffNumber})
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('roster.department')}
        value={form.departmentId}
        onChange={(v) => set({ departmentId: v })}
        error={error('departmentId')}
      >
        <option value="">{t('roster.choose')}</option>
        {roster.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <Textfield
          type="date"
          label={t('roster.date')}
          value={form.onDate}
          onChange={(e) => set({ onDate: e.target.value })}
          error={error('onDate')}
          required
        />
        <SelectField
          label={t('roster.shift')}
          value={form.shift}
          onChange={(v) => set({ shift: v })}
          error={error('shift')}
        >
          {SHIFTS.map((s) => (
            <option key={s} value={s}>
              {shiftLabel(t, s)}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Button type="submit" loading={submit.busy}>
          {t('roster.add')}
        </Button>
      </div>
    </form>
  );
}
