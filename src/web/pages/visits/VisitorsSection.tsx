import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { label } from './labels.ts';
import { ReviewNote } from './ReviewSection.tsx';
import type { Visit, Visitor, Visitors } from './types.ts';

const RELATIONS = ['spouse', 'partner', 'child', 'parent', 'sibling', 'other_family', 'friend', 'other'];
const POLICE = ['not_requested', 'requested', 'clear', 'remarks'];

/** The person page's visitors and visits: applications, decisions, bookings and cancellations. */
export function VisitorsSection({ personId, name }: { personId: string; name: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState('');
  const reload = (message: string) => {
    setNotice(message);
    setGeneration((n) => n + 1);
  };
  const data = useApi(
    (signal) => api.get<Visitors>(`/people/${personId}/visitors`, {}, signal),
    [personId, generation],
  );
  return (
    <section aria-labelledby={headingId} className="section" data-testid="visitors-section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('visitors.heading')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <Paragraph>
            {t('visitors.places', { used: data.data.placesUsed, max: data.data.maxPlaces })}
          </Paragraph>
          {data.data.restriction && data.data.restriction.kind !== 'none' && (
            <Alert data-color="warning">
              <Paragraph>
                {t('visitors.restriction', {
                  kind: label(t, 'visitors.restrictionKind', data.data.restriction.kind),
                  reason: data.data.restriction.reason,
                })}
              </Paragraph>
            </Alert>
          )}
          <VisitorTable
            personId={personId}
            name={name}
            visitors={data.data.visitors}
            onDecided={() => reload(t('visitors.decided'))}
          />
          {can('visits.book') && (
            <Paragraph>
              <AppLink to={`/besok?person=${personId}`}>{t('visitors.book')}</AppLink>
            </Paragraph>
          )}
          {can('visits.book') && (
            <ApplyForm personId={personId} onApplied={() => reload(t('visitors.applied'))} />
          )}
        </>
      )}
      <VisitList personId={personId} name={name} generation={generation} onChanged={reload} />
    </section>
  );
}

function VisitorTable({
  personId,
  name,
  visitors,
  onDecided,
}: {
  personId: string;
  name: string;
  visitors: Visitor[];
  onDecided: () => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const submit = useSubmit(['reason'] as const);
  const decide = async (v: Visitor, decision: 'approved' | 'refused') => {
    const done = await submit.run(() =>
      api.post<Visitors>(`/people/${personId}/visitors/${v.id}/decision`, {
        version: v.version,
        decision,
        reason: reasons[v.id] || undefined,
      }),
    );
    if (done) onDecided();
  };
  if (visitors.length === 0) return <Paragraph>{t('visitors.none')}</Paragraph>;
  return (
    <>
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
      <div className="table-scroll">
        <Table border zebra data-testid="visitors-table">
          <caption>{t('visitors.caption', { name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('visitors.col.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visitors.col.relation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visitors.col.municipality')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visitors.col.police')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visitors.col.status')}</Table.HeaderCell>
              {can('visits.decide') && <Table.HeaderCell>{t('visitors.col.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {visitors.map((v) => (
              <Table.Row key={v.id}>
                <Table.Cell>{v.name}</Table.Cell>
                <Table.Cell>
                  {label(t, 'visitors.relation', v.relation)}
                  {v.minor ? ` (${t('visitors.child')})` : ''}
                </Table.Cell>
                <Table.Cell>{v.homeMunicipality}</Table.Cell>
                <Table.Cell>
                  {label(t, 'visitors.police', v.policeCheck)}
                  {v.policeCheckDate ? `, ${formatDate(v.policeCheckDate, locale)}` : ''}
                </Table.Cell>
                <Table.Cell>
                  <Tag
                    data-color={
                      v.status === 'approved' ? 'success' : v.status === 'refused' ? 'danger' : 'neutral'
                    }
                  >
                    {label(t, 'visitors.status', v.status)}
                  </Tag>
                  {v.decisionReason ? ` ${v.decisionReason}` : ''}
                </Table.Cell>
                {can('visits.decide') && (
                  <Table.Cell>
                    {v.status === 'applied' && (
                      <div className="field-row">
                        <Textfield
                          label={t('visitors.refuseReason', { name: v.name })}
                          data-size="sm"
                          value={reasons[v.id] ?? ''}
                          onChange={(e) => setReasons({ ...reasons, [v.id]: e.target.value })}
                        />
                        <Button
                          data-size="sm"
                          aria-label={t('visitors.approveLabel', { name: v.name })}
                          onClick={() => decide(v, 'approved')}
                          disabled={submit.busy}
                        >
                          {t('visitors.approve')}
                        </Button>
                        <Button
                          data-size="sm"
                          variant="secondary"
                          data-color="danger"
                          aria-label={t('visitors.refuseLabel', { name: v.name })}
                          onClick={() => decide(v, 'refused')}
                          disabled={submit.busy}
                        >
                          {t('visitors.refuse')}
                        </Button>
                      </div>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}

function ApplyForm({ personId, onApplied }: { personId: string; onApplied: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const empty = {
    name: '',
    relation: 'spouse',
    birthDate: '',
    minor: false,
    homeMunicipality: '',
    publicTransport: false,
    policeCheck: 'not_requested',
    policeCheckDate: '',
  };
  const [form, setForm] = useState(empty);
  const submit = useSubmit(['name', 'relation', 'birthDate', 'homeMunicipality', 'policeCheckDate'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post(`/people/${personId}/visitors`, {
        ...form,
        birthDate: form.birthDate || null,
        policeCheckDate: form.policeCheckDate || null,
      }),
    );
    if (done) {
      setForm(empty);
      onApplied();
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('visitors.applyHeading')}
      </Heading>
      <div className="field-row">
        <Textfield
          label={t('visitors.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={submit.fieldErrors.name}
        />
        <SelectField
          label={t('visitors.relation')}
          value={form.relation}
          onChange={(value) => setForm({ ...form, relation: value })}
          error={submit.fieldErrors.relation}
        >
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {label(t, 'visitors.relation', r)}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="date"
          label={t('visitors.birthDate')}
          value={form.birthDate}
          onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
          error={submit.fieldErrors.birthDate}
        />
        <Textfield
          label={t('visitors.homeMunicipality')}
          value={form.homeMunicipality}
          onChange={(e) => setForm({ ...form, homeMunicipality: e.target.value })}
          error={submit.fieldErrors.homeMunicipality}
        />
      </div>
      <div className="field-row">
        <Checkbox
          label={t('visitors.minor')}
          checked={form.minor}
          onChange={(e) => setForm({ ...form, minor: e.target.checked })}
        />
        <Checkbox
          label={t('visitors.publicTransport')}
          checked={form.publicTransport}
          onChange={(e) => setForm({ ...form, publicTransport: e.target.checked })}
        />
        <SelectField
          label={t('visitors.policeCheck')}
          value={form.policeCheck}
          onChange={(value) => setForm({ ...form, policeCheck: value })}
        >
          {POLICE.map((p) => (
            <option key={p} value={p}>
              {label(t, 'visitors.police', p)}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="date"
          label={t('visitors.policeCheckDate')}
          value={form.policeCheckDate}
          onChange={(e) => setForm({ ...form, policeCheckDate: e.target.value })}
          error={submit.fieldErrors.policeCheckDate}
        />
      </div>
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      <div>
        <Button type="submit" disabled={submit.busy}>
          {t('visitors.apply')}
        </Button>
      </div>
    </form>
  );
}

function VisitList({
  personId,
  name,
  generation,
  onChanged,
}: {
  personId: string;
  name: string;
  generation: number;
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const visits = useApi(
    (signal) => api.get<{ items: Visit[] }>(`/people/${personId}/visits`, {}, signal),
    [personId, generation],
  );
  const submit = useSubmit([] as const);
  const cancel = async (v: Visit) => {
    const done = await submit.run(() =>
      api.post(`/people/${personId}/visits/${v.id}/cancel`, { version: v.version }),
    );
    if (done) onChanged(t('visitors.cancelled'));
  };
  return (
    <>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('visitors.visitsHeading')}
      </Heading>
      {visits.error !== undefined && <ErrorAlert error={visits.error} />}
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
      {visits.data && visits.data.items.length === 0 && <Paragraph>{t('visitors.noVisits')}</Paragraph>}
      {visits.data && visits.data.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra data-testid="visits-table">
            <caption>{t('visitors.visitsCaption', { name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('visitors.col.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visitors.col.room')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visitors.col.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visitors.col.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visitors.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visits.review.col.review')}</Table.HeaderCell>
                {can('visits.book') && <Table.HeaderCell>{t('visitors.col.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {visits.data.items.map((v) => (
                <Table.Row key={v.id}>
                  <Table.Cell>
                    {formatDate(v.date, locale)} {v.startTime}–{v.endTime}
                  </Table.Cell>
                  <Table.Cell>
                    {v.room.name} ({label(t, 'visits.roomKind', v.room.kind)})
                  </Table.Cell>
                  <Table.Cell>{v.externalVisitor ?? v.visitors.map((x) => x.name).join(', ')}</Table.Cell>
                  <Table.Cell>
                    {v.outcome ? label(t, 'visits.outcome', v.outcome) : ''}
                    {v.conditions.length > 0
                      ? ` (${v.conditions.map((c) => label(t, 'visits.condition', c)).join(', ')})`
                      : ''}
                    {v.justification ? ` – ${v.justification}` : ''}
                  </Table.Cell>
                  <Table.Cell>
                    {label(t, 'visits.status', v.status)}
                    {v.cancelReason ? `: ${v.cancelReason}` : ''}
                  </Table.Cell>
                  <Table.Cell>
                    <ReviewNote visit={v} />
                  </Table.Cell>
                  {can('visits.book') && (
                    <Table.Cell>
                      {v.status === 'booked' && (
                        <Button
                          data-size="sm"
                          variant="secondary"
                          aria-label={t('visitors.cancelLabel', {
                            date: formatDate(v.date, locale),
                            time: v.startTime,
                          })}
                          onClick={() => cancel(v)}
                          disabled={submit.busy}
                        >
                          {t('visitors.cancel')}
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
