import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatDateTime, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { ChangedSinceDecision } from './ChangedSinceDecision.tsx';
import { FactorsView } from './FactorsView.tsx';
import { label, periodText, statusText } from './labels.ts';
import { CONDITIONS, type Condition, type LeaveApplication, type Outcome } from './types.ts';

/** One application: the facts, the factors beside the recommendation, the decision and what follows it. */
export function LeaveApplicationPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [generation, setGeneration] = useState(0);
  const app = useApi(
    (signal) => api.get<LeaveApplication>(`/leave/applications/${id}`, {}, signal),
    [id, generation],
  );
  const a = app.data;
  useDocumentTitle(a ? t('leave.app.heading', { kind: label(t, 'leave.kind', a.kind) }) : t('leave.title'));
  const changed = () => setGeneration((n) => n + 1);
  if (app.error !== undefined) return <ErrorAlert error={app.error} />;
  if (!a) return <Loading />;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('leave.app.heading', { kind: label(t, 'leave.kind', a.kind) })}
      </Heading>
      <Section title={t('leave.app.details')}>
        <Facts
          items={[
            {
              label: t('leave.col.person'),
              value: <AppLink to={`/people/${a.person.id}`}>{a.person.name}</AppLink>,
            },
            { label: t('leave.app.facility'), value: a.facility.name },
            { label: t('leave.col.period'), value: periodText(t, locale, a) },
            { label: t('leave.col.destination'), value: a.destinationMunicipality },
            { label: t('leave.app.transport'), value: a.publicTransport ? t('leave.yes') : t('leave.no') },
            { label: t('leave.app.purpose'), value: label(t, 'leave.purpose', a.purpose) },
            { label: t('leave.app.description'), value: a.description },
            {
              label: t('leave.col.status'),
              value: <span data-testid="leave-status">{statusText(t, a)}</span>,
            },
            {
              label: t('leave.app.appliedBy'),
              value: `${a.appliedBy}, ${formatDateTime(a.appliedAt, locale)}`,
            },
          ]}
        />
      </Section>
      {a.current && (a.status === 'pending' || !a.decision) && (
        <Section title={t('leave.factors.heading')}>
          <FactorsView factors={a.current.factors} assessment={a.current.assessment} />
        </Section>
      )}
      {a.status === 'pending' && <DecisionForm app={a} onDone={changed} />}
      {a.decision && <DecisionView app={a} />}
      {a.decision && <ChangedSinceDecision app={a} />}
      {a.decision && a.victimNotification !== 'none' && <VictimSection app={a} onDone={changed} />}
      {a.decision && <AppealSection app={a} onDone={changed} />}
      {a.status === 'granted' && <ReturnSection app={a} onDone={changed} />}
    </>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section" data-testid={testId}>
      <Heading level={2} data-size="md" id={headingId}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function DecisionForm({ app, onDone }: { app: LeaveApplication; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const recommended = app.current?.assessment;
  const initial: Outcome =
    recommended?.recommendation === 'refuse'
      ? 'refused'
      : recommended?.recommendation === 'grant_with_conditions'
        ? 'granted_with_conditions'
        : 'granted';
  const [outcome, setOutcome] = useState<Outcome>(initial);
  const [conditions, setConditions] = useState<Condition[]>(recommended?.conditions ?? []);
  const [justification, setJustification] = useState('');
  const submit = useSubmit(['justification', 'conditions'] as const);
  if (!can('leave.decide')) return null;
  const safety = app.safety;
  const granting = outcome !== 'refused';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post<LeaveApplication>(`/leave/applications/${app.id}/decision`, {
        version: app.version,
        outcome,
        conditions: outcome === 'granted_with_conditions' ? conditions : [],
        justification: justification || undefined,
      }),
    );
    if (done) onDone();
  };
  return (
    <Section title={t('leave.decide.heading')} testId="leave-decision-form">
      <form className="form narrow" onSubmit={onSubmit} noValidate>
        {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
        {safety && <SafetyNote safety={safety} personId={app.person.id} />}
        <Fieldset>
          <Fieldset.Legend>{t('leave.decide.outcome')}</Fieldset.Legend>
          {(['granted', 'granted_with_conditions', 'refused'] as const).map((o) => (
            <Radio
              key={o}
              name="outcome"
              value={o}
              label={label(t, 'leave.outcome', o)}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
          ))}
        </Fieldset>
        {outcome === 'granted_with_conditions' && (
          <Fieldset>
            <Fieldset.Legend>{t('leave.decide.conditions')}</Fieldset.Legend>
            {submit.fieldErrors.conditions && (
              <Alert data-color="danger">
                <Paragraph>{submit.fieldErrors.conditions}</Paragraph>
              </Alert>
            )}
            {CONDITIONS.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={label(t, 'leave.cond', c)}
                checked={conditions.includes(c)}
                onChange={(e) =>
                  setConditions((list) => (e.target.checked ? [...list, c] : list.filter((x) => x !== c)))
                }
              />
            ))}
          </Fieldset>
        )}
        <Textfield
          multiline
          rows={3}
          label={t('leave.decide.justification')}
          description={
            safety?.significantIfGranted && granting
              ? t('leave.safety.justificationRequired')
              : t('leave.decide.justificationHelp')
          }
          required={Boolean(safety?.significantIfGranted && granting)}
          value={justification}
          error={submit.fieldErrors.justification}
          onChange={(e) => setJustification(e.target.value)}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('leave.decide.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** What the person's risk assessment means for a grant: the decision's weight before it is made. */
function SafetyNote({
  safety,
  personId,
}: {
  safety: NonNullable<LeaveApplication['safety']>;
  personId: string;
}) {
  const { t, locale } = useI18n();
  const risk = safety.leaveRisk ? label(t, 'assess.level', safety.leaveRisk) : t('leave.safety.noRating');
  return (
    <Alert
      data-color={safety.significantIfGranted || safety.blockedBy ? 'warning' : 'info'}
      data-testid="leave-safety"
    >
      {safety.significantIfGranted && (
        <Heading level={3} data-size="xs">
          {t('leave.safety.significant')}
        </Heading>
      )}
      <Paragraph>
        {safety.assessment
          ? t('leave.safety.assessment', { date: formatDate(safety.assessment.assessedOn, locale), risk })
          : t('leave.safety.noAssessment')}{' '}
        <AppLink to={`/vurdering/person/${personId}`}>{t('leave.safety.open')}</AppLink>
      </Paragraph>
      {safety.blockedBy && (
        <Paragraph>
          {t('leave.safety.blocked', { restriction: label(t, 'assess.kind', safety.blockedBy) })}
        </Paragraph>
      )}
    </Alert>
  );
}

function DecisionView({ app }: { app: LeaveApplication }) {
  const { t, locale } = useI18n();
  const d = app.decision;
  if (!d) return null;
  return (
    <Section title={t('leave.decision.heading')} testId="leave-decision">
      {d.publicSafety && (
        <Paragraph>
          <Tag data-color="warning">{t('leave.safety.marked')}</Tag>
        </Paragraph>
      )}
      <Facts
        items={[
          { label: t('leave.decide.outcome'), value: label(t, 'leave.outcome', d.outcome) },
          {
            label: t('leave.decide.conditions'),
            value: d.conditions.length ? d.conditions.map((c) => label(t, 'leave.cond', c)).join(', ') : '–',
          },
          { label: t('leave.decide.justification'), value: d.justification ?? '–' },
          { label: t('leave.decision.legal'), value: d.legalReference },
          {
            label: t('leave.app.appliedBy'),
            value: t('leave.decision.by', { name: d.decidedBy, at: formatDateTime(d.decidedAt, locale) }),
          },
        ]}
      />
      <Paragraph>
        <AppLink to={`/permisjon/${app.id}/vedtak`}>{t('leave.decision.letter')}</AppLink>
      </Paragraph>
      <FactorsView factors={d.factors} assessment={d.assessment} />
    </Section>
  );
}

function VictimSection({ app, onDone }: { app: LeaveApplication; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const submit = useSubmit([] as const);
  const mark = async () => {
    const done = await submit.run(() =>
      api.post(`/leave/applications/${app.id}/victim-notified`, { version: app.version }),
    );
    if (done) onDone();
  };
  return (
    <Section title={t('leave.victim.heading')} testId="leave-victims">
      <Alert data-color={app.victimNotification === 'pending' ? 'warning' : 'success'}>
        <Paragraph>
          <strong>{label(t, 'leave.victim', app.victimNotification)}</strong> –{' '}
          {t('leave.victim.count', { n: app.victims })}
          {app.victimNotifiedBy ? ` (${app.victimNotifiedBy})` : ''}
        </Paragraph>
      </Alert>
      {submit.error !== undefined && <ErrorAlert error={submit.error} />}
      {app.victimNotification === 'pending' && can('leave.decide') && (
        <Button variant="secondary" onClick={mark} disabled={submit.busy}>
          {t('leave.victim.mark')}
        </Button>
      )}
    </Section>
  );
}

function AppealSection({ app, onDone }: { app: LeaveApplication; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [form, setForm] = useState({ receivedOn: todayInOslo(), grounds: '' });
  const submit = useSubmit(['receivedOn', 'grounds'] as const);
  const register = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() => api.post(`/leave/applications/${app.id}/appeal`, form));
    if (done) onDone();
  };
  const decide = async (status: 'upheld' | 'reversed') => {
    const done = await submit.run(() =>
      api.post(`/leave/applications/${app.id}/appeal/outcome`, { version: app.appeal?.version, status }),
    );
    if (done) onDone();
  };
  return (
    <Section title={t('leave.appeal.heading')} testId="leave-appeal">
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      {app.appeal ? (
        <>
          <Paragraph data-testid="leave-appeal-status">
            {t('leave.appeal.status', { status: label(t, 'leave.appeal', app.appeal.status) })} –{' '}
            {formatDate(app.appeal.receivedOn, locale)}: {app.appeal.grounds}
          </Paragraph>
          {app.appeal.status === 'received' && can('leave.decide') && (
            <div className="row-actions">
              <Button variant="secondary" onClick={() => decide('upheld')} disabled={submit.busy}>
                {t('leave.appeal.uphold')}
              </Button>
              <Button variant="secondary" onClick={() => decide('reversed')} disabled={submit.busy}>
                {t('leave.appeal.reverse')}
              </Button>
            </div>
          )}
        </>
      ) : (
        <>
          <Paragraph>{t('leave.appeal.none')}</Paragraph>
          {can('leave.apply') && (
            <form className="form narrow" onSubmit={register} noValidate>
              <Textfield
                type="date"
                label={t('leave.appeal.receivedOn')}
                value={form.receivedOn}
                error={submit.fieldErrors.receivedOn}
                onChange={(e) => setForm({ ...form, receivedOn: e.target.value })}
              />
              <Textfield
                multiline
                rows={3}
                label={t('leave.appeal.grounds')}
                value={form.grounds}
                error={submit.fieldErrors.grounds}
                onChange={(e) => setForm({ ...form, grounds: e.target.value })}
              />
              <div>
                <Button type="submit" disabled={submit.busy}>
                  {t('leave.appeal.submit')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </Section>
  );
}

function ReturnSection({ app, onDone }: { app: LeaveApplication; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [form, setForm] = useState({ returned: true, returnedDate: app.toDate, returnedTime: app.toTime });
  const submit = useSubmit(['returnedDate', 'returnedTime'] as const);
  const started = app.fromDate <= todayInOslo();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post(`/leave/applications/${app.id}/return`, {
        version: app.version,
        returned: form.returned,
        ...(form.returned && { returnedDate: form.returnedDate, returnedTime: form.returnedTime }),
      }),
    );
    if (done) onDone();
  };
  if (!app.return && (!started || !can('leave.apply'))) return null;
  return (
    <Section title={t('leave.return.heading')} testId="leave-return">
      {app.return ? (
        <Paragraph>
          {t('leave.return.recorded', {
            status: label(t, 'leave.return', app.return.status),
            name: app.return.recordedBy,
          })}
          {app.return.date ? ` – ${app.return.date} ${app.return.time ?? ''}` : ''}
        </Paragraph>
      ) : (
        <form className="form narrow" onSubmit={onSubmit} noValidate>
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          <Fieldset>
            <Fieldset.Legend>{t('leave.return.heading')}</Fieldset.Legend>
            <Radio
              name="returned"
              value="yes"
              label={t('leave.return.returned')}
              checked={form.returned}
              onChange={() => setForm({ ...form, returned: true })}
            />
            <Radio
              name="returned"
              value="no"
              label={t('leave.return.notReturned')}
              checked={!form.returned}
              onChange={() => setForm({ ...form, returned: false })}
            />
          </Fieldset>
          {form.returned && (
            <div className="field-row">
              <Textfield
                type="date"
                label={t('leave.return.date')}
                value={form.returnedDate}
                error={submit.fieldErrors.returnedDate}
                onChange={(e) => setForm({ ...form, returnedDate: e.target.value })}
              />
              <Textfield
                type="time"
                label={t('leave.return.time')}
                value={form.returnedTime}
                error={submit.fieldErrors.returnedTime}
                onChange={(e) => setForm({ ...form, returnedTime: e.target.value })}
              />
            </div>
          )}
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('leave.return.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
