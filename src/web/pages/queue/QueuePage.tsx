import { Alert, Heading, Paragraph, Select } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { AgeGroup, Page, QueueItem } from '../../types.ts';
import { AdmitDialog } from './AdmitDialog.tsx';
import { PostponeDialog } from './PostponeDialog.tsx';
import { type QueueAction, QueueTable } from './QueueTable.tsx';
import { SummonsDialog } from './SummonsDialog.tsx';

const PAGE_SIZE = 20;
const AGE_GROUPS: AgeGroup[] = ['under18', 'under23', 'adult'];

export function QueuePage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('queue.title'));
  const [params, setParams] = useSearchParams();
  const ageGroup = AGE_GROUPS.find((group) => group === params.get('ageGroup')) ?? '';
  const summonedParam = params.get('summoned');
  const summoned = summonedParam === 'true' || summonedParam === 'false' ? summonedParam : '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const { data, error, loading, reload } = useApi(
    (signal) => api.get<Page<QueueItem>>('/queue', { page, pageSize: PAGE_SIZE, ageGroup, summoned }, signal),
    [page, ageGroup, summoned],
  );

  const [action, setAction] = useState<{ kind: QueueAction; item: QueueItem } | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (success) successRef.current?.focus();
  }, [success]);

  const setFilter = (name: 'ageGroup' | 'summoned', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };

  const goTo = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    setParams(next);
  };

  const done = (message: string) => {
    setAction(null);
    setSuccess(message);
    reload();
  };

  const close = () => setAction(null);

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('queue.title')}
      </Heading>
      <Paragraph>{t('queue.intro')}</Paragraph>
      {success && (
        <Alert data-color="success" role="status" ref={successRef} tabIndex={-1}>
          <Paragraph>{success}</Paragraph>
        </Alert>
      )}
      <fieldset className="filters">
        <legend className="ds-sr-only">{t('queue.filters')}</legend>
        <SelectField label={t('queue.ageGroup')} value={ageGroup} onChange={(v) => setFilter('ageGroup', v)}>
          <Select.Option value="">{t('common.all')}</Select.Option>
          {AGE_GROUPS.map((group) => (
            <Select.Option key={group} value={group}>
              {t(`ageGroup.${group}`)}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.summonedFilter')}
          value={summoned}
          onChange={(v) => setFilter('summoned', v)}
        >
          <Select.Option value="">{t('common.all')}</Select.Option>
          <Select.Option value="true">{t('common.yes')}</Select.Option>
          <Select.Option value="false">{t('common.no')}</Select.Option>
        </SelectField>
      </fieldset>
      {error !== undefined && <ErrorAlert error={error} />}
      {loading && <Loading />}
      {data && (
        <>
          <Paragraph role="status">
            {data.total === 0
              ? t('queue.empty')
              : t('queue.count', { count: formatNumber(data.total, locale) })}
          </Paragraph>
          {data.items.length > 0 && (
            <>
              <QueueTable items={data.items} onAction={(kind, item) => setAction({ kind, item })} />
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={goTo} />
            </>
          )}
        </>
      )}
      {action?.kind === 'summon' && <SummonsDialog item={action.item} onDone={done} onClose={close} />}
      {action?.kind === 'postpone' && <PostponeDialog item={action.item} onDone={done} onClose={close} />}
      {action?.kind === 'admit' && (
        <AdmitDialog item={action.item} onDone={done} onClose={close} onConflict={reload} />
      )}
    </>
  );
}
