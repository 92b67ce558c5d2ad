import { Tag } from '@digdir/designsystemet-react';
import { useT } from '../i18n/index.tsx';
import type { AgeGroup, SentenceStatus } from '../types.ts';

// Colour only supports the text: every tag says its status in words.
const statusColor: Record<SentenceStatus, string> = {
  queued: 'warning',
  summoned: 'info',
  postponed: 'neutral',
  admitted: 'success',
  transferred: 'info',
  interrupted: 'danger',
  released: 'neutral',
};

export function StatusTag({ status }: { status: SentenceStatus | null }) {
  const t = useT();
  if (!status) return <span>{t('status.none')}</span>;
  return <Tag data-color={statusColor[status]}>{t(`status.${status}`)}</Tag>;
}

const ageColor: Record<AgeGroup, string> = { under18: 'danger', under23: 'warning', adult: 'neutral' };

export function AgeGroupTag({ group }: { group: AgeGroup }) {
  const t = useT();
  return (
    <Tag data-color={ageColor[group]} variant="outline">
      {t(`ageTag.${group}`)}
    </Tag>
  );
}
