import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Fragment, useId, useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Dashboard } from '../../types.ts';

type Region = Dashboard['regions'][number];

/** Occupancy per region; each region opens to show its facilities as rows beneath it. */
export function RegionTable({ regions }: { regions: Region[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('dashboard.regions')}
      </Heading>
      {regions.length === 0 ? (
        <Paragraph>{t('dashboard.noRegions')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t('dashboard.regionsHelp')}</Paragraph>
          <div className="table-scroll">
            <Table border zebra aria-labelledby={headingId}>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('dashboard.region')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('dashboard.kind')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('count.beds')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('count.occupied')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('count.free')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('count.occupancy')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('single.places')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('single.cellsOver')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {regions.map((region) => (
                  <RegionRows
                    key={region.id}
                    region={region}
                    expanded={open.has(region.id)}
                    onToggle={() => toggle(region.id)}
                  />
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

function RegionRows({
  region,
  expanded,
  onToggle,
}: {
  region: Region;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const n = (value: number) => formatNumber(value, locale);
  const rowsId = useId();

  return (
    <Fragment>
      <Table.Row className="region-row">
        <Table.HeaderCell scope="row">
          <Button
            variant="tertiary"
            data-size="sm"
            aria-expanded={expanded}
            aria-controls={
              expanded && region.facilities.length > 0
                ? region.facilities.map((_, i) => `${rowsId}-${i}`).join(' ')
                : undefined
            }
            onClick={onToggle}
            className="disclosure"
          >
            <span aria-hidden="true" className="disclosure__icon">
              {expanded ? '▾' : '▸'}
            </span>
            {region.name}
          </Button>
        </Table.HeaderCell>
        <Table.Cell />
        <Table.Cell className="num">{n(region.beds)}</Table.Cell>
        <Table.Cell className="num">{n(region.occupied)}</Table.Cell>
        <Table.Cell className="num">{n(region.free)}</Table.Cell>
        <Table.Cell className="num">{formatPercent(region.occupied, region.beds, locale)}</Table.Cell>
        <Table.Cell className="num">{n(region.singleOccupancy.places)}</Table.Cell>
        <Table.Cell className="num">{n(region.singleOccupancy.cellsOverCapacity)}</Table.Cell>
      </Table.Row>
      {expanded &&
        region.facilities.map((facility, index) => (
          <Table.Row key={facility.id} id={`${rowsId}-${index}`} className="facility-row">
            <Table.Cell>
              {can('organisation.read') ? (
                <AppLink to={`/organisation/facilities/${facility.id}`}>{facility.name}</AppLink>
              ) : (
                facility.name
              )}
            </Table.Cell>
            <Table.Cell>{t(`facilityKind.${facility.kind}`)}</Table.Cell>
            <Table.Cell className="num">{n(facility.beds)}</Table.Cell>
            <Table.Cell className="num">{n(facility.occupied)}</Table.Cell>
            <Table.Cell className="num">{n(facility.free)}</Table.Cell>
            <Table.Cell className="num">{formatPercent(facility.occupied, facility.beds, locale)}</Table.Cell>
            <Table.Cell className="num">
              {facility.singleOccupancy.inForce ? n(facility.singleOccupancy.places) : t('single.notInForce')}
            </Table.Cell>
            <Table.Cell className="num">
              {facility.singleOccupancy.inForce ? n(facility.singleOccupancy.cellsOverCapacity) : '–'}
            </Table.Cell>
          </Table.Row>
        ))}
    </Fragment>
  );
}
