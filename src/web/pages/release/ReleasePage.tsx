import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { FacilityChoice } from '../activities/types.ts';
import type { Checklist, Checklists } from './types.ts';

/** Releases ahead with their checklists, and people released with items still open. */
export function ReleasePage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('release.title'));
  const [facilityId, setFacilityId] = useState('');
  const facilities = useApi(
    (signal) => api.get<{ items: FacilityChoice[] }>('/activities/facilities', {}, signal),
    [],
  );
  const lists = useApi(
    (signal) => api.get<Checklists>('/release/checklists', { facilityId: facilityId || undefined }, signal),
    [facilityId],
  );
  const days = lists.data?.horizonDays ?? 90;
  const [preparing, setPreparing] = useState(false);
  const [prepareError, setPrepareError] = useState<unknown>(undefined);
  const [created, setCreated] = useState<number | null>(null);
  const prepare = async () => {
    setPreparing(true);
    setPrepareError(undefined);
    setCreated(null);
    try {
      const res = await api.post<{ created: number }>('/release/checklists', {
        facilityId: facilityId || undefined,
      });
      setCreated(res.created);
      lists.reload();
    } catch (e) {
      setPrepareError(e);
    } finally {
      setPreparing(false);
    }
  };
  const table = (rows: Checklist[], caption: string, testId: string) =>
    rows.length === 0 ? (
      <Paragraph>{t('release.none')}</Paragraph>
    ) : (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      <div className="table-scroll" tabIndex={0}>
        <Table border zebra data-testid={testId}>
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('release.col.person')}</Table.HeaderCell>
              <Table.HeaderCell>{t('release.col.facility')}</Table.HeaderCell>
              <Table.HeaderCell>{t('release.col.date')}</Table.HeaderCell>
              <Table.HeaderCell>{t('release.col.days')}</Table.HeaderCell>
              <Table.HeaderCell>{t('release.col.open')}</Table.HeaderCell>
              <Table.HeaderCell>{t('release.col.flagged')}</Table.HeaderCell>
              <Table.HeaderCell>{t('releaseDecision.col.decision')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <AppLink to={`/loslatelse/${c.id}`}>{c.person.name}</AppLink>
                </Table.Cell>
                <Table.Cell>{c.facility.name}</Table.Cell>
                <Table.Cell>{formatDate(c.releaseDate, locale)}</Table.Cell>
                <Table.Cell>{c.daysToRelease}</Table.Cell>
                <Table.Cell>{c.openItems}</Table.Cell>
                <Table.Cell>{c.flagged > 0 ? <Tag data-color="danger">{c.flagged}</Tag> : 0}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={c.decided ? 'success' : 'warning'}>
                    {t(c.decided ? 'releaseDecision.list.decided' : 'releaseDecision.list.missing')}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('release.title')}
      </Heading>
      <Paragraph>{t('release.intro', { days })}</Paragraph>
      <div className="form field-row">
        <SelectField label={t('release.facility')} value={facilityId} onChange={setFacilityId}>
          <option value="">{t('common.all')}</option>
          {facilities.data?.items.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
      </div>
      {lists.error !== undefined && <ErrorAlert error={lists.error} />}
      {lists.loading && !lists.data && <Loading />}
      {lists.data && (
        <>
          <Heading level={2} data-size="md">
            {t('release.upcomingHeading', { days })}
          </Heading>
          {table(lists.data.upcoming, t('release.upcomingHeading', { days }), 'release-upcoming')}
          <Heading level={2} data-size="md">
            {t('release.withoutHeading')}
          </Heading>
          {lists.data.withoutChecklist.length === 0 ? (
            <Paragraph>{t('release.withoutNone')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('release.withoutIntro', { n: lists.data.withoutChecklist.length })}</Paragraph>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
              <div className="table-scroll" tabIndex={0}>
                <Table border zebra data-testid="release-without">
                  <caption>{t('release.withoutHeading')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('release.col.person')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('release.col.facility')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('release.col.date')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('release.col.days')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {lists.data.withoutChecklist.map((m) => (
                      <Table.Row key={m.person.id}>
                        <Table.Cell>
                          <AppLink to={`/people/${m.person.id}`}>{m.person.name}</AppLink>
                        </Table.Cell>
                        <Table.Cell>{m.facility.name}</Table.Cell>
                        <Table.Cell>{formatDate(m.releaseDate, locale)}</Table.Cell>
                        <Table.Cell>{m.daysToRelease}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <Button type="button" onClick={prepare} disabled={preparing}>
                {t('release.prepare', { n: lists.data.withoutChecklist.length })}
              </Button>
            </>
          )}
          {prepareError !== undefined && <ErrorAlert error={prepareError} />}
          {created !== null && (
            <Alert data-color="success" role="status">
              {t('release.prepared', { n: created })}
            </Alert>
          )}
          <Heading level={2} data-size="md">
            {t('release.releasedHeading')}
          </Heading>
          {table(lists.data.releasedWithOpenItems, t('release.releasedHeading'), 'release-released')}
        </>
      )}
    </>
  );
}
