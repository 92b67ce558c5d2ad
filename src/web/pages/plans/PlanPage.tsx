import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldSummary, fieldId } from '../assessments/FieldSummary.tsx';
import { GoalLinksSection } from './GoalLinks.tsx';
import { GOAL_STATUSES, type Goal, label, NEED_AREAS, type PlanOverview, type PlanVersion } from './types.ts';

type GoalForm = {
  key?: string;
  needArea: string;
  needJustification: string;
  description: string;
  activities: string;
  responsible: string;
  startDate: string;
  dueDate: string;
};

const PREFIX = 'plan';
const id = (path: string) => fieldId(PREFIX, path);

const toForm = (g: Goal): GoalForm => ({
  key: g.key,
  needArea: g.needArea,
  needJustification: g.needJustification ?? '',
  description: g.description,
  activities: g.activities,
  responsible: g.responsible,
  startDate: g.startDate ?? '',
  dueDate: g.dueDate ?? '',
});

const toBody = (g: GoalForm) => ({
  ...(g.key && { key: g.key }),
  needArea: g.needArea,
  needJustification: g.needJustification.trim() || null,
  description: g.description,
  activities: g.activities,
  responsible: g.responsible,
  startDate: g.startDate || null,
  dueDate: g.dueDate || null,
});

/** The person's plan: the progression path, the agreed plan and its follow-up, the draft, the agreement, the history. */
export function PlanPage({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const data = useApi((signal) => api.get<PlanOverview>(`/people/${personId}/plan`, {}, signal), [personId]);
  const [shown, setShown] = useState<PlanOverview | undefined>(undefined);
  useEffect(() => setShown(data.data), [data.data]);
  const d = shown;
  useDocumentTitle(d ? t('plan.title', { name: d.person.name }) : t('plan.heading'));
  const manage = can('plan.manage');

  return (
    <>
      <Heading level={1} data-size="lg">
        {d ? t('plan.title', { name: d.person.name }) : t('plan.heading')}
      </Heading>
      <Paragraph>{t('plan.intro')}</Paragraph>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && (
        <>
          <Paragraph>
            <AppLink to={`/people/${personId}`}>{t('plan.backToPerson')}</AppLink>
          </Paragraph>
          <PathSection d={d} />
          {!d.assessment && (
            <Alert data-color="warning">
              <Paragraph>{t('plan.noAssessment')}</Paragraph>
              <AppLink to={`/vurdering/ny?personId=${personId}`}>{t('plan.makeAssessment')}</AppLink>
            </Alert>
          )}
          {d.agreed && <AgreedSection d={d} v={d.agreed} manage={manage} onChange={setShown} />}
          {d.plan && (
            <GoalLinksSection d={d} goals={(d.agreed ?? d.draft)?.goals ?? []} onChange={setShown} />
          )}
          {manage && d.assessment && !d.plan && d.sentenceId && (
            <DraftForm d={d} personId={personId} onChange={setShown} />
          )}
          {d.plan && !d.agreed && !d.draft && <Paragraph>{t('plan.noAgreed')}</Paragraph>}
          {d.draft && (
            <>
              {manage && d.assessment ? (
                <DraftForm
                  key={`${d.draft.id}-${d.draft.version}`}
                  d={d}
                  personId={personId}
                  onChange={setShown}
                />
              ) : (
                <VersionView v={d.draft} heading={t('plan.draftHeading', { number: d.draft.number })} />
              )}
              {manage && <AgreementForm v={d.draft} today={d.today} onChange={setShown} />}
            </>
          )}
          {manage && d.plan && !d.draft && d.history[0] && d.assessment && (
            <NewVersion planId={d.plan.id} basedOn={d.history[0].id} onChange={setShown} />
          )}
          {d.history.length > 0 && <History d={d} />}
        </>
      )}
    </>
  );
}

function PathSection({ d }: { d: PlanOverview }) {
  const { t, locale } = useI18n();
  return (
    <section className="section" aria-labelledby="plan-path-heading">
      <Heading level={2} data-size="md" id="plan-path-heading">
        {t('plan.path.heading')}
      </Heading>
      <Paragraph>
        {t('plan.path.placement')}: <strong>{label(t, 'plan.placement', d.placement)}</strong>
      </Paragraph>
      <Table data-testid="plan-path">
        <caption className="visually-hidden">{t('plan.path.heading')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('plan.path.step')}</Table.HeaderCell>
            <Table.HeaderCell>{t('plan.path.date')}</Table.HeaderCell>
            <Table.HeaderCell>{t('plan.path.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('plan.path.reasons')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {d.path.map((s) => (
            <Table.Row key={s.step} data-step={s.step} data-status={s.status} data-key-date={s.keyDate ?? ''}>
              <Table.Cell>{label(t, 'plan.step', s.step)}</Table.Cell>
              <Table.Cell data-testid={`path-date-${s.step}`} data-date={s.date ?? ''}>
                {s.date ? formatDate(s.date, locale) : '–'}
              </Table.Cell>
              <Table.Cell>
                <Tag
                  data-color={
                    s.status === 'next'
                      ? 'success'
                      : s.status === 'blocked'
                        ? 'danger'
                        : s.status === 'reached'
                          ? 'info'
                          : 'neutral'
                  }
                >
                  {label(t, 'plan.status', s.status)}
                </Tag>{' '}
                {s.conditional && <Tag data-color="warning">{t('plan.conditional')}</Tag>}
              </Table.Cell>
              <Table.Cell>
                <ul className="plain">
                  {s.reasons.map((r) => (
                    <li key={`${r.code}-${r.area ?? ''}`} title={r.source}>
                      {t(`plan.reason.${r.code}` as never, {
                        area: r.area ? label(t, 'assess.need', r.area) : '',
                      })}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function VersionView({ v, heading }: { v: PlanVersion; heading: string }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Heading level={2} data-size="md">
        {heading}
      </Heading>
      <Facts
        items={[
          { label: t('plan.personCommitments'), value: v.personCommitments || '–' },
          { label: t('plan.serviceCommitments'), value: v.serviceCommitments || '–' },
          ...(v.decidedOn
            ? [
                { label: t('plan.decidedOn'), value: formatDate(v.decidedOn, locale) },
                {
                  label: t('plan.signatures'),
                  value: `${v.personSignature ?? '–'} / ${v.officerSignature ?? '–'}`,
                },
              ]
            : []),
        ]}
      />
      <GoalTable goals={v.goals} />
    </>
  );
}

function GoalTable({ goals }: { goals: Goal[] }) {
  const { t, locale } = useI18n();
  if (goals.length === 0) return <Paragraph>{t('plan.noGoals')}</Paragraph>;
  return (
    <Table data-testid="plan-goals">
      <caption className="visually-hidden">{t('plan.goals')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('plan.goal.area')}</Table.HeaderCell>
          <Table.HeaderCell>{t('plan.goal.description')}</Table.HeaderCell>
          <Table.HeaderCell>{t('plan.goal.activities')}</Table.HeaderCell>
          <Table.HeaderCell>{t('plan.goal.responsible')}</Table.HeaderCell>
          <Table.HeaderCell>{t('plan.goal.dueDate')}</Table.HeaderCell>
          <Table.HeaderCell>{t('plan.goal.status')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {goals.map((g) => (
          <Table.Row key={g.key}>
            <Table.Cell>{label(t, 'assess.need', g.needArea)}</Table.Cell>
            <Table.Cell>{g.description}</Table.Cell>
            <Table.Cell>{g.activities || '–'}</Table.Cell>
            <Table.Cell>{g.responsible}</Table.Cell>
            <Table.Cell>{g.dueDate ? formatDate(g.dueDate, locale) : '–'}</Table.Cell>
            <Table.Cell>{label(t, 'plan.goalStatus', g.status)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function AgreedSection({
  d,
  v,
  manage,
  onChange,
}: {
  d: PlanOverview;
  v: PlanVersion;
  manage: boolean;
  onChange: (o: PlanOverview) => void;
}) {
  const { t, locale } = useI18n();
  const [goal, setGoal] = useState(v.goals[0]?.key ?? '');
  const [status, setStatus] = useState('reached');
  const [reason, setReason] = useState('');
  const [review, setReview] = useState({ occasion: 'scheduled', reviewedOn: d.today, note: '' });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<PlanOverview>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await action());
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  const planId = d.plan?.id as string;
  return (
    <section className="section" data-testid="plan-agreed">
      <VersionView v={v} heading={t('plan.agreedHeading', { number: v.number })} />
      {d.plan?.nextReviewDate && (
        <Paragraph>
          {t('plan.nextReview')}: {formatDate(d.plan.nextReviewDate, locale)}{' '}
          {d.plan.reviewDue && <Tag data-color="danger">{t('plan.reviewDue')}</Tag>}
        </Paragraph>
      )}
      {manage && (
        <>
          {error !== undefined && !(error instanceof ApiError && error.errors.length > 0) && (
            <ErrorAlert error={error} />
          )}
          <form
            className="form"
            noValidate
            onSubmit={async (e: FormEvent) => {
              e.preventDefault();
              if (
                await run(() =>
                  api.post<PlanOverview>(`/plans/${planId}/goals/${goal}/status`, { status, reason }),
                )
              )
                setReason('');
            }}
          >
            <Fieldset>
              <Fieldset.Legend>{t('plan.followUp')}</Fieldset.Legend>
              <SelectField label={t('plan.goal.description')} value={goal} onChange={setGoal}>
                {v.goals.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.description}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('plan.goal.status')} value={status} onChange={setStatus}>
                {GOAL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {label(t, 'plan.goalStatus', s)}
                  </option>
                ))}
              </SelectField>
              <Textfield
                id={id('reason')}
                label={t('plan.goal.reason')}
                value={reason}
                error={fieldError('reason')}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button type="submit" disabled={busy || !goal}>
                {t('plan.followUp.save')}
              </Button>
            </Fieldset>
          </form>
          <form
            className="form"
            noValidate
            onSubmit={async (e: FormEvent) => {
              e.preventDefault();
              if (await run(() => api.post<PlanOverview>(`/plans/${planId}/reviews`, review)))
                setReview((r) => ({ ...r, note: '' }));
            }}
          >
            <Fieldset>
              <Fieldset.Legend>{t('plan.review')}</Fieldset.Legend>
              <SelectField
                label={t('plan.review.occasion')}
                value={review.occasion}
                onChange={(occasion) => setReview((r) => ({ ...r, occasion }))}
              >
                <option value="scheduled">{t('plan.review.scheduled')}</option>
                <option value="event">{t('plan.review.event')}</option>
              </SelectField>
              <Textfield
                id={id('reviewedOn')}
                type="date"
                label={t('plan.review.on')}
                value={review.reviewedOn}
                error={fieldError('reviewedOn')}
                onChange={(e) => setReview((r) => ({ ...r, reviewedOn: e.target.value }))}
              />
              <Textfield
                id={id('note')}
                multiline
                rows={2}
                label={t('plan.review.note')}
                value={review.note}
                error={fieldError('note')}
                onChange={(e) => setReview((r) => ({ ...r, note: e.target.value }))}
              />
              <Button type="submit" disabled={busy}>
                {t('plan.review.save')}
              </Button>
            </Fieldset>
          </form>
        </>
      )}
      {d.goalEvents.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t('plan.goalEvents')}
          </Heading>
          <ul>
            {[...d.goalEvents].reverse().map((e) => (
              <li key={`${e.goalKey}-${e.at}`}>
                {formatDateTime(e.at, locale)}: {e.description} – {label(t, 'plan.goalStatus', e.status)}
                {e.reason ? ` (${e.reason})` : ''} – {e.by}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.reviews.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t('plan.reviews')}
          </Heading>
          <ul>
            {d.reviews.map((r) => (
              <li key={r.id}>
                {formatDate(r.reviewedOn, locale)} ({label(t, 'plan.review', r.occasion)}): {r.note} – {r.by}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DraftForm({
  d,
  personId,
  onChange,
}: {
  d: PlanOverview;
  personId: string;
  onChange: (o: PlanOverview) => void;
}) {
  const { t } = useI18n();
  const draft = d.draft;
  const needs = (d.assessment?.needs ?? []).filter((n) => n.level !== 'none');
  const [person, setPerson] = useState(draft?.personCommitments ?? '');
  const [service, setService] = useState(draft?.serviceCommitments ?? '');
  const [goals, setGoals] = useState<GoalForm[]>(
    draft
      ? draft.goals.map(toForm)
      : needs.map((n) => ({
          needArea: n.area,
          needJustification: '',
          description: '',
          activities: '',
          responsible: '',
          startDate: '',
          dueDate: '',
        })),
  );
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.errors.find((e) => e.path === path)?.message : undefined;
  const setGoal = (i: number, patch: Partial<GoalForm>) =>
    setGoals((all) => all.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = { personCommitments: person, serviceCommitments: service, goals: goals.map(toBody) };
    try {
      onChange(
        draft
          ? await api.put<PlanOverview>(`/plan-versions/${draft.id}`, { version: draft.version, ...body })
          : await api.post<PlanOverview>(`/people/${personId}/plan`, body),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" data-testid="plan-draft">
      <Heading level={2} data-size="md">
        {draft ? t('plan.draftHeading', { number: draft.number }) : t('plan.new')}
      </Heading>
      <Paragraph>{t('plan.basedOn', { number: d.assessment?.number ?? 0 })}</Paragraph>
      <FieldSummary error={error} prefix={PREFIX} />
      {error !== undefined && !(error instanceof ApiError && error.errors.length > 0) && (
        <ErrorAlert error={error} />
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        {goals.map((g, i) => (
          <Fieldset key={g.key ?? `new-${i}`}>
            <Fieldset.Legend>{t('plan.goalN', { n: i + 1 })}</Fieldset.Legend>
            <SelectField
              id={id(`goals.${i}.needArea`)}
              label={t('plan.goal.area')}
              value={g.needArea}
              error={fieldError(`goals.${i}.needArea`)}
              onChange={(needArea) => setGoal(i, { needArea })}
            >
              {NEED_AREAS.map((a) => (
                <option key={a} value={a}>
                  {label(t, 'assess.need', a)}
                  {needs.some((n) => n.area === a) ? ` (${t('plan.assessedNeed')})` : ''}
                </option>
              ))}
            </SelectField>
            {!needs.some((n) => n.area === g.needArea) && (
              <Textfield
                id={id(`goals.${i}.needJustification`)}
                label={t('plan.goal.needJustification')}
                value={g.needJustification}
                error={fieldError(`goals.${i}.needJustification`)}
                onChange={(e) => setGoal(i, { needJustification: e.target.value })}
              />
            )}
            <Textfield
              id={id(`goals.${i}.description`)}
              label={t('plan.goal.description')}
              value={g.description}
              error={fieldError(`goals.${i}.description`)}
              onChange={(e) => setGoal(i, { description: e.target.value })}
            />
            <Textfield
              id={id(`goals.${i}.activities`)}
              multiline
              rows={2}
              label={t('plan.goal.activities')}
              value={g.activities}
              error={fieldError(`goals.${i}.activities`)}
              onChange={(e) => setGoal(i, { activities: e.target.value })}
            />
            <Textfield
              id={id(`goals.${i}.responsible`)}
              label={t('plan.goal.responsible')}
              description={t('plan.goal.responsibleHelp')}
              value={g.responsible}
              error={fieldError(`goals.${i}.responsible`)}
              onChange={(e) => setGoal(i, { responsible: e.target.value })}
            />
            <div className="field-row">
              <Textfield
                id={id(`goals.${i}.startDate`)}
                type="date"
                label={t('plan.goal.startDate')}
                value={g.startDate}
                error={fieldError(`goals.${i}.startDate`)}
                onChange={(e) => setGoal(i, { startDate: e.target.value })}
              />
              <Textfield
                id={id(`goals.${i}.dueDate`)}
                type="date"
                label={t('plan.goal.dueDate')}
                value={g.dueDate}
                error={fieldError(`goals.${i}.dueDate`)}
                onChange={(e) => setGoal(i, { dueDate: e.target.value })}
              />
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setGoals((all) => all.filter((_, j) => j !== i))}
            >
              {t('plan.goal.remove', { n: i + 1 })}
            </Button>
          </Fieldset>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setGoals((all) => [
              ...all,
              {
                needArea: needs[0]?.area ?? 'housing',
                needJustification: '',
                description: '',
                activities: '',
                responsible: '',
                startDate: '',
                dueDate: '',
              },
            ])
          }
        >
          {t('plan.goal.add')}
        </Button>
        <Textfield
          id={id('personCommitments')}
          multiline
          rows={3}
          label={t('plan.personCommitments')}
          value={person}
          error={fieldError('personCommitments')}
          onChange={(e) => setPerson(e.target.value)}
        />
        <Textfield
          id={id('serviceCommitments')}
          multiline
          rows={3}
          label={t('plan.serviceCommitments')}
          value={service}
          error={fieldError('serviceCommitments')}
          onChange={(e) => setService(e.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {draft ? t('plan.saveDraft') : t('plan.create')}
        </Button>
      </form>
    </section>
  );
}

function AgreementForm({
  v,
  today,
  onChange,
}: {
  v: PlanVersion;
  today: string;
  onChange: (o: PlanOverview) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    accepted: 'yes',
    decidedOn: today,
    personSignature: '',
    officerSignature: '',
    refusalReason: '',
  });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onChange(
        await api.post<PlanOverview>(`/plan-versions/${v.id}/agreement`, {
          version: v.version,
          accepted: form.accepted === 'yes',
          decidedOn: form.decidedOn,
          personSignature: form.personSignature,
          officerSignature: form.officerSignature,
          refusalReason: form.refusalReason,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section" data-testid="plan-agreement">
      <Heading level={2} data-size="md">
        {t('plan.agreement')}
      </Heading>
      <Paragraph>{t('plan.agreement.intro')}</Paragraph>
      <FieldSummary error={error} prefix="agreement" />
      {error !== undefined && !(error instanceof ApiError && error.errors.length > 0) && (
        <ErrorAlert error={error} />
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          id={fieldId('agreement', 'accepted')}
          label={t('plan.agreement.answer')}
          value={form.accepted}
          onChange={(accepted) => set({ accepted })}
        >
          <option value="yes">{t('plan.agreement.accepts')}</option>
          <option value="no">{t('plan.agreement.refuses')}</option>
        </SelectField>
        <Textfield
          id={fieldId('agreement', 'decidedOn')}
          type="date"
          label={t('plan.decidedOn')}
          value={form.decidedOn}
          error={fieldError('decidedOn')}
          onChange={(e) => set({ decidedOn: e.target.value })}
        />
        {form.accepted === 'yes' ? (
          <>
            <Textfield
              id={fieldId('agreement', 'personSignature')}
              label={t('plan.agreement.personSignature')}
              value={form.personSignature}
              error={fieldError('personSignature')}
              onChange={(e) => set({ personSignature: e.target.value })}
            />
            <Textfield
              id={fieldId('agreement', 'officerSignature')}
              label={t('plan.agreement.officerSignature')}
              value={form.officerSignature}
              error={fieldError('officerSignature')}
              onChange={(e) => set({ officerSignature: e.target.value })}
            />
          </>
        ) : (
          <Textfield
            id={fieldId('agreement', 'refusalReason')}
            multiline
            rows={2}
            label={t('plan.agreement.refusalReason')}
            value={form.refusalReason}
            error={fieldError('refusalReason')}
            onChange={(e) => set({ refusalReason: e.target.value })}
          />
        )}
        <Button type="submit" disabled={busy}>
          {t('plan.agreement.save')}
        </Button>
      </form>
    </section>
  );
}

function NewVersion({
  planId,
  basedOn,
  onChange,
}: {
  planId: string;
  basedOn: string;
  onChange: (o: PlanOverview) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <section className="section">
      {error !== undefined && <ErrorAlert error={error} />}
      <Button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            onChange(await api.post<PlanOverview>(`/plans/${planId}/versions`, { basedOn }));
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('plan.newVersion')}
      </Button>
    </section>
  );
}

function History({ d }: { d: PlanOverview }) {
  const { t, locale } = useI18n();
  return (
    <section className="section" data-testid="plan-history">
      <Heading level={2} data-size="md">
        {t('plan.history')}
      </Heading>
      <ol className="plain">
        {d.history.map((h) => (
          <li key={h.id}>
            <Heading level={3} data-size="xs">
              {t('plan.versionN', { number: h.number })} – {label(t, 'plan.versionStatus', h.status)}
              {h.decidedOn ? ` ${formatDate(h.decidedOn, locale)}` : ''}
            </Heading>
            <Paragraph data-size="sm">
              {h.createdBy}, {formatDateTime(h.createdAt, locale)}
              {h.refusalReason ? ` – ${t('plan.agreement.refusalReason')}: ${h.refusalReason}` : ''}
            </Paragraph>
            {h.differences.length > 0 && (
              <ul>
                {h.differences.map((x) => (
                  <li key={`${x.what}-${x.kind}-${x.goalKey ?? ''}`}>
                    {t(`plan.diff.${x.what}.${x.kind}` as never)}
                    {x.what === 'goal' ? `: ${x.after ?? x.before ?? ''}` : ''}
                    {x.fields ? ` (${x.fields.map((f) => t(`plan.field.${f}` as never)).join(', ')})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
