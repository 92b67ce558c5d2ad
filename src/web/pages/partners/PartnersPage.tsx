import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert, ErrorSummary } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page } from '../../types.ts';
import { label } from '../incidents/labels.ts';
import { type PlanOverview, label as planLabel } from '../plans/types.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import {
  NEED_AREAS,
  PARTNER_KINDS,
  type Partner,
  REFERRAL_NEXT,
  REFERRAL_STATUSES,
  type Referral,
  type ReferralStatus,
} from './types.ts';

type Hit = { id: string; givenName: string; familyName: string; facility: { name: string } | null };

function PartnerForm({ onSaved }: { onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ name: '', kind: 'nav', municipality: '' });
  const submit = useSubmit(['name', 'kind', 'municipality'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() => api.post<Partner>('/partners', form));
    if (created) {
      setForm({ name: '', kind: 'nav', municipality: '' });
      onSaved(created.name);
    }
  };
  return (
    <section aria-labelledby="partner-form-heading">
      <Heading level={3} data-size="sm" id="partner-form-heading">
        {t('partners.addHeading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate data-testid="partner-form">
        <ErrorSummary level={4} error={submit.error} />
        <Textfield
          label={t('partners.name')}
          value={form.name}
          error={submit.fieldErrors.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <SelectField
          label={t('partners.kind')}
          value={form.kind}
          error={submit.fieldErrors.kind}
          onChange={(kind) => setForm({ ...form, kind })}
        >
          {PARTNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {label(t, 'partners.kind', k)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t('partners.municipality')}
          value={form.municipality}
          error={submit.fieldErrors.municipality}
          onChange={(e) => setForm({ ...form, municipality: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('partners.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ContactForm({ partners, onSaved }: { partners: Partner[]; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const empty = { name: '', role: '', phone: '', email: '' };
  const [partnerId, setPartnerId] = useState('');
  const [form, setForm] = useState(empty);
  const submit = useSubmit(['name', 'role', 'phone', 'email'] as const);
  const chosen = partnerId || partners[0]?.id || '';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(() => api.post<Partner>(`/partners/${chosen}/contacts`, form));
    if (saved) {
      onSaved(form.name);
      setForm(empty);
    }
  };
  return (
    <section aria-labelledby="contact-form-heading">
      <Heading level={3} data-size="sm" id="contact-form-heading">
        {t('partners.contactHeading')}
      </Heading>
      <form className="form field-row" onSubmit={onSubmit} noValidate data-testid="contact-form">
        <ErrorSummary level={4} error={submit.error} />
        <SelectField label={t('partners.partner')} value={chosen} onChange={setPartnerId}>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t('partners.contactName')}
          value={form.name}
          error={submit.fieldErrors.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <Textfield
          label={t('partners.contactRole')}
          value={form.role}
          error={submit.fieldErrors.role}
          onChange={(e) => setForm({ ...form, role: e.target.value })}
        />
        <Textfield
          label={t('partners.phone')}
          value={form.phone}
          error={submit.fieldErrors.phone}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
        <Textfield
          type="email"
          label={t('partners.email')}
          value={form.email}
          error={submit.fieldErrors.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={submit.busy || !chosen}>
            {t('partners.addContact')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ReferralForm({ partners, onSaved }: { partners: Partner[]; onSaved: (r: Referral) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [searchError, setSearchError] = useState<unknown>(undefined);
  const [form, setForm] = useState({
    partnerId: '',
    contactId: '',
    needArea: 'housing',
    text: '',
    goalKey: '',
  });
  const submit = useSubmit(['personId', 'partnerId', 'contactId', 'needArea', 'text', 'goalKey'] as const);
  const { can } = useAuth();
  // The chosen person's current plan: its goals are offered as what the referral serves.
  const [plan, setPlan] = useState<PlanOverview | null>(null);
  const goals = (plan?.agreed ?? plan?.draft)?.goals ?? [];
  const choose = async (chosen: { id: string; name: string }) => {
    setPerson(chosen);
    setHits(null);
    setPlan(null);
    setForm((f) => ({ ...f, goalKey: '' }));
    if (!can('plan.read')) return;
    try {
      setPlan(await api.get<PlanOverview>(`/people/${chosen.id}/plan`));
    } catch (e) {
      setSearchError(e);
    }
  };
  const partnerId = form.partnerId || partners[0]?.id || '';
  const contacts = partners.find((p) => p.id === partnerId)?.contacts ?? [];

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setSearchError(undefined);
    if (!query.trim()) return;
    try {
      const page = await api.get<Page<Hit>>('/people', { q: query.trim(), pageSize: 10 });
      setHits(page.items);
    } catch (e) {
      setSearchError(e);
    }
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() =>
      api.post<Referral>('/referrals', {
        personId: person?.id ?? '',
        partnerId,
        contactId: form.contactId || null,
        needArea: form.needArea,
        text: form.text,
        goalKey: form.goalKey || null,
      }),
    );
    if (created) {
      setForm({ partnerId: '', contactId: '', needArea: 'housing', text: '', goalKey: '' });
      setPerson(null);
      setPlan(null);
      setHits(null);
      setQuery('');
      onSaved(created);
    }
  };
  return (
    <section aria-labelledby="referral-form-heading">
      <Heading level={3} data-size="sm" id="referral-form-heading">
        {t('referrals.newHeading')}
      </Heading>
      <form className="form field-row" onSubmit={search} noValidate>
        <Textfield label={t('referrals.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <div>
          <Button type="submit" variant="secondary">
            {t('referrals.searchButton')}
          </Button>
        </div>
      </form>
      {searchError !== undefined && <ErrorAlert error={searchError} />}
      {hits && hits.length === 0 && <Paragraph>{t('referrals.noHits')}</Paragraph>}
      {hits && hits.length > 0 && (
        <ul data-testid="referral-hits">
          {hits.map((h) => {
            const name = `${h.givenName} ${h.familyName}`;
            return (
              <li key={h.id}>
                <Button variant="secondary" data-size="sm" onClick={() => choose({ id: h.id, name })}>
                  {t('referrals.choose', { name })}
                </Button>{' '}
                {h.facility?.name ?? ''}
              </li>
            );
          })}
        </ul>
      )}
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="referral-form">
        <ErrorSummary level={4} error={submit.error} />
        <Paragraph data-testid="referral-person">
          {person ? t('referrals.person', { name: person.name }) : t('referrals.noPerson')}
        </Paragraph>
        {submit.fieldErrors.personId && (
          <Paragraph data-color="danger">{submit.fieldErrors.personId}</Paragraph>
        )}
        <SelectField
          label={t('partners.partner')}
          value={partnerId}
          error={submit.fieldErrors.partnerId}
          onChange={(v) => setForm({ ...form, partnerId: v, contactId: '' })}
        >
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('referrals.contact')}
          value={form.contactId}
          error={submit.fieldErrors.contactId}
          onChange={(contactId) => setForm({ ...form, contactId })}
        >
          <option value="">{t('referrals.noContact')}</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {person && goals.length > 0 && (
          <SelectField
            label={t('plan.links.goalOptional')}
            value={form.goalKey}
            error={submit.fieldErrors.goalKey}
            onChange={(goalKey) => {
              const area = plan?.links.find((l) => l.goalKey === goalKey)?.referralArea;
              setForm({ ...form, goalKey, ...(area && { needArea: area }) });
            }}
          >
            <option value="">{t('plan.links.noGoal')}</option>
            {goals.map((g) => (
              <option key={g.key} value={g.key}>
                {planLabel(t, 'assess.need', g.needArea)}: {g.description}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t('referrals.needArea')}
          value={form.needArea}
          error={submit.fieldErrors.needArea}
          onChange={(needArea) => setForm({ ...form, needArea })}
        >
          {NEED_AREAS.map((a) => (
            <option key={a} value={a}>
              {label(t, 'referrals.area', a)}
            </option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={4}
          label={t('referrals.text')}
          value={form.text}
          error={submit.fieldErrors.text}
          onChange={(e) => setForm({ ...form, text: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('referrals.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function StatusForm({ referral, onSaved }: { referral: Referral; onSaved: (r: Referral) => void }) {
  const { t } = useI18n();
  const next = REFERRAL_NEXT[referral.status];
  const [status, setStatus] = useState<string>(next[0] ?? '');
  const [answer, setAnswer] = useState('');
  const submit = useSubmit(['status', 'answer'] as const);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(() =>
      api.post<Referral>(`/referrals/${referral.id}/status`, {
        version: referral.version,
        status,
        answer: answer.trim() ? answer : undefined,
      }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <section aria-labelledby="status-form-heading">
      <Heading level={3} data-size="sm" id="status-form-heading">
        {t('referrals.statusHeading', { name: referral.person.name, partner: referral.partner.name })}
      </Heading>
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="status-form">
        <ErrorSummary level={4} error={submit.error} />
        <SelectField
          label={t('referrals.newStatus')}
          value={status}
          error={submit.fieldErrors.status}
          onChange={setStatus}
        >
          {next.map((s) => (
            <option key={s} value={s}>
              {label(t, 'referrals.status', s)}
            </option>
          ))}
        </SelectField>
        <Textfield
          multiline
          rows={3}
          label={t('referrals.answer')}
          description={t('referrals.answerHelp')}
          value={answer}
          error={submit.fieldErrors.answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('referrals.saveStatus')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const statusColor = (s: ReferralStatus) =>
  s === 'accepted' || s === 'done' ? 'success' : s === 'declined' ? 'danger' : 'neutral';

/** Partners with their contact persons, and referrals of inmates to them with the partner's answer. */
export function PartnersPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('partners.title'));
  const { can } = useAuth();
  const manage = can('partner.manage');
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<Referral | null>(null);
  const partners = useApi((signal) => api.get<{ items: Partner[] }>('/partners', {}, signal), []);
  const referrals = useApi(
    (signal) => api.get<{ items: Referral[] }>('/referrals', { status: status || undefined }, signal),
    [status],
  );
  const partnerList = partners.data?.items ?? [];

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('partners.title')}
      </Heading>
      <Paragraph>{t('partners.intro')}</Paragraph>
      {notice && (
        <Alert data-color="success" data-testid="partners-notice">
          {notice}
        </Alert>
      )}
      <Heading level={2} data-size="md">
        {t('partners.listHeading')}
      </Heading>
      {partners.error !== undefined && <ErrorAlert error={partners.error} />}
      {partners.loading && !partners.data && <Loading />}
      {partners.data && partnerList.length === 0 && <Paragraph>{t('partners.none')}</Paragraph>}
      {partnerList.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0}>
          <Table border zebra data-testid="partners-table">
            <caption>{t('partners.listHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('partners.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partners.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partners.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partners.contacts')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {partnerList.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.name}</Table.Cell>
                  <Table.Cell>{label(t, 'partners.kind', p.kind)}</Table.Cell>
                  <Table.Cell>{p.municipality}</Table.Cell>
                  <Table.Cell>
                    {p.contacts.length === 0
                      ? t('partners.noContacts')
                      : p.contacts
                          .map((c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(', '))
                          .join('; ')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {manage && (
        <>
          <PartnerForm
            onSaved={(name) => {
              setNotice(t('partners.added', { name }));
              partners.reload();
            }}
          />
          {partnerList.length > 0 && (
            <ContactForm
              partners={partnerList}
              onSaved={(name) => {
                setNotice(t('partners.contactAdded', { name }));
                partners.reload();
              }}
            />
          )}
        </>
      )}

      <Heading level={2} data-size="md">
        {t('referrals.heading')}
      </Heading>
      <div className="form field-row">
        <SelectField label={t('referrals.filterStatus')} value={status} onChange={setStatus}>
          <option value="">{t('common.all')}</option>
          {REFERRAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(t, 'referrals.status', s)}
            </option>
          ))}
        </SelectField>
      </div>
      {referrals.error !== undefined && <ErrorAlert error={referrals.error} />}
      {referrals.loading && !referrals.data && <Loading />}
      {referrals.data && referrals.data.items.length === 0 && <Paragraph>{t('referrals.none')}</Paragraph>}
      {referrals.data && referrals.data.items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0}>
          <Table border zebra data-testid="referrals-table">
            <caption>{t('referrals.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('referrals.col.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partners.partner')}</Table.HeaderCell>
                <Table.HeaderCell>{t('referrals.needArea')}</Table.HeaderCell>
                <Table.HeaderCell>{t('referrals.col.sent')}</Table.HeaderCell>
                <Table.HeaderCell>{t('referrals.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('referrals.answer')}</Table.HeaderCell>
                {manage && <Table.HeaderCell>{t('referrals.col.do')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {referrals.data.items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <AppLink to={`/people/${r.person.id}`}>{r.person.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    {r.partner.name}
                    {r.contact ? ` (${r.contact})` : ''}
                  </Table.Cell>
                  <Table.Cell>
                    {label(t, 'referrals.area', r.needArea)}
                    {r.goal && (
                      <div data-testid="referral-goal">
                        {t('plan.links.goalLabel')}: {r.goal.description}
                      </div>
                    )}
                  </Table.Cell>
                  <Table.Cell>{formatDate(r.sentOn, locale)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={statusColor(r.status)}>{label(t, 'referrals.status', r.status)}</Tag>
                  </Table.Cell>
                  <Table.Cell>{r.answer ?? ''}</Table.Cell>
                  {manage && (
                    <Table.Cell>
                      {REFERRAL_NEXT[r.status].length > 0 && (
                        <Button variant="secondary" data-size="sm" onClick={() => setSelected(r)}>
                          {t('referrals.change', { name: r.person.name, partner: r.partner.name })}
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
      {manage && selected && (
        <StatusForm
          key={selected.id}
          referral={selected}
          onSaved={(r) => {
            setSelected(null);
            setNotice(
              t('referrals.statusSaved', {
                name: r.person.name,
                status: label(t, 'referrals.status', r.status),
              }),
            );
            referrals.reload();
          }}
        />
      )}
      {manage && partnerList.length > 0 && (
        <ReferralForm
          partners={partnerList}
          onSaved={(r) => {
            setNotice(t('referrals.sent', { name: r.person.name, partner: r.partner.name }));
            referrals.reload();
          }}
        />
      )}
    </>
  );
}
