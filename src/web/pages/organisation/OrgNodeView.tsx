import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { AppLink } from '../../components/AppLink.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { OrgNode } from '../../types.ts';

type Level = 2 | 3 | 4 | 5 | 6;

/** One node of the organisation tree: its heading, its own facilities, then its children one level down. */
export function OrgNodeView({ node, level, asOf }: { node: OrgNode; level: Level; asOf: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const n = (value: number) => formatNumber(value, locale);
  const childLevel = Math.min(level + 1, 6) as Level;
  const query = `?asOf=${encodeURIComponent(asOf)}`;

  return (
    <section aria-labelledby={headingId} className={`org-node org-node--${node.kind}`}>
      <div className="org-node__head">
        <Heading level={level} data-size={level === 2 ? 'md' : 'sm'} id={headingId}>
          {node.name}
        </Heading>
        <Tag data-color="neutral" variant="outline">
          {t(`orgKind.${node.kind}`)}
        </Tag>
      </div>
      {node.facilities.length > 0 ? (
        <div className="table-scroll">
          <Table border zebra aria-label={t('org.facilities', { name: node.name })}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('org.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('org.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('org.municipality')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('count.beds')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('count.occupied')}</Table.HeaderCell>
                <Table.HeaderCell className="num">{t('count.free')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {node.facilities.map((facility) => (
                <Table.Row key={facility.id}>
                  <Table.HeaderCell scope="row">
                    <AppLink to={`/organisation/facilities/${facility.id}${query}`}>{facility.name}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell>{t(`facilityKind.${facility.kind}`)}</Table.Cell>
                  <Table.Cell>{facility.municipality}</Table.Cell>
                  <Table.Cell className="num">{n(facility.beds)}</Table.Cell>
                  <Table.Cell className="num">{n(facility.occupied)}</Table.Cell>
                  <Table.Cell className="num">{n(facility.free)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        node.children.length === 0 && (
          <Paragraph data-size="sm">{t('org.noFacilities', { name: node.name })}</Paragraph>
        )
      )}
      {node.children.length > 0 && (
        <div className="org-children">
          {node.children.map((child) => (
            <OrgNodeView key={child.id} node={child} level={childLevel} asOf={asOf} />
          ))}
        </div>
      )}
    </section>
  );
}
