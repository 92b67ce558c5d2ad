import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, todayInOslo } from '../../i18n/format.ts';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { levelName } from './SecurityLevels.tsx';
import type { Classification, Criteria, LevelResult, UnitLevels } from './types.ts';

const lvl = levelName;
const opt = (t: Translate, key: string) => t(`security.opt.${key}` as MessageKey);

const DEFAULT: Criteria = {
  static: { perimeter: 'wall', cameras: 'full', alarms: true, searches: 'routine', entryControl: true },
  dynamic: { staffPresence: 'regular', contactOfficers: true, activities: 'daily' },
  organisational: {
    staffingPlan: true,
    localInstructions: true,
    trainedPercent: 80,
    incidentHandling: true,
    crisisPlans: true,
  },
};

/** A facility's classification: the level of each department, the history, and a new classification. */
export function SecurityUnitPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const data = useApi((signal) => api.get<UnitLevels>(`/facilities/${id}/security`, {}, signal), [id]);
  useDocumentTitle(data.data ? data.data.facility.name : t('security.title'));
  return (
    <>
      <Paragraph data-size="sm">
        <AppLink to="/sikkerhet">{t('security.back')}</AppLink>
      </Paragraph>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <Heading level={1} data-size="lg">
            {t('security.unitHeading', { name: data.data.facility.name })}
          </Heading>
          <Paragraph data-testid="security-level">
            {t('security.facilityLevel', { level: lvl(t, data.data.level) })}
          </Paragraph>
          {data.data.departments.length > 0 && (
            <Table border zebra data-size="sm">
              <caption>{t('security.departmentsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('security.department')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('security.level')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('security.validFrom')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.data.departments.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell>{d.name}</Table.Cell>
                    <Table.Cell>
                      {lvl(t, d.level)}
                      {d.level && d.inherited ? ` (${t('security.inherited')})` : ''}
                    </Table.Cell>
                    <Table.Cell>{d.validFrom ? formatDate(d.validFrom, locale) : '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {data.data.classifiable && <ClassifyForm unit={data.data} onSaved={data.reload} />}
          <History items={data.data.history} />
        </>
      )}
    </>
  );
}

function History({ items }: { items: Classification[] }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('security.history')}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t('security.noHistory')}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <div className="table-scroll" tabIndex={0}>
          <Table border zebra data-size="sm" data-testid="security-history">
            <caption>{t('security.history')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('security.validFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.level')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.scores')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.justification')}</Table.HeaderCell>
                <Table.HeaderCell>{t('security.classifiedBy')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{formatDate(c.validFrom, locale)}</Table.Cell>
                  <Table.Cell>{c.department ? c.department.name : t('security.wholeFacility')}</Table.Cell>
                  <Table.Cell>{lvl(t, c.level)}</Table.Cell>
                  <Table.Cell>{t('security.scoreLine', c.scores)}</Table.Cell>
                  <Table.Cell>{c.justification}</Table.Cell>
                  <Table.Cell>{c.classifiedBy}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

const FIELDS = ['departmentId', 'validFrom', 'justification'] as const;

function ClassifyForm({ unit, onSaved }: { unit: UnitLevels; onSaved: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const [departmentId, setDepartmentId] = useState('');
  const [validFrom, setValidFrom] = useState(todayInOslo());
  const [criteria, setCriteria] = useState<Criteria>(DEFAULT);
  const [justification, setJustification] = useState('');
  const [preview, setPreview] = useState<LevelResult | null>(null);
  const [saved, setSaved] = useState<Classification | null>(null);
  const submit = useSubmit(FIELDS);
  const calc = useSubmit([] as const);
  const latest = unit.history.find((c) => (c.department?.id ?? '') === departmentId) ?? null;
  const setPart = <K extends keyof Criteria>(k: K, patch: Partial<Criteria[K]>) => {
    setCriteria((c) => ({ ...c, [k]: { ...c[k], ...patch } }));
    setPreview(null);
  };
  const onPreview = async () => {
    const r = await calc.run(() => api.post<LevelResult>('/security/level', criteria));
    if (r) setPreview(r);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const r = await submit.run(() =>
      api.post<Classification>(`/facilities/${unit.facility.id}/security/classifications`, {
        departmentId: departmentId || null,
        validFrom,
        ...criteria,
        justification,
        supersedes: latest?.id ?? null,
      }),
    );
    if (r) {
      setSaved(r);
      setJustification('');
      onSaved();
    }
  };
  const choice = <K extends keyof Criteria, F extends keyof Criteria[K]>(
    k: K,
    f: F,
    options: readonly string[],
  ) => (
    <SelectField
      label={t(`security.crit.${String(f)}` as MessageKey)}
      value={String(criteria[k][f])}
      onChange={(v) => setPart(k, { [f]: v } as Partial<Criteria[K]>)}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {opt(t, o)}
        </option>
      ))}
    </SelectField>
  );
  const check = <K extends keyof Criteria, F extends keyof Criteria[K]>(k: K, f: F) => (
    <Checkbox
      label={t(`security.crit.${String(f)}` as MessageKey)}
      checked={Boolean(criteria[k][f])}
      onChange={(e) => setPart(k, { [f]: e.target.checked } as Partial<Criteria[K]>)}
    />
  );
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('security.classifyHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('security.classifyIntro')}</Paragraph>
      <form className="form narrow" onSubmit={onSubmit} noValidate data-testid="security-form">
        {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
        {saved && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('security.saved', { level: lvl(t, saved.level) })}</Paragraph>
          </Alert>
        )}
        <SelectField
          label={t('security.unit')}
          value={departmentId}
          error={submit.fieldErrors.departmentId}
          onChange={(v) => setDepartmentId(v)}
        >
          <option value="">{t('security.wholeFacility')}</option>
          {unit.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          type="date"
          label={t('security.validFrom')}
          value={validFrom}
          error={submit.fieldErrors.validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
        />
        <Fieldset>
          <Fieldset.Legend>{t('security.component.static')}</Fieldset.Legend>
          {choice('static', 'perimeter', ['none', 'fence', 'wall'])}
          {choice('static', 'cameras', ['none', 'partial', 'full'])}
          {check('static', 'alarms')}
          {choice('static', 'searches', ['on_suspicion', 'routine', 'systematic'])}
          {check('static', 'entryControl')}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('security.component.dynamic')}</Fieldset.Legend>
          {choice('dynamic', 'staffPresence', ['occasional', 'regular', 'constant'])}
          {check('dynamic', 'contactOfficers')}
          {choice('dynamic', 'activities', ['few', 'daily', 'full'])}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('security.component.organisational')}</Fieldset.Legend>
          {check('organisational', 'staffingPlan')}
          {check('organisational', 'localInstructions')}
          <Textfield
            type="number"
            min={0}
            max={100}
            label={t('security.crit.trainedPercent')}
            value={String(criteria.organisational.trainedPercent)}
            onChange={(e) => setPart('organisational', { trainedPercent: Number(e.target.value) || 0 })}
          />
          {check('organisational', 'incidentHandling')}
          {check('organisational', 'crisisPlans')}
        </Fieldset>
        <div>
          <Button type="button" variant="secondary" onClick={onPreview} disabled={calc.busy}>
            {t('security.preview')}
          </Button>
        </div>
        {calc.formError !== undefined && <ErrorAlert error={calc.formError} />}
        <div aria-live="polite" data-testid="security-preview">
          {preview && (
            <Paragraph>
              {t('security.previewResult', { level: lvl(t, preview.level), ...preview.scores })}
              {preview.limitedBy.length > 0 &&
                ` ${t('security.limitedBy', {
                  parts: preview.limitedBy.map((c) => t(`security.component.${c}` as MessageKey)).join(', '),
                })}`}
            </Paragraph>
          )}
        </div>
        <Textfield
          multiline
          rows={3}
          label={t('security.justification')}
          value={justification}
          error={submit.fieldErrors.justification}
          onChange={(e) => setJustification(e.target.value)}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('security.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
