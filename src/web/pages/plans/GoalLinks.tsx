import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorSummary } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Activity } from '../activities/types.ts';
import { type Partner, NEED_AREAS as REFERRAL_AREAS } from '../partners/types.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import { type Goal, type GoalLinks, label, type PlanOverview } from './types.ts';

type Form = 'activity' | 'referral' | null;

/**
 * The plan's goals with what serves them: the activities the person is enrolled in or waiting
 * for, and the referrals to partners with their answer; per goal, enrolment in an activity of the
 * person's facility and a referral to a partner, both linked to the goal.
 */
export function GoalLinksSection({
  d,
  goals,
  onChange,
}: {
  d: PlanOverview;
  goals: Goal[];
  onChange: (o: PlanOverview) => void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const mayEnrol = can('activity.manage') && can('activity.read') && d.facility !== null;
  const mayRefer = can('partner.manage') && can('caseload.read');
  const [open, setOpen] = useState<{ key: string; form: Form }>({ key: '', form: null });
  const [notice, setNotice] = useState<string | null>(null);
  if (goals.length === 0) return null;
  const reload = async (message: string) => {
    onChange(await api.get<PlanOverview>(`/people/${d.person.id}/plan`));
    setOpen({ key: '', form: null });
    setNotice(message);
  };
  return (
    <section className="section" aria-labelledby="plan-links-heading" data-testid="plan-links">
      <Heading level={2} data-size="md" id="plan-links-heading">
        {t('plan.links.heading')}
      </Heading>
      <Paragraph>{t('plan.links.intro')}</Paragraph>
      {notice && (
        <Alert data-color="success" role="status" data-testid="plan-links-notice">
          {notice}
        </Alert>
      )}
      {goals.map((g) => {
        const links = d.links.find((l) => l.goalKey === g.key);
        const form = open.key === g.key ? open.form : null;
        return (
          <article
            key={g.key}
            className="section"
            data-testid={`goal-${g.key}`}
            aria-labelledby={`goal-h-${g.key}`}
          >
            <Heading level={3} data-size="sm" id={`goal-h-${g.key}`}>
              {label(t, 'assess.need', g.needArea)}: {g.description}
            </Heading>
            <LinkLists links={links} />
            <div className="field-row">
              {mayEnrol && (
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-expanded={form === 'activity'}
                  onClick={() => setOpen({ key: g.key, form: form === 'activity' ? null : 'activity' })}
                >
                  {t('plan.links.enrol')}
                </Button>
              )}
              {mayRefer && (
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-expanded={form === 'referral'}
                  onClick={() => setOpen({ key: g.key, form: form === 'referral' ? null : 'referral' })}
                >
                  {t('plan.links.refer')}
                </Button>
              )}
            </div>
            {form === 'activity' && d.facility && (
              <EnrolForm
                personId={d.person.id}
                facilityId={d.facility.id}
                goal={g}
                onDone={(name, waiting) =>
                  reload(t(waiting ? 'plan.links.waiting' : 'plan.links.enrolled', { name }))
                }
              />
            )}
            {form === 'referral' && (
              <ReferralForm
                personId={d.person.id}
                goal={g}
                area={links?.referralArea ?? 'housing'}
                onDone={(partner) => reload(t('plan.links.referred', { partner }))}
              />
            )}
          </article>
        );
      })}
    </section>
  );
}

function LinkLists({ links }: { links: GoalLinks | undefined }) {
  const { t, locale } = useI18n();
  const activities = links?.activities ?? [];
  const referrals = links?.referrals ?? [];
  return (
    <>
      {activities.length === 0 ? (
        <Paragraph>{t('plan.links.noActivities')}</Paragraph>
      ) : (
        <ul data-testid="goal-activities" aria-label={t('plan.links.activities')}>
          {activities.map((a) => (
            <li key={a.enrolmentId}>
              <AppLink to={`/aktiviteter/${a.activity.id}`}>{a.activity.name}</AppLink>{' '}
              {a.status === 'enrolled' ? (
                <Tag data-color="success">
                  {t('plan.links.statusEnrolled', { date: formatDate(a.enrolledOn, locale) })}
                </Tag>
              ) : (
                <Tag data-color="warning">{t('plan.links.statusWaiting', { n: a.waitingPosition ?? 0 })}</Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      {referrals.length > 0 && (
        <ul data-testid="goal-referrals" aria-label={t('plan.links.referrals')}>
          {referrals.map((r) => (
            <li key={r.id}>
              {t('plan.links.referralTo', { partner: r.partner.name, date: formatDate(r.sentOn, locale) })}{' '}
              <Tag data-color="info">{label(t, 'referrals.status', r.status)}</Tag>
              {r.answer ? ` – ${r.answer}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function EnrolForm({
  personId,
  facilityId,
  goal,
  onDone,
}: {
  personId: string;
  facilityId: string;
  goal: Goal;
  onDone: (name: string, waiting: boolean) => Promise<void>;
}) {
  const { t } = useI18n();
  const list = useApi(
    (signal) => api.get<{ items: Activity[] }>('/activities', { facilityId }, signal),
    [facilityId],
  );
  const [chosen, setChosen] = useState('');
  const submit = useSubmit(['personId', 'goalKey'] as const);
  const items = list.data?.items ?? [];
  const activityId = chosen || items[0]?.id || '';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await submit.run(() =>
      api.post<{ status: 'enrolled' | 'waiting' }>(`/activities/${activityId}/enrolments`, {
        personId,
        goalKey: goal.key,
      }),
    );
    const name = items.find((a) => a.id === activityId)?.name ?? '';
    if (res) await onDone(name, res.status === 'waiting');
  };
  if (list.loading && !list.data) return <Loading />;
  return (
    <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="goal-enrol-form">
      <ErrorSummary level={4} error={submit.error} />
      {items.length === 0 ? (
        <Paragraph>{t('plan.links.noCatalogue')}</Paragraph>
      ) : (
        <>
          <SelectField label={t('plan.links.activity')} value={activityId} onChange={setChosen}>
            {items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.enrolled < a.places
                  ? t('plan.links.free', { name: a.name, n: a.places - a.enrolled })
                  : t('plan.links.full', { name: a.name, n: a.waiting })}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" disabled={submit.busy || !activityId}>
              {t('plan.links.enrolSubmit')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

function ReferralForm({
  personId,
  goal,
  area,
  onDone,
}: {
  personId: string;
  goal: Goal;
  area: string;
  onDone: (partner: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const partners = useApi((signal) => api.get<{ items: Partner[] }>('/partners', {}, signal), []);
  const [form, setForm] = useState({ partnerId: '', needArea: area, text: '' });
  const submit = useSubmit(['partnerId', 'needArea', 'text', 'goalKey'] as const);
  const items = partners.data?.items ?? [];
  const partnerId = form.partnerId || items[0]?.id || '';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await submit.run(() =>
      api.post<{ id: string }>('/referrals', {
        personId,
        partnerId,
        needArea: form.needArea,
        text: form.text,
        goalKey: goal.key,
      }),
    );
    if (res) await onDone(items.find((p) => p.id === partnerId)?.name ?? '');
  };
  if (partners.loading && !partners.data) return <Loading />;
  return (
    <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="goal-referral-form">
      <ErrorSummary level={4} error={submit.error} />
      {items.length === 0 ? (
        <Paragraph>{t('plan.links.noPartners')}</Paragraph>
      ) : (
        <>
          <SelectField
            label={t('partners.partner')}
            value={partnerId}
            error={submit.fieldErrors.partnerId}
            onChange={(v) => setForm({ ...form, partnerId: v })}
          >
            {items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('referrals.needArea')}
            value={form.needArea}
            error={submit.fieldErrors.needArea}
            onChange={(needArea) => setForm({ ...form, needArea })}
          >
            {REFERRAL_AREAS.map((a) => (
              <option key={a} value={a}>
                {label(t, 'referrals.area', a)}
              </option>
            ))}
          </SelectField>
          <Textfield
            multiline
            rows={3}
            label={t('referrals.text')}
            value={form.text}
            error={submit.fieldErrors.text}
            onChange={(e) => setForm({ ...form, text: e.target.value })}
          />
          <div>
            <Button type="submit" disabled={submit.busy || !partnerId}>
              {t('referrals.send')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
