import { Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { isIsoDate, todayInOslo } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Organisation, OrgNode } from '../../types.ts';
import { OrgNodeView } from './OrgNodeView.tsx';

export function OrganisationPage() {
  const { t } = useI18n();
  useDocumentTitle(t('org.title'));
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayInOslo();
  const valid = isIsoDate(asOf);

  const { data, error, loading } = useApi(
    valid ? (signal) => api.get<Organisation>('/organisation', { asOf }, signal) : null,
    [asOf, valid],
  );

  const onDate = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('asOf', value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('org.title')}
      </Heading>
      <div className="toolbar">
        <Textfield
          type="date"
          label={t('org.asOf')}
          description={t('org.asOfHelp')}
          value={asOf}
          onChange={(event) => onDate(event.target.value)}
          error={valid ? undefined : t('org.invalidDate')}
        />
      </div>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && <Loading />}
      {data && valid && (
        <>
          <Paragraph aria-live="polite">{summary(data.root, t)}</Paragraph>
          <OrgNodeView node={data.root} level={2} asOf={asOf} />
        </>
      )}
    </>
  );
}

function summary(root: OrgNode, t: ReturnType<typeof useI18n>['t']): string {
  let units = 0;
  let facilities = 0;
  const walk = (node: OrgNode) => {
    if (node !== root) units++;
    facilities += node.facilities.length;
    node.children.forEach(walk);
  };
  walk(root);
  return t('org.summary', { units, facilities });
}
