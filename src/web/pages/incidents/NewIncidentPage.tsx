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
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { addDays, formatDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page } from '../../types.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import { label } from './labels.ts';
import {
  type FacilityChoice,
  INCIDENT_TYPES,
  type Incident,
  KINDS,
  ROLES,
  type StaffChoice,
} from './types.ts';

type Hit = {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  facility: { name: string } | null;
};
type PersonDraft = {
  role: (typeof ROLES)[number];
  kind: (typeof KINDS)[number];
  personId?: string;
  staffId?: string;
  name?: string;
  display: string;
};
type ActionDraft = { description: string; owner: string; deadline: string };

const FIELDS = [
  'facilityId',
  'departmentId',
  'type',
  'occurredOn',
  'occurredTime',
  'place',
  'description',
  'immediateActions',
  'people',
] as const;

const nowTime = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());

/** Report an incident: time and place, what happened, who was involved, what was done and what follows. */
export function NewIncidentPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('incidents.form.heading'));
  const navigate = useNavigate();
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityChoice[] }>('/incidents/facilities', {}, signal),
    [],
  );
  const [form, setForm] = useState({
    facilityId: '',
    departmentId: '',
    type: 'violence',
    occurredOn: todayInOslo(),
    occurredTime: nowTime(),
    place: '',
    description: '',
    immediateActions: '',
    injury: false,
    weapon: false,
  });
  const facilityId = form.facilityId || facilities.data?.items[0]?.id || '';
  const facility = facilities.data?.items.find((f) => f.id === facilityId);
  const staff = useApi(
    facilityId
      ? (signal) => api.get<{ items: StaffChoice[] }>(`/incidents/facilities/${facilityId}/staff`, {}, signal)
      : null,
    [facilityId],
  );
  const [people, setPeople] = useState<PersonDraft[]>([]);
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() =>
      api.post<Incident>('/incidents', {
        ...form,
        facilityId,
        departmentId: form.departmentId || null,
        people: people.map(({ display: _, ...p }) => p),
        actions,
      }),
    );
    if (created) navigate(`/hendelser/${created.id}`);
  };
  const problems = submit.error instanceof ApiError ? submit.error.errors : [];

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('incidents.form.heading')}
      </Heading>
      <Paragraph>{t('incidents.form.intro')}</Paragraph>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="incident-form">
        {problems.length > 0 && (
          <Alert data-color="danger" role="alert">
            <Heading level={2} data-size="xs">
              {t('error.summaryHeading')}
            </Heading>
            <ListUnordered>
              {problems.map((p) => (
                <ListItem key={`${p.path}:${p.message}`}>{p.message}</ListItem>
              ))}
            </ListUnordered>
          </Alert>
        )}
        {submit.error !== undefined && problems.length === 0 && <ErrorAlert error={submit.error} />}
        <SelectField
          label={t('incidents.form.facility')}
          value={facilityId}
          error={submit.fieldErrors.facilityId}
          onChange={(id) => set({ facilityId: id, departmentId: '' })}
        >
          {facilities.data?.items.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('incidents.form.department')}
          value={form.departmentId}
          error={submit.fieldErrors.departmentId}
          onChange={(departmentId) => set({ departmentId })}
        >
          <option value="">{t('incidents.form.noDepartment')}</option>
          {facility?.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('incidents.form.type')}
          value={form.type}
          error={submit.fieldErrors.type}
          onChange={(type) => set({ type })}
        >
          {INCIDENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {label(t, 'incidents.type', type)}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          <Textfield
            type="date"
            label={t('incidents.form.date')}
            value={form.occurredOn}
            error={submit.fieldErrors.occurredOn}
            onChange={(e) => set({ occurredOn: e.target.value })}
          />
          <Textfield
            type="time"
            label={t('incidents.form.time')}
            value={form.occurredTime}
            error={submit.fieldErrors.occurredTime}
            onChange={(e) => set({ occurredTime: e.target.value })}
          />
        </div>
        <Textfield
          label={t('incidents.form.place')}
          value={form.place}
          error={submit.fieldErrors.place}
          onChange={(e) => set({ place: e.target.value })}
        />
        <Textfield
          multiline
          rows={3}
          label={t('incidents.form.description')}
          value={form.description}
          error={submit.fieldErrors.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <Textfield
          multiline
          rows={2}
          label={t('incidents.form.immediateActions')}
          value={form.immediateActions}
          error={submit.fieldErrors.immediateActions}
          onChange={(e) => set({ immediateActions: e.target.value })}
        />
        <Checkbox
          label={t('incidents.form.injury')}
          checked={form.injury}
          onChange={(e) => set({ injury: e.target.checked })}
        />
        <Checkbox
          label={t('incidents.form.weapon')}
          checked={form.weapon}
          onChange={(e) => set({ weapon: e.target.checked })}
        />

        <PeopleEditor
          people={people}
          staff={staff.data?.items ?? []}
          error={submit.fieldErrors.people}
          onAdd={(p) => setPeople((list) => [...list, p])}
          onRemove={(i) => setPeople((list) => list.filter((_, k) => k !== i))}
        />
        <ActionsEditor
          actions={actions}
          onAdd={(a) => setActions((list) => [...list, a])}
          onRemove={(i) => setActions((list) => list.filter((_, k) => k !== i))}
          describe={(a) =>
            t('incidents.form.actionLine', {
              description: a.description,
              owner: a.owner,
              deadline: formatDate(a.deadline, locale),
            })
          }
        />
        <div>
          <Button type="submit" disabled={submit.busy || !facilityId}>
            {t('incidents.form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function PeopleEditor({
  people,
  staff,
  error,
  onAdd,
  onRemove,
}: {
  people: PersonDraft[];
  staff: StaffChoice[];
  error: string | undefined;
  onAdd: (p: PersonDraft) => void;
  onRemove: (i: number) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [role, setRole] = useState<PersonDraft['role']>('assailant');
  const [kind, setKind] = useState<PersonDraft['kind']>('inmate');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [personId, setPersonId] = useState('');
  const [staffId, setStaffId] = useState('');
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const search = useSubmit(['q'] as const);

  const onSearch = async () => {
    const found = await search.run(() => api.get<Page<Hit>>('/people', { q, pageSize: 20 }));
    if (found) {
      setHits(found.items);
      setPersonId(found.items[0]?.id ?? '');
    }
  };
  const add = () => {
    const chosenStaff = staffId || staff[0]?.id || '';
    let draft: PersonDraft | null = null;
    if (kind === 'inmate' && personId) {
      const hit = hits.find((h) => h.id === personId);
      draft = { role, kind, personId, display: hit ? `${hit.givenName} ${hit.familyName}` : personId };
    } else if (kind === 'staff' && chosenStaff) {
      draft = {
        role,
        kind,
        staffId: chosenStaff,
        display: staff.find((s) => s.id === chosenStaff)?.name ?? chosenStaff,
      };
    } else if (kind === 'external' && name.trim())
      draft = { role, kind, name: name.trim(), display: name.trim() };
    setMissing(draft === null);
    if (draft) {
      onAdd(draft);
      setName('');
    }
  };

  return (
    <section aria-labelledby={headingId} className="section" data-testid="incident-people">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('incidents.form.peopleHeading')}
      </Heading>
      {error && (
        <Paragraph data-color="danger" role="alert">
          {error}
        </Paragraph>
      )}
      {people.length === 0 ? (
        <Paragraph data-size="sm">{t('incidents.form.noPeople')}</Paragraph>
      ) : (
        <ListUnordered>
          {people.map((p, i) => (
            <ListItem key={`${p.role}:${p.display}`}>
              {label(t, 'incidents.role', p.role)}: {p.display} ({label(t, 'incidents.kind', p.kind)}){' '}
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => onRemove(i)}>
                {t('incidents.form.remove', { name: p.display })}
              </Button>
            </ListItem>
          ))}
        </ListUnordered>
      )}
      <Fieldset>
        <Fieldset.Legend>{t('incidents.form.addPersonLegend')}</Fieldset.Legend>
        <div className="field-row">
          <SelectField
            label={t('incidents.form.role')}
            value={role}
            onChange={(v) => setRole(v as PersonDraft['role'])}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {label(t, 'incidents.role', r)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('incidents.form.kind')}
            value={kind}
            onChange={(v) => setKind(v as PersonDraft['kind'])}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {label(t, 'incidents.kind', k)}
              </option>
            ))}
          </SelectField>
        </div>
        {kind === 'inmate' && (
          <>
            <div className="field-row">
              <Textfield
                label={t('incidents.form.search')}
                value={q}
                error={search.fieldErrors.q}
                onChange={(e) => setQ(e.target.value)}
              />
              <div>
                <Button type="button" variant="secondary" onClick={onSearch} disabled={search.busy}>
                  {t('incidents.form.searchButton')}
                </Button>
              </div>
            </div>
            {search.formError !== undefined && <ErrorAlert error={search.formError} heading={false} />}
            {hits.length > 0 && (
              <SelectField label={t('incidents.form.inmate')} value={personId} onChange={setPersonId}>
                {hits.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.givenName} {h.familyName} ({h.birthDate}){h.facility ? `, ${h.facility.name}` : ''}
                  </option>
                ))}
              </SelectField>
            )}
          </>
        )}
        {kind === 'staff' && (
          <SelectField
            label={t('incidents.form.staffMember')}
            value={staffId || staff[0]?.id || ''}
            onChange={setStaffId}
          >
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.staffNumber})
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'external' && (
          <Textfield
            label={t('incidents.form.externalName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
        {missing && <Paragraph data-size="sm">{t('incidents.form.choosePerson')}</Paragraph>}
        <div>
          <Button type="button" variant="secondary" onClick={add}>
            {t('incidents.form.addPerson')}
          </Button>
        </div>
      </Fieldset>
    </section>
  );
}

function ActionsEditor({
  actions,
  onAdd,
  onRemove,
  describe,
}: {
  actions: ActionDraft[];
  onAdd: (a: ActionDraft) => void;
  onRemove: (i: number) => void;
  describe: (a: ActionDraft) => string;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [draft, setDraft] = useState<ActionDraft>({
    description: '',
    owner: '',
    deadline: addDays(todayInOslo(), 14),
  });
  const [missing, setMissing] = useState(false);
  const add = () => {
    const ok = draft.description.trim() !== '' && draft.owner.trim() !== '' && draft.deadline !== '';
    setMissing(!ok);
    if (!ok) return;
    onAdd({ ...draft, description: draft.description.trim(), owner: draft.owner.trim() });
    setDraft({ ...draft, description: '', owner: '' });
  };
  return (
    <section aria-labelledby={headingId} className="section" data-testid="incident-actions">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('incidents.form.actionsHeading')}
      </Heading>
      {actions.length === 0 ? (
        <Paragraph data-size="sm">{t('incidents.form.noActions')}</Paragraph>
      ) : (
        <ListUnordered>
          {actions.map((a, i) => (
            <ListItem key={`${a.description}:${a.owner}:${a.deadline}`}>
              {describe(a)}{' '}
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => onRemove(i)}>
                {t('incidents.form.remove', { name: a.description })}
              </Button>
            </ListItem>
          ))}
        </ListUnordered>
      )}
      <Fieldset>
        <Fieldset.Legend>{t('incidents.form.addActionLegend')}</Fieldset.Legend>
        <Textfield
          label={t('incidents.form.actionDescription')}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        <div className="field-row">
          <Textfield
            label={t('incidents.form.actionOwner')}
            value={draft.owner}
            onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
          />
          <Textfield
            type="date"
            label={t('incidents.form.actionDeadline')}
            value={draft.deadline}
            onChange={(e) => setDraft({ ...draft, deadline: e.target.value })}
          />
        </div>
        {missing && <Paragraph data-size="sm">{t('incidents.form.actionMissing')}</Paragraph>}
        <div>
          <Button type="button" variant="secondary" onClick={add}>
            {t('incidents.form.addAction')}
          </Button>
        </div>
      </Fieldset>
    </section>
  );
}
