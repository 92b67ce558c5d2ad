import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page, PersonHit } from '../../types.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import { factorValue, label } from './labels.ts';
import { ReviewSection } from './ReviewSection.tsx';
import type { Assessment, Condition, FacilityRef, Outcome, Slot, Slots, Visit, Visitors } from './types.ts';

type SlotRef = { roomId: string; date: string; startTime: string; roomName: string };
const OUTCOMES: Outcome[] = ['grant', 'grant_with_conditions', 'video_instead', 'refuse'];
const CONDITIONS: Condition[] = ['glass_wall', 'distance'];

/** Besøk: free visiting times per prison and date, and the booking of a visit with its assessment. */
export function VisitsPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  useDocumentTitle(t('visits.title'));
  const [params] = useSearchParams();
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityRef[] }>('/visits/facilities', {}, signal),
    [],
  );
  const [draft, setDraft] = useState({ facilityId: '', date: todayInOslo() });
  const [shown, setShown] = useState(draft);
  const [generation, setGeneration] = useState(0);

  // The first prison in scope is shown at once.
  useEffect(() => {
    const first = facilities.data?.items[0]?.id;
    if (first && !shown.facilityId) {
      setDraft((d) => ({ ...d, facilityId: first }));
      setShown((s) => ({ ...s, facilityId: first }));
    }
  }, [facilities.data, shown.facilityId]);

  const slots = useApi(
    shown.facilityId
      ? (signal) =>
          api.get<Slots>(`/facilities/${shown.facilityId}/visit-slots`, { date: shown.date }, signal)
      : null,
    [shown.facilityId, shown.date, generation],
  );
  const onShow = (event: FormEvent) => {
    event.preventDefault();
    if (draft.facilityId && isIsoDate(draft.date)) setShown(draft);
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('visits.title')}
      </Heading>
      <Paragraph>{t('visits.intro')}</Paragraph>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      <form className="form field-row" onSubmit={onShow} noValidate>
        <SelectField
          label={t('visits.facility')}
          value={draft.facilityId}
          onChange={(value) => setDraft({ ...draft, facilityId: value })}
        >
          <option value="">{t('visits.chooseFacility')}</option>
          {(facilities.data?.items ?? []).map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="date"
          label={t('visits.date')}
          value={draft.date}
          onChange={(e) => setDraft({ ...draft, date: e.target.value })}
        />
        <div>
          <Button type="submit">{t('visits.show')}</Button>
        </div>
      </form>
      {slots.error !== undefined && <ErrorAlert error={slots.error} />}
      {slots.loading && !slots.data && <Loading />}
      {slots.data && <SlotTable data={slots.data} />}
      {shown.facilityId && (
        <ReviewSection key={`${shown.facilityId} ${generation}`} facilityId={shown.facilityId} />
      )}
      {can('visits.book') && slots.data && (
        <BookVisit
          key={`${shown.facilityId} ${shown.date}`}
          slots={slots.data.slots}
          initialPersonId={params.get('person') ?? ''}
          onBooked={() => setGeneration((n) => n + 1)}
          locale={locale}
        />
      )}
    </>
  );
}

function SlotTable({ data }: { data: Slots }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const date = formatDate(data.date, locale);
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('visits.slotsHeading', { date })}
      </Heading>
      {data.slots.length === 0 ? (
        <Paragraph>{t('visits.noSlots')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table border zebra data-testid="visit-slots">
            <caption>{t('visits.slotsCaption', { facility: data.facility.name, date })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('visits.col.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visits.col.room')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visits.col.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visits.col.free')}</Table.HeaderCell>
                <Table.HeaderCell>{t('visits.col.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.slots.map((s) => (
                <Table.Row key={`${s.roomId} ${s.startTime}`}>
                  <Table.Cell>
                    {s.startTime}–{s.endTime}
                  </Table.Cell>
                  <Table.Cell>{s.roomName}</Table.Cell>
                  <Table.Cell>{label(t, 'visits.roomKind', s.roomKind)}</Table.Cell>
                  <Table.Cell>{t('visits.freeOf', { free: s.free, capacity: s.capacity })}</Table.Cell>
                  <Table.Cell>
                    {s.closed ? (
                      <Tag data-color="danger">{t('visits.closed', { reason: s.closedReason ?? '' })}</Tag>
                    ) : s.free <= 0 ? (
                      <Tag data-color="warning">{t('visits.full')}</Tag>
                    ) : (
                      <Tag data-color="success">{t('visits.open')}</Tag>
                    )}
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

function BookVisit({
  slots,
  initialPersonId,
  onBooked,
  locale,
}: {
  slots: Slot[];
  initialPersonId: string;
  onBooked: () => void;
  locale: 'nb' | 'en';
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [personId, setPersonId] = useState(initialPersonId);
  const [kind, setKind] = useState<'ordinary' | 'official' | 'media'>('ordinary');
  const [visitorIds, setVisitorIds] = useState<string[]>([]);
  const [external, setExternal] = useState('');
  const [slot, setSlot] = useState<SlotRef | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [booked, setBooked] = useState<Visit | null>(null);
  const assess = useSubmit(['visitorIds', 'externalVisitor'] as const);

  const hits = useApi(
    searched ? (signal) => api.get<Page<PersonHit>>('/people', { q: searched, pageSize: 20 }, signal) : null,
    [searched],
  );
  const visitors = useApi(
    personId ? (signal) => api.get<Visitors>(`/people/${personId}/visitors`, {}, signal) : null,
    [personId],
  );
  const approved = (visitors.data?.visitors ?? []).filter((v) => v.status === 'approved');
  const open = slots.filter((s) => !s.closed && s.free > 0);
  const request = () =>
    slot && {
      kind,
      visitorIds: kind === 'ordinary' ? visitorIds : [],
      externalVisitor: kind === 'ordinary' ? undefined : external,
      roomId: slot.roomId,
      date: slot.date,
      startTime: slot.startTime,
    };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearched(query.trim());
  };
  const onAssess = async (event: FormEvent) => {
    event.preventDefault();
    setBooked(null);
    const body = request();
    if (!personId || !body) return;
    const result = await assess.run(() =>
      api.post<Assessment>(`/people/${personId}/visits/assessment`, body),
    );
    setAssessment(result ?? null);
  };
  const chooseOffer = (offer: Slot) => {
    setSlot({ roomId: offer.roomId, date: offer.date, startTime: offer.startTime, roomName: offer.roomName });
    setAssessment(null);
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('visits.bookHeading')}
      </Heading>
      {booked && (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t('visits.booked', {
              outcome: label(t, 'visits.outcome', booked.outcome ?? 'grant'),
              date: formatDate(booked.date, locale),
              time: booked.startTime,
              room: booked.room.name,
            })}
          </Paragraph>
        </Alert>
      )}
      <form className="form field-row" onSubmit={onSearch} noValidate>
        <Textfield
          label={t('visits.inmateSearch')}
          description={t('visits.inmateSearchHelp')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t('visits.search')}
          </Button>
        </div>
      </form>
      {hits.error !== undefined && <ErrorAlert error={hits.error} />}
      {hits.data && hits.data.items.length === 0 && <Paragraph>{t('visits.noInmates')}</Paragraph>}
      {hits.data && hits.data.items.length > 0 && (
        <SelectField
          label={t('visits.chooseInmate')}
          value={personId}
          onChange={(value) => {
            setPersonId(value);
            setVisitorIds([]);
            setAssessment(null);
          }}
        >
          <option value="">{t('visits.chooseInmate')}</option>
          {hits.data.items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.givenName} {p.familyName} ({formatDate(p.birthDate, locale)})
              {p.facility ? `, ${p.facility.name}` : ''}
            </option>
          ))}
        </SelectField>
      )}
      {visitors.error !== undefined && <ErrorAlert error={visitors.error} />}
      {personId && visitors.data && (
        <form className="form" onSubmit={onAssess} noValidate>
          <SelectField
            label={t('visits.kind')}
            value={kind}
            onChange={(value) => {
              setKind(value as typeof kind);
              setAssessment(null);
            }}
          >
            {(['ordinary', 'official', 'media'] as const).map((k) => (
              <option key={k} value={k}>
                {label(t, 'visits.visitKind', k)}
              </option>
            ))}
          </SelectField>
          {kind === 'ordinary' ? (
            <Fieldset>
              <Fieldset.Legend>{t('visits.visitors')}</Fieldset.Legend>
              {approved.length === 0 && <Fieldset.Description>{t('visits.noApproved')}</Fieldset.Description>}
              {approved.map((v) => (
                <Checkbox
                  key={v.id}
                  label={`${v.name} (${label(t, 'visitors.relation', v.relation)}${v.minor ? `, ${t('visitors.child')}` : ''}, ${v.homeMunicipality})`}
                  value={v.id}
                  checked={visitorIds.includes(v.id)}
                  onChange={(e) => {
                    setAssessment(null);
                    setVisitorIds(
                      e.target.checked ? [...visitorIds, v.id] : visitorIds.filter((x) => x !== v.id),
                    );
                  }}
                />
              ))}
              {assess.fieldErrors.visitorIds && (
                <ValidationMessage>{assess.fieldErrors.visitorIds}</ValidationMessage>
              )}
            </Fieldset>
          ) : (
            <Textfield
              label={t('visits.externalVisitor')}
              value={external}
              onChange={(e) => setExternal(e.target.value)}
              error={assess.fieldErrors.externalVisitor}
            />
          )}
          <SelectField
            label={t('visits.slot')}
            value={slot ? `${slot.roomId}|${slot.date}|${slot.startTime}` : ''}
            onChange={(value) => {
              const s = open.find((x) => `${x.roomId}|${x.date}|${x.startTime}` === value);
              setSlot(
                s ? { roomId: s.roomId, date: s.date, startTime: s.startTime, roomName: s.roomName } : null,
              );
              setAssessment(null);
            }}
          >
            <option value="">{t('visits.chooseSlot')}</option>
            {slot &&
              !open.some(
                (s) => s.roomId === slot.roomId && s.date === slot.date && s.startTime === slot.startTime,
              ) && (
                <option value={`${slot.roomId}|${slot.date}|${slot.startTime}`}>
                  {formatDate(slot.date, locale)} {slot.startTime} – {slot.roomName}
                </option>
              )}
            {open.map((s) => (
              <option key={`${s.roomId}|${s.startTime}`} value={`${s.roomId}|${s.date}|${s.startTime}`}>
                {t('visits.slotOption', { time: s.startTime, room: s.roomName, free: s.free })}
              </option>
            ))}
          </SelectField>
          {assess.formError !== undefined && <ErrorAlert error={assess.formError} />}
          <div>
            <Button type="submit" disabled={!slot || assess.busy}>
              {t('visits.assess')}
            </Button>
          </div>
        </form>
      )}
      {assessment && personId && slot && (
        <AssessmentView
          assessment={assessment}
          onOffer={chooseOffer}
          personId={personId}
          request={request() as object}
          onBooked={(v) => {
            setBooked(v);
            setAssessment(null);
            onBooked();
          }}
        />
      )}
    </section>
  );
}

function AssessmentView({
  assessment: a,
  onOffer,
  personId,
  request,
  onBooked,
}: {
  assessment: Assessment;
  onOffer: (offer: Slot) => void;
  personId: string;
  request: object;
  onBooked: (visit: Visit) => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const decisionId = useId();
  const [outcome, setOutcome] = useState<Outcome>(a.recommendation.outcome);
  const [conditions, setConditions] = useState<Condition[]>(a.recommendation.conditions);
  const [justification, setJustification] = useState('');
  const [video, setVideo] = useState('');
  const submit = useSubmit(['justification', 'conditions', 'videoSlot'] as const);
  const offer = a.videoOffers.find((o) => `${o.roomId}|${o.date}|${o.startTime}` === video);

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...request,
      outcome,
      conditions: outcome === 'grant_with_conditions' ? conditions : [],
      justification: justification.trim() || undefined,
      videoSlot:
        outcome === 'video_instead' && offer
          ? { roomId: offer.roomId, date: offer.date, startTime: offer.startTime }
          : undefined,
    };
    const visit = await submit.run(() => api.post<Visit>(`/people/${personId}/visits`, body));
    if (visit) onBooked(visit);
  };

  return (
    <section aria-labelledby={headingId} className="section" data-testid="visit-assessment">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('visits.assessmentHeading')}
      </Heading>
      {a.refusal && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('visits.refusal', { message: a.refusal.message })}</Paragraph>
        </Alert>
      )}
      <div className="table-scroll">
        <Table border zebra>
          <caption>{t('visits.factorsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('visits.col.factor')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visits.col.value')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visits.col.points')}</Table.HeaderCell>
              <Table.HeaderCell>{t('visits.col.source')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.factors.map((f) => (
              <Table.Row key={f.code}>
                <Table.Cell>{label(t, 'visits.factor', f.code)}</Table.Cell>
                <Table.Cell>{factorValue(t, f)}</Table.Cell>
                <Table.Cell>{f.points > 0 ? `+${f.points}` : String(f.points)}</Table.Cell>
                <Table.Cell>
                  <q lang="en">{f.source}</q>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-testid="visit-recommendation">
        <strong>
          {t('visits.recommendation', { outcome: label(t, 'visits.outcome', a.recommendation.outcome) })}
        </strong>
        {a.recommendation.conditions.length > 0 &&
          ` ${t('visits.conditionsLabel', {
            conditions: a.recommendation.conditions.map((c) => label(t, 'visits.condition', c)).join(', '),
          })}`}
      </Paragraph>
      <ul>
        {a.recommendation.reasons.map((r) => (
          <li key={r.code}>{r.text}</li>
        ))}
      </ul>
      <Paragraph data-size="sm">{t('visits.legal', { reference: a.legalReference })}</Paragraph>
      {a.refusal && a.videoOffers.length > 0 && (
        <>
          <Heading level={4} data-size="xs">
            {t('visits.videoOffers')}
          </Heading>
          <ul>
            {a.videoOffers.map((o) => (
              <li key={`${o.roomId}|${o.date}|${o.startTime}`}>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => onOffer(o)}>
                  {t('visits.videoOffer', {
                    date: formatDate(o.date, locale),
                    time: o.startTime,
                    room: o.roomName,
                  })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {!a.refusal && (
        <form className="form" onSubmit={onConfirm} noValidate aria-labelledby={decisionId}>
          <Heading level={4} data-size="xs" id={decisionId}>
            {t('visits.decisionHeading')}
          </Heading>
          <SelectField label={t('visits.outcome')} value={outcome} onChange={(v) => setOutcome(v as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {label(t, 'visits.outcome', o)}
              </option>
            ))}
          </SelectField>
          {outcome === 'grant_with_conditions' && (
            <Fieldset>
              <Fieldset.Legend>{t('visits.conditions')}</Fieldset.Legend>
              {CONDITIONS.map((c) => (
                <Checkbox
                  key={c}
                  label={label(t, 'visits.condition', c)}
                  value={c}
                  checked={conditions.includes(c)}
                  onChange={(e) =>
                    setConditions(e.target.checked ? [...conditions, c] : conditions.filter((x) => x !== c))
                  }
                />
              ))}
              {submit.fieldErrors.conditions && (
                <ValidationMessage>{submit.fieldErrors.conditions}</ValidationMessage>
              )}
            </Fieldset>
          )}
          {outcome === 'video_instead' && (
            <SelectField
              label={t('visits.videoSlot')}
              value={video}
              onChange={setVideo}
              error={submit.fieldErrors.videoSlot}
            >
              <option value="">{t('visits.chooseVideoSlot')}</option>
              {a.videoOffers.map((o) => (
                <option
                  key={`${o.roomId}|${o.date}|${o.startTime}`}
                  value={`${o.roomId}|${o.date}|${o.startTime}`}
                >
                  {t('visits.videoOffer', {
                    date: formatDate(o.date, locale),
                    time: o.startTime,
                    room: o.roomName,
                  })}
                </option>
              ))}
            </SelectField>
          )}
          <Textfield
            multiline
            rows={3}
            label={t('visits.justification')}
            description={t('visits.justificationHelp')}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            error={submit.fieldErrors.justification}
          />
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('visits.confirm')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
