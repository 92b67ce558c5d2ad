import { Button, Checkbox, Fieldset, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../queue/useSubmit.ts';
import { FieldSummary, fieldId } from './FieldSummary.tsx';
import {
  type Assessment,
  label,
  NEED_AREAS,
  NEED_LEVELS,
  OCCASIONS,
  type Overview,
  PURPOSES,
  SECURITY_LEVELS,
} from './types.ts';

type Purpose = (typeof PURPOSES)[number];
type RatingDraft = { on: boolean; probability: string; consequence: string; basis: string };

const SCALE = ['1', '2', '3', '4', '5'];
const levelOf = (score: number) => (score <= 4 ? 'low' : score <= 9 ? 'moderate' : 'high');

const FIELDS = [
  'occasion',
  'eventDescription',
  'assessedOn',
  'informationSources',
  'resources',
  'securityLevel',
  'securityBasis',
  'interpreterLanguage',
  ...PURPOSES.flatMap((_, i) => [`ratings.${i}.basis`, `ratings.${i}.purpose`]),
] as const;

/** A new assessment of a person: needs, resources, risks on the matrix, security need and flags. */
export function NewAssessmentPage() {
  const [params] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const data = useApi(
    (signal) => api.get<Overview>(`/people/${personId}/assessments`, {}, signal),
    [personId],
  );
  if (data.error !== undefined) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  return <AssessmentForm overview={data.data} />;
}

function AssessmentForm({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const title = t('assess.form.heading');
  useDocumentTitle(title);
  const navigate = useNavigate();
  const prev: Assessment | null = overview.current;
  const [form, setForm] = useState({
    occasion: prev ? 'scheduled' : 'intake',
    eventDescription: '',
    assessedOn: todayInOslo(),
    informationSources: '',
    resources: prev?.resources ?? '',
    securityLevel: prev?.securityLevel ?? '',
    securityBasis: prev?.securityBasis ?? '',
    organisedCriteria: prev?.organisedCriteria ?? [],
    networkCrime: prev?.networkCrime ?? false,
    mentalIllnessRisk: prev?.mentalIllnessRisk ?? false,
    interpreterLanguage: prev?.interpreterLanguage ?? '',
    infoflyt: prev?.infoflyt ?? false,
  });
  const [needs, setNeeds] = useState(() =>
    Object.fromEntries(
      NEED_AREAS.map((a) => {
        const n = prev?.needs.find((x) => x.area === a);
        return [a, { level: n?.level ?? 'none', note: n?.note ?? '' }];
      }),
    ),
  );
  const [ratings, setRatings] = useState<Record<Purpose, RatingDraft>>(
    () =>
      Object.fromEntries(
        PURPOSES.map((p) => {
          const r = prev?.ratings.find((x) => x.purpose === p);
          return [
            p,
            {
              on: Boolean(r),
              probability: String(r?.probability ?? 1),
              consequence: String(r?.consequence ?? 1),
              basis: r?.basis ?? '',
            },
          ];
        }),
      ) as Record<Purpose, RatingDraft>,
  );
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const chosen = PURPOSES.filter((p) => ratings[p].on);
  const fieldError = (path: string) => (submit.fieldErrors as Record<string, string | undefined>)[path];
  const id = (path: string) => fieldId('assess', path);

  useEffect(() => {
    if (submit.error) document.getElementById('assess-summary')?.focus();
  }, [submit.error]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      supersedesId: prev?.id ?? null,
      occasion: form.occasion,
      eventDescription: form.occasion === 'event' ? form.eventDescription : undefined,
      assessedOn: form.assessedOn,
      informationSources: form.informationSources,
      needs: NEED_AREAS.map((area) => ({ area, ...needs[area] })),
      resources: form.resources,
      ratings: chosen.map((p) => ({
        purpose: p,
        probability: Number(ratings[p].probability),
        consequence: Number(ratings[p].consequence),
        basis: ratings[p].basis,
      })),
      securityLevel: form.securityLevel || null,
      securityBasis: form.securityLevel ? form.securityBasis : undefined,
      organisedCriteria: form.organisedCriteria,
      networkCrime: form.networkCrime,
      mentalIllnessRisk: form.mentalIllnessRisk,
      interpreterLanguage: form.interpreterLanguage,
      infoflyt: form.infoflyt,
    };
    const created = await submit.run(() =>
      api.post<Assessment>(`/people/${overview.person.id}/assessments`, body),
    );
    if (created) navigate(`/vurdering/person/${overview.person.id}`);
  };

  return (
    <div className="narrow narrow--wide">
      <AppLink to={`/vurdering/person/${overview.person.id}`}>
        {t('assess.title', { name: overview.person.name })}
      </AppLink>
      <Heading level={1} data-size="lg">
        {title}: {overview.person.name}
      </Heading>
      {prev && <Paragraph>{t('assess.form.supersedes', { number: prev.number })}</Paragraph>}
      <div id="assess-summary" tabIndex={-1}>
        <FieldSummary error={submit.error} prefix="assess" />
      </div>
      {submit.formError !== undefined && <ErrorAlert error={submit.formError} />}
      <form className="form" onSubmit={onSubmit} noValidate data-testid="assessment-form">
        <SelectField
          id={id('occasion')}
          label={t('assess.occasion')}
          value={form.occasion}
          error={fieldError('occasion')}
          onChange={(occasion) => set({ occasion })}
        >
          {OCCASIONS.map((o) => (
            <option key={o} value={o}>
              {label(t, 'assess.occasion', o)}
            </option>
          ))}
        </SelectField>
        {form.occasion === 'event' && (
          <Textfield
            id={id('eventDescription')}
            label={t('assess.event')}
            value={form.eventDescription}
            error={fieldError('eventDescription')}
            onChange={(e) => set({ eventDescription: e.target.value })}
          />
        )}
        <Textfield
          id={id('assessedOn')}
          type="date"
          label={t('assess.assessedOn')}
          value={form.assessedOn}
          error={fieldError('assessedOn')}
          onChange={(e) => set({ assessedOn: e.target.value })}
        />
        <Textfield
          id={id('informationSources')}
          multiline
          rows={2}
          label={t('assess.sources')}
          value={form.informationSources}
          error={fieldError('informationSources')}
          onChange={(e) => set({ informationSources: e.target.value })}
        />

        <Heading level={2} data-size="sm">
          {t('assess.needs')}
        </Heading>
        {NEED_AREAS.map((area) => (
          <Fieldset key={area}>
            <Fieldset.Legend>{label(t, 'assess.need', area)}</Fieldset.Legend>
            <div className="field-row">
              <SelectField
                label={t('assess.needLevel')}
                value={needs[area]?.level ?? 'none'}
                onChange={(level) =>
                  setNeeds((n) => ({ ...n, [area]: { note: n[area]?.note ?? '', level } }))
                }
              >
                {NEED_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {label(t, 'assess.needLevel', l)}
                  </option>
                ))}
              </SelectField>
              <Textfield
                label={t('assess.needNote')}
                value={needs[area]?.note ?? ''}
                onChange={(e) =>
                  setNeeds((n) => ({
                    ...n,
                    [area]: { level: n[area]?.level ?? 'none', note: e.target.value },
                  }))
                }
              />
            </div>
          </Fieldset>
        ))}
        <Textfield
          id={id('resources')}
          multiline
          rows={2}
          label={t('assess.resources')}
          value={form.resources}
          error={fieldError('resources')}
          onChange={(e) => set({ resources: e.target.value })}
        />

        <Heading level={2} data-size="sm">
          {t('assess.risks')}
        </Heading>
        <Paragraph>{t('assess.risksIntro')}</Paragraph>
        {PURPOSES.map((p) => {
          const r = ratings[p];
          const index = chosen.indexOf(p);
          const score = Number(r.probability) * Number(r.consequence);
          const setR = (patch: Partial<RatingDraft>) =>
            setRatings((all) => ({ ...all, [p]: { ...all[p], ...patch } }));
          return (
            <Fieldset key={p} data-testid={`rating-${p}`}>
              <Fieldset.Legend>{label(t, 'assess.purpose', p)}</Fieldset.Legend>
              <Checkbox
                label={t('assess.rate', { purpose: label(t, 'assess.purpose', p).toLowerCase() })}
                checked={r.on}
                onChange={(e) => setR({ on: e.target.checked })}
              />
              {r.on && (
                <>
                  <div className="field-row">
                    <SelectField
                      label={t('assess.probability')}
                      value={r.probability}
                      onChange={(probability) => setR({ probability })}
                    >
                      {SCALE.map((s) => (
                        <option key={s} value={s}>
                          {label(t, 'assess.scale', s)}
                        </option>
                      ))}
                    </SelectField>
                    <SelectField
                      label={t('assess.consequence')}
                      value={r.consequence}
                      onChange={(consequence) => setR({ consequence })}
                    >
                      {SCALE.map((s) => (
                        <option key={s} value={s}>
                          {label(t, 'assess.scale', s)}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                  <Paragraph aria-live="polite">
                    <Tag data-color={score >= 10 ? 'danger' : score >= 5 ? 'warning' : 'success'}>
                      {t('assess.computed', { score, level: label(t, 'assess.level', levelOf(score)) })}
                    </Tag>
                  </Paragraph>
                  <Textfield
                    id={id(`ratings.${index}.basis`)}
                    label={`${t('assess.basis')} (${label(t, 'assess.purpose', p).toLowerCase()})`}
                    value={r.basis}
                    error={fieldError(`ratings.${index}.basis`)}
                    onChange={(e) => setR({ basis: e.target.value })}
                  />
                </>
              )}
            </Fieldset>
          );
        })}

        <Heading level={2} data-size="sm">
          {t('assess.security')}
        </Heading>
        <SelectField
          id={id('securityLevel')}
          label={t('assess.securityLevel')}
          value={form.securityLevel}
          error={fieldError('securityLevel')}
          onChange={(securityLevel) => set({ securityLevel })}
        >
          <option value="">{t('assess.securityNone')}</option>
          {SECURITY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {label(t, 'assess.security', l)}
            </option>
          ))}
        </SelectField>
        {form.securityLevel && (
          <Textfield
            id={id('securityBasis')}
            multiline
            rows={2}
            label={t('assess.securityBasis')}
            description={t('assess.significant')}
            value={form.securityBasis}
            error={fieldError('securityBasis')}
            onChange={(e) => set({ securityBasis: e.target.value })}
          />
        )}

        <Heading level={2} data-size="sm">
          {t('assess.recordedFlags')}
        </Heading>
        <Fieldset>
          <Fieldset.Legend>{t('assess.criteria')}</Fieldset.Legend>
          {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => (
            <Checkbox
              key={n}
              label={label(t, 'assess.criterion', n)}
              checked={form.organisedCriteria.includes(n)}
              onChange={(e) =>
                set({
                  organisedCriteria: e.target.checked
                    ? [...form.organisedCriteria, n]
                    : form.organisedCriteria.filter((x) => x !== n),
                })
              }
            />
          ))}
        </Fieldset>
        <Checkbox
          label={t('assess.networkCrime')}
          checked={form.networkCrime}
          onChange={(e) => set({ networkCrime: e.target.checked })}
        />
        <Checkbox
          label={t('assess.mentalIllness')}
          checked={form.mentalIllnessRisk}
          onChange={(e) => set({ mentalIllnessRisk: e.target.checked })}
        />
        <Checkbox
          label={t('assess.infoflyt')}
          checked={form.infoflyt}
          onChange={(e) => set({ infoflyt: e.target.checked })}
        />
        <Textfield
          id={id('interpreterLanguage')}
          label={t('assess.interpreter')}
          value={form.interpreterLanguage}
          error={fieldError('interpreterLanguage')}
          onChange={(e) => set({ interpreterLanguage: e.target.value })}
        />
        <div>
          <Button type="submit" disabled={submit.busy}>
            {t('assess.form.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
