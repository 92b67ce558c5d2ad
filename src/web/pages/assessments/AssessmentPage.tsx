import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Page } from '../../types.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import { AssessmentDetails } from './AssessmentDetails.tsx';
import { FieldSummary, fieldId } from './FieldSummary.tsx';
import { FlagList } from './FlagList.tsx';
import {
  KINDS,
  label,
  type Overview,
  PURPOSES,
  type Restriction,
  SEPARATION_LEVELS,
  SEPARATION_REASONS,
  type Separation,
} from './types.ts';

/** A person's risk and needs: flags, the current assessment, measures, separations and the history. */
export function AssessmentPage({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const data = useApi(
    (signal) => api.get<Overview>(`/people/${personId}/assessments`, {}, signal),
    [personId],
  );
  const d = data.data;
  const title = d ? t('assess.title', { name: d.person.name }) : t('assess.section');
  useDocumentTitle(title);
  const flagsId = useId();
  const currentId = useId();
  const historyId = useId();
  return (
    <>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {title}
        </Heading>
        {can('assessment.manage') && (
          <AppLink to={`/vurdering/ny?personId=${personId}`}>
            {d?.current ? t('assess.review') : t('assess.new')}
          </AppLink>
        )}
      </div>
      <Paragraph>
        <AppLink to={`/people/${personId}`}>{d?.person.name ?? personId}</AppLink>
      </Paragraph>
      <Paragraph>{t('assess.intro')}</Paragraph>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && (
        <>
          <section aria-labelledby={flagsId} className="section">
            <Heading level={2} data-size="md" id={flagsId}>
              {t('assess.flags')}
            </Heading>
            <FlagList flags={d.flags} />
          </section>
          <section aria-labelledby={currentId} className="section" data-testid="current-assessment">
            <Heading level={2} data-size="md" id={currentId}>
              {t('assess.current')}
            </Heading>
            {d.current ? <AssessmentDetails a={d.current} /> : <Paragraph>{t('assess.none')}</Paragraph>}
          </section>
          <Restrictions overview={d} onChanged={data.reload} />
          <Separations overview={d} onChanged={data.reload} />
          {d.history.length > 1 && (
            <section aria-labelledby={historyId} className="section">
              <Heading level={2} data-size="md" id={historyId}>
                {t('assess.history')}
              </Heading>
              <ul>
                {d.history
                  .filter((h) => h.status !== 'current')
                  .map((h) => (
                    <li key={h.id}>
                      <AppLink to={`/vurdering/${h.id}`}>
                        {t('assess.number')} {h.number}
                      </AppLink>
                      : {label(t, 'assess.occasion', h.occasion)}, {h.assessedOn} ({h.createdBy})
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

const RESTRICTION_FIELDS = ['kind', 'justification', 'necessityJustification', 'validFrom'] as const;

function Restrictions({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const formId = useId();
  const proposals = new Map(overview.current?.ratings.map((r) => [r.purpose, r.proposals]) ?? []);
  const rated = PURPOSES.filter((p) => proposals.has(p));
  const [form, setForm] = useState({ kind: '', justification: '', necessityJustification: '' });
  const submit = useSubmit(RESTRICTION_FIELDS);
  const firstProposal = (kind: string) => {
    const purpose = PURPOSES.find((p) => KINDS[p].includes(kind));
    return purpose ? proposals.get(purpose)?.[0] : undefined;
  };
  const stricter = (kind: string) => {
    const purpose = PURPOSES.find((p) => KINDS[p].includes(kind));
    if (!purpose || !kind) return false;
    const least = firstProposal(kind);
    return least === undefined || KINDS[purpose].indexOf(kind) > KINDS[purpose].indexOf(least);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit.run(() =>
      api.post<Restriction>(`/people/${overview.person.id}/restrictions`, {
        kind: form.kind,
        justification: form.justification,
        necessityJustification: form.necessityJustification || undefined,
      }),
    );
    if (created) {
      setForm({ kind: '', justification: '', necessityJustification: '' });
      onChanged();
    }
  };
  const id = (path: string) => fieldId('restriction', path);
  return (
    <section aria-labelledby={headingId} className="section" data-testid="restrictions">
      <Heading level={2} data-size="md" id={headingId}>
        {t('assess.restrictions')}
      </Heading>
      {overview.restrictions.length === 0 ? (
        <Paragraph>{t('assess.noRestrictions')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table border zebra aria-labelledby={headingId}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('assess.restriction.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.purpose')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.restriction.justification')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.col.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overview.restrictions.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    {label(t, 'assess.kind', r.kind)}{' '}
                    {r.moreRestrictive && <Tag data-color="warning">{t('assess.restriction.stricter')}</Tag>}
                  </Table.Cell>
                  <Table.Cell>{label(t, 'assess.purpose', r.purpose)}</Table.Cell>
                  <Table.Cell>
                    {r.justification}
                    {r.necessityJustification && <> ({r.necessityJustification})</>}{' '}
                    <small>
                      {t('assess.restriction.from', {
                        date: formatDate(r.validFrom, locale),
                        number: r.assessmentNumber ?? '–',
                      })}
                    </small>
                  </Table.Cell>
                  <Table.Cell>
                    {r.lifted ? (
                      <>
                        {t('assess.restriction.lifted', { date: formatDate(r.lifted.on, locale) })}.{' '}
                        {t('assess.restriction.liftedBy', {
                          by: r.lifted.by,
                          justification: r.lifted.justification,
                        })}
                      </>
                    ) : (
                      <>
                        <Tag data-color="danger">{t('assess.restriction.inForce')}</Tag>
                        {can('assessment.manage') && <Lift restriction={r} onLifted={onChanged} />}
                      </>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {can('assessment.manage') && overview.current && (
        <form className="form narrow" onSubmit={onSubmit} noValidate aria-labelledby={formId}>
          <Heading level={3} data-size="sm" id={formId}>
            {t('assess.restriction.addHeading')}
          </Heading>
          <FieldSummary error={submit.error} prefix="restriction" />
          {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
          <SelectField
            id={id('kind')}
            label={t('assess.restriction.kind')}
            value={form.kind}
            error={submit.fieldErrors.kind}
            onChange={(kind) => setForm({ ...form, kind })}
          >
            <option value="">{t('assess.restriction.kind')} …</option>
            {rated.map((p) => (
              <optgroup key={p} label={label(t, 'assess.purpose', p)}>
                {KINDS[p].map((k) => (
                  <option key={k} value={k}>
                    {label(t, 'assess.kind', k)}
                    {proposals.get(p)?.[0] === k ? ` ${t('assess.restriction.proposed')}` : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <Textfield
            id={id('justification')}
            multiline
            rows={2}
            label={t('assess.restriction.justification')}
            value={form.justification}
            error={submit.fieldErrors.justification}
            onChange={(e) => setForm({ ...form, justification: e.target.value })}
          />
          {stricter(form.kind) && (
            <Textfield
              id={id('necessityJustification')}
              multiline
              rows={2}
              label={t('assess.restriction.necessity')}
              description={t('assess.restriction.necessityHelp')}
              value={form.necessityJustification}
              error={submit.fieldErrors.necessityJustification}
              onChange={(e) => setForm({ ...form, necessityJustification: e.target.value })}
            />
          )}
          <div>
            <Button type="submit" disabled={submit.busy}>
              {t('assess.restriction.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Lift({ restriction, onLifted }: { restriction: Restriction; onLifted: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [justification, setJustification] = useState('');
  const submit = useSubmit(['justification'] as const);
  const kind = label(t, 'assess.kind', restriction.kind);
  if (!open)
    return (
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={() => setOpen(true)}
        aria-label={`${t('assess.restriction.lift')}: ${kind}`}
      >
        {t('assess.restriction.lift')}
      </Button>
    );
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post<Restriction>(`/restrictions/${restriction.id}/lift`, {
        version: restriction.version,
        justification,
      }),
    );
    if (done) onLifted();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      <Textfield
        multiline
        rows={2}
        label={t('assess.restriction.liftJustification')}
        description={t('assess.significant')}
        value={justification}
        error={submit.fieldErrors.justification}
        onChange={(e) => setJustification(e.target.value)}
      />
      <div>
        <Button type="submit" data-size="sm" disabled={submit.busy}>
          {t('assess.restriction.liftConfirm')}
        </Button>
      </div>
    </form>
  );
}

type Hit = { id: string; givenName: string; familyName: string; birthDate: string };
const SEPARATION_FIELDS = ['otherPersonId', 'level', 'reason', 'note'] as const;

function Separations({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const formId = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [form, setForm] = useState({
    otherPersonId: '',
    level: 'department',
    reason: 'co_defendant',
    note: '',
  });
  const search = useSubmit(['q'] as const);
  const submit = useSubmit(SEPARATION_FIELDS);
  const end = useSubmit([] as const);
  const onSearch = async (event: FormEvent) => {
    event.preventDefault();
    const found = await search.run(() => api.get<Page<Hit>>('/people', { q, pageSize: 20 }));
    if (found) {
      const others = found.items.filter((h) => h.id !== overview.person.id);
      setHits(others);
      setForm((f) => ({ ...f, otherPersonId: others[0]?.id ?? '' }));
    }
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() => api.post(`/people/${overview.person.id}/non-associations`, form));
    if (done) {
      setForm({ otherPersonId: '', level: 'department', reason: 'co_defendant', note: '' });
      setHits([]);
      onChanged();
    }
  };
  const onEnd = async (s: Separation) => {
    const done = await end.run(() => api.post(`/non-associations/${s.id}/end`, { version: s.version }));
    if (done) onChanged();
  };
  return (
    <section aria-labelledby={headingId} className="section" data-testid="separations">
      <Heading level={2} data-size="md" id={headingId}>
        {t('assess.separations')}
      </Heading>
      <Paragraph>{t('assess.separation.help')}</Paragraph>
      {end.formError !== undefined && <ErrorAlert error={end.formError} />}
      {overview.nonAssociations.length === 0 ? (
        <Paragraph>{t('assess.noSeparations')}</Paragraph>
      ) : (
        <ul>
          {overview.nonAssociations.map((s) => (
            <li key={s.id}>
              {s.other.name ? (
                <AppLink to={`/people/${s.other.id}`}>{s.other.name}</AppLink>
              ) : (
                t('assess.separation.hidden')
              )}
              : {label(t, 'assess.separation.level', s.level)},{' '}
              {label(t, 'assess.separation.reason', s.reason)} – {s.note}
              {s.endedOn ? (
                <> ({t('assess.separation.ended', { date: formatDate(s.endedOn, locale) })})</>
              ) : (
                can('assessment.manage') && (
                  <>
                    {' '}
                    <Button variant="tertiary" data-size="sm" disabled={end.busy} onClick={() => onEnd(s)}>
                      {t('assess.separation.end')}
                    </Button>
                  </>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {can('assessment.manage') && (
        <>
          <Heading level={3} data-size="sm" id={formId}>
            {t('assess.separation.addHeading')}
          </Heading>
          <form className="form field-row" onSubmit={onSearch} noValidate>
            <Textfield
              label={t('assess.separation.search')}
              value={q}
              error={search.fieldErrors.q}
              onChange={(e) => setQ(e.target.value)}
            />
            <div>
              <Button type="submit" variant="secondary" disabled={search.busy}>
                {t('assess.separation.searchButton')}
              </Button>
            </div>
          </form>
          {search.formError !== undefined && <ErrorAlert error={search.formError} />}
          <form className="form narrow" onSubmit={onSubmit} noValidate aria-labelledby={formId}>
            {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
            <SelectField
              label={t('assess.separation.other')}
              value={form.otherPersonId}
              error={submit.fieldErrors.otherPersonId}
              onChange={(otherPersonId) => setForm({ ...form, otherPersonId })}
            >
              <option value="">{t('assess.separation.choose')}</option>
              {hits.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.givenName} {h.familyName} ({h.birthDate})
                </option>
              ))}
            </SelectField>
            <div className="field-row">
              <SelectField
                label={t('assess.separation.level')}
                value={form.level}
                error={submit.fieldErrors.level}
                onChange={(level) => setForm({ ...form, level })}
              >
                {SEPARATION_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {label(t, 'assess.separation.level', l)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('assess.separation.reason')}
                value={form.reason}
                error={submit.fieldErrors.reason}
                onChange={(reason) => setForm({ ...form, reason })}
              >
                {SEPARATION_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {label(t, 'assess.separation.reason', r)}
                  </option>
                ))}
              </SelectField>
            </div>
            <Textfield
              label={t('assess.separation.note')}
              value={form.note}
              error={submit.fieldErrors.note}
              onChange={(e) => setForm({ ...form, note: e.target.value })}
            />
            <div>
              <Button type="submit" disabled={submit.busy || !form.otherPersonId}>
                {t('assess.separation.add')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
