import { Heading } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AssessmentDetails } from './AssessmentDetails.tsx';
import type { Assessment } from './types.ts';

/** One assessment as it was made, also when it has been superseded: the history stays readable. */
export function AssessmentHistoryPage({ id }: { id: string }) {
  const { t } = useI18n();
  const data = useApi((signal) => api.get<Assessment>(`/assessments/${id}`, {}, signal), [id]);
  const a = data.data;
  const title = a ? `${t('assess.number')} ${a.number}` : t('assess.section');
  useDocumentTitle(title);
  return (
    <>
      {a && <AppLink to={`/vurdering/person/${a.personId}`}>{t('assess.section')}</AppLink>}
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {!a && data.loading && <Loading />}
      {a && <AssessmentDetails a={a} />}
    </>
  );
}
