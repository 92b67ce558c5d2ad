import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { label } from './labels.ts';
import type { Condition, ReviewAction, ReviewItem, ReviewList, Slots, Visit } from './types.ts';

const ACTIONS: ReviewAction[] = ['keep', 'conditions', 'video', 'cancel'];
const CONDITIONS: Condition[] = ['glass_wall', 'distance'];

/**
 * «Til vurdering»: the booked visits of a prison whose assessment made afresh differs from the one
 * they were booked on, each with what changed and a review, and the visits reviewed lately.
 */
export function ReviewSection({ facilityId }: { facilityId: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState('');
  const list = useApi(
    (signal) => api.get<ReviewList>('/visits/review', { facilityId }, signal),
    [facilityId, generation],
  );
  const data = list.data?.facility.id === facilityId ? list.data : undefined;
  return (
    <section aria-labelledby={headingId} className="section" data-testid="visit-review">
      <Heading level={2} data-size="md" id={headingId}>
        {t('visits.review.heading')}
      </Heading>
      <Paragraph>{t('visits.review.intro')}</Paragraph>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && !data && <Loading />}
      {data && data.items.length === 0 && <Paragraph>{t('visits.review.none')}</Paragraph>}
      {data?.items.map((item) => (
        <ReviewCard
          key={`${item.visit.id} ${item.visit.version}`}
          item={item}
          onDone={() => {
            setNotice(t('visits.review.saved'));
            setGeneration((n) => n + 1);
          }}
        />
      ))}
      {data && data.reviewed.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t('visits.review.reviewedHeading')}
          </Heading>
          <div className="table-scroll">
            <Table border zebra data-testid="visit-reviewed">
              <caption>{t('visits.review.reviewedCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('visits.review.col.person')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('visits.review.col.visit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('visits.review.col.result')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('visits.review.col.reason')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('visits.review.col.notice')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.reviewed.map(({ visit: v, person }) => {
                  const last = v.review.last;
                  const from = last?.from ?? { date: v.date, startTime: v.startTime, room: v.room.name };
                  return (
                    <Table.Row key={v.id}>
                      <Table.Cell>
                        <AppLink
                          to={`/people/${person.id}`}
                        >{`${person.givenName} ${person.familyName}`}</AppLink>
                      </Table.Cell>
                      <Table.Cell>
                        {formatDate(from.date, locale)} {from.startTime}, {from.room}
                      </Table.Cell>
                      <Table.Cell>
                        {last ? label(t, 'visits.review.result', last.action) : ''}
                        {last?.action === 'video' && ` (${formatDate(v.date, locale)} ${v.startTime})`}
                      </Table.Cell>
                      <Table.Cell>{last?.justification ?? '–'}</Table.Cell>
                      <Table.Cell>
                        <AppLink
                          to={`/besok/${v.id}/melding`}
                          aria-label={t('visits.review.noticeLinkLabel', {
                            date: formatDate(from.date, locale),
                            time: from.startTime,
                          })}
                        >
                          {t('visits.review.noticeLink')}
                        </AppLink>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

function ReviewCard({ item, onDone }: { item: ReviewItem; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const v = item.visit;
  const name = `${item.person.givenName} ${item.person.familyName}`;
  const initial: ReviewAction =
    item.now.block !== null || item.recommended === 'video_instead'
      ? item.videoAvailable
        ? 'video'
        : 'cancel'
      : item.recommended === 'refuse'
        ? 'cancel'
        : item.now.conditions.length > 0
          ? 'conditions'
          : 'keep';
  const [action, setAction] = useState<ReviewAction>(initial);
  const [conditions, setConditions] = useState<Condition[]>(item.now.conditions);
  const [video, setVideo] = useState('');
  const [justification, setJustification] = useState('');
  const submit = useSubmit(['action', 'conditions', 'videoSlot', 'justification'] as const);
  const slots = useApi(
    action === 'video'
      ? (signal) => api.get<Slots>(`/facilities/${v.facility.id}/visit-slots`, { date: v.date }, signal)
      : null,
    [action, v.facility.id, v.date],
  );
  const videoSlots = (slots.data?.slots ?? []).filter(
    (s) => s.roomKind === 'video' && !s.closed && s.free > 0,
  );
  const chosen = videoSlots.find((s) => `${s.roomId}|${s.startTime}` === video);
  const visitors = v.externalVisitor ?? v.visitors.map((x) => x.name).join(', ');
  const outcomeText = (o: string | null, c: string[]) =>
    o
      ? `${label(t, 'visits.outcome', o)}${c.length ? ` (${c.map((x) => label(t, 'visits.condition', x)).join(', ')})` : ''}`
      : '–';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post<Visit>(`/people/${item.person.id}/visits/${v.id}/review`, {
        version: v.version,
        action,
        conditions: action === 'conditions' ? conditions : [],
        videoSlot:
          action === 'video' && chosen
            ? { roomId: chosen.roomId, date: chosen.date, startTime: chosen.startTime }
            : undefined,
        justification: justification.trim() || undefined,
      }),
    );
    if (done) onDone();
  };

  return (
    <article aria-labelledby={headingId} className="section" data-testid="visit-review-item">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('visits.review.visitHeading', { name, date: formatDate(v.date, locale), time: v.startTime })}
      </Heading>
      <Facts
        items={[
          {
            label: t('visits.review.visit'),
            value: (
              <>
                <AppLink to={`/people/${item.person.id}`}>{name}</AppLink>, {formatDate(v.date, locale)}{' '}
                {v.startTime}–{v.endTime}, {v.room.name} ({label(t, 'visits.roomKind', v.room.kind)})
              </>
            ),
          },
          { label: t('visits.review.visitors'), value: visitors || '–' },
          { label: t('visits.review.booked'), value: outcomeText(v.outcome, v.conditions) },
          {
            label: t('visits.review.then'),
            value: outcomeText(item.booked.recommendation, item.booked.conditions),
          },
          {
            label: t('visits.review.now'),
            value: (
              <>
                {outcomeText(item.now.recommendation, item.now.conditions)}{' '}
                {item.now.block && <Tag data-color="danger">{t('visits.review.blocked')}</Tag>}
              </>
            ),
          },
        ]}
      />
      <Heading level={4} data-size="xs">
        {t('visits.review.changes')}
      </Heading>
      <ul data-testid="visit-review-changes">
        {item.changes.map((c) => (
          <li key={c.code}>{c.text[locale]}</li>
        ))}
      </ul>
      {can('visits.decide') && (
        <form className="form narrow" onSubmit={onSubmit} noValidate>
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          <Fieldset>
            <Fieldset.Legend>{t('visits.review.action')}</Fieldset.Legend>
            {ACTIONS.map((a) => (
              <Radio
                key={a}
                name={`review-${v.id}`}
                value={a}
                label={label(t, 'visits.review.action', a)}
                checked={action === a}
                onChange={() => setAction(a)}
              />
            ))}
            {submit.fieldErrors.action && <ValidationMessage>{submit.fieldErrors.action}</ValidationMessage>}
          </Fieldset>
          {action === 'conditions' && (
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
          {action === 'video' &&
            (slots.data && videoSlots.length === 0 ? (
              <Paragraph>{t('visits.review.noVideo')}</Paragraph>
            ) : (
              <SelectField
                label={t('visits.review.videoSlot')}
                value={video}
                onChange={setVideo}
                error={submit.fieldErrors.videoSlot}
              >
                <option value="">{t('visits.review.chooseVideo')}</option>
                {videoSlots.map((s) => (
                  <option key={`${s.roomId}|${s.startTime}`} value={`${s.roomId}|${s.startTime}`}>
                    {t('visits.slotOption', { time: s.startTime, room: s.roomName, free: s.free })}
                  </option>
                ))}
              </SelectField>
            ))}
          <Textfield
            multiline
            rows={2}
            label={t('visits.review.justification')}
            description={t('visits.review.justificationHelp')}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            error={submit.fieldErrors.justification}
          />
          <div>
            <Button type="submit" disabled={submit.busy} aria-label={t('visits.review.saveLabel', { name })}>
              {t('visits.review.save')}
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}

/** A visit's review in a line, for the person page: under review now, or what the last review did. */
export function ReviewNote({ visit: v }: { visit: Visit }) {
  const { t, locale } = useI18n();
  const { pending, last } = v.review;
  if (!pending && !last) return null;
  const when = last?.from ?? { date: v.date, startTime: v.startTime };
  return (
    <>
      {pending && (
        <Paragraph data-size="sm">
          <Tag data-color="warning">{t('visits.review.pendingTag')}</Tag>{' '}
          {pending.changes.map((c) => c.text[locale]).join('; ')}
        </Paragraph>
      )}
      {last && !pending && (
        <Paragraph data-size="sm">
          {t('visits.review.lastText', {
            result: label(t, 'visits.review.result', last.action),
            by: last.by,
            date: formatDateTime(last.at, locale),
          })}
          {last.justification ? `: ${last.justification}` : ''}
        </Paragraph>
      )}
      <AppLink
        to={`/besok/${v.id}/melding`}
        aria-label={t('visits.review.noticeLinkLabel', {
          date: formatDate(when.date, locale),
          time: when.startTime,
        })}
      >
        {t('visits.review.noticeLink')}
      </AppLink>
    </>
  );
}
