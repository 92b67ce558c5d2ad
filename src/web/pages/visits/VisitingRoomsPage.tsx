import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { label } from './labels.ts';
import type { FacilityRef, Room, Rooms } from './types.ts';

const KINDS = ['ordinary', 'supervised', 'glass_wall', 'child_friendly', 'video', 'official', 'media'];

/** Besøksrom: the prison's own staff keep rooms, weekly visiting times and closed days. */
export function VisitingRoomsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('rooms.title'));
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityRef[] }>('/visits/facilities', {}, signal),
    [],
  );
  const [facilityId, setFacilityId] = useState('');
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    const first = facilities.data?.items[0]?.id;
    if (first && !facilityId) setFacilityId(first);
  }, [facilities.data, facilityId]);
  const rooms = useApi(
    facilityId ? (signal) => api.get<Rooms>(`/facilities/${facilityId}/visiting-rooms`, {}, signal) : null,
    [facilityId, generation],
  );
  const saved = () => {
    setNotice(t('rooms.saved'));
    setGeneration((n) => n + 1);
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('rooms.title')}
      </Heading>
      <Paragraph>{t('rooms.intro')}</Paragraph>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      <div className="narrow">
        <SelectField label={t('visits.facility')} value={facilityId} onChange={setFacilityId}>
          <option value="">{t('visits.chooseFacility')}</option>
          {(facilities.data?.items ?? []).map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
      </div>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {rooms.error !== undefined && <ErrorAlert error={rooms.error} />}
      {rooms.loading && !rooms.data && <Loading />}
      {rooms.data && (
        <>
          <RoomTable data={rooms.data} onSaved={saved} />
          <RoomForm facilityId={rooms.data.facility.id} onSaved={saved} />
          <TemplateForm rooms={rooms.data.rooms} onSaved={saved} />
          <Closures data={rooms.data} onSaved={saved} />
        </>
      )}
    </>
  );
}

function RoomTable({ data, onSaved }: { data: Rooms; onSaved: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const submit = useSubmit([] as const);
  const removeTime = async (room: Room, templateId: string) => {
    const done = await submit.run(() => api.delete(`/visiting-rooms/${room.id}/templates/${templateId}`));
    if (done) onSaved();
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('rooms.roomsHeading')}
      </Heading>
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
      {data.rooms.length === 0 ? (
        <Paragraph>{t('rooms.none')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table border zebra data-testid="rooms-table">
            <caption>{t('rooms.caption', { facility: data.facility.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('rooms.col.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.col.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.col.capacity')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.col.active')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.col.times')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.rooms.map((room) => (
                <Table.Row key={room.id}>
                  <Table.Cell>{room.name}</Table.Cell>
                  <Table.Cell>{label(t, 'visits.roomKind', room.kind)}</Table.Cell>
                  <Table.Cell>{room.capacity}</Table.Cell>
                  <Table.Cell>{room.active ? t('visits.yes') : t('visits.no')}</Table.Cell>
                  <Table.Cell>
                    <ul className="plain-list">
                      {room.templates.map((tpl) => {
                        const time = `${label(t, 'rooms.weekday', String(tpl.weekday))} ${tpl.startTime}–${tpl.endTime} (${tpl.capacity})`;
                        return (
                          <li key={tpl.id}>
                            {time}{' '}
                            {data.manageable && (
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t('rooms.removeTime', { time })}
                                onClick={() => removeTime(room, tpl.id)}
                                disabled={submit.busy}
                              >
                                ×
                              </Button>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function RoomForm({ facilityId, onSaved }: { facilityId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const [form, setForm] = useState({ name: '', kind: 'ordinary', capacity: '4' });
  const submit = useSubmit(['name', 'kind', 'capacity'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post(`/facilities/${facilityId}/visiting-rooms`, {
        name: form.name,
        kind: form.kind,
        capacity: Number(form.capacity),
      }),
    );
    if (done) {
      setForm({ name: '', kind: 'ordinary', capacity: '4' });
      onSaved();
    }
  };
  return (
    <form className="form section" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('rooms.newRoom')}
      </Heading>
      <div className="field-row">
        <Textfield
          label={t('rooms.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={submit.fieldErrors.name}
        />
        <SelectField
          label={t('rooms.kind')}
          value={form.kind}
          onChange={(v) => setForm({ ...form, kind: v })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {label(t, 'visits.roomKind', k)}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="number"
          min={1}
          label={t('rooms.capacity')}
          value={form.capacity}
          onChange={(e) => setForm({ ...form, capacity: e.target.value })}
          error={submit.fieldErrors.capacity}
        />
      </div>
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      <div>
        <Button type="submit" disabled={submit.busy}>
          {t('rooms.addRoom')}
        </Button>
      </div>
    </form>
  );
}

function TemplateForm({ rooms, onSaved }: { rooms: Room[]; onSaved: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const [form, setForm] = useState({
    roomId: '',
    weekday: '1',
    startTime: '10:00',
    endTime: '11:00',
    capacity: '2',
  });
  const submit = useSubmit(['startTime', 'endTime', 'capacity', 'weekday'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.roomId) return;
    const done = await submit.run(() =>
      api.post(`/visiting-rooms/${form.roomId}/templates`, {
        weekday: Number(form.weekday),
        startTime: form.startTime,
        endTime: form.endTime,
        capacity: Number(form.capacity),
      }),
    );
    if (done) onSaved();
  };
  return (
    <form className="form section" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('rooms.newTime')}
      </Heading>
      <div className="field-row">
        <SelectField
          label={t('rooms.room')}
          value={form.roomId}
          onChange={(v) => setForm({ ...form, roomId: v })}
        >
          <option value="">{t('rooms.chooseRoom')}</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('rooms.weekday')}
          value={form.weekday}
          onChange={(v) => setForm({ ...form, weekday: v })}
        >
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <option key={d} value={String(d)}>
              {label(t, 'rooms.weekday', String(d))}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="time"
          label={t('rooms.start')}
          value={form.startTime}
          onChange={(e) => setForm({ ...form, startTime: e.target.value })}
          error={submit.fieldErrors.startTime}
        />
        <Textfield
          type="time"
          label={t('rooms.end')}
          value={form.endTime}
          onChange={(e) => setForm({ ...form, endTime: e.target.value })}
          error={submit.fieldErrors.endTime}
        />
        <Textfield
          type="number"
          min={1}
          label={t('rooms.places')}
          value={form.capacity}
          onChange={(e) => setForm({ ...form, capacity: e.target.value })}
          error={submit.fieldErrors.capacity}
        />
      </div>
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      <div>
        <Button type="submit" disabled={submit.busy || !form.roomId}>
          {t('rooms.addTime')}
        </Button>
      </div>
    </form>
  );
}

function Closures({ data, onSaved }: { data: Rooms; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const formId = useId();
  const today = todayInOslo();
  const [form, setForm] = useState({ roomId: '', fromDate: today, toDate: today, reason: '' });
  const submit = useSubmit(['fromDate', 'toDate', 'reason', 'roomId'] as const);
  const remove = useSubmit([] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post(`/facilities/${data.facility.id}/visit-closures`, { ...form, roomId: form.roomId || null }),
    );
    if (done) {
      setForm({ ...form, reason: '' });
      onSaved();
    }
  };
  const reopen = async (id: string) => {
    const done = await remove.run(() => api.delete(`/facilities/${data.facility.id}/visit-closures/${id}`));
    if (done) onSaved();
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('rooms.closuresHeading')}
      </Heading>
      {remove.error !== undefined && <ErrorAlert error={remove.error} />}
      {data.closures.length === 0 ? (
        <Paragraph>{t('rooms.noClosures')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table border zebra data-testid="closures-table">
            <caption>{t('rooms.closuresCaption', { facility: data.facility.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('rooms.col.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.room')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.col.reason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rooms.col.by')}</Table.HeaderCell>
                {data.manageable && <Table.HeaderCell>{t('visitors.col.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.closures.map((c) => {
                const from = formatDate(c.fromDate, locale);
                const to = formatDate(c.toDate, locale);
                return (
                  <Table.Row key={c.id}>
                    <Table.Cell>{from === to ? from : `${from}–${to}`}</Table.Cell>
                    <Table.Cell>{c.roomName ?? t('rooms.allRooms')}</Table.Cell>
                    <Table.Cell>{c.reason}</Table.Cell>
                    <Table.Cell>{c.createdBy}</Table.Cell>
                    {data.manageable && (
                      <Table.Cell>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          aria-label={t('rooms.reopenLabel', { from, to })}
                          onClick={() => reopen(c.id)}
                          disabled={remove.busy}
                        >
                          {t('rooms.reopen')}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {data.manageable && (
        <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={formId}>
          <Heading level={3} data-size="sm" id={formId}>
            {t('rooms.newClosure')}
          </Heading>
          <div className="field-row">
            <SelectField
              label={t('rooms.room')}
              value={form.roomId}
              onChange={(v) => setForm({ ...form, roomId: v })}
              error={submit.fieldErrors.roomId}
            >
              <option value="">{t('rooms.allRooms')}</option>
              {data.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </SelectField>
            <Textfield
              type="date"
              label={t('rooms.from')}
              value={form.fromDate}
              onChange={(e) => setForm({ ...form, fromDate: e.target.value })}
              error={submit.fieldErrors.fromDate}
            />
            <Textfield
              type="date"
              label={t('rooms.to')}
              value={form.toDate}
              onChange={(e) => setForm({ ...form, toDate: e.target.value })}
              error={submit.fieldErrors.toDate}
            />
            <Textfield
              label={t('rooms.reason')}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
              error={submit.fieldErrors.reason}
            />
          </div>
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('rooms.close')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
