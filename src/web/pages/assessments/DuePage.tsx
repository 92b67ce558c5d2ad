import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { DueFilter, useDueFilter } from '../../components/DueFilter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { label } from './types.ts';

type Due = {
  today: string;
  until: string;
  facilities: { id: string; name: string }[];
  items: {
    assessmentId: string;
    number: number;
    person: { id: string; name: string };
    facility: { id: string; name: string } | null;
    occasion: string;
    assessedOn: string;
    reviewDate: string;
    overdue: boolean;
  }[];
};

/** Assessments due for review within N days, per facility in the caller's scope. */
export function DuePage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('assess.due.title'));
  const { draft, setDraft, filter, setFilter } = useDueFilter();
  const data = useApi(
    (signal) =>
      api.get<Due>(
        '/assessments/due',
        { facilityId: filter.facilityId || undefined, withinDays: filter.withinDays },
        signal,
      ),
    [filter.facilityId, filter.withinDays],
  );
  const d = data.data;
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('assess.due.title')}
      </Heading>
      <Paragraph>{t('assess.due.intro')}</Paragraph>
      <DueFilter
        labels={{
          facility: t('assess.due.facility'),
          within: t('assess.due.within'),
          show: t('assess.due.show'),
        }}
        facilities={d?.facilities}
        allLabel={t('common.all')}
        value={draft}
        onChange={setDraft}
        onApply={setFilter}
      />
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!d && data.loading && <Loading />}
      {d && d.items.length === 0 && <Paragraph>{t('assess.due.none')}</Paragraph>}
      {d && d.items.length > 0 && (
        <div className="table-scroll">
          <Table border zebra data-testid="assessments-due">
            <caption>{t('assess.due.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('assess.col.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.col.facility')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.occasion')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.col.assessed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assess.col.review')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.items.map((i) => (
                <Table.Row key={i.assessmentId}>
                  <Table.Cell>
                    <AppLink to={`/vurdering/person/${i.person.id}`}>{i.person.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{i.facility?.name ?? '–'}</Table.Cell>
                  <Table.Cell>{label(t, 'assess.occasion', i.occasion)}</Table.Cell>
                  <Table.Cell>{formatDate(i.assessedOn, locale)}</Table.Cell>
                  <Table.Cell>
                    {formatDate(i.reviewDate, locale)}{' '}
                    <Tag data-color={i.overdue ? 'danger' : 'info'}>
                      {i.overdue ? t('assess.due.overdue') : t('assess.due.upcoming')}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
