import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate, formatNumber, isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityKind } from '../../types.ts';
import { FacilityOptions } from '../queue/FacilityOptions.tsx';
import { fetchFacilities } from '../queue/facilities.ts';
import type { CohortProposal, Spot } from './types.ts';

const PRISONS: FacilityKind[] = ['prison_high', 'prison_lower', 'halfway_house'];

/**
 * Cohorting (seed 000): the infected inmates of a prison, the department proposed to gather them in
 * and the moves that takes, with a button that carries out all of them at once.
 */
export function CohortPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const facilityId = params.get('facility') ?? '';
  const onParam = params.get('on');
  const on = onParam && isIsoDate(onParam) ? onParam : todayInOslo();
  useDocumentTitle(t('cohort.title'));
  const facilities = useApi((signal) => fetchFacilities(PRISONS, signal), []);
  const proposal = useApi(
    facilityId
      ? (signal) =>
          api.get<CohortProposal>(
            `/facilities/${encodeURIComponent(facilityId)}/cohort-proposal`,
            { on },
            signal,
          )
      : null,
    [facilityId, on],
  );
  const [busy, setBusy] = useState(false);
  const [applyError, setApplyError] = useState<unknown>(undefined);
  const [applied, setApplied] = useState<string | null>(null);

  const choose = (next: { facility?: string; on?: string }) => {
    const p = new URLSearchParams(params);
    if (next.facility !== undefined) p.set('facility', next.facility);
    if (next.on !== undefined) p.set('on', next.on);
    setApplied(null);
    setApplyError(undefined);
    setParams(p, { replace: true });
  };

  const data = proposal.data?.facility.id === facilityId ? proposal.data : undefined;

  const apply = async () => {
    if (!data || busy) return;
    setBusy(true);
    setApplyError(undefined);
    try {
      const result = await api.post<{ moved: number }>(
        `/facilities/${encodeURIComponent(data.facility.id)}/cohort-proposal/apply`,
        {
          on: data.on,
          moves: data.moves.map((m) => ({
            personId: m.person.id,
            fromBedId: m.from.bed.id,
            toBedId: m.to.bed.id,
          })),
        },
      );
      setApplied(t('cohort.applied', { count: formatNumber(result.moved, locale) }));
    } catch (error) {
      setApplyError(error);
    } finally {
      setBusy(false);
      proposal.reload();
    }
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('cohort.title')}
      </Heading>
      <Paragraph>{t('cohort.intro')}</Paragraph>
      <div className="filters">
        <SelectField
          label={t('cohort.facility')}
          value={facilityId}
          onChange={(id) => choose({ facility: id })}
          disabled={facilities.loading}
        >
          <Select.Option value="">
            {facilities.loading ? t('common.loading') : t('cohort.chooseFacility')}
          </Select.Option>
          <FacilityOptions facilities={facilities.data ?? []} kinds={PRISONS} />
        </SelectField>
        <Textfield
          type="date"
          label={t('cohort.on')}
          value={on}
          max={todayInOslo()}
          onChange={(event) => {
            if (isIsoDate(event.target.value)) choose({ on: event.target.value });
          }}
        />
      </div>
      {facilities.error !== undefined && <ErrorAlert error={facilities.error} />}
      {proposal.error !== undefined && <ErrorAlert error={proposal.error} />}
      {facilityId && proposal.loading && !data && <Loading />}
      {applied && (
        <Alert data-color="success" role="status">
          <Paragraph>{applied}</Paragraph>
        </Alert>
      )}
      {data && (
        <ProposalView
          data={data}
          canApply={can('placement.admit')}
          busy={busy}
          applyError={applyError}
          onApply={apply}
          date={formatDate(data.on, locale)}
        />
      )}
    </>
  );
}

function ProposalView({
  data,
  canApply,
  busy,
  applyError,
  onApply,
  date,
}: {
  data: CohortProposal;
  canApply: boolean;
  busy: boolean;
  applyError: unknown;
  onApply: () => void;
  date: string;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const infectedId = useId();
  const movesId = useId();
  const assessedId = useId();
  const spot = (s: Spot) =>
    t('cohort.spot', { department: s.department.name, cell: s.cell.number, bed: s.bed.label });
  const name = (p: { givenName: string; familyName: string; id: string }) => (
    <AppLink to={`/people/${p.id}`}>{`${p.givenName} ${p.familyName}`}</AppLink>
  );

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('cohort.heading')}
      </Heading>
      <Facts
        className="facts--columns"
        items={[
          { label: t('cohort.facility'), value: data.facility.name },
          { label: t('cohort.on'), value: date },
          { label: t('cohort.department'), value: data.department?.name ?? '–' },
          {
            label: t('cohort.singleOccupancy'),
            value: data.singleOccupancy ? t('common.yes') : t('common.no'),
          },
        ]}
      />
      <Alert data-color={data.kind === 'impossible' ? 'warning' : 'info'}>
        <Paragraph>{data.explanation}</Paragraph>
        <Paragraph data-size="sm">
          {t('cohort.rule')}: «{data.rule}»
        </Paragraph>
      </Alert>

      {data.infected.length > 0 && (
        <>
          <Heading level={3} data-size="sm" id={infectedId}>
            {t('cohort.infected', { count: formatNumber(data.infected.length, locale) })}
          </Heading>
          <div className="table-scroll">
            <Table border zebra data-size="sm">
              <caption>{t('cohort.infectedCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('cohort.col.person')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('cohort.col.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('cohort.col.where')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.infected.map((i) => (
                  <Table.Row key={i.person.id}>
                    <Table.HeaderCell scope="row">{name(i.person)}</Table.HeaderCell>
                    <Table.Cell>{t(`cohort.status.${i.status}`)}</Table.Cell>
                    <Table.Cell>{spot(i.at)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}

      {data.kind === 'proposal' && (
        <>
          <Heading level={3} data-size="sm" id={movesId}>
            {t('cohort.moves')}
          </Heading>
          {data.moves.length === 0 ? (
            <Paragraph>{t('cohort.noMoves')}</Paragraph>
          ) : (
            <>
              <div className="table-scroll">
                <Table border zebra data-size="sm">
                  <caption>{t('cohort.movesCaption')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('cohort.col.person')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('cohort.col.from')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('cohort.col.to')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('cohort.col.why')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.moves.map((m) => (
                      <Table.Row key={m.person.id}>
                        <Table.HeaderCell scope="row">{name(m.person)}</Table.HeaderCell>
                        <Table.Cell>{spot(m.from)}</Table.Cell>
                        <Table.Cell>{spot(m.to)}</Table.Cell>
                        <Table.Cell>
                          <Tag data-color={m.why === 'infected' ? 'danger' : 'neutral'}>
                            {t(`cohort.why.${m.why}`)}
                          </Tag>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              {applyError !== undefined && (
                <Alert data-color="danger" role="alert">
                  <Paragraph>{errorMessage(applyError, t)}</Paragraph>
                </Alert>
              )}
              {canApply && (
                <div className="buttons">
                  <Button onClick={onApply} loading={busy}>
                    {t('cohort.apply')}
                  </Button>
                </div>
              )}
            </>
          )}
        </>
      )}

      {data.assessed.length > 0 && (
        <>
          <Heading level={3} data-size="sm" id={assessedId}>
            {t('cohort.assessed')}
          </Heading>
          <div className="table-scroll">
            <Table border zebra data-size="sm">
              <caption>{t('cohort.assessedCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('cohort.col.department')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('cohort.col.holds')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('cohort.col.freeCells')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('cohort.col.movesNeeded')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.assessed.map((a) => (
                  <Table.Row key={a.department.id}>
                    <Table.HeaderCell scope="row">{a.department.name}</Table.HeaderCell>
                    <Table.Cell className="num">{formatNumber(a.holds, locale)}</Table.Cell>
                    <Table.Cell className="num">{formatNumber(a.freeCells, locale)}</Table.Cell>
                    <Table.Cell className="num">
                      {a.moves === null ? t('cohort.cannot') : formatNumber(a.moves, locale)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
