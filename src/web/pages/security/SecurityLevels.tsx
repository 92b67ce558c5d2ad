import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatDate } from '../../i18n/format.ts';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.tsx';
import type { UnitLevels } from './types.ts';

/** The name of a security level, or "not classified". */
export function levelName(t: Translate, l: string | null): string {
  return l ? t(`security.level.${l}` as MessageKey) : t('security.unclassified');
}

/** The security level of a facility and of each department on a date (on the facility page). */
export function SecurityLevels({ facilityId, asOf }: { facilityId: string; asOf?: string | undefined }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const levels = useApi(
    (signal) => api.get<UnitLevels>(`/facilities/${facilityId}/security`, { on: asOf }, signal),
    [facilityId, asOf],
  );
  const level = (l: string | null) => levelName(t, l);
  return (
    <section aria-labelledby={headingId} className="section" data-testid="facility-security">
      <Heading level={2} data-size="md" id={headingId}>
        {t('security.levelsHeading')}
      </Heading>
      {levels.error !== undefined && <ErrorAlert error={levels.error} />}
      {levels.data && (
        <>
          <Paragraph>
            {t('security.facilityLevel', { level: level(levels.data.level) })}{' '}
            <AppLink to={`/sikkerhet/${facilityId}`}>{t('security.toClassification')}</AppLink>
          </Paragraph>
          {levels.data.departments.length > 0 && (
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
                {levels.data.departments.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell>{d.name}</Table.Cell>
                    <Table.Cell>
                      {level(d.level)}
                      {d.level && d.inherited ? ` (${t('security.inherited')})` : ''}
                    </Table.Cell>
                    <Table.Cell>{d.validFrom ? formatDate(d.validFrom, locale) : '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
