import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { FieldSummary, fieldId } from '../assessments/FieldSummary.tsx';
import { label } from '../incidents/labels.ts';
import { useSubmit } from '../queue/useSubmit.ts';
import type { Checklist } from './types.ts';

// The release decision (løslatelsesvedtak) on a checklist's sentence: the current one and its
// history, and the form for those who decide (docs/API.md, Release decisions).

const FORMS = ['parole', 'term_end', 'early_release_crisis'] as const;
type Form = (typeof FORMS)[number];
const CONDITIONS = [
  'work_education',
  'treatment',
  'residence',
  'reporting',
  'abstinence',
  'no_contact',
] as const;
type Condition = (typeof CONDITIONS)[number];
const GATES = ['alone', 'network', 'escorted', 'police'] as const;
type Risk = 'low' | 'moderate' | 'high';
type OpenItem = { area: string; status: string; owner: string; dueDate: string | null };

type Decision = {
  id: string;
  number: number;
  status: 'current' | 'superseded';
  form: Form;
  releaseDate: string;
  keyDate: string | null;
  conditions: Condition[];
  statutoryConditions: 'no_new_crime'[];
  gate: (typeof GATES)[number];
  notifyVictim: boolean;
  notifyPolice: boolean;
  justification: string | null;
  assessment: { id: string; number: number | null; releaseRisk: Risk | null } | null;
  significant: boolean;
  significance: string[];
  victims: number;
  openItems: OpenItem[];
  decidedBy: string;
  decidedAt: string;
};
type Decisions = { sentenceId: string; current: Decision | null; history: Decision[] };
type Proposal = {
  decidable: boolean;
  currentVersion: number | null;
  keyDates: { parole: string | null; termEnd: string | null; crisisEarlyRelease: string | null };
  assessment: { id: string; number: number; assessedOn: string; releaseRisk: Risk | null } | null;
  significant: boolean;
  significance: string[];
  victims: number;
  conditions: { condition: Condition; reason: string }[];
  notifyVictim: boolean;
  notifyPolice: boolean;
  openItems: OpenItem[];
};

const FIELDS = [
  'form',
  'releaseDate',
  'conditions',
  'gate',
  'notifyVictim',
  'justification',
  'assessmentId',
] as const;
const id = (path: string) => fieldId('release', path);

const reasonsText = (t: Translate, reasons: string[]) =>
  reasons.map((r) => label(t, 'releaseDecision.reason', r)).join(', ');
const areasText = (t: Translate, items: OpenItem[]) =>
  items.map((i) => label(t, 'release.area', i.area)).join(', ');

function dateOf(form: Form, p: Proposal): string | null {
  if (form === 'parole') return p.keyDates.parole;
  if (form === 'term_end') return p.keyDates.termEnd;
  return p.keyDates.crisisEarlyRelease;
}

/** The checklist's sentence: the release decision, its history, and the form to make or change it. */
export function ReleaseDecisionSection({ checklist }: { checklist: Checklist }) {
  const { t } = useI18n();
  const headingId = useId();
  const [generation, setGeneration] = useState(0);
  const decisions = useApi(
    (signal) => api.get<Decisions>(`/release/decisions/${checklist.sentenceId}`, {}, signal),
    [checklist.sentenceId, generation],
  );
  const proposal = useApi(
    (signal) => api.get<Proposal>(`/release/decisions/${checklist.sentenceId}/proposal`, {}, signal),
    [checklist.sentenceId, generation],
  );
  const [saved, setSaved] = useState<number | null>(null);
  const error = decisions.error ?? proposal.error;
  return (
    <section aria-labelledby={headingId} className="section" data-testid="release-decision">
      <Heading level={2} data-size="md" id={headingId}>
        {t('releaseDecision.heading')}
      </Heading>
      {error !== undefined && <ErrorAlert error={error} />}
      {(!decisions.data || !proposal.data) && error === undefined && <Loading />}
      {saved !== null && (
        <Alert data-color="success" role="status">
          {t('releaseDecision.saved', { number: saved })}
        </Alert>
      )}
      {decisions.data && <DecisionsView data={decisions.data} />}
      {proposal.data && decisions.data && (
        <DecisionForm
          key={`${generation}`}
          sentenceId={checklist.sentenceId}
          proposal={proposal.data}
          onSaved={(number) => {
            setSaved(number);
            setGeneration((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

function DecisionFacts({ d }: { d: Decision }) {
  const { t, locale } = useI18n();
  const conditions = [
    ...d.statutoryConditions.map(() => t('releaseDecision.statutoryShort')),
    ...d.conditions.map((c) => label(t, 'releaseDecision.condition', c)),
  ];
  const notify = [
    d.notifyVictim ? t('releaseDecision.notifyVictim') : null,
    d.notifyPolice ? t('releaseDecision.notifyPolice') : null,
  ].filter((x): x is string => x !== null);
  return (
    <Facts
      items={[
        { label: t('releaseDecision.form'), value: label(t, 'releaseDecision.form', d.form) },
        { label: t('releaseDecision.releaseDate'), value: formatDate(d.releaseDate, locale) },
        { label: t('releaseDecision.conditions'), value: conditions.length ? conditions.join('; ') : '–' },
        { label: t('releaseDecision.gate'), value: label(t, 'releaseDecision.gate', d.gate) },
        { label: t('releaseDecision.notify'), value: notify.length ? notify.join(', ') : '–' },
        {
          label: t('releaseDecision.significant'),
          value: d.significant
            ? t('releaseDecision.significantYes', { reasons: reasonsText(t, d.significance) })
            : t('common.no'),
        },
        { label: t('releaseDecision.justification'), value: d.justification ?? '–' },
        {
          label: t('releaseDecision.assessment'),
          value: d.assessment
            ? `${d.assessment.number ?? ''} – ${label(t, 'releaseDecision.risk', d.assessment.releaseRisk ?? 'none')}`
            : t('releaseDecision.assessmentNone'),
        },
        {
          label: t('releaseDecision.openItems'),
          value: d.openItems.length ? areasText(t, d.openItems) : t('releaseDecision.noOpenItems'),
        },
        {
          label: t('releaseDecision.col.decided'),
          value: t('releaseDecision.decidedBy', {
            name: d.decidedBy,
            at: formatDateTime(d.decidedAt, locale),
          }),
        },
      ]}
    />
  );
}

function DecisionsView({ data }: { data: Decisions }) {
  const { t, locale } = useI18n();
  if (!data.current) return <Paragraph>{t('releaseDecision.none')}</Paragraph>;
  return (
    <>
      <Heading level={3} data-size="sm">
        {t('releaseDecision.current', { number: data.current.number })}
      </Heading>
      <div data-testid="release-decision-current">
        <DecisionFacts d={data.current} />
      </div>
      {data.history.length > 0 && (
        <>
          <Heading level={3} data-size="sm">
            {t('releaseDecision.history')}
          </Heading>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <div className="table-scroll" tabIndex={0}>
            <Table border zebra data-testid="release-decision-history">
              <caption>{t('releaseDecision.historyCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('releaseDecision.col.number')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('releaseDecision.form')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('releaseDecision.releaseDate')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('releaseDecision.gate')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('releaseDecision.justification')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('releaseDecision.col.decided')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.history.map((h) => (
                  <Table.Row key={h.id}>
                    <Table.Cell>{h.number}</Table.Cell>
                    <Table.Cell>{label(t, 'releaseDecision.form', h.form)}</Table.Cell>
                    <Table.Cell>{formatDate(h.releaseDate, locale)}</Table.Cell>
                    <Table.Cell>{label(t, 'releaseDecision.gate', h.gate)}</Table.Cell>
                    <Table.Cell>{h.justification ?? '–'}</Table.Cell>
                    <Table.Cell>
                      {t('releaseDecision.decidedBy', {
                        name: h.decidedBy,
                        at: formatDateTime(h.decidedAt, locale),
                      })}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </>
  );
}

function DecisionForm({
  sentenceId,
  proposal: p,
  onSaved,
}: {
  sentenceId: string;
  proposal: Proposal;
  onSaved: (number: number) => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const headingId = useId();
  const initialForm: Form = p.keyDates.parole ? 'parole' : 'term_end';
  const [form, setForm] = useState<Form>(initialForm);
  const [releaseDate, setReleaseDate] = useState(dateOf(initialForm, p) ?? '');
  const [conditions, setConditions] = useState<Condition[]>(p.conditions.map((c) => c.condition));
  const [gate, setGate] = useState<string>('alone');
  const [notifyVictim, setNotifyVictim] = useState(p.notifyVictim);
  const [notifyPolice, setNotifyPolice] = useState(p.notifyPolice);
  const [justification, setJustification] = useState('');
  const submit = useSubmit(FIELDS);
  if (!can('release.decide')) return null;
  if (!p.decidable) return <Paragraph>{t('releaseDecision.notDecidable')}</Paragraph>;
  const proposed = new Map(p.conditions.map((c) => [c.condition, c.reason]));
  const forms = FORMS.filter((f) => f !== 'early_release_crisis' || p.keyDates.crisisEarlyRelease !== null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.post<Decisions>('/release/decisions', {
        sentenceId,
        expectedVersion: p.currentVersion,
        form,
        releaseDate,
        conditions: form === 'term_end' ? [] : CONDITIONS.filter((c) => conditions.includes(c)),
        gate,
        notifyVictim,
        notifyPolice,
        justification: justification.trim() || undefined,
      }),
    );
    if (done?.current) onSaved(done.current.number);
  };
  return (
    <section aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {p.currentVersion === null ? t('releaseDecision.newHeading') : t('releaseDecision.changeHeading')}
      </Heading>
      {p.significant && (
        <Alert data-color="warning" data-testid="release-significant">
          <Heading level={4} data-size="xs">
            {t('releaseDecision.significant')}
          </Heading>
          <Paragraph>
            {t('releaseDecision.significantText', { reasons: reasonsText(t, p.significance) })}
          </Paragraph>
        </Alert>
      )}
      {p.openItems.length > 0 && (
        <Alert data-color="warning" data-testid="release-open-items">
          <Heading level={4} data-size="xs">
            {t('releaseDecision.openItems')}
          </Heading>
          <Paragraph>{t('releaseDecision.openItemsText', { items: areasText(t, p.openItems) })}</Paragraph>
        </Alert>
      )}
      <div id="release-summary" tabIndex={-1}>
        <FieldSummary error={submit.error} prefix="release" />
      </div>
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="release-decision-form">
        <Fieldset id={id('form')}>
          <Fieldset.Legend>{t('releaseDecision.form')}</Fieldset.Legend>
          {submit.fieldErrors.form && (
            <Alert data-color="danger">
              <Paragraph>{submit.fieldErrors.form}</Paragraph>
            </Alert>
          )}
          {forms.map((f) => {
            const date = dateOf(f, p);
            const name = label(t, 'releaseDecision.form', f);
            return (
              <Radio
                key={f}
                name="release-form"
                value={f}
                label={
                  date
                    ? t('releaseDecision.formDate', { form: name, date: formatDate(date, locale) })
                    : t('releaseDecision.formNoDate', { form: name })
                }
                checked={form === f}
                onChange={() => {
                  setForm(f);
                  if (date) setReleaseDate(date);
                }}
              />
            );
          })}
        </Fieldset>
        <Textfield
          id={id('releaseDate')}
          type="date"
          label={t('releaseDecision.releaseDate')}
          value={releaseDate}
          error={submit.fieldErrors.releaseDate}
          onChange={(e) => setReleaseDate(e.target.value)}
        />
        {form !== 'term_end' && (
          <Fieldset id={id('conditions')}>
            <Fieldset.Legend>{t('releaseDecision.conditions')}</Fieldset.Legend>
            <Fieldset.Description>
              {t('releaseDecision.statutory')} {t('releaseDecision.conditionsHelp')}
            </Fieldset.Description>
            {submit.fieldErrors.conditions && (
              <Alert data-color="danger">
                <Paragraph>{submit.fieldErrors.conditions}</Paragraph>
              </Alert>
            )}
            {CONDITIONS.map((c) => {
              const reason = proposed.get(c);
              const name = label(t, 'releaseDecision.condition', c);
              return (
                <Checkbox
                  key={c}
                  value={c}
                  label={
                    reason
                      ? t('releaseDecision.proposed', {
                          label: name,
                          reason: label(t, 'releaseDecision.proposalReason', reason),
                        })
                      : name
                  }
                  checked={conditions.includes(c)}
                  onChange={(e) =>
                    setConditions((list) => (e.target.checked ? [...list, c] : list.filter((x) => x !== c)))
                  }
                />
              );
            })}
          </Fieldset>
        )}
        <SelectField
          id={id('gate')}
          label={t('releaseDecision.gate')}
          value={gate}
          error={submit.fieldErrors.gate}
          onChange={setGate}
        >
          {GATES.map((g) => (
            <option key={g} value={g}>
              {label(t, 'releaseDecision.gate', g)}
            </option>
          ))}
        </SelectField>
        <Fieldset>
          <Fieldset.Legend>{t('releaseDecision.notify')}</Fieldset.Legend>
          <Checkbox
            id={id('notifyVictim')}
            label={t('releaseDecision.notifyVictim')}
            description={p.victims > 0 ? t('releaseDecision.notifyVictimHelp', { n: p.victims }) : undefined}
            checked={notifyVictim}
            error={submit.fieldErrors.notifyVictim}
            onChange={(e) => setNotifyVictim(e.target.checked)}
          />
          <Checkbox
            label={t('releaseDecision.notifyPolice')}
            description={p.notifyPolice ? t('releaseDecision.notifyPoliceHelp') : undefined}
            checked={notifyPolice}
            onChange={(e) => setNotifyPolice(e.target.checked)}
          />
        </Fieldset>
        <Textfield
          id={id('justification')}
          multiline
          rows={4}
          label={
            p.significant ? t('releaseDecision.justificationRequired') : t('releaseDecision.justification')
          }
          description={
            p.significant
              ? t('releaseDecision.significantText', { reasons: reasonsText(t, p.significance) })
              : undefined
          }
          value={justification}
          error={submit.fieldErrors.justification}
          onChange={(e) => setJustification(e.target.value)}
        />
        <div id={id('assessmentId')} tabIndex={-1}>
          <Heading level={4} data-size="2xs">
            {t('releaseDecision.assessment')}
          </Heading>
          <Paragraph data-testid="release-assessment">
            {p.assessment
              ? t('releaseDecision.assessmentLine', {
                  number: p.assessment.number,
                  date: formatDate(p.assessment.assessedOn, locale),
                  risk: label(t, 'releaseDecision.risk', p.assessment.releaseRisk ?? 'none'),
                })
              : t('releaseDecision.assessmentNone')}
          </Paragraph>
          {submit.fieldErrors.assessmentId && (
            <Alert data-color="danger">
              <Paragraph>{submit.fieldErrors.assessmentId}</Paragraph>
            </Alert>
          )}
        </div>
        <div>
          <Button type="submit" disabled={submit.busy}>
            {p.currentVersion === null ? t('releaseDecision.submit') : t('releaseDecision.submitChange')}
          </Button>
        </div>
      </form>
    </section>
  );
}
